"""
Importing a WordPress export into DailyBeat (``manage.py import_wordpress``).

Two streaming passes over the file (wxr.py), so memory does not grow with it:

1. authors → authors, categories → sections (one level of subsections, as DailyBeat
   has; deeper ones are filed under their top-level ancestor), tags → tags, and
   attachments noted (their files are imported when a story uses them), and the
   posts counted for the progress bar;
2. posts → stories, each in its own transaction: a bad record is reported with its
   id and skipped, and what was imported stays imported.

Everything is keyed on its WordPress id (models.ImportedItem) with a fingerprint of
the record: a second run creates nothing twice and skips what did not change; an
interrupted run, run again, carries on. A story edited in DailyBeat since it was
imported is never overwritten. Every old address is recorded (models.OldAddress)
and answered with a 301 (middleware.py).
"""

import hashlib
import html
import json
import logging
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError, DataError, IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.html import plain_text
from articles.models import Article, Byline, Image
from authors.models import Author
from dailybeat import freshness
from dailybeat.progress import Progress
from sections.models import RESERVED_SLUGS, Section

from . import content, wxr
from .models import ImportedItem, OldAddress

Kind = ImportedItem.Kind
logger = logging.getLogger(__name__)
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # with its future time: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.REVIEW,
    "private": Article.Status.DRAFT,
}
UNCATEGORISED = ("uncategorized", "Uncategorized")
# How many examples of each kind of warning the report keeps (the counts are exact).
EXAMPLES = 50
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_CREDIT = re.compile(r's:6:"credit";s:\d+:"([^"]*)";')
_UPLOADS = "/wp-content/uploads/"


@dataclass
class Report:
    export: str
    dry_run: bool
    media_dir: str | None
    counts: Counter = field(default_factory=Counter)
    skipped: list = field(default_factory=list)  # {"kind", "id", "reason"}
    warnings: Counter = field(default_factory=Counter)  # message → how many
    examples: dict = field(default_factory=dict)  # message → [ids]
    not_imported: Counter = field(default_factory=Counter)  # post type → how many
    shortcodes_removed: Counter = field(default_factory=Counter)
    finished: bool = False

    def count(self, what):
        self.counts[what] += 1

    def skip(self, kind, ident, reason):
        self.counts[f"{kind}s skipped"] += 1
        self.skipped.append({"kind": kind, "id": ident, "reason": reason})

    def warn(self, message, ident):
        self.warnings[message] += 1
        examples = self.examples.setdefault(message, [])
        if len(examples) < EXAMPLES:
            examples.append(ident)

    def as_dict(self):
        return {
            "export": self.export,
            "dry_run": self.dry_run,
            "media_dir": self.media_dir,
            "finished": self.finished,
            "counts": dict(sorted(self.counts.items())),
            "skipped": self.skipped,
            "warnings": [
                {"warning": message, "times": times, "examples": self.examples[message]}
                for message, times in self.warnings.most_common()
            ],
            "not_imported": dict(self.not_imported),
            "shortcodes_removed": dict(self.shortcodes_removed.most_common()),
        }

    def summary(self):
        lines = [
            "Dry run: nothing was saved." if self.dry_run else "",
            "Posts: {imported} imported, {updated} updated, {unchanged} unchanged; "
            "{skipped} records skipped.".format(
                imported=self.counts["posts imported"],
                updated=self.counts["posts updated"],
                unchanged=self.counts["posts unchanged"],
                skipped=len(self.skipped),
            ),
        ]
        for kind in ("authors", "sections", "tags"):
            made, merged = (
                self.counts[f"{kind} created"],
                self.counts[f"{kind} matched"],
            )
            lines.append(
                f"{kind.capitalize()}: {made} created, {merged} matched to existing "
                "ones."
            )
        lines.append(
            f"Pictures: {self.counts['pictures imported']} imported, "
            f"{self.counts['pictures to fetch']} to fetch later (not in the media "
            "folder)."
        )
        if self.not_imported:
            kinds = ", ".join(f"{n} {kind}" for kind, n in self.not_imported.items())
            lines.append(f"Not stories, so not imported: {kinds}.")
        if self.shortcodes_removed:
            removed = ", ".join(
                f"[{name}] ×{n}" for name, n in self.shortcodes_removed.most_common()
            )
            lines.append(f"Shortcodes removed: {removed}.")
        for item in self.skipped[:EXAMPLES]:
            lines.append(f"Skipped {item['kind']} {item['id']}: {item['reason']}")
        if len(self.skipped) > EXAMPLES:
            lines.append(f"… and {len(self.skipped) - EXAMPLES} more skipped.")
        for message, times in self.warnings.most_common():
            examples = ", ".join(self.examples[message][:5])
            lines.append(f"Warning ×{times}: {message} (e.g. {examples})")
        return "\n".join(line for line in lines if line)


