from datetime import MAXYEAR, datetime, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import ValidationError
from django.db.models import Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dailybeat.admin_widgets import (
    LocalDateFieldListFilter,
    SafeAutocompleteMixin,
    SafeDateHierarchyMixin,
)
from dailybeat.pagination import EstimatedCountPaginator

from . import admin_views, editing, reads, revisions, workflow
from .forms import ArticleAdminForm, ScheduleForm, TagSuggestWidget
from .models import (
    Article,
    ArticleQuerySet,
    Byline,
    Correction,
    FrontPage,
    FrontPageSlot,
    Image,
    ReadCount,
    TaggedArticle,
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


class BylineInline(SafeAutocompleteMixin, admin.TabularInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("Byline, in order")


class CorrectionInline(admin.StackedInline):
    """Corrections are appended, never edited or deleted: they are the record."""

    model = Correction
    fields = ["kind", "note"]
    can_delete = False
    extra = 0
    verbose_name_plural = _("Corrections and updates (shown to readers, permanent)")

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if self.has_add_permission(request, obj) else 0

    def has_add_permission(self, request, obj=None):
        return (
            obj is not None
            and obj.was_ever_published
            and request.user.has_perm("articles.add_correction")
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")


class MineFilter(admin.SimpleListFilter):
    title = _("whose")
    parameter_name = "whose"

    def lookups(self, request, model_admin):
        return [("mine", _("Stories I started"))]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.filter(created_by=request.user)
        return queryset


# The workflow's buttons that take the publish time typed in the form.
MOVES_WITH_TIME = ("schedule", "publish")
# Stories listed on the bulk Schedule page (all chosen are scheduled).
SCHEDULE_PREVIEW = 50


class NewsroomQuerySet(ArticleQuerySet):
    """The newsroom's story list. Its date drill-down (``date_hierarchy``) first
    lists the years that have stories: Django finds them with SELECT DISTINCT over
    every story, which took most of a second at a million stories. Here the list
    jumps from year to year through the publication-time index: the first story,
    then the first story from the next year on, and so on (one quick query per
    year that has stories, however far apart they are)."""

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if kind != "year":
            return super().datetimes(field_name, kind, order, tzinfo)
        if order not in ("ASC", "DESC"):
            raise ValueError("'order' must be either 'ASC' or 'DESC'.")
        zone = tzinfo or timezone.get_current_timezone()
        years, stories = [], self
        while (first := stories.aggregate(first=Min(field_name))["first"]) is not None:
            year = first.astimezone(zone).year
            years.append(datetime(year, 1, 1, tzinfo=zone))
            if year == MAXYEAR:
                break
            later = datetime(year + 1, 1, 1, tzinfo=zone)
            stories = self.filter(**{f"{field_name}__gte": later})
        return years if order == "ASC" else years[::-1]


@admin.register(Article)
class ArticleAdmin(SafeAutocompleteMixin, SafeDateHierarchyMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline, CorrectionInline]
    change_form_template = "admin/articles/article/change_form.html"
    list_display = ["headline", "section", "byline", "state", "published_at", "reads"]
    list_filter = [
        "status",
        MineFilter,
        "section",
        "authors",
        ("published_at", LocalDateFieldListFilter),
    ]
    list_select_related = ["section", "section__parent"]
    # Searched through the stored search vector (get_search_results), not LIKE.
    search_fields = ["headline"]
    date_hierarchy = "published_at"
    # With a million stories, no COUNT(*) of the whole table on every page: the
    # paginator estimates large counts (EstimatedCountPaginator).
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["section", "hero_image"]
    prepopulated_fields = {"slug": ["headline"]}
    actions = [
        "submit_for_review",
        "publish_now",
        "schedule",
        "unpublish",
        "return_to_draft",
    ]

    class Media:
        css = {"all": ["css/admin/newsroom.css"]}

    def get_search_results(self, request, queryset, search_term):
        """Headline, standfirst and body through the full-text index; an author's
        name; a tag; or the exact slug. Fast at any size, unlike LIKE '%…%'."""
        term = search_term.strip()[:200]
        if not term:
            return queryset, False
        query = SearchQuery(term, search_type="websearch", config="english")
        matches = (
            Q(search_vector=query)
            | Q(slug=term)
            | Q(
                pk__in=Byline.objects.filter(author__name__icontains=term).values(
                    "article"
                )
            )
            | Q(
                pk__in=TaggedArticle.objects.filter(tag__name__iexact=term).values(
                    "content_object"
                )
            )
        )
        return queryset.filter(matches), False

    def get_queryset(self, request):
        since = timezone.localdate() - timedelta(days=reads.MOST_READ_DAYS - 1)
        week = (
            ReadCount.objects.filter(article=OuterRef("pk"), day__gte=since)
            .values("article")
            .annotate(total=Sum("count"))
            .values("total")
        )
        stories = super().get_queryset(request)
        # The same query, as a NewsroomQuerySet (nothing is prefetched yet).
        return (
            NewsroomQuerySet(model=stories.model, query=stories.query, using=stories.db)
            .prefetch_related("bylines__author")
            .annotate(reads_this_week=Coalesce(Subquery(week), 0))
        )

    # Who may do what -----------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        # A story readers have seen is never deleted: its links are out there and
        # its corrections are part of the record. Unpublish it instead.
        return obj is None or (
            workflow.can_edit(request.user, obj) and not obj.was_ever_published
        )

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH)

    # The form ------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        return [
            (
                None,
                {
                    "fields": [
                        "loaded_version",
                        "headline",
                        "slug",
                        "standfirst",
                        "body",
                    ]
                },
            ),
            (_("Byline and place"), {"fields": ["credit_line", "dateline"]}),
            (_("Filing"), {"fields": ["section", "tags", "hero_image"]}),
            (
                _("Search engines and social networks"),
                {
                    "classes": ["collapse"],
                    "fields": ["seo_title", "seo_description", "in_news_sitemap"],
                },
            ),
            (
                _("Publishing"),
                {
                    "fields": [
                        "state",
                        "published_at",
                        "breaking_until",
                        ("created_by", "created_at"),
                        ("updated_by", "updated_at"),
                        "read_totals",
                    ]
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [
            "state",
            "created_by",
            "created_at",
            "updated_by",
            "updated_at",
            "read_totals",
        ]
        if not request.user.has_perm(workflow.PUBLISH):
            fields += ["published_at", "breaking_until"]
        elif obj is not None and obj.is_published:
            # A live story's time moves only through the workflow (unpublish first).
            fields.append("published_at")
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestWidget(
                suggest_url=reverse_lazy("admin:articles_article_tag_suggestions")
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if (
            obj is not None
            and request.method == "GET"
            and "restore_autosave" in request.GET
        ):
            saved = editing.offer(obj, request.user)
            if saved is not None:
                for name in editing.AUTOSAVED_FIELDS:
                    setattr(obj, name, saved.data.get(name, ""))
        return obj

    def get_changeform_initial_data(self, request):
        # Only the text fields may be prefilled from the address: a related object
        # or a date given there would have to be valid to draw the form.
        initial = {
            name: value
            for name, value in super().get_changeform_initial_data(request).items()
            if name in editing.AUTOSAVED_FIELDS and isinstance(value, str)
        }
        if "restore_autosave" in request.GET:
            saved = editing.offer(None, request.user)
            if saved is not None:
                initial.update(saved.data)
        return initial

    # Saving: one revision per save, moves through the workflow -------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with revisions.story_revision(request.user, ""):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        move = request.POST.get("_transition")
        if (
            change
            and "published_at" in form.changed_data
            and obj.status == Article.Status.PUBLISHED
        ):
            # Saving must not publish, backdate or hide a scheduled story behind the
            # workflow's back: the time typed goes to the Schedule move alone
            # (save_related), which checks and records it.
            typed, obj.published_at = obj.published_at, form.initial["published_at"]
            if move == "schedule":
                obj.schedule_for = typed
            elif move != "publish":
                self.message_user(
                    request,
                    _(
                        "The publish time was not changed: to move a scheduled "
                        "story, set the time and press “Schedule”."
                    ),
                    messages.WARNING,
                )
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        for correction in formset.save(commit=False):
            correction.article = form.instance
            correction.created_by = request.user
            correction.save()
            # A correction is an update readers should see at the top, too.
            form.instance.revised_at = correction.created_at
            form.instance.save(update_fields=["revised_at"])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        revisions.add_comment(
            str(self.construct_change_message_text(form, formsets, change))
        )
        revisions.record(article)
        # What was typed is saved now: the autosave has served its purpose.
        editing.discard(article, request.user)
        if not change:
            editing.discard(None, request.user)
        move = request.POST.get("_transition")
        if move:
            at = None
            if move == "schedule":
                at = getattr(article, "schedule_for", None) or article.published_at
            try:
                message = workflow.apply(article, move, request.user, at=at)
            except workflow.WorkflowError as error:
                self.message_user(
                    request,
                    _("Saved, but not moved on: %(reason)s") % {"reason": error},
                    messages.ERROR,
                )
            else:
                self.message_user(request, message, messages.SUCCESS)

    def construct_change_message_text(self, form, formsets, change):
        if not change:
            return _("Created.")
        changed = [form.fields[name].label or name for name in form.changed_data]
        changed = [str(label) for label in changed if label != "loaded_version"]
        return (
            _("Changed %(fields)s.") % {"fields": ", ".join(changed)} if changed else ""
        )

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        field = form.fields.get("published_at")  # editors' forms only
        if field is None or request.POST.get("_transition") not in MOVES_WITH_TIME:
            return message
        # The time typed belongs to the move, whose own history entry records it.
        kept = []
        for entry in message:
            changed = entry.get("changed", {})
            if "fields" in changed and "object" not in changed:  # the story's own
                label = str(field.label)
                fields = [name for name in changed["fields"] if name != label]
                if not fields:
                    continue
                entry = {"changed": {"fields": fields}}
            kept.append(entry)
        return kept

    def log_change(self, request, obj, message):
        # Pressing a workflow button without editing logs the move (workflow.apply),
        # not an extra "No fields changed."
        if message == [] and request.POST.get("_transition"):
            return None
        return super().log_change(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        if "_transition" in request.POST:
            return self._stay_on(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_transition" in request.POST or "_continue" in request.POST:
            return self._stay_on(request, obj)
        # Leaving the form: the soft lock goes with it.
        editing.leave(obj, request.user)
        return super().response_change(request, obj)

    def _stay_on(self, request, obj):
        self.message_user(request, _("Saved."), messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[obj.pk])
        )

    # What the change form shows ---------------------------------------------------

    def add_view(self, request, form_url="", extra_context=None):
        context = {
            "autosave": editing.offer(None, request.user),
            "editor_config": self._editor_config(None),
            **(extra_context or {}),
        }
        return super().add_view(request, form_url, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        article = self.get_object(request, object_id)
        if article is not None and self.has_view_or_change_permission(request, article):
            editable = self.has_change_permission(request, article)
            if editable and request.method == "GET":
                editing.touch(article, request.user)
            context.update(
                moves=workflow.available_moves(request.user, article)
                if editable
                else [],
                others_editing=editing.others_editing(article, request.user),
                autosave=(
                    editing.offer(article, request.user)
                    if editable and "restore_autosave" not in request.GET
                    else None
                ),
                editor_config=self._editor_config(article) if editable else None,
                preview_url=reverse(
                    "admin:articles_article_preview", args=[article.pk]
                ),
                revisions_url=reverse(
                    "admin:articles_article_revisions", args=[article.pk]
                ),
                preview_links_url=(
                    reverse("admin:articles_article_preview_links", args=[article.pk])
                    if request.user.has_perm(workflow.PUBLISH)
                    else None
                ),
            )
        return super().change_view(request, object_id, form_url, context)

    def _editor_config(self, article):
        if article is None:
            return {
                "autosaveUrl": reverse("admin:articles_article_autosave_new"),
                "interval": editing.HEARTBEAT_SECONDS * 1000,
            }
        return {
            "autosaveUrl": reverse(
                "admin:articles_article_autosave", args=[article.pk]
            ),
            "heartbeatUrl": reverse(
                "admin:articles_article_heartbeat", args=[article.pk]
            ),
            "releaseUrl": reverse("admin:articles_article_release", args=[article.pk]),
            "interval": editing.HEARTBEAT_SECONDS * 1000,
        }

    def view_on_site(self, obj):
        # Drafts and scheduled stories have no public page: see the preview instead.
        return obj.get_absolute_url() if obj.is_published else None

    def get_urls(self):
        def view(function, suffix, route):
            return admin_views.route(
                self, function, route, f"articles_article_{suffix}"
            )

        return [
            view(admin_views.tag_suggestions, "tag_suggestions", "tag-suggestions/"),
            view(admin_views.autosave, "autosave_new", "autosave/"),
            view(
                admin_views.discard_autosave,
                "discard_autosave_new",
                "autosave/discard/",
            ),
            view(admin_views.preview, "preview", "<int:pk>/preview/"),
            view(admin_views.revision_list, "revisions", "<int:pk>/revisions/"),
            view(
                admin_views.revision_compare, "compare", "<int:pk>/revisions/compare/"
            ),
            view(
                admin_views.revision_restore,
                "restore",
                "<int:pk>/revisions/<int:version_id>/restore/",
            ),
            view(admin_views.preview_links, "preview_links", "<int:pk>/preview-links/"),
            view(
                admin_views.revoke_preview_link,
                "revoke_preview_link",
                "<int:pk>/preview-links/<int:link_id>/revoke/",
            ),
            view(admin_views.autosave, "autosave", "<int:pk>/autosave/"),
            view(
                admin_views.discard_autosave,
                "discard_autosave",
                "<int:pk>/autosave/discard/",
            ),
            view(admin_views.heartbeat, "heartbeat", "<int:pk>/heartbeat/"),
            view(admin_views.release, "release", "<int:pk>/release/"),
            *super().get_urls(),
        ]

    # List columns -----------------------------------------------------------------

    @admin.display(description=_("byline"))
    def byline(self, obj):
        return ", ".join(str(a) for a in obj.byline_authors) or obj.credit_line

    @admin.display(description=_("reads, 7 days"), ordering="reads_this_week")
    def reads(self, obj):
        return obj.reads_this_week

    @admin.display(description=_("reads"))
    def read_totals(self, obj):
        if obj.pk is None:
            return "—"
        total, week = reads.totals(obj)
        return _("%(week)s in the last 7 days, %(total)s in all") % {
            "week": week,
            "total": total,
        }

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        if obj.is_published:
            return _("Live")
        if obj.is_scheduled:
            return _("Scheduled")
        return obj.get_status_display()

    # Bulk moves: each story goes through the same checks as the buttons ------------

    def _bulk_move(self, request, queryset, name, at=None):
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.apply(article, name, request.user, at=at)
            except workflow.WorkflowError as error:
                refused.append(f"“{article}”: {error}")
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d story: %(move)s", "%(count)d stories: %(move)s", done
                )
                % {"count": done, "move": workflow.MOVES[name].label},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    @admin.action(
        description=_("Submit the selected stories for review"), permissions=["change"]
    )
    def submit_for_review(self, request, queryset):
        self._bulk_move(request, queryset, "submit")

    @admin.action(
        description=_("Publish the selected stories now"), permissions=["publish"]
    )
    def publish_now(self, request, queryset):
        self._bulk_move(request, queryset, "publish")

    @admin.action(
        description=_("Schedule the selected stories…"), permissions=["publish"]
    )
    def schedule(self, request, queryset):
        """Asks for the time on a page of its own, then schedules each story."""
        form = ScheduleForm(request.POST if "publish_at_0" in request.POST else None)
        if form.is_valid():
            self._bulk_move(
                request, queryset, "schedule", at=form.cleaned_data["publish_at"]
            )
            return None  # back to the change list, with the messages
        return TemplateResponse(
            request,
            "admin/articles/article/schedule_selected.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Schedule stories"),
                "opts": self.opts,
                "form": form,
                # A few to show; the choice itself goes back as it came (the
                # ticked ids, or "all that match the list's filters").
                "stories": queryset[:SCHEDULE_PREVIEW],
                "count": queryset.count(),
                "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                "select_across": request.POST.get("select_across") == "1",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": self.media + form.media,
            },
        )

    @admin.action(
        description=_("Unpublish the selected stories"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._bulk_move(request, queryset, "unpublish")

    @admin.action(
        description=_("Return the selected stories to draft"), permissions=["change"]
    )
    def return_to_draft(self, request, queryset):
        self._bulk_move(request, queryset, "return_to_draft")


class ImageForm(forms.ModelForm):
    # A plain file field: the model's own check (articles/imaging.py) then says what
    # is wrong with a file, instead of the generic "not a valid image".
    file = forms.FileField(label=_("file"), help_text=Image.file.field.help_text)

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit"]

    def clean_alt_text(self):
        alt_text = self.cleaned_data["alt_text"]
        if (
            not alt_text.strip()
            and self.instance.pk
            and self.instance.hero_of.filter(status=Article.Status.PUBLISHED).exists()
        ):
            raise ValidationError(
                _(
                    "This picture leads a published or scheduled story: it needs "
                    "alt text (what it shows, for readers who cannot see it)."
                )
            )
        return alt_text


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """The media library: every picture, searchable, reusable, with the stories
    that show it. Also serves the body editor's uploader and picture browser."""

    form = ImageForm
    list_display = ["thumbnail", "caption", "credit", "alt_text", "uploaded_at"]
    search_fields = ["caption", "credit", "alt_text"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "used_by"]
    readonly_fields = ["preview", "used_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        # Heroes are protected by the foreign key; pictures inside bodies by this.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        for image in objs:
            for story in image.uses().exclude(hero_image=image):
                protected.append(
                    _("“%(image)s” is shown in the body of “%(story)s”")
                    % {"image": image, "story": story}
                )
        return deleted, counts, perms_needed, protected

    def get_urls(self):
        def view(function, name, route):
            return admin_views.route(self, function, route, f"articles_image_{name}")

        return [
            view(admin_views.editor_upload, "editor_upload", "editor-upload/"),
            view(admin_views.editor_browse, "editor_browse", "editor-browse/"),
            *super().get_urls(),
        ]

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="96" class="library-thumbnail">',
            obj.rendition_url(obj.rendition_widths[0], "jpg")
            if obj.rendition_widths
            else obj.file.url,
        )

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" class="library-preview">',
            obj.share_rendition()[0],
            obj.alt_text,
        )

    @admin.display(description=_("used in"))
    def used_by(self, obj):
        if obj.pk is None:
            return "—"
        stories = list(obj.uses()[:50])
        if not stories:
            return _("No story yet.")
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>',
            (
                (reverse("admin:articles_article_change", args=[s.pk]), s.headline)
                for s in stories
            ),
        )


class FrontPageSlotInline(SafeAutocompleteMixin, admin.TabularInline):
    model = FrontPageSlot
    fields = ["position", "article"]
    autocomplete_fields = ["article"]
    extra = 3
    verbose_name = _("pinned story")


@admin.register(FrontPage)
class FrontPageAdmin(admin.ModelAdmin):
    """The home page's pinned stories. One page, so the list opens it directly."""

    inlines = [FrontPageSlotInline]
    fields = ["updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        front = FrontPage.load()
        return HttpResponseRedirect(
            reverse("admin:articles_frontpage_change", args=[front.pk])
        )
