import operator
import uuid
from datetime import timedelta
from functools import reduce
from pathlib import PurePosixPath

import reversion
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core import signing
from django.db import models, transaction
from django.db.models import Count, F, Prefetch, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Mod
from django.db.models.lookups import Exact
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from authors.models import Author
from sections.models import Section

from . import imaging
from .html import clean_body, plain_text, single_line

PREVIEW_SALT = "articles.preview-link"

# Changes within this long of publishing (a typo fixed at once) are not "updates".
UPDATE_GRACE = timedelta(minutes=5)
# Typed on one line; cleaned of control characters and stray white space on save.
ONE_LINE_FIELDS = (
    "headline",
    "seo_title",
    "seo_description",
    "dateline",
    "credit_line",
)
# Related stories are found among this many of the newest stories of each tag.
RELATED_POOL = 100
# What readers see of a story; changing it after publication makes an "update".
READER_FIELDS = ("headline", "standfirst", "body")


def image_upload_to(instance, filename):
    """Store images under unguessable names, keeping only the extension."""
    suffix = PurePosixPath(filename).suffix.lower()[:5]
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Image(models.Model):
    """A picture in the media library: a story's hero image, or inline in a body.

    Whatever the way in, the file is checked and cleaned (articles/imaging.py) when
    it is saved, and its renditions are made then, once.
    """

    file = models.ImageField(
        _("file"),
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
        validators=[imaging.validate],
        help_text=_(
            "A JPEG, PNG, WebP or GIF, up to 20 MB and 50 megapixels. Its location "
            "and camera details are removed when it is saved."
        ),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    # In bytes, for feed enclosures (asking the storage each time would be a request
    # to S3 per feed item).
    file_size = models.PositiveIntegerField(editable=False, null=True)
    # The widths of the renditions made (articles/imaging.py), WebP and JPEG each.
    rendition_widths = models.JSONField(editable=False, default=list)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Describe, don't "
            "caption: “Rescue workers carry a boat through a flooded street”. "
            "Required before a story with this picture can be published."
        ),
    )
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Shown under the image.")
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Photographer or agency, e.g. “DailyBeat Photo” or “Reuters”."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or self.alt_text or PurePosixPath(self.file.name).name

    def save(self, *args, **kwargs):
        new_file = bool(self.file) and not self.file._committed
        if new_file:
            content, result = imaging.cleaned_file(self.file)
            self.file = content  # stored under a new, unguessable name
            self.file_size = len(result.content)
        if not new_file:
            super().save(*args, **kwargs)
        else:
            imaging.save_with_renditions(
                self,
                "file",
                "rendition_widths",
                lambda: super(Image, self).save(*args, **kwargs),
            )
            self._forget_replaced_file()
        self._loaded_file = (self.file.name, list(self.rendition_widths))

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        loaded = dict(zip(field_names, values, strict=True))
        instance._loaded_file = (loaded.get("file"), loaded.get("rendition_widths"))
        return instance

    @property
    def mime_type(self):
        suffix = PurePosixPath(self.file.name).suffix.lower()
        return imaging.MIME_TYPES.get(suffix, "application/octet-stream")

    def rendition_url(self, width, extension):
        return imaging.rendition_url(self.file, width, extension)

    def srcset(self, extension):
        return imaging.srcset(self.file, self.rendition_widths, extension)

    def rendition_height(self, width):
        if not (self.width and self.height):
            return None
        return round(self.height * width / self.width)

    def share_rendition(self):
        """(url, width, height) of the JPEG for social networks: 1200 wide, or the
        widest there is."""
        if not self.rendition_widths:
            return self.file.url, self.width, self.height
        fitting = [w for w in self.rendition_widths if w <= imaging.SHARE_WIDTH]
        width = max(fitting or self.rendition_widths)
        return self.rendition_url(width, "jpg"), width, self.rendition_height(width)

    def _forget_replaced_file(self):
        """When an image's file is replaced, its old file and renditions go (once the
        save is committed), unless another image or a story's body still uses it."""
        old_name, old_widths = getattr(self, "_loaded_file", (None, None))
        if not old_name or old_name == self.file.name:
            return
        if Image.objects.filter(file=old_name).exclude(pk=self.pk).exists():
            return
        if Article.objects.filter(body__contains=old_name).exists():
            return  # a story's body still shows the old picture
        transaction.on_commit(lambda: imaging.delete_files(old_name, old_widths))

    def uses(self):
        """The stories that show this picture: as hero image, or in their body."""
        return Article.objects.filter(
            Q(hero_image=self) | Q(body__contains=self.file.name)
        ).distinct()


