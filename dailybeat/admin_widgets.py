"""Django admin, hardened where bad input reaches a Django bug.

The autocomplete: an impossible value posted for a related field (a typo, a
tampered form) is a form error, not a server error.

Django's AutocompleteSelect looks the submitted value up to redraw the form, and a
value that cannot be a primary key ("1e309") raises there (a Django bug). Here such
values are dropped before the lookup; the field's own validation has already said
what is wrong.

The date filter and drill-down: an address typed or edited by hand is read the way
the admin's own links are, or answered as a bad address, never a server error.
"""

from datetime import datetime

from django.contrib.admin.filters import DateFieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


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


class SafeDateHierarchyChangeList(ChangeList):
    """The change list's date drill-down with a year it cannot handle
    (?published_at__year=2147483648, or 9999, whose next year does not exist) is
    a bad address, answered like any other (the list, with ?e=1), not a server
    error: Django catches only the ValueError of an impossible date, not an
    overflow, nor the one of the year after."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class SafeDateHierarchyMixin:
    """For ModelAdmin classes with a date_hierarchy."""

    def get_changelist(self, request, **kwargs):
        return SafeDateHierarchyChangeList


class LocalDateFieldListFilter(DateFieldListFilter):
    """Django's date filter, reading a date or time typed without a zone
    (?published_at__gte=2026-11-24) in the site's time zone, as its own links carry
    it, instead of handing the query a naive datetime (which Django only warns
    about, and which the tests, rightly, treat as an error)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        if isinstance(field, models.DateTimeField):
            self.used_parameters = {
                name: [_in_local_time(value) for value in values]
                for name, values in self.used_parameters.items()
            }


def _in_local_time(value):
    """An ISO date or time without a zone, made aware in the current time zone;
    anything else as it came (the field's own validation answers it)."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else value
