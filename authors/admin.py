from django.contrib import admin

from .models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "bio", "photo"]}),
        ("Contact", {"fields": ["email", "x_handle", "linkedin_url", "website"]}),
        ("Newsroom", {"fields": ["user"]}),
    ]
