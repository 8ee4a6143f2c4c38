"""A paginator for lists too long to count on every page view."""

import json

from django.core.paginator import Paginator
from django.db import connections
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
        queryset = self.object_list
        # Count, but stop at EXACT_BELOW: exact for a short list, one query.
        bounded = queryset.order_by()[:EXACT_BELOW].count()
        if bounded < EXACT_BELOW:
            return bounded
        return max(self._estimate(queryset), EXACT_BELOW)

    @staticmethod
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