class LiveLinkQuerySet(models.QuerySet):
    """Bylines and story–tag links, which carry their story's live time."""

    def live(self):
        """The links of stories readers may see now: live_at is set only while a
        story is published, and a scheduled one's is in the future."""
        return self.filter(live_at__lte=timezone.now())


def live_links_index(owner, story, name):
    """An index of links by owner (author, tag), newest live story first."""
    return models.Index(
        F(owner),
        F("live_at").desc(),
        F(story).desc(),
        name=name,
        condition=Q(live_at__isnull=False),
    )


class Byline(models.Model):
    """One author of a story, at a place in the byline."""

    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        blank=True,
        help_text=_("1 comes first. Left empty: the order the rows are in."),
    )
    # The story's publish time while it is published, NULL otherwise. PostgreSQL
    # keeps it (triggers from migration 0014: on every byline written, and when a
    # story is inserted or its live time changes, however it is saved), so that an
    # author's page walks the index below, newest first, instead of reading and
    # sorting every story the author ever wrote. A byline already in memory keeps
    # the value it was loaded with: read it again to see the database's.
    live_at = models.DateTimeField(null=True, editable=False)

    objects = LiveLinkQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="byline_author_once_per_story"
            ),
        ]
        indexes = [live_links_index("author", "article", "byline_author_live_idx")]

    def __str__(self):
        return str(self.author)


