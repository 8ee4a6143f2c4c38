from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Section pages live at the top of the site (/world/), so a section may not take a
# name the site already uses for something else. tests/sections/test_models.py checks
# this list against the URL configuration.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "author",
        "authors",
        "category",
        "ckeditor",
        "favicon.ico",
        "feed",
        "feeds",
        "healthz",
        "media",
        "preview",
        "read",
        "robots.txt",
        "search",
        "sitemap.xml",
        "sitemap-news.xml",
        "sitemaps",
        "static",
        "tag",
        "tags",
    }
)


def validate_not_reserved(value):
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is used by the site itself; choose another slug."),
            code="reserved",
            params={"value": value},
        )


class SectionQuerySet(models.QuerySet):
    def navigation(self):
        """Top-level sections shown in the site's navigation, in their order."""
        return self.filter(parent=None, show_in_navigation=True)

    def tree(self, section):
        """The ids of ``section`` (a pk, or an expression such as an OuterRef) and
        of its subsections: what "in this section" means for its stories."""
        return self.filter(Q(pk=section) | Q(parent=section)).values("pk")


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        validators=[validate_not_reserved],
        help_text=_("The section's address: /world/. Changing it breaks old links."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One sentence shown on the section page and to search engines."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Order in the navigation and on the home page; lower comes first."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Makes this a subsection, e.g. Cricket under Sports."),
    )
    show_in_navigation = models.BooleanField(_("show in navigation"), default=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="section_not_own_parent"
            ),
        ]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def get_absolute_url(self):
        return reverse("sections:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A section cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {
                    "parent": _(
                        "Subsections go one level deep: pick a top-level section."
                    )
                }
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {
                    "parent": _(
                        "This section has subsections, so it must stay top-level."
                    )
                }
            )

    def stories(self):
        """Published stories of this section and its subsections, newest first."""
        return self.articles.model.objects.published().filter(
            section__in=Section.objects.tree(self.pk)
        )
