"""Counting long lists without counting them."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from dailybeat import pagination
from dailybeat.pagination import DeferredJoinPaginator, EstimatedCountPaginator
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def count(monkeypatch, table_rows, estimate):
    monkeypatch.setattr(pagination, "_rows_in_table", lambda queryset: table_rows)
    monkeypatch.setattr(pagination, "_estimate", lambda queryset: estimate)
    with CaptureQueriesContext(connection) as queries:
        result = EstimatedCountPaginator(Article.objects.all(), 20).count
    return result, [q["sql"] for q in queries.captured_queries]


def test_in_a_big_table_a_clearly_long_list_is_estimated_without_counting(
    monkeypatch,
):
    result, sql = count(monkeypatch, table_rows=1_000_000, estimate=87_000)

    assert result == 87_000
    assert not [s for s in sql if "COUNT(*)" in s]


def test_in_a_big_table_a_short_list_is_still_counted(monkeypatch):
    ArticleFactory.create_batch(3)

    result, sql = count(monkeypatch, table_rows=1_000_000, estimate=150)

    assert result == 3
    assert [s for s in sql if "COUNT(*)" in s]


def test_a_small_table_is_counted_without_asking_the_planner(monkeypatch):
    ArticleFactory.create_batch(3)

    result, _sql = count(monkeypatch, table_rows=500, estimate=10**9)

    assert result == 3


def test_the_table_size_comes_from_postgresql_statistics():
    pagination._table_rows.clear()
    ArticleFactory.create_batch(5)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")

    assert pagination._rows_in_table(Article.objects.all()) == 5
    # Asked once, then remembered.
    with CaptureQueriesContext(connection) as queries:
        pagination._rows_in_table(Article.objects.all())
    assert queries.captured_queries == []


def test_deferred_join_pages_match_plain_slices_in_order_and_count():
    now = timezone.now()
    # Same publish times in pairs: the id settles the order, as in the index.
    for number in range(22):
        ArticleFactory(
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=number // 2),
        )
    stories = Article.objects.published()
    plain = Paginator(stories, 5, orphans=2)
    deferred = DeferredJoinPaginator(stories, 5, orphans=2)

    assert deferred.num_pages == plain.num_pages == 4
    for number in plain.page_range:
        assert list(deferred.page(number)) == list(plain.page(number))
    # The last page takes the orphans: 7 stories.
    assert len(deferred.page(4)) == 7


def test_deferred_join_reads_a_page_in_one_query():
    ArticleFactory.create_batch(12, published=True)
    paginator = DeferredJoinPaginator(Article.objects.published(), 5)
    paginator.count  # noqa: B018 (counted apart)

    with CaptureQueriesContext(connection) as queries:
        list(paginator.page(2))

    (query,) = queries.captured_queries
    # The page's ids in a subquery, the stories read by id.
    assert 'IN (SELECT U0."id" AS "pk" FROM' in query["sql"]
    assert "LIMIT 5 OFFSET 5)" in query["sql"]