class TaggedArticle(TaggedItemBase):
    """The story–tag link, with a real foreign key (indexed, joinable) to the story."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    # The story's publish time while it is published, as on Byline (kept by
    # PostgreSQL, migration 0014), for a tag's page.
    live_at = models.DateTimeField(null=True, editable=False)

    objects = LiveLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("tagged story")
        verbose_name_plural = _("tagged stories")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tag_once_per_story"
            ),
        ]
        indexes = [
            # A tag's links by story: counting the tags a related story shares
            # with this one (Article.related).
            models.Index(fields=["tag", "-content_object"], name="tagged_newest_first"),
            # A tag's page, newest first: as Byline's.
            live_links_index("tag", "content_object", "tagged_live_idx"),
        ]


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """The one definition of what readers may see: published, and not in the
        future (``now``, by default the present).

        The links' live time (TaggedArticle.live_at, Byline.live_at) repeats this
        rule for the pages that walk links instead of stories (tags, authors,
        related stories: LiveLinkQuerySet.live, _sharing_most_tags): a change
        here must reach their triggers too (migration 0014)."""
        return self.filter(
            status=Article.Status.PUBLISHED,
            published_at__lte=timezone.now() if now is None else now,
        )

    def with_related(self):
        """Everything a story card shows, in a fixed number of queries."""
        return self.select_related(
            "section", "section__parent", "hero_image"
        ).prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def cards(self):
        """Story cards for listings: what ``with_related()`` gives, without the
        body, which no card shows and which is most of a story row's size."""
        return self.with_related().defer("body")

    def tagged(self, tag):
        """Live stories with ``tag``, newest first, from the index of (tag, live
        time): for readers' pages, as ``by_author()``."""
        return self.filter(
            tagged_items__tag=tag, tagged_items__live_at__lte=timezone.now()
        ).order_by("-tagged_items__live_at", "-tagged_items__content_object_id")

    def by_author(self, author):
        """Live stories with ``author`` in their byline, newest first: read from
        the byline index of (author, live time), so that the newest twenty of an
        author's thousands of stories are found without sorting them all. For
        readers' pages: drafts and scheduled stories are left out, and the order
        replaces any earlier one."""
        return self.filter(
            bylines__author=author, bylines__live_at__lte=timezone.now()
        ).order_by("-bylines__live_at", "-bylines__article_id")

    def next_change_after(self, now):
        """When the site next changes by the clock alone: the next scheduled story
        going live, or the next breaking-news banner ending (two indexed lookups)."""
        going_live = (
            self.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        banner_ends = (
            self.filter(breaking_until__gt=now)
            .order_by("breaking_until")
            .values_list("breaking_until", flat=True)
            .first()
        )
        moments = [moment for moment in (going_live, banner_ends) if moment]
        return min(moments) if moments else None

    def breaking(self):
        """The live story with a breaking-news banner running now, if any."""
        return (
            self.published()
            .filter(breaking_until__gt=timezone.now())
            .select_related("section")
            .defer("body")  # the banner shows the headline
            .order_by("-published_at")
            .first()
        )


# The index of the stories' word pairs comes in parts, a story in part
# mod(id, PAIR_PARTS): PostgreSQL before 18 builds a GIN index on one core, and
# parts build side by side (docs/architecture.md). A query reaches them all by
# asking for any part (articles/search.py, any_pair_part). Migration 0018 gives
# PostgreSQL statistics of mod(id, 3), so that it knows each part is a third.
PAIR_PARTS = 3
PAIR_INDEX_NAMES = [f"article_pair_{part}_idx" for part in range(PAIR_PARTS)]


def pair_part(part):
    """The stories in the word-pair index's part ``part``."""
    return Q(Exact(Mod("id", PAIR_PARTS), part))


def any_pair_part():
    """True of every story, written so that PostgreSQL reads all the parts of the
    word-pair index together (a BitmapOr): no partial index serves a query whose
    condition does not imply its own. (The planner must see the numbers, as it
    does with psycopg2, which puts them in the SQL; a generic plan of a prepared
    statement, with parameters bound on the server, would use no part.)"""
    return reduce(operator.or_, map(pair_part, range(PAIR_PARTS)))


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search columns are large and only search reads them (articles/search.py).
        return super().get_queryset().defer("search_vector", "word_pairs")


class Article(models.Model):
    """A story: one piece of journalism with one URL."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_(
            "The last part of the story's address, from the headline. Keep it once "
            "the story is published: links to it are out in the world."
        ),
    )
    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        blank=True,
        help_text=_(
            "One or two sentences under the headline; also the summary in listings, "
            "feeds and search engines."
        ),
    )
    body = models.TextField(_("body"), blank=True)
    seo_title = models.CharField(
        _("SEO title"),
        max_length=70,
        blank=True,
        help_text=_(
            "Optional: a shorter, keyword-led headline for search engines and the "
            "browser tab. The headline is used when empty."
        ),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=160,
        blank=True,
        help_text=_(
            "Optional: the summary search engines and social networks show. The "
            "standfirst is used when empty."
        ),
    )
    in_news_sitemap = models.BooleanField(
        _("in Google News sitemap"),
        default=True,
        help_text=_(
            "Untick to keep this story out of the news sitemap (for example a "
            "sponsored or minor item): Google ranks a site's news by what it lists."
        ),
    )
    # What search reads, kept by PostgreSQL from the text (the trigger of migration
    # 0016, on every insert and on every update that changes the text, however it
    # is made): whatever Django sends for them is ignored, and dumps leave them out.
    #   search_vector: setweight(to_tsvector('english', headline), 'A') || the
    #   standfirst ('B') || the body ('C'); PostgreSQL's parser skips HTML tags.
    search_vector = SearchVectorField(
        null=True, blank=True, editable=False, serialize=False
    )
    #   word_pairs: a hash of each pair of neighbouring words in it ("monsoon
    #   session"), for quoted phrases (articles/search.py, article_pair_hash).
    word_pairs = ArrayField(
        models.IntegerField(), null=True, blank=True, editable=False, serialize=False
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through=Byline,
        related_name="articles",
        blank=True,
    )
    credit_line = models.CharField(
        _("credit line"),
        max_length=200,
        blank=True,
        help_text=_(
            "For bylines that are not authors with pages: “With inputs from "
            "agencies”, “Reported by X; translated by Y”."
        ),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=60,
        blank=True,
        help_text=_("Where the story was filed from, e.g. NEW DELHI."),
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        through=TaggedArticle,
        blank=True,
        help_text=_("Topics across sections, comma separated: Iran, Budget 2026."),
    )
    hero_image = models.ForeignKey(
        Image,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hero_of",
        help_text=_("The picture at the top. Its alt text, caption and credit show."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        editable=False,
        help_text=_("Changed by the workflow's actions: submit, publish, unpublish."),
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the story is published. To schedule, enter a future time and "
            "press “Schedule”: the story goes live by itself at that time."
        ),
    )
    # When readers could first see the story (kept after it is unpublished or
    # returned to draft): a story once seen keeps its old addresses and its
    # corrections, and is never deleted. In the future while it is only scheduled.
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    breaking_until = models.DateTimeField(
        _("breaking news until"),
        null=True,
        blank=True,
        help_text=_(
            "While this time is ahead and the story is live, a “Breaking” banner "
            "across the site links to it. Clear it to end the banner."
        ),
    )
    revised_at = models.DateTimeField(
        _("updated for readers"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The “Updated” time readers see: set when the headline, standfirst or "
            "body of a live story changes."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Incremented by every save: two people editing the same story cannot silently
    # overwrite each other (see ArticleAdminForm.clean).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish stories")),
            ("edit_any_article", _("Can edit stories of other writers")),
        ]
        indexes = [
            # Listings of published stories: home, section, feeds. The id and the
            # section are in the index, so that a deep page of a section finds its
            # stories on the index alone (dailybeat.pagination.DeferredJoinPaginator).
            models.Index(
                fields=["-published_at", "-id"],
                include=["section"],
                condition=Q(status="published"),
                name="article_live_idx",
            ),
            models.Index(
                fields=["section", "-published_at"],
                condition=Q(status="published"),
                name="article_section_published_idx",
            ),
            GinIndex(fields=["search_vector"], name="article_search_idx"),
            # Quoted phrases: the pairs of adjacent words, in parts (pair_part).
            *(
                GinIndex(fields=["word_pairs"], condition=pair_part(part), name=name)
                for part, name in enumerate(PAIR_INDEX_NAMES)
            ),
            # The newsroom's list, newest first, drafts (no time yet) on top.
            models.Index(fields=["-published_at", "-id"], name="article_newsroom_idx"),
            # When the next breaking-news banner ends (dailybeat/freshness.py).
            models.Index(
                fields=["breaking_until"],
                condition=Q(breaking_until__isnull=False),
                name="article_breaking_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        for name in ONE_LINE_FIELDS:
            setattr(self, name, single_line(getattr(self, name)))
        self.standfirst = plain_text(self.standfirst)
        self.body = clean_body(self.body)
        if self._is_reader_visible_change():
            self.revised_at = timezone.now()
        self._note_first_publication()
        if self.pk is not None and not self._state.adding:
            self.version += 1
            if update_fields := kwargs.get("update_fields"):
                derived = {"version", "updated_at", "revised_at", "first_published_at"}
                kwargs["update_fields"] = {*update_fields, *derived}
        old_slug = getattr(self, "_loaded", {}).get("slug")
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            self._keep_old_address(old_slug)
        # What this instance holds (not a deferred column: reading one here would
        # cost a query of its own, the search columns two large ones).
        self._loaded = {
            field.attname: self.__dict__[field.attname]
            for field in self._meta.fields
            if field.attname in self.__dict__
        }

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs=self.address())

    def address(self):
        """The parts of the story's address (articles:detail's arguments)."""
        when = timezone.localtime(self.published_at or self.created_at)
        return {
            "section": self.section.slug,
            "year": when.year,
            "month": when.month,
            "day": when.day,
            "slug": self.slug,
        }

    @classmethod
    def from_db(cls, db, field_names, values):
        # Remember what was loaded, so that save() can tell what changed.
        instance = super().from_db(db, field_names, values)
        instance._loaded = dict(zip(field_names, values, strict=True))
        return instance

    def clean(self):
        # Publishing without a time means publishing now.
        if self.status == self.Status.PUBLISHED:
            self.publish(at=self.published_at)

    @property
    def is_published(self):
        """Whether readers may see the story; agrees with ``published()``."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def was_updated(self):
        """Whether readers should see an “Updated” time."""
        return (
            self.revised_at is not None
            and self.published_at is not None
            and (self.revised_at - self.published_at > UPDATE_GRACE)
        )

    def _is_reader_visible_change(self):
        """Whether this save changes what readers of a live story see."""
        loaded = getattr(self, "_loaded", None)
        if not loaded or loaded.get("status") != self.Status.PUBLISHED:
            return False
        was_live_since = loaded.get("published_at")
        if was_live_since is None or was_live_since > timezone.now():
            return False
        return any(
            name in loaded and loaded[name] != getattr(self, name)
            for name in READER_FIELDS
        )

    @property
    def byline_authors(self):
        """The authors in byline order (uses the bylines prefetched by
        ``with_related``)."""
        return [byline.author for byline in self.bylines.all()]

    def _note_first_publication(self):
        """Keep ``first_published_at``: the first moment readers could see the
        story. A time still to come (a schedule) is forgotten when the schedule
        is, and follows it when it moves."""
        now = timezone.now()
        if self.first_published_at and self.first_published_at > now:
            self.first_published_at = None
        loaded = getattr(self, "_loaded", {})
        was_live = (
            loaded.get("status") == self.Status.PUBLISHED
            and loaded.get("published_at") is not None
            and loaded["published_at"] <= now
        )
        if was_live and self.first_published_at is None:
            # Live until this save, with no record of it (a row written in bulk).
            self.first_published_at = loaded["published_at"]
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = self.published_at

    @property
    def was_ever_published(self):
        """Whether readers may have seen the story (its address is out there),
        whatever its state now: returning an unpublished story to draft does not
        make the world forget it."""
        now = timezone.now()
        if self.first_published_at is not None and self.first_published_at <= now:
            return True
        return self.status in (self.Status.PUBLISHED, self.Status.UNPUBLISHED) and (
            self.published_at is not None and self.published_at <= now
        )

    def publishing_problems(self):
        """What stops this story from being published, as messages for editors."""
        problems = []
        if not (self.credit_line or self.bylines.exists()):
            problems.append(
                _(
                    "It needs a byline: add an author, or write a credit line such as "
                    "“With inputs from agencies”."
                )
            )
        if self.hero_image_id and not self.hero_image.alt_text.strip():
            problems.append(
                _(
                    "Its hero image needs alt text (what the picture shows, for "
                    "readers who cannot see it): edit the image and add it."
                )
            )
        return problems

    # The workflow's moves. Each sets the fields that go together; who may make a
    # move, and the record of it, are in articles/workflow.py.

    def submit_for_review(self):
        self.status = self.Status.REVIEW

    def return_to_draft(self):
        self.status = self.Status.DRAFT

    def publish(self, at=None):
        """Make the story public at ``at`` (now by default; a future time
        schedules it)."""
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()

    def unpublish(self):
        """Take the story off the site; its address answers 404 until republished."""
        self.status = self.Status.UNPUBLISHED

    def _keep_old_address(self, old_slug):
        """After a slug change, the old address of a story readers have seen keeps
        working as a redirect; a story taking a slug back drops its redirect."""
        ArticleRedirect.objects.filter(old_slug=self.slug).delete()
        if self.was_ever_published:
            ArticleRedirect.objects.update_or_create(
                old_slug=old_slug, defaults={"article": self}
            )

    def related(self, limit=4):
        """Other published stories a reader of this one may want next: those
        sharing the most tags first, then the newest of the same section.

        One query: the two candidate lists are joined with UNION ALL."""
        now = timezone.now()  # one moment for both lists
        candidates = (
            Article.objects.published(now)
            .exclude(pk=self.pk)
            .select_related("section", "hero_image")
            .defer("body")
        )
        by_section = (
            candidates.filter(section=self.section_id)
            .annotate(shared_tags=Value(0))
            .order_by("-published_at")[:limit]
        )
        tag_ids = [tag.pk for tag in self.tags.all()]
        if tag_ids:
            winners = RawSQL(*_sharing_most_tags(self.pk, tag_ids, limit, now))
            by_tags = candidates.filter(
                pk__in=winners, tagged_items__tag__in=tag_ids
            ).annotate(shared_tags=Count("tagged_items__tag"))
            stories = by_tags.union(by_section, all=True)
        else:
            stories = by_section
        found = {}
        for story in sorted(
            stories,
            key=lambda s: (-s.shared_tags, -s.published_at.timestamp(), -s.pk),
        ):
            found.setdefault(story.pk, story)
        return list(found.values())[:limit]