class Importer:
    def __init__(self, path, media_dir=None, dry_run=False, out=None, progress=True):
        self.path = Path(path)
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.dry_run = dry_run
        self.out = out
        self.show_progress = progress
        self.report = Report(
            export=str(path),
            dry_run=dry_run,
            media_dir=str(self.media_dir) if self.media_dir else None,
        )
        self.site = None
        # Looked up once per import, not once per post (a site has a few thousand
        # of these at most).
        self._authors = {}  # login → Author
        self._known_tags = {}  # lower-case name → Tag
        self._known_sections = {}  # WordPress category slug → Section
        self._pictures_seen = set()  # attachment ids (for the report's counts)

    # Running ---------------------------------------------------------------------

    def run(self):
        # Readers' caches are renewed every few seconds during the import, not
        # after each of its thousands of saves.
        with freshness.batched():
            if self.dry_run:
                with transaction.atomic():
                    self._run()
                    transaction.set_rollback(True)
            else:
                self._run()
        self.report.finished = True
        return self.report

    def _run(self):
        self._say("Reading authors, categories, tags and attachments…")
        categories, posts, dropped = [], 0, []
        for record in wxr.read(self.path, cleaned=dropped):
            if isinstance(record, wxr.Site):
                self.site = record
            elif isinstance(record, wxr.Author):
                self._guarded("author", record.login, self._author, record)
            elif isinstance(record, wxr.Category):
                categories.append(record)
            elif isinstance(record, wxr.Tag):
                self._guarded("tag", record.slug, self._tag, record)
            elif isinstance(record, wxr.Broken):
                self.report.skip(record.kind, record.ident, record.reason)
            elif record.post_type == "attachment":
                self._guarded("attachment", record.post_id, self._attachment, record)
            elif record.post_type == "post":
                posts += 1
            else:
                self.report.not_imported[record.post_type] += 1
        self._guarded("category", "(all)", self._categories, categories)
        if dropped and dropped[0]:
            # Characters XML forbids, pasted from word processors (wxr.py).
            self.report.counts["control characters dropped"] = dropped[0]

        self._say(f"Importing {posts:,} posts…")
        progress = Progress(posts, out=self.out, label="posts") if self.out else None
        done = 0
        for record in wxr.read(self.path):
            if isinstance(record, wxr.Item) and record.post_type == "post":
                self._guarded("post", record.post_id, self._post, record)
                done += 1
                if progress and self.show_progress:
                    progress.update(done)
        if progress and self.show_progress:
            progress.finish()

    def _guarded(self, kind, ident, work, record):
        """``work(record)`` in its own transaction: if it fails, the record is
        reported and skipped, and nothing of it is half-saved."""
        try:
            with transaction.atomic():
                work(record)
        except DatabaseError as error:
            if not isinstance(error, DataError | IntegrityError):
                raise  # the database itself (gone, not migrated): stop
            self._failed(kind, ident, error)
        except Exception as error:  # noqa: BLE001 (one record must not stop the rest)
            logger.warning("WordPress %s %s skipped", kind, ident, exc_info=True)
            self._failed(kind, ident, error)

    def _failed(self, kind, ident, error):
        self.report.skip(kind, ident, _reason(error))
        # What was looked up may have been made in the transaction just undone.
        self._authors.clear()
        self._known_tags.clear()
        self._known_sections.clear()

    def _say(self, message):
        if self.out:
            self.out.write(f"{message}\n")

    # Authors, sections and tags ---------------------------------------------------

    def _item(self, kind, wp_id, record):
        """(the ImportedItem for this record or None, its fingerprint, whether it
        changed). A post imported without the media folder changes when the folder
        is given: run again, its pictures are attached."""
        item = ImportedItem.objects.filter(kind=kind, wp_id=wp_id).first()
        media = "with media" if kind == Kind.POST and self.media_dir else ""
        fingerprint = _fingerprint(record, media)
        return item, fingerprint, item is None or item.fingerprint != fingerprint

    def _author(self, record):
        if not record.login:
            raise ValueError("the author has no login")
        item, fingerprint, changed = self._item(Kind.AUTHOR, record.login, record)
        name = (
            record.display_name
            or " ".join(filter(None, [record.first_name, record.last_name]))
            or record.login
        )
        nicename = wp_title_slug(record.login) or f"author-{_short_hash(record.login)}"
        if item is None:
            author = Author.objects.filter(slug=nicename).first()
            if author is None:
                # The WordPress account's email stays private: Author.email is shown
                # on the author page.
                author = Author(
                    name=name[:120], slug=nicename[:120], bio=_plain(record.bio)
                )
                author.full_clean()
                author.save()
                self.report.count("authors created")
            else:
                self.report.count("authors matched")
            item = ImportedItem(kind=Kind.AUTHOR, wp_id=record.login, author=author)
        elif changed and item.author:
            item.author.name = name[:120]
            item.author.bio = _plain(record.bio) or item.author.bio
            item.author.full_clean()
            item.author.save()
            self.report.count("authors updated")
        item.fingerprint = fingerprint
        item.save()
        _old_addresses(
            item, {f"/author/{nicename}/": "", f"/author/{nicename}/feed/": "feed/"}
        )
        self._authors[record.login] = item.author

    def _categories(self, records):
        by_slug = {record.slug: record for record in records if record.slug}
        for record in sorted(by_slug.values(), key=lambda r: _depth(r, by_slug)):
            self._guarded("category", record.slug, self._category, (record, by_slug))

    def _category(self, pair):
        record, by_slug = pair
        wp_id = _term_key(record.term_id, record.slug)
        item, fingerprint, changed = self._item(Kind.CATEGORY, wp_id, record)
        chain = _ancestors(record, by_slug)  # top-level first, without the record
        parent = None
        if chain:
            top = (
                ImportedItem.objects.filter(
                    kind=Kind.CATEGORY,
                    wp_id=_term_key(chain[0].term_id, chain[0].slug),
                )
                .select_related("section__parent")
                .first()
            )
            parent = top.section if top else None
            if parent is not None and parent.parent is not None:
                parent = parent.parent  # matched to a subsection of ours
            if len(chain) > 1:
                self.report.warn(
                    "category nested more than one level deep: filed under its "
                    "top-level section",
                    record.slug,
                )
        if item is None:
            section = self._section(record, parent)
            item = ImportedItem(kind=Kind.CATEGORY, wp_id=wp_id, section=section)
        elif changed and item.section:
            item.section.description = _plain(record.description) or (
                item.section.description
            )
            item.section.save()
        item.fingerprint = fingerprint
        item.save()
        wp_path = "/".join([*(c.slug for c in chain), record.slug])
        paths = {}
        for path in (f"/category/{wp_path}/", f"/category/{record.slug}/"):
            paths[unquote(path)] = ""
            paths[unquote(path) + "feed/"] = "feed/"
        _old_addresses(item, paths)

    def _section(self, record, parent):
        slug = _section_slug(record.slug)
        existing = Section.objects.filter(slug=slug).first()
        if existing is not None:
            self.report.count("sections matched")
            return existing
        name = record.name or record.slug
        if Section.objects.filter(name__iexact=name).exists():
            name = f"{name} ({parent.name})" if parent else f"{name} ({slug})"
        section = Section(
            name=name[:80],
            slug=slug,
            description=_plain(record.description),
            parent=parent,
            # A WordPress site can have hundreds of categories: an editor chooses
            # which of them the navigation shows.
            show_in_navigation=False,
        )
        section.full_clean()
        section.save()
        self.report.count("sections created")
        return section

    def _tag(self, record):
        wp_id = _term_key(record.term_id, record.slug)
        item, fingerprint, _changed = self._item(Kind.TAG, wp_id, record)
        if item is None:
            tag = self._find_or_make_tag(record.slug, record.name)
            item = ImportedItem(kind=Kind.TAG, wp_id=wp_id, tag=tag)
        item.fingerprint = fingerprint
        item.save()
        slug = unquote(record.slug)
        _old_addresses(item, {f"/tag/{slug}/": "", f"/tag/{slug}/feed/": "feed/"})
        return item.tag

    def _find_or_make_tag(self, slug, name):
        name = (name or unquote(slug)).strip()[:100]
        if not name:
            raise ValueError("the tag has neither a name nor a slug")
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is not None:
            self.report.count("tags matched")
            return tag
        ours = (
            slugify(unquote(slug), allow_unicode=True)[:100]
            or slugify(name, allow_unicode=True)[:100]
        )
        if not ours or Tag.objects.filter(slug=ours).exists():
            ours = f"{ours or 'tag'}-{_short_hash(name)}"[:100]
        tag = Tag.objects.create(name=name, slug=ours)
        self.report.count("tags created")
        return tag

    def _post_tag(self, slug, name):
        name = (name or unquote(slug)).strip()[:100]
        key = name.lower()
        if key not in self._known_tags:
            tag = Tag.objects.filter(name__iexact=name).first() if name else None
            self._known_tags[key] = tag or self._tag(
                wxr.Tag(term_id="", slug=slug or slugify(name), name=name)
            )
        return self._known_tags[key]

    # Attachments and pictures -----------------------------------------------------

    def _attachment(self, record):
        item, fingerprint, changed = self._item(Kind.ATTACHMENT, record.post_id, record)
        if item is not None and not changed:
            return
        file = record.meta.get("_wp_attached_file", "") or _uploads_path(
            record.attachment_url
        )
        credit = _CREDIT.search(record.meta.get("_wp_attachment_metadata", ""))
        item = item or ImportedItem(kind=Kind.ATTACHMENT, wp_id=record.post_id)
        item.fingerprint = fingerprint
        item.file_path = file[:500]
        item.data = {
            "url": record.attachment_url,
            "alt": html.unescape(record.meta.get("_wp_attachment_image_alt", "")),
            "caption": _plain(record.excerpt),
            "title": record.title,
            "credit": html.unescape(credit.group(1)) if credit else "",
            "fetch": item.image_id is None,
            # The post it was uploaded to: while that story is not published,
            # the picture's old address does not give it away.
            "parent": record.parent_id if record.parent_id not in ("", "0") else "",
        }
        item.save()
        if file:
            _old_addresses(item, {_UPLOADS + file: ""})

    def _picture(self, item):
        """The Image for attachment ``item``, imported from the media folder on
        first use; None (and the attachment left to fetch) when the file is not
        there."""
        if item.image is not None:
            return item.image
        path = self._media_file(item.file_path)
        first_use = item.wp_id not in self._pictures_seen
        self._pictures_seen.add(item.wp_id)
        if path is None:
            if first_use:
                self.report.count("pictures to fetch")
            return None
        if self.dry_run:
            if first_use:
                self.report.count("pictures imported")
            return None
        try:
            with path.open("rb") as handle:
                image = Image(
                    file=File(handle, name=path.name),
                    alt_text=item.data.get("alt", "")[:250],
                    caption=(item.data.get("caption") or "")[:300],
                    credit=(item.data.get("credit") or "")[:120],
                )
                image.full_clean()
                image.save()
        except (ValidationError, OSError) as error:
            self.report.warn(
                f"picture could not be imported ({_reason(error)})", item.wp_id
            )
            return None
        item.image = image
        item.data = {**item.data, "fetch": False}
        item.save(update_fields=["image", "data", "imported_at"])
        self.report.count("pictures imported")
        return image

    def _media_file(self, relative):
        if not self.media_dir or not relative:
            return None
        path = (self.media_dir / relative).resolve()
        if not path.is_relative_to(self.media_dir) or not path.is_file():
            return None
        return path

    def _from_old_site(self, url):
        """Whether the picture at ``url`` is the old site's own (or its copy on
        WordPress.com's image CDN, i0.wp.com/old.site/…), not another site's file
        that happens to have the same path."""
        host = (urlsplit(url).hostname or "").lower()
        base = (
            (urlsplit(self.site.base_url).hostname or "").lower() if self.site else ""
        )
        return not host or not base or host == base or host.endswith(".wp.com")

    def _attachment_for_url(self, url):
        file = _uploads_path(url)
        if not file:
            return None
        candidates = [file, _SIZE_SUFFIX.sub("", file)]
        candidates.append(re.sub(r"(\.\w+)$", r"-scaled\1", candidates[-1]))
        for candidate in candidates:
            item = (
                ImportedItem.objects.filter(kind=Kind.ATTACHMENT, file_path=candidate)
                .select_related("image")
                .first()
            )
            if item is not None:
                return item
        return None

    def _inline_picture(self, url):
        if not self._from_old_site(url):
            return None
        item = self._attachment_for_url(url)
        image = self._picture(item) if item else None
        return image.file.url if image else None

    # Posts ------------------------------------------------------------------------

    def _post(self, record):
        status = STATUSES.get(record.status)
        if status is None:
            self.report.skip("post", record.post_id, f"status “{record.status}”")
            return
        item, fingerprint, changed = self._item(Kind.POST, record.post_id, record)
        article = item.article if item else None
        if item is not None and article is not None and not changed:
            self.report.count("posts unchanged")
            return
        if article is not None and article.updated_at > item.imported_at + timedelta(
            seconds=5
        ):
            self.report.warn(
                "edited in DailyBeat since it was imported: not overwritten",
                record.post_id,
            )
            self.report.count("posts unchanged")
            return
        creating = article is None
        article = article or Article()
        body = content.convert(record.content, picture=self._inline_picture)
        self.report.shortcodes_removed.update(body.removed)
        for url in body.missing_pictures:
            self.report.warn(
                "picture in the text not found in the media folder: kept as a link "
                "to its old address",
                f"{record.post_id} ({url})",
            )
        if record.status == "private":
            self.report.warn("private post imported as a draft", record.post_id)
        if record.password and status == Article.Status.PUBLISHED:
            # Readers needed a password for it: it is not made public here.
            status = Article.Status.DRAFT
            self.report.warn(
                "password-protected post imported as a draft", record.post_id
            )

        article.headline = record.title.strip()[:300] or f"Untitled ({record.post_id})"
        if not record.title.strip():
            self.report.warn("post without a title", record.post_id)
        article.slug = self._slug(record, article)
        article.standfirst = _plain(record.excerpt)
        limit = Article._meta.get_field("standfirst").max_length
        if len(article.standfirst) > limit:
            article.standfirst = article.standfirst[: limit - 1].rsplit(" ", 1)[0] + "…"
            self.report.warn(
                "excerpt too long for a standfirst: shortened", record.post_id
            )
        article.body = body.html
        article.section = self._section_for(record)
        article.status = status
        published = record.date_gmt or record.date_local
        if status == Article.Status.PUBLISHED and published is None:
            published = record.modified_gmt or timezone.now()
            self.report.warn(
                "published post without a date: given its modified date", record.post_id
            )
        article.published_at = published if status == Article.Status.PUBLISHED else None
        article.hero_image = self._hero(record)
        article.save()
        self._byline(article, record)
        self._tags(article, record)
        # The story's "Updated" time is WordPress's modified time, when later.
        revised = record.modified_gmt
        if not (published and revised and revised > published + timedelta(minutes=1)):
            revised = None
        Article.objects.filter(pk=article.pk).update(revised_at=revised)

        item = item or ImportedItem(kind=Kind.POST, wp_id=record.post_id)
        item.article = article
        item.fingerprint = fingerprint
        item.save()
        _old_addresses(item, dict.fromkeys(self._post_paths(record), ""))
        self.report.count("posts imported" if creating else "posts updated")

    def _slug(self, record, article):
        slug = slugify(unquote(record.slug)) or slugify(record.title)
        slug = (slug or f"post-{record.post_id}")[:120].strip("-")
        taken = Article.objects.filter(slug=slug).exclude(pk=article.pk).exists()
        if taken:
            slug = f"{slug[: 119 - len(record.post_id)]}-{record.post_id}"
        return slug

    def _section_for(self, record):
        primary = record.meta.get("_yoast_wpseo_primary_category") or record.meta.get(
            "rank_math_primary_category"
        )
        if primary and primary.strip().isdigit():
            item = (
                ImportedItem.objects.filter(kind=Kind.CATEGORY, wp_id=primary.strip())
                .select_related("section")
                .first()
            )
            if item is not None and item.section is not None:
                return item.section  # the one the SEO plugin calls primary
        slug = (record.categories or [UNCATEGORISED])[0][0]
        if slug not in self._known_sections:
            section = Section.objects.filter(slug=_section_slug(slug)).first()
            if section is None:
                # A category the export did not declare: made as the channel's are.
                name = (record.categories or [UNCATEGORISED])[0][1]
                category = wxr.Category(
                    term_id="", slug=slug, name=name, parent_slug="", description=""
                )
                self._category((category, {slug: category}))
                section = Section.objects.get(slug=_section_slug(slug))
            self._known_sections[slug] = section
        return self._known_sections[slug]

    def _hero(self, record):
        thumbnail = record.meta.get("_thumbnail_id", "").strip()
        if not thumbnail:
            return None
        item = (
            ImportedItem.objects.filter(kind=Kind.ATTACHMENT, wp_id=thumbnail)
            .select_related("image")
            .first()
        )
        if item is None:
            self.report.warn("featured image not in the export", record.post_id)
            return None
        return self._picture(item)

    def _byline(self, article, record):
        """The post's author, or its co-authors in order (Co-Authors Plus,
        PublishPress Authors)."""
        if record.coauthors:
            authors = [self._author_by_nicename(n, record) for n in record.coauthors]
        else:
            authors = [self._author_by_login(record.creator, record)]
        Byline.objects.filter(article=article).delete()
        kept = dict.fromkeys(a for a in authors if a is not None)
        for position, author in enumerate(kept, start=1):
            Byline.objects.create(article=article, author=author, position=position)

    def _author_by_login(self, login, record):
        if not login:
            return None
        if login not in self._authors:
            item = (
                ImportedItem.objects.filter(kind=Kind.AUTHOR, wp_id=login)
                .select_related("author")
                .first()
            )
            if item is None or item.author is None:
                self.report.warn(
                    "author not declared in the export: added", record.post_id
                )
                self._author(_undeclared_author(login))
            else:
                self._authors[login] = item.author
        return self._authors[login]

    def _author_by_nicename(self, nicename, record):
        author = Author.objects.filter(slug=wp_title_slug(nicename)).first()
        return author or self._author_by_login(nicename, record)

    def _tags(self, article, record):
        tags = [
            self._post_tag(slug, name) for slug, name in record.tags if slug or name
        ]
        # Further categories become tags: the story can live in one section only.
        tags += [
            self._post_tag(slugify(name), name) for _slug, name in record.categories[1:]
        ]
        article.tags.set([tag for tag in tags if tag is not None])

    def _post_paths(self, record):
        paths = {f"/?p={record.post_id}"}
        if record.link:
            path = urlsplit(record.link).path
            if path and path != "/":
                paths.add(unquote(path))
        when = record.date_local or record.date_gmt
        if when:
            for slug in filter(None, [record.slug, *record.old_slugs]):
                paths.add(f"/{when:%Y/%m/%d}/{unquote(slug)}/")
        return paths


