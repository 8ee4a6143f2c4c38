import uuid
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from authors.models import Author
from sections.models import Section

from .html import clean_body

# Changes within this long of publishing (a typo fixed at once) are not "updates".
UPDATE_GRACE = timedelta(minutes=5)
# What readers see of a story; changing it after publication makes an "update".
READER_FIELDS = ("headline", "standfirst", "body")


def image_upload_to(instance, filename):
    """Store images under unguessable names, keeping only the extension."""
    suffix = PurePosixPath(filename).suffix.lower()[:5]
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Image(models.Model):
    """A picture in the media library, usable as a story's hero image."""

    file = models.ImageField(
        _("file"),
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Describe, don't "
            "caption: “Rescue workers carry a boat through a flooded street”."
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

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="byline_author_once_per_story"
            ),
        ]

    def __str__(self):
        return str(self.author)


class TaggedArticle(TaggedItemBase):
    """The story–tag link, with a real foreign key (indexed, joinable) to the story."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tagged story")
        verbose_name_plural = _("tagged stories")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tag_once_per_story"
            ),
        ]


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of what readers may see: published, and not in the
        future."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def with_related(self):
        """Everything a story card shows, in a fixed number of queries."""
        return self.select_related(
            "section", "section__parent", "hero_image"
        ).prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)


class Article(models.Model):
    """A story: one piece of journalism with one URL."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

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
        _("status"), max_length=20, choices=Status, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the story is published. A time in the future keeps it hidden "
            "from readers until then."
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

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        get_latest_by = "published_at"
        indexes = [
            # Listings of published stories: home, section, feeds.
            models.Index(
                fields=["-published_at"],
                condition=Q(status="published"),
                name="article_published_idx",
            ),
            models.Index(
                fields=["section", "-published_at"],
                condition=Q(status="published"),
                name="article_section_published_idx",
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
        self.body = clean_body(self.body)
        if self._is_reader_visible_change():
            self.revised_at = timezone.now()
        super().save(*args, **kwargs)
        self._loaded = {
            field.attname: getattr(self, field.attname) for field in self._meta.fields
        }

    def get_absolute_url(self):
        when = timezone.localtime(self.published_at or self.created_at)
        return reverse(
            "articles:detail",
            kwargs={
                "section": self.section.slug,
                "year": when.year,
                "month": when.month,
                "day": when.day,
                "slug": self.slug,
            },
        )

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

    def publish(self, at=None):
        """Make the story public at ``at`` (now by default; a future time
        schedules it)."""
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()

    def unpublish(self):
        """Take the story back to a draft, hidden from readers."""
        self.status = self.Status.DRAFT

    def related(self, limit=4):
        """Other published stories a reader of this one may want next: those
        sharing the most tags first, then the newest of the same section."""
        candidates = Article.objects.published().exclude(pk=self.pk)
        tag_ids = [tag.pk for tag in self.tags.all()]
        found = []
        if tag_ids:
            found = list(
                candidates.filter(tagged_items__tag__in=tag_ids)
                .annotate(shared_tags=Count("tagged_items"))
                .select_related("section", "hero_image")
                .order_by("-shared_tags", "-published_at")[:limit]
            )
        if len(found) < limit:
            found += (
                candidates.filter(section=self.section_id)
                .exclude(pk__in=[story.pk for story in found])
                .select_related("section", "hero_image")[: limit - len(found)]
            )
        return found