def _sharing_most_tags(story, tag_ids, limit, now):
    """(SQL, parameters) for RawSQL: the ids of the ``limit`` stories live at
    ``now``, other than ``story``, that share the most of ``tag_ids``, the newest
    first among equals.

    The candidates are each tag's RELATED_POOL newest live links (index-only
    scans of tagged_live_idx); UNION keeps each story once, so each shared tag is
    counted once, from the links' indexes. Only the links are read here: a link's
    live time says whether its story is live (ArticleQuerySet.published), so no
    story row is read until the winners are."""
    links = TaggedArticle._meta.db_table
    newest = " UNION ".join(
        [
            f"(SELECT content_object_id, live_at FROM {links}"
            " WHERE tag_id = %s AND live_at <= %s AND content_object_id <> %s"
            " ORDER BY live_at DESC, content_object_id DESC LIMIT %s)"
        ]
        * len(tag_ids)
    )
    sql = (
        f"SELECT pool.content_object_id FROM ({newest}) AS pool"
        f" JOIN {links} AS shared"
        " ON shared.content_object_id = pool.content_object_id"
        " AND shared.tag_id = ANY(%s)"
        " GROUP BY pool.content_object_id, pool.live_at"
        " ORDER BY count(*) DESC, pool.live_at DESC, pool.content_object_id DESC"
        " LIMIT %s"
    )
    params = [value for pk in tag_ids for value in (pk, now, story, RELATED_POOL)]
    return sql, [*params, tag_ids, limit]


