"""The story page's own lookup (articles/story_lookup.py) finds what
``Article.objects.published()`` finds, and reads it as the ORM would."""

import psycopg2
import pytest
from django.db import OperationalError, connections
from django.db.models import Model
from django.test.utils import CaptureQueriesContext

from articles.fragments import StoryPageResponse
from articles.models import Article
from articles.story_lookup import READ, STATEMENT, live_story
from articles.views import ARTICLE_TEMPLATE
from sections.models import Section
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "state",
    [
        {"published": True},
        {"scheduled": True},
        {},  # a draft
        {"status": Article.Status.REVIEW},
        {"published": True, "status": Article.Status.DRAFT},  # unpublished
    ],
    ids=["published", "scheduled", "draft", "in review", "unpublished"],
)
def test_it_finds_what_readers_may_see_and_nothing_else(state):
    story = ArticleFactory(**state)
    readers_see = Article.objects.published().filter(pk=story.pk).exists()

    found = live_story(story.slug)

    assert (found is not None) == readers_see
    assert found is None or found.pk == story.pk


def test_an_unknown_slug_finds_nothing():
    ArticleFactory(published=True, slug="a-story")

    assert live_story("another-story") is None


def test_the_story_is_read_as_the_orm_reads_it(django_assert_num_queries):
    parent = SectionFactory(name="India")
    story = ArticleFactory(
        published=True,
        section=SectionFactory(name="Kerala", parent=parent),
        standfirst="Rain in the south.",
        dateline="KOCHI",
        breaking_until=None,
    )
    expected = (
        Article.objects.published()
        .select_related("section")
        .only(*READ)
        .get(pk=story.pk)
    )

    with django_assert_num_queries(1):
        found = live_story(story.slug)
        section = found.section  # read with it

    assert found.get_deferred_fields() == expected.get_deferred_fields()
    assert "body" in found.get_deferred_fields()
    assert _values(found) == _values(expected)
    assert _values(section) == _values(expected.section)
    assert section.parent_id == parent.pk
    assert found._state.db == expected._state.db
    assert not found._state.adding


def test_a_deferred_column_still_reads_on_demand():
    story = ArticleFactory(published=True, body="<p>The full text.</p>")

    assert live_story(story.slug).body == "<p>The full text.</p>"


def _values(instance: Model):
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.attname not in instance.get_deferred_fields()
    }


def test_the_page_around_the_parts_reads_nothing_deferred(
    client, rf, django_assert_num_queries
):
    story = ArticleFactory(published=True)
    client.get(story.get_absolute_url())  # the site's chrome, cached
    lean = live_story(story.slug)
    parts = dict.fromkeys(("head", "story", "related"), "")
    context = {"article": lean, "parts": parts, "most_read": []}
    context["current_section_id"] = lean.section.pk
    response = StoryPageResponse(
        rf.get(lean.get_absolute_url()), ARTICLE_TEMPLATE, context
    )

    with django_assert_num_queries(0):
        response._frame(parts)


# The lookup as a prepared statement on each connection. Readers' requests run
# outside transactions: these tests do too (transaction=True).
prepared_db = pytest.mark.django_db(transaction=True)


def _connection():
    """The connection the lookup uses (the router's choice)."""
    return connections[Article.objects.db]


def _prepared():
    """(generic plans, custom plans) of this session's statement, or None."""
    with _connection().cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE name = %s",
            [STATEMENT],
        )
        return cursor.fetchone()


def _lookup(story):
    """Looks ``story`` up; the SQL it sent."""
    with CaptureQueriesContext(_connection()) as captured:
        assert live_story(story.slug).pk == story.pk
    return [query["sql"] for query in captured.captured_queries]


@prepared_db
def test_a_new_connection_prepares_the_lookup_in_its_first_query():
    story = ArticleFactory(published=True)
    _connection().close()
    _connection().connect()
    assert _prepared() is None

    [first] = _lookup(story)
    [second] = _lookup(story)

    assert first.startswith(f"PREPARE {STATEMENT} ")
    assert second.startswith(f"EXECUTE {STATEMENT} ")


