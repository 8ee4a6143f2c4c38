from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import JsonResponse
from django.urls import path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from .forms import ArticleAdminForm, TagSuggestWidget
from .models import Article, Byline, Image

TAG_SUGGESTIONS = 10


class BylineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        # Rows without a position follow the others, in the order they were entered.
        last = max((form.instance.position or 0 for form in kept), default=0)
        for form in kept:
            if not form.instance.position:
                last += 1
                form.instance.position = last
        article = self.instance
        if article.status == Article.Status.PUBLISHED and not (
            kept or article.credit_line
        ):
            raise ValidationError(
                _(
                    "A published story needs a byline: add an author, or write a "
                    "credit line such as “With inputs from agencies”."
                )
            )


class BylineForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_("position"),
        required=False,
        min_value=1,
        help_text=_("1 comes first. Left empty: the order the rows are in."),
    )

    class Meta:
        model = Byline
        fields = ["author", "position"]


class BylineInline(admin.TabularInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("Byline, in order")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline]
    list_display = ["headline", "section", "byline", "state", "published_at"]
    list_filter = [
        "status",
        "section",
        ("authors", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["section", "section__parent"]
    search_fields = ["headline", "standfirst", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["section", "hero_image"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish_now", "back_to_draft"]

    class Media:
        css = {"all": ["css/admin/newsroom.css"]}

    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        (_("Byline and place"), {"fields": ["credit_line", "dateline"]}),
        (_("Filing"), {"fields": ["section", "tags", "hero_image"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__author")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestWidget(
                suggest_url=reverse_lazy("admin:articles_article_tag_suggestions")
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        suggestions = path(
            "tag-suggestions/",
            self.admin_site.admin_view(self.tag_suggestions),
            name="articles_article_tag_suggestions",
        )
        return [suggestions, *super().get_urls()]

    def tag_suggestions(self, request):
        """Existing tags matching what an editor is typing, most used first."""
        if not self.has_change_permission(request) and not self.has_add_permission(
            request
        ):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        names = []
        if term:
            names = list(
                Tag.objects.filter(name__icontains=term)
                .order_by("name")
                .values_list("name", flat=True)[:TAG_SUGGESTIONS]
            )
        return JsonResponse({"results": names})

    def view_on_site(self, obj):
        # Drafts and scheduled stories have no public page to show.
        return obj.get_absolute_url() if obj.is_published else None

    @admin.display(description=_("byline"))
    def byline(self, obj):
        return ", ".join(str(a) for a in obj.byline_authors) or obj.credit_line

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_published:
            return _("Live")
        if obj.is_scheduled:
            return _("Scheduled")
        return obj.get_status_display()

    @admin.action(description=_("Publish the selected stories now"))
    def publish_now(self, request, queryset):
        published = skipped = 0
        for article in queryset.prefetch_related("bylines"):
            if not (article.bylines.all() or article.credit_line):
                skipped += 1
                continue
            article.publish()
            article.save()
            self.log_change(request, article, _("Published."))
            published += 1
        if published:
            self.message_user(
                request,
                ngettext("%d story published.", "%d stories published.", published)
                % published,
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d story was not published: it has no byline.",
                    "%d stories were not published: they have no byline.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )

    @admin.action(description=_("Move the selected stories back to draft"))
    def back_to_draft(self, request, queryset):
        count = 0
        for article in queryset:
            article.unpublish()
            article.save()
            self.log_change(request, article, _("Moved back to draft."))
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d story is a draft again.", "%d stories are drafts again.", count
            )
            % count,
            messages.SUCCESS,
        )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "caption", "credit", "alt_text", "uploaded_at"]
    search_fields = ["caption", "credit", "alt_text"]
    fields = ["file", "preview", "alt_text", "caption", "credit"]
    readonly_fields = ["preview"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="96" style="height:auto">', obj.file.url
        )

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-width:480px;height:auto">',
            obj.file.url,
            obj.alt_text,
        )
