from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

validate_x_handle = RegexValidator(
    r"^[A-Za-z0-9_]{1,15}$",
    _("An X handle is 1–15 letters, digits or underscores, without the @."),
)


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
        upload_to="authors/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def x_url(self):
        return f"https://x.com/{self.x_handle}" if self.x_handle else ""