@prepared_db
def test_postgresql_plans_it_for_any_slug_and_keeps_the_slugs_index():
    story = ArticleFactory(published=True)
    for _ in range(8):
        _lookup(story)

    generic_plans, _ = _prepared()
    assert generic_plans >= 1  # planned once for any slug, then reused
    with _connection().cursor() as cursor:
        cursor.execute(
            f"EXPLAIN EXECUTE {STATEMENT} (%s, 'published', now())", [story.slug]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan using articles_article_slug" in plan, plan
    assert "Seq Scan on articles_article" not in plan, plan


@prepared_db
@pytest.mark.parametrize("forget", [f"DEALLOCATE {STATEMENT}", "DISCARD ALL"])
def test_a_statement_the_session_forgot_is_prepared_again(forget):
    story = ArticleFactory(published=True)
    _lookup(story)
    with _connection().cursor() as cursor:
        cursor.execute(forget)
    assert _prepared() is None

    failed, again = _lookup(story)

    assert failed.startswith(f"EXECUTE {STATEMENT} ")
    assert again.startswith(f"PREPARE {STATEMENT} ")
    assert _prepared() is not None


@prepared_db
def test_a_statement_whose_columns_changed_type_is_prepared_again():
    # (A column's type changed by a migration while the app runs.)
    story = ArticleFactory(published=True, section=SectionFactory(name="Sport"))
    _lookup(story)
    with _connection().cursor() as cursor:
        cursor.execute("ALTER TABLE sections_section ALTER COLUMN name TYPE text")
    try:
        failed, again = _lookup(story)
        found = live_story(story.slug)
    finally:
        with _connection().cursor() as cursor:
            cursor.execute(
                "ALTER TABLE sections_section ALTER COLUMN name TYPE varchar(%s)",
                [Section._meta.get_field("name").max_length],
            )
        _connection().close()  # (its statement is stale again)

    assert failed.startswith(f"EXECUTE {STATEMENT} ")
    assert again.startswith(f"DEALLOCATE {STATEMENT}; PREPARE {STATEMENT} ")
    assert found.section.name == "Sport"


@prepared_db
def test_a_statement_of_that_name_it_did_not_prepare_is_replaced():
    # A first use that failed after preparing, or anything else by that name.
    story = ArticleFactory(published=True)
    _connection().close()
    with _connection().cursor() as cursor:
        cursor.execute(f"PREPARE {STATEMENT} (text, text, timestamptz) AS SELECT 1")

    refused, again = _lookup(story)

    assert refused.startswith(f"PREPARE {STATEMENT} ")
    assert again.startswith(f"DEALLOCATE {STATEMENT}; PREPARE {STATEMENT} ")
    [used] = _lookup(story)
    assert used.startswith(f"EXECUTE {STATEMENT} ")


@prepared_db
def test_a_reconnect_prepares_it_again():
    story = ArticleFactory(published=True)
    _lookup(story)
    _connection().close()

    [first] = _lookup(story)

    assert first.startswith(f"PREPARE {STATEMENT} ")


@prepared_db
def test_other_errors_are_not_hidden():
    story = ArticleFactory(published=True)
    _lookup(story)
    # Another session holds the sections' table: the lookup waits, and gives up.
    other = psycopg2.connect(**_connection().get_connection_params())
    try:
        with other.cursor() as cursor:
            cursor.execute("LOCK TABLE sections_section IN ACCESS EXCLUSIVE MODE")
        with _connection().cursor() as cursor:
            cursor.execute("SET lock_timeout = '50ms'")
        with (
            CaptureQueriesContext(_connection()) as captured,
            pytest.raises(OperationalError, match="lock timeout"),
        ):
            live_story(story.slug)
        [tried] = [query["sql"] for query in captured.captured_queries]  # once
        assert tried.startswith(f"EXECUTE {STATEMENT} ")
    finally:
        other.rollback()
        other.close()
        _connection().close()  # (its lock_timeout)


@prepared_db
def test_it_can_be_turned_off(settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    story = ArticleFactory(published=True)
    _connection().close()

    [first] = _lookup(story)

    assert first.startswith("SELECT ")
    assert _prepared() is None
