"""A paginator for lists too long to count on every page view."""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this, PostgreSQL's estimate is not good enough: count for real.
EXACT_BELOW = 20_000


class EstimatedCountPaginator(Paginator):
    """Counts like Django's, except that for large results it takes PostgreSQL's
    estimate from the query plan instead of running COUNT(*) over them (a full scan
    of a large section, or of a million stories in the newsroom's list, on every
    page). "Page 3 of about 5,120" is fine for a reader; the estimate is never used
    for lists small enough to count quickly."""

    @cached_property
    def count(self):
        return estimated_count(self.object_list)


class DeferredJoinPaginator(EstimatedCountPaginator):
    """For lists whose order and filters an index holds whole (a section's stories:
    ``article_live_idx``): a page's rows are picked by id first, then only they are
    read. Page 500 skips ten thousand rows; an index-only scan skips them in a few
    milliseconds, where reading each row took a tenth of a second or more.

    The list's order must be total (end with the primary key), or a row could fall
    between two pages; and it must not be ``distinct()``, whose ordering columns
    Django would add to the ids' subquery."""

    def _get_page(self, object_list, number, paginator):
        if isinstance(object_list, QuerySet):
            ids = object_list.values("pk")  # keeps the slice and the order
            object_list = self.object_list.filter(pk__in=ids)
        return super()._get_page(object_list, number, paginator)


def estimated_count(queryset):
    """How many rows ``queryset`` has: exact below EXACT_BELOW, PostgreSQL's
    estimate above (EstimatedCountPaginator). One query, whatever the sizes of the
    list and its table: ``dailybeat_list_size`` (migration articles 0019) asks the
    planner in a big table and counts a short list, on the server."""
    connection = connections[queryset.db]
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # .none(), or a filter on an empty list: nothing to ask
        return 0
    with connection.cursor() as cursor:
        # The list's SQL whole, its values quoted in by the driver, for the
        # function to run (EXECUTE takes no parameters of its own).
        query = cursor.mogrify(sql, params).decode()
        cursor.execute(
            "SELECT dailybeat_list_size(%s, %s::regclass, %s)",
            [query, queryset.model._meta.db_table, EXACT_BELOW],
        )
        return cursor.fetchone()[0]


class CountedElsewhereMixin:
    """For a ListView whose rows have a cheaper twin to count: ``count_queryset()``
    returns a queryset holding exactly as many rows as the list (an author's live
    bylines for their stories: one index, no story read), and the paginator counts
    that instead."""

    def count_queryset(self):
        raise NotImplementedError

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = estimated_count(self.count_queryset())
        return paginator