class ReadCount(models.Model):
    """How many times a story was read on one day (IST), from the reader's browser
    (articles/reads.py). Days keep the table small and "most read this week" cheap."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="read_counts"
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="one_count_per_day"
            ),
        ]
        indexes = [models.Index(fields=["day", "article"], name="readcount_day_idx")]

    def __str__(self):
        return f"{self.article_id} on {self.day}: {self.count}"


class ArticleRedirect(models.Model):
    """An old slug of a story whose address changed: it answers with a 301."""

    old_slug = models.SlugField(max_length=120, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.old_slug


class Correction(models.Model):
    """A dated note at the foot of a published story: part of the record, never
    silently removed (no delete in the admin, and kept in the story's revisions)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind, default=Kind.CORRECTION
    )
    note = models.TextField(
        _("note"),
        help_text=_(
            "What changed and why, for readers: “An earlier version of this story "
            "misstated the date of the talks.”"
        ),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self):
        when = timezone.localtime(self.created_at)
        by = f" ({self.created_by})" if self.created_by_id else ""
        return f"{self.get_kind_display()}, {when:%d %b %Y %H:%M} IST{by}"


class PreviewLink(models.Model):
    """A signed, expiring link that shows an unpublished story to someone without
    an account (a lawyer, a source). Revoking it stops it at once."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links"
    )
    note = models.CharField(
        _("for"), max_length=120, blank=True, help_text=_("Who it is for, e.g. legal.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"Preview of “{self.article}”"

    def get_absolute_url(self):
        # Signed, not timestamped: the expiry lives in the row, where revoking and
        # extending can change it, so one link keeps one address.
        token = signing.Signer(salt=PREVIEW_SALT).sign_object(self.pk)
        return reverse("articles:shared_preview", kwargs={"token": token})

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    @classmethod
    def from_token(cls, token):
        """The active link a token stands for, or None if it is forged, expired or
        revoked."""
        try:
            pk = signing.Signer(salt=PREVIEW_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError):
            return None
        link = (
            cls.objects.select_related("article")
            .filter(pk=pk, revoked_at=None, expires_at__gt=timezone.now())
            .first()
        )
        return link


class Autosave(models.Model):
    """What a writer typed but has not saved, kept every half minute by the change
    form. Never seen by readers; offered back after a crash or a closed tab."""

    article = models.ForeignKey(
        Article, null=True, on_delete=models.CASCADE, related_name="autosaves"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField()
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"],
                nulls_distinct=False,
                name="one_autosave_per_story_and_user",
            ),
        ]

    def __str__(self):
        return f"Autosave by {self.user} at {self.saved_at:%H:%M}"


class EditSession(models.Model):
    """Who has a story's change form open (a soft lock, as WordPress shows it).

    Refreshed by the form's heartbeat; a session not seen for EDIT_SESSION_TTL is
    over by itself."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="edit_sessions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="one_edit_session_per_story_and_user"
            ),
        ]

    def __str__(self):
        return f"{self.user} editing since {self.started_at:%H:%M}"


