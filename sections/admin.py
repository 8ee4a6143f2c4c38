from django.contrib import admin

from dailybeat.admin_widgets import SafeAutocompleteMixin

from .models import Section


@admin.register(Section)
class SectionAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "position", "show_in_navigation"]
    list_editable = ["position", "show_in_navigation"]
    list_filter = ["show_in_navigation", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        # Subsections are named after their parent ("Sports › Cricket").
        return super().get_queryset(request).select_related("parent")
