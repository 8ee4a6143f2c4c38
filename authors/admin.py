from django.contrib import admin
from django.db import models

from dailybeat.admin_widgets import SafeAutocompleteMixin

from .forms import AuthorAdminForm
from .models import Author


@admin.register(Author)
class AuthorAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    # The photo is checked and cleaned like every picture (articles/imaging.py).
    form = AuthorAdminForm
    list_display = ["name", "role", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    # "linkedin.com/in/x" typed without a scheme means https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "bio", "photo"]}),
        ("Contact", {"fields": ["email", "x_handle", "linkedin_url", "website"]}),
        ("Newsroom", {"fields": ["user"]}),
    ]
