"""What was brought over from WordPress, and the old site's addresses.

ImportedItem keys everything the import made on its WordPress id: running the import
again updates or skips instead of duplicating, and an interrupted import carries on.
OldAddress answers each of the old site's addresses with a 301 to the new one
(middleware.py); it points at the item, so the redirect follows the story if its
address changes later, and answers only while the story is published.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Image
from authors.models import Author
from sections.models import Section


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        ATTACHMENT = "attachment", _("attachment")
        AUTHOR = "author", _("author")
        CATEGORY = "category", _("category")
        TAG = "tag", _("tag")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    # The post or term id; for an author, the login.
    wp_id = models.CharField(_("WordPress id"), max_length=200)
    # A hash of the record as last imported: unchanged records are skipped.
    fingerprint = models.CharField(max_length=64, blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(
        Tag, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Attachments: the file's path under wp-content/uploads ("2024/05/a.jpg"), how
    # the pictures in posts' text are matched to them.
    file_path = models.CharField(max_length=500, blank=True, db_index=True)
    # Attachments: the old address, alt text, caption and credit; "fetch" is true
    # while the file is still to fetch (it was not in the media folder).
    data = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "wp_id"], name="wordpress_item_once"
            )
        ]

    def __str__(self):
        return f"WordPress {self.kind} {self.wp_id}"

    def target(self, suffix=""):
        """The new address of what this item became; None when readers cannot see
        it (an unpublished story, a picture whose file was never imported)."""
        if self.kind == self.Kind.POST:
            article = self.article
            if (
                article is None
                or not Article.objects.published().filter(pk=article.pk).exists()
            ):
                return None
            return article.get_absolute_url()
        if self.kind == self.Kind.CATEGORY and self.section:
            url = self.section.get_absolute_url()
            return url + suffix if suffix else url
        if self.kind == self.Kind.AUTHOR and self.author:
            return self.author.get_absolute_url() + suffix
        if self.kind == self.Kind.TAG and self.tag:
            return reverse("articles:tag", args=[self.tag.slug]) + suffix
        if self.kind == self.Kind.ATTACHMENT and self.image:
            return self.image.file.url if self._picture_is_public() else None
        return None

    def _picture_is_public(self):
        """Whether the picture's old address may lead to it: not while it leads
        only stories readers cannot see yet, or belongs to (was uploaded to) such
        a story, so the address does not reveal an embargoed story's picture.

        Indexed lookups only (the hero image's key, the imported post's id): old
        picture addresses are what bots and other sites ask for most. A picture
        placed in the body of another unpublished story is not looked for there.
        """
        heroes = self.image.hero_of.all()
        if heroes.filter(pk__in=Article.objects.published().values("pk")).exists():
            return True
        if heroes.exists():
            return False
        parent = self.data.get("parent")
        if not parent:
            return True
        story = (
            ImportedItem.objects.filter(kind=self.Kind.POST, wp_id=parent)
            .values_list("article", flat=True)
            .first()
        )
        return story is None or Article.objects.published().filter(pk=story).exists()


class OldAddress(models.Model):
    """A path of the old site ("/2024/05/01/slug/", "/?p=12", "/category/news/")."""

    path = models.CharField(_("old address"), max_length=500, unique=True)
    item = models.ForeignKey(
        ImportedItem, on_delete=models.CASCADE, related_name="old_addresses"
    )
    # What to add to the item's new address: "feed/" for the old feeds.
    suffix = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = _("old WordPress address")
        verbose_name_plural = _("old WordPress addresses")

    def __str__(self):
        return self.path
