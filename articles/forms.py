from ckeditor.widgets import CKEditorWidget
from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.models import Tag

from . import diffs
from .models import Article


class TagSuggestWidget(TagWidget):
    """taggit's comma-separated tag input, with suggestions of existing tags as the
    editor types (static/js/admin/tag-suggest.js); typing a new tag still creates it.
    """

    def __init__(self, suggest_url, attrs=None):
        super().__init__(
            attrs={
                "data-tag-suggest-url": suggest_url,
                "class": "vLargeTextField",
                **(attrs or {}),
            }
        )

    class Media:
        js = ["js/admin/tag-suggest.js"]


class ArticleAdminForm(forms.ModelForm):
    # The story's version when this form was loaded; see clean().
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "standfirst",
            "body",
            "credit_line",
            "dateline",
            "section",
            "tags",
            "hero_image",
            "published_at",
            "breaking_until",
            "seo_title",
            "seo_description",
            "in_news_sitemap",
        ]
        widgets = {
            # The editor is attached here and only here (STYLE.md): swapping it later
            # touches this line, not the model.
            "body": CKEditorWidget(config_name="default"),
            "headline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "standfirst": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        unusable = [name for name in tags if not slugify(name, allow_unicode=True)]
        if unusable:
            raise ValidationError(
                _("A tag needs letters or numbers: %(tags)s cannot be a tag."),
                params={"tags": ", ".join(f"“{name}”" for name in unusable)},
            )
        # The name's column, less room for the "_2" taggit adds to a slug taken.
        longest = Tag._meta.get_field("name").max_length - 10
        too_long = [
            name
            for name in tags
            if max(len(name), len(slugify(name, allow_unicode=True))) > longest
        ]
        if too_long:
            raise ValidationError(
                _("A tag can be at most %(limit)d characters: %(tags)s is longer."),
                params={
                    "limit": longest,
                    "tags": ", ".join(f"“{name[:40]}…”" for name in too_long),
                },
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        image = cleaned.get("hero_image")
        if (
            self.instance.status == Article.Status.PUBLISHED
            and image is not None
            and not image.alt_text.strip()
        ):
            self.add_error(
                "hero_image",
                _(
                    "This story is published: its hero image needs alt text. Edit "
                    "the image (the pencil) and describe what it shows."
                ),
            )
        when = cleaned.get("published_at")
        if (
            self.data.get("_transition") == "schedule"
            and "published_at" in self.fields
            and (when is None or when <= timezone.now())
        ):
            self.add_error(
                "published_at",
                _(
                    "To schedule the story, set a publish time in the future (or "
                    "press “Publish now”)."
                ),
            )
        if self.instance.pk:
            self._refuse_stale_save(cleaned)
        return cleaned

    def _refuse_stale_save(self, cleaned):
        """Refuse to overwrite a save made since this form was loaded.

        The story's row is locked (SELECT … FOR UPDATE) for the rest of the admin's
        save transaction, so no other save can slip in between this check and ours.
        """
        current = (
            Article.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .get(pk=self.instance.pk)
        )
        if cleaned.get("loaded_version") == current.version:
            return
        self.conflict = {
            "by": current.updated_by,
            "at": current.updated_at,
            "diff": diffs.story(
                current,
                {name: cleaned.get(name, "") for name in ("headline", "standfirst")}
                | {"body": cleaned.get("body", "")},
            ),
        }
        raise ValidationError(
            _(
                "Not saved: %(who)s saved this story at %(time)s, after you opened "
                "it. Saving now would overwrite their work. Their changes and yours "
                "are compared below; copy what you need, then reload the story and "
                "make your changes again."
            ),
            code="stale",
            params={
                "who": current.updated_by or _("someone else"),
                "time": date_format(
                    timezone.localtime(current.updated_at), "j M Y, g:i:s A"
                )
                + " IST",
            },
        )


class ScheduleForm(forms.Form):
    """The time for the bulk Schedule action (the change list's intermediate page)."""

    publish_at = forms.SplitDateTimeField(
        label=_("Publish time (IST)"),
        widget=AdminSplitDateTime,
        help_text=_("Each story goes live by itself at this time."),
    )

    def clean_publish_at(self):
        when = self.cleaned_data["publish_at"]
        if when <= timezone.now():
            raise ValidationError(_("Pick a time in the future."), code="past")
        return when
