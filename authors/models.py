import uuid
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles import imaging

validate_x_handle = RegexValidator(
    r"^[A-Za-z0-9_]{1,15}$",
    _("An X handle is 1–15 letters, digits or underscores, without the @."),
)


def photo_upload_to(instance, filename):
    """Store photos under unguessable names, keeping only the extension."""
    suffix = PurePosixPath(filename).suffix.lower()[:5]
    return f"authors/{uuid.uuid4().hex}{suffix}"


def validate_photo(file):
    """A newly uploaded photo is checked like every picture (articles/imaging.py);
    one already stored was checked when it was uploaded, and is not read again."""
    if not getattr(file, "_committed", False):
        imaging.validate(file)


class Author(models.Model):
    """A person who writes for DailyBeat, with a public page of their stories."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The author page's address: /author/<slug>/."),
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. Senior Correspondent")
    )
    bio = models.TextField(
        _("bio"), blank=True, help_text=_("Plain text, a few lines.")
    )
    photo = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        validators=[validate_photo],
        help_text=_(
            "A JPEG, PNG, WebP or GIF, up to 20 MB and 50 megapixels. Its location "
            "and camera details are removed when it is saved."
        ),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The widths of the photo's renditions (articles/imaging.py), WebP and JPEG each;
    # empty for a photo stored before renditions were made.
    photo_rendition_widths = models.JSONField(editable=False, default=list)
    x_handle = models.CharField(
        _("X (Twitter) handle"),
        max_length=15,
        blank=True,
        validators=[validate_x_handle],
        help_text=_("Without the @."),
    )
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("public email"), blank=True, help_text=_("Shown on the author page.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("The newsroom account of this author, if they have one."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """A new photo is checked and cleaned like every picture (articles/imaging.py),
        stored under a new name with its renditions; the photo it replaces goes once
        the save is committed."""
        new_photo = bool(self.photo) and not self.photo._committed
        if new_photo:
            content, result = imaging.cleaned_file(self.photo)
            self.photo = content
            self.photo_width, self.photo_height = result.width, result.height
        elif not self.photo:
            self.photo_rendition_widths = []
        if not new_photo:
            super().save(*args, **kwargs)
        else:
            imaging.save_with_renditions(
                self,
                "photo",
                "photo_rendition_widths",
                lambda: super(Author, self).save(*args, **kwargs),
            )
        self._forget_replaced_photo()
        self._loaded_photo = (self.photo.name, list(self.photo_rendition_widths))

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def x_url(self):
        return f"https://x.com/{self.x_handle}" if self.x_handle else ""

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        loaded = dict(zip(field_names, values, strict=True))
        instance._loaded_photo = (
            loaded.get("photo"),
            loaded.get("photo_rendition_widths"),
        )
        return instance

    def _forget_replaced_photo(self):
        """When the photo is replaced or cleared, the old file and its renditions go
        (once the save is committed), unless something else still uses them."""
        old_name, old_widths = getattr(self, "_loaded_photo", (None, None))
        if not old_name or old_name == self.photo.name:
            return
        _delete_photo_files(old_name, old_widths, self.photo.storage)

    @property
    def photo_webp_srcset(self):
        return imaging.srcset(self.photo, self.photo_rendition_widths, "webp")

    @property
    def photo_jpeg_srcset(self):
        return imaging.srcset(self.photo, self.photo_rendition_widths, "jpg")

    @property
    def photo_fallback_url(self):
        """The smallest JPEG rendition, for browsers without srcset."""
        return imaging.rendition_url(
            self.photo, min(self.photo_rendition_widths), "jpg"
        )


def _delete_photo_files(name, widths, storage):
    """Delete a photo that is no longer an author's, once the transaction is
    committed: unless another author's photo is the same file, or a story's body
    shows it (an editor may have put it there)."""
    if Author.objects.filter(photo=name).exists():
        return
    Article = apps.get_model("articles", "Article")
    if Article.objects.filter(body__contains=name).exists():
        return
    transaction.on_commit(lambda: imaging.delete_files(name, widths, storage))


@receiver(post_delete, sender=Author)
def _delete_author_photo(sender, instance, **kwargs):
    """A deleted author leaves no photo behind."""
    if instance.photo:
        _delete_photo_files(
            instance.photo.name,
            list(instance.photo_rendition_widths or ()),
            instance.photo.storage,
        )
