"""The story page's own lookup (articles/story_lookup.py) finds what
``Article.objects.published()`` finds, and reads it as the ORM would."""

import pytest
from django.db.models import Model

from articles.fragments import StoryPageResponse
from articles.models import Article
from articles.story_lookup import READ, live_story
from articles.views import ARTICLE_TEMPLATE
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
