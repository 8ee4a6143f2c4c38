"""Django admin's autocomplete, hardened: an impossible value posted for a related
field (a typo, a tampered form) is a form error, not a server error.

Django's AutocompleteSelect looks the submitted value up to redraw the form, and a
value that cannot be a primary key ("1e309") raises there (a Django bug). Here such
values are dropped before the lookup; the field's own validation has already said
what is wrong.
"""

from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError


class SafeAutocompleteSelect(AutocompleteSelect):
    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta.get_field(
            self.field.remote_field.field_name
        )
        usable = []
        for item in value:
            try:
                target.to_python(item)
            except (ValidationError, TypeError, ValueError):
                continue
            usable.append(item)
        return super().optgroups(name, usable, attr)


class SafeAutocompleteMixin:
    """For ModelAdmin and inline classes with autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