# Helpers ------------------------------------------------------------------------


def _fingerprint(record, extra=""):
    """A hash of what the record says (not where it is in the file)."""
    fields = asdict(record)
    fields.pop("position", None)
    data = json.dumps([fields, extra], default=str, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def _undeclared_author(login):
    return wxr.Author(
        login=login, email="", display_name="", first_name="", last_name="", bio=""
    )


def _term_key(term_id, slug):
    """A term's key: its id; for one the export did not declare, its slug (kept
    apart from ids: a slug may be "2024")."""
    return term_id or f"slug:{slug}"


def _short_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()[:6]


def _reason(error):
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(
                f"{name}: {' '.join(messages)}"
                for name, messages in error.message_dict.items()
            )
        return " ".join(error.messages)
    return str(error) or error.__class__.__name__


def _plain(text):
    """WordPress's stored HTML (an excerpt, a description) as plain text."""
    return plain_text(html.unescape(re.sub(r"<[^>]*>", " ", text or "")))


def wp_title_slug(text):
    """WordPress's sanitize_title for ASCII text (logins, nicenames): lower case,
    dots and spaces to hyphens, other punctuation dropped."""
    text = re.sub(r"[.\s]+", "-", (text or "").strip().lower())
    text = re.sub(r"[^a-z0-9_-]", "", text)
    return re.sub(r"-+", "-", text).strip("-")


def _section_slug(wp_slug):
    slug = slugify(unquote(wp_slug))[:80] or f"section-{_short_hash(wp_slug)}"
    return f"{slug[:72]}-section" if slug in RESERVED_SLUGS else slug


def _ancestors(record, by_slug):
    chain, seen, parent = [], {record.slug}, record.parent_slug
    while parent and parent in by_slug and parent not in seen:
        seen.add(parent)
        chain.insert(0, by_slug[parent])
        parent = by_slug[parent].parent_slug
    return chain


def _depth(record, by_slug):
    return len(_ancestors(record, by_slug))


def _uploads_path(url):
    path = unquote(urlsplit(url or "").path)
    if _UPLOADS in path:
        return path.split(_UPLOADS, 1)[1]
    return PurePosixPath(path).name if path else ""


def _old_addresses(item, paths):
    """Record ``paths`` ({path: suffix}) of the old site as leading to ``item``'s
    new address (one statement; a path already recorded now leads here)."""
    OldAddress.objects.bulk_create(
        [
            OldAddress(path=path, item=item, suffix=suffix)
            for path, suffix in paths.items()
            if len(path) <= 500
        ],
        update_conflicts=True,
        unique_fields=["path"],
        update_fields=["item", "suffix"],
    )