class FrontPage(models.Model):
    """The editors' choices for the home page: one row (see FrontPage.load)."""

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    def __str__(self):
        return str(_("Home page"))

    @classmethod
    def load(cls):
        front, _created = cls.objects.get_or_create(pk=1)
        return front


class FrontPageSlot(models.Model):
    """A story pinned to the home page: position 1 is the lead story, the next
    ones the top stories, in order. A pinned story shows once it is live."""

    front_page = models.ForeignKey(
        FrontPage, on_delete=models.CASCADE, related_name="slots"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="front_page_slots",
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories (1 is the lead)")
        constraints = [
            models.UniqueConstraint(
                fields=["front_page", "article"], name="story_pinned_once"
            ),
            models.UniqueConstraint(
                fields=["front_page", "position"], name="one_story_per_position"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.article}"


# Revisions (django-reversion): a story is recorded with its byline, tags and
# corrections, so that a revision is the whole story as it stood.
# live_at is derived by PostgreSQL from the story (migration 0014).
reversion.register(Byline, exclude=["live_at"])
reversion.register(TaggedArticle, exclude=["live_at"])
reversion.register(Correction)
reversion.register(
    Article,
    follow=["bylines", "tagged_items", "corrections"],
    # Derived by PostgreSQL from the text: nothing to keep or restore.
    exclude=["search_vector", "word_pairs"],
)


@receiver(post_delete, sender=Image)
def _delete_image_files(sender, instance, **kwargs):
    """A deleted image leaves no files behind (once the deletion is committed),
    unless another image uses the same file."""
    name, widths = instance.file.name, list(instance.rendition_widths or ())
    if name and not Image.objects.filter(file=name).exists():
        transaction.on_commit(lambda: imaging.delete_files(name, widths))
