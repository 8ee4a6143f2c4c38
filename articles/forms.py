from ckeditor.widgets import CKEditorWidget
from django import forms
from taggit.forms import TagWidget

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
            "status",
            "published_at",
        ]
        widgets = {
            # The editor is attached here and only here (STYLE.md): swapping it later
            # touches this line, not the model.
            "body": CKEditorWidget(config_name="default"),
            "headline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "standfirst": forms.Textarea(attrs={"rows": 3}),
        }
