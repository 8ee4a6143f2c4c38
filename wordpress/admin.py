from django.contrib import admin

from .models import ImportedItem, OldAddress


@admin.register(OldAddress)
class OldAddressAdmin(admin.ModelAdmin):
    """The old site's addresses and where they lead (read-only: the import makes
    them)."""

    list_display = ["path", "item", "new_address"]
    search_fields = ["path"]
    list_select_related = ["item"]

    @admin.display(description="new address")
    def new_address(self, obj):
        return obj.item.target(obj.suffix) or "— (not public)"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ["kind", "wp_id", "imported_at", "file_path"]
    list_filter = ["kind"]
    search_fields = ["wp_id", "file_path"]
    readonly_fields = [field.name for field in ImportedItem._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
