"""Load the demo newsroom: sections, authors, stories with pictures, a demo editor.

Idempotent: everything is keyed by its slug (or username) and only what is missing
is created, so running it twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts import roles
from authors.models import Author
from sections.models import Section

from .. import revisions
from ..models import Article, Byline, Image
from . import content, images

DEMO_PASSWORD = "spread-the-love-2026"
# The demo newsroom's accounts, one per role: (username, first name, role).
DEMO_USERS = (
    ("editor", "Demo Editor", roles.EDITOR),
    ("writer", "Demo Writer", roles.WRITER),
    ("admin", "Demo Administrator", roles.ADMINISTRATOR),
)
PORTRAIT_COLOURS = ("#3a4a5c", "#7a3b2e", "#2e5e4e", "#5b3f7a", "#6b5a1f", "#1f5b6b")


@dataclass
class Report:
    created: dict = field(default_factory=dict)

    def count(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1


def load(now=None, progress=None, create_editor=None):
    """Create whatever demo content is missing; return a Report of what was made.

    ``progress`` is called with (done, total) as stories are processed.
    ``create_editor`` defaults to settings.DEBUG: the demo accounts, with their
    published password, never exist on a production site.
    """
    now = now or timezone.now()
    if create_editor is None:
        create_editor = settings.DEBUG
    report = Report()
    with transaction.atomic():
        sections = _load_sections(report)
        authors = _load_authors(report)
        total = len(content.STORIES)
        for done, story in enumerate(content.STORIES, start=1):
            _load_story(story, sections, authors, now, report)
            if progress:
                progress(done, total)
        if create_editor:
            _load_users(report)
    return report


def _load_sections(report):
    sections = {}
    # Parents first, so that subsections can point at them.
    for data in sorted(content.SECTIONS, key=lambda s: s["parent"] is not None):
        section, created = Section.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "position": data["position"],
                "parent": sections.get(data["parent"]),
            },
        )
        if created:
            report.count("sections")
        sections[section.slug] = section
    return sections


def _load_authors(report):
    authors = {}
    for index, data in enumerate(content.AUTHORS):
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            author = Author(
                slug=data["slug"],
                **{
                    key: data[key]
                    for key in ("name", "role", "bio", "x_handle", "linkedin_url")
                },
                email=data["email"],
            )
            author.full_clean()
            colour = PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)]
            # Through Author.save(), as an upload: cleaned, with renditions.
            author.photo = ContentFile(
                images.portrait(author.name, colour), name=f"{author.slug}.jpg"
            )
            author.save()
            report.count("authors")
        authors[author.slug] = author
    return authors


def _load_story(data, sections, authors, now, report):
    if Article.objects.filter(slug=data["slug"]).exists():
        return
    published_at = now - timedelta(hours=data["hours_ago"])
    article = Article(
        headline=data["headline"],
        slug=data["slug"],
        standfirst=data["standfirst"],
        body=data["body"],
        section=sections[data["section"]],
        credit_line=data["credit_line"],
        dateline=data["dateline"],
    )
    article.publish(at=published_at)
    # The demo goes through the same validation as an editor's work.
    article.full_clean(exclude=["hero_image"])
    article.hero_image = _hero_image(data)
    with revisions.story_revision(None, "Demo content."):
        article.save()
        Byline.objects.bulk_create(
            Byline(article=article, author=authors[slug], position=position)
            for position, slug in enumerate(data["authors"], start=1)
        )
        article.tags.add(*data["tags"])
        revisions.record(article)
    # Demo stories were last touched when published, or when their update came.
    hours = data["updated_hours_after"]
    revised_at = min(now, published_at + timedelta(hours=hours)) if hours else None
    Article.objects.filter(pk=article.pk).update(
        created_at=published_at,
        updated_at=revised_at or published_at,
        revised_at=revised_at,
    )
    report.count("stories")


def _hero_image(data):
    hero = data["hero"]
    if not hero:
        return None
    picture = images.illustration(hero["colour"], hero["motif"], seed=data["slug"])
    image = Image(
        file=ContentFile(picture, name=f"{data['slug']}.jpg"),
        alt_text=hero["alt"],
        caption=hero["caption"],
        credit=hero["credit"],
    )
    image.full_clean()
    image.save()  # checked, cleaned and given its renditions like any upload
    return image


def _load_users(report):
    User = get_user_model()
    for username, name, role in DEMO_USERS:
        first, last = name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@dailybeat.example",
                "is_staff": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role))
            report.count("demo accounts")


def demo_users_exist():
    return get_user_model().objects.filter(username=DEMO_USERS[0][0]).exists()
