"""A paginator for lists too long to count on every page view."""

import json
import time

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this, PostgreSQL's estimate is not good enough: count for real.
EXACT_BELOW = 20_000
# How long a process trusts what it learnt of a table's size.
TABLE_SIZE_SECONDS = 600
_table_rows = {}  # (database, table) → (rows, when)


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
    estimate above (EstimatedCountPaginator)."""
    if _rows_in_table(queryset) >= 2 * EXACT_BELOW:
        # A big table: ask the planner first (nothing is read), and believe it
        # when it says the list is clearly long.
        estimate = _estimate(queryset)
        if estimate >= 2 * EXACT_BELOW:
            return estimate
    # Count, but stop at EXACT_BELOW: exact for a short list, one query.
    bounded = queryset.order_by()[:EXACT_BELOW].count()
    if bounded < EXACT_BELOW:
        return bounded
    return max(_estimate(queryset), EXACT_BELOW)


def _estimate(queryset):
    query = queryset.order_by().values("pk").query
    connection = connections[queryset.db]
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _rows_in_table(queryset):
    """Roughly how many rows the queryset's table has (PostgreSQL's statistics),
    looked up once every TABLE_SIZE_SECONDS per process."""
    key = (queryset.db, queryset.model._meta.db_table)
    rows, when = _table_rows.get(key, (0, 0.0))
    if time.monotonic() - when > TABLE_SIZE_SECONDS:
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [key[1]]
            )
            found = cursor.fetchone()
        rows = int(found[0]) if found and found[0] and found[0] > 0 else 0
        _table_rows[key] = (rows, time.monotonic())
    return rows


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
