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


def size(queryset):
    """The paginator's count of ``queryset``, and the SQL it took."""
    with CaptureQueriesContext(connection) as queries:
        result = EstimatedCountPaginator(queryset, 20).count
    return result, [q["sql"] for q in queries.captured_queries]


def story_table_scans():
    """How many scans of the story table this transaction (the test's) started:
    counting starts one, the planner's estimate none."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables"
            " WHERE relname = 'articles_article'"
        )
        return cursor.fetchone()[0]


def planned_rows(queryset):
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    return round(plan[0]["Plan"]["Plan Rows"])


def analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")


@pytest.fixture
def big_table(monkeypatch):
    """A story table "big" for the paginator: 10 stories, counted by ANALYZE,
    with EXACT_BELOW at 3 (so big from 6 rows on)."""
    monkeypatch.setattr(pagination, "EXACT_BELOW", 3)
    stories = ArticleFactory.create_batch(10)
    analyse()
    return stories


def test_a_short_list_is_counted_in_one_query():
    ArticleFactory.create_batch(3)

    result, sql = size(Article.objects.all())

    assert result == 3
    assert len(sql) == 1


def test_in_a_big_table_a_clearly_long_list_is_the_planners_estimate(big_table):
    # Three stories go after ANALYZE: the planner still sees ten, a count seven.
    Article.objects.filter(pk__in=[story.pk for story in big_table[:3]]).delete()
    stories = Article.objects.all()
    assert planned_rows(stories) == 10
    scans = story_table_scans()

    result, sql = size(stories)

    assert result == 10
    assert len(sql) == 1
    assert story_table_scans() == scans  # not counted, even up to the bound


def test_in_a_big_table_a_short_list_is_still_counted(big_table):
    # The planner takes drafts for all ten stories; two are in review, counted.
    Article.objects.filter(pk__in=[story.pk for story in big_table[:2]]).update(
        status=Article.Status.REVIEW
    )
    in_review = Article.objects.filter(status=Article.Status.REVIEW)
    assert planned_rows(in_review) != 2
    scans = story_table_scans()

    result, sql = size(in_review)

    assert result == 2
    assert len(sql) == 1
    assert story_table_scans() > scans


def test_a_list_as_long_as_the_bound_is_estimated_never_below_it(monkeypatch):
    # Not analysed: the table looks small, the list is counted up to the bound,
    # and reaching it, it is at least that long.
    monkeypatch.setattr(pagination, "EXACT_BELOW", 3)
    ArticleFactory.create_batch(5)
    stories = Article.objects.all()

    result, sql = size(stories)

    assert result == max(planned_rows(stories), 3)
    assert len(sql) == 1


def test_an_empty_list_asks_nothing():
    result, sql = size(Article.objects.none())

    assert result == 0
    assert sql == []


def test_a_list_with_quotes_and_percent_signs_in_its_values_is_counted():
    ArticleFactory(headline="100% of the O'Brien report")
    ArticleFactory(headline="Something else")

    result, _sql = size(Article.objects.filter(headline__contains="% of the O'Brien"))

    assert result == 1


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
