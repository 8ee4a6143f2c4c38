"""A story's own part of its page is kept across other stories' saves, and is never
stale: whatever it shows, changed, shows on the next request (articles/fragments.py)."""

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.safestring import mark_safe

from articles import fragments, reads
from articles.models import Byline
from dailybeat import freshness, release
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticleFactory(
        published=True,
        headline="Monsoon session opens",
        authors=[AuthorFactory(name="Meera Iyer")],
        tags=["Parliament"],
        hero_image=ImageFactory(caption="The house at dusk"),
    )


def page(client, story, **headers):
    response = client.get(story.get_absolute_url(), **headers)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def queries_for(client, story):
    with CaptureQueriesContext(connection) as queries:
        page(client, story)
    return [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def test_another_storys_save_keeps_this_storys_part(client, story):
    page(client, story)
    other = ArticleFactory(published=True, headline="Elsewhere")
    other.headline = "Elsewhere, edited"
    other.save()  # a new content version: the whole page is built again…

    sql = queries_for(client, story)

    # …around this story's cached part: neither its byline nor its body is read
    # again (its related stories are: a publication may change them).
    assert not [query for query in sql if "articles_byline" in query]
    whole = f'"articles_article"."id" = {story.pk}'
    assert not [q for q in sql if '"articles_article"."body"' in q and whole in q]
    assert "Meera Iyer" in page(client, story)


def test_editing_the_story_shows_at_once(client, story):
    page(client, story)
    story.headline = "Monsoon session adjourned"
    story.save()

    assert "Monsoon session adjourned" in page(client, story)


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (
            lambda story: _rename(story.bylines.get().author, "Meera Iyer-Rao"),
            "Iyer-Rao",
        ),
        (lambda story: _rename(story.tags.get(), "Lok Sabha"), "Lok Sabha"),
        (lambda story: story.tags.add("Budget"), "Budget"),
        (
            lambda story: Byline.objects.create(
                article=story, author=AuthorFactory(name="Kavya Pillai"), position=2
            ),
            "Kavya Pillai",
        ),
        (
            lambda story: _recaption(story.hero_image, "Rain on the dome"),
            "Rain on the dome",
        ),
    ],
    ids=["author", "tag", "new tag", "new byline", "picture"],
)
def test_what_the_story_shows_besides_itself_shows_at_once(
    client, story, change, shown
):
    assert shown not in page(client, story)

    change(story)

    assert shown in page(client, story)


def test_a_renamed_section_shows_in_the_story_at_once(client, story):
    page(client, story)

    _rename(story.section, "Nation")

    # In the story's own part (the navigation shows top-level sections too).
    assert re.search(
        r'class="story__section">\s*<a [^>]*>Nation</a>', page(client, story)
    )


def test_a_removed_tag_goes_at_once(client, story):
    assert 'href="/tag/parliament/"' in page(client, story)

    story.tags.remove("Parliament")

    assert 'href="/tag/parliament/"' not in page(client, story)


def test_bylines_written_through_the_authors_field_show_at_once(client, story):
    page(client, story)

    story.authors.add(AuthorFactory(name="Farhan Qureshi"))  # no post_save

    assert "Farhan Qureshi" in page(client, story)


def test_the_linked_version_ends_again_when_the_change_is_committed(
    story, django_capture_on_commit_callbacks
):
    author = story.bylines.get().author
    with django_capture_on_commit_callbacks(execute=True):
        _rename(author, "Meera Iyer-Rao")
        # A reader's request now (before the commit) caches the old byline…
        before_commit = freshness.state().linked

    # …under a linked version that the commit ends.
    assert freshness.state().linked != before_commit


def test_a_further_correction_shows_at_once(client, story):
    first = story.corrections.create(note="The vote was on Tuesday.")
    story.revised_at = first.created_at
    story.save()
    assert "on Tuesday" in page(client, story)

    story.corrections.create(note="The bill's number was wrong.")

    assert "number was wrong" in page(client, story)


def _rename(thing, name):
    thing.name = name
    thing.save()


def _recaption(image, caption):
    image.caption = caption
    image.save()


def test_a_drafts_byline_and_tags_leave_published_stories_parts_alone(story):
    linked = freshness.state().linked
    draft = ArticleFactory(authors=[AuthorFactory()], tags=["Embargoed"])
    Byline.objects.filter(article=draft).delete()

    assert freshness.state().linked == linked

    story.tags.add("Budget")  # a published story's tags: its part must go
    assert freshness.state().linked != linked


def test_tags_added_while_unpublished_show_when_republished(client, editor, story):
    page(client, story)
    story.unpublish()
    story.save()
    story.tags.add("Budget")  # an unpublished story's tags: its version moves on
    story.publish()
    story.save()

    assert 'href="/tag/budget/"' in page(client, story)


def test_related_stories_follow_each_publication(client, story):
    assert "Next session date set" not in page(client, story)

    ArticleFactory(
        published=True, headline="Next session date set", tags=["Parliament"]
    )

    assert "Next session date set" in page(client, story)


def test_each_site_address_has_its_own_part(client, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "dailybeat.example"]
    page(client, story)

    html = page(client, story, HTTP_HOST="dailybeat.example")

    assert "http://dailybeat.example/" in html
    assert "http://testserver/" not in html


def test_a_new_release_builds_parts_afresh(rf, story, monkeypatch):
    request = rf.get(story.get_absolute_url())
    current = freshness.state()
    before = fragments.story_key(request, story, current)

    monkeypatch.setattr(release, "_current", "another-release")

    assert fragments.story_key(request, story, current) != before


def test_previews_neither_read_nor_keep_parts(client, editor_client, story):
    page(client, story)  # the published story's part, cached
    preview = reverse("admin:articles_article_preview", args=[story.pk])
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(preview)
    sql = [query["sql"] for query in queries.captured_queries]

    assert response.status_code == HTTPStatus.OK
    assert "<strong>Preview.</strong>" in response.content.decode()
    # Built whole: the byline was read, not taken from the readers' cache.
    assert [query for query in sql if "articles_byline" in query]


def test_a_preview_leaves_no_part_for_readers(client, editor_client, story):
    editor_client.get(reverse("admin:articles_article_preview", args=[story.pk]))

    html = page(client, story)

    assert "noindex" not in html
    assert "data-read-url=" in html


def test_with_the_cache_off_every_page_is_built_whole(client, story, settings):
    settings.FRAGMENT_CACHE = False
    settings.PAGE_CACHE = False
    page(client, story)

    sql = queries_for(client, story)

    assert [query for query in sql if "articles_byline" in query]


# The frame: the page around the parts, rendered once per section and version.


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE = False  # every request renders its page


def test_a_framed_page_is_the_page_built_whole(client, story, settings, no_page_cache):
    ArticleFactory(published=True, tags=["Parliament"])  # a related story
    page(client, story)  # the parts and the frame, cached

    assert _templates(client, story) == []  # framed: no template rendered
    framed = page(client, story)
    settings.FRAGMENT_CACHE = False
    assert "base.html" in _templates(client, story)

    assert framed == page(client, story)


def test_the_frame_is_rendered_once_for_a_sections_stories(
    client, story, no_page_cache
):
    neighbour = ArticleFactory(published=True, section=story.section)
    assert "base.html" in _templates(client, story)

    # The neighbour's parts are built; its frame is its section's.
    rendered = _templates(client, neighbour)
    assert "articles/parts/story.html" in rendered
    assert "base.html" not in rendered
    assert _templates(client, neighbour) == []


def test_each_section_has_its_frame(client, story):
    elsewhere = ArticleFactory(
        published=True, section=SectionFactory(name="Sport", slug="sport")
    )
    page(client, story)

    html = page(client, elsewhere)

    assert f'href="{elsewhere.section.get_absolute_url()}" aria-current' in html
    assert 'title="DailyBeat: Sport (RSS)"' in html


def test_a_new_content_version_shows_in_the_frame(client, story):
    page(client, story)

    SectionFactory(name="Weather", slug="weather")  # in the navigation

    assert ">Weather</a>" in page(client, story)


def test_most_read_shows_as_it_changes(client, story, monkeypatch, no_page_cache):
    # (The page cache keeps most read as long as the page.)
    first, second = (ArticleFactory(published=True) for _ in range(2))
    monkeypatch.setattr(reads, "most_read", lambda: [first])
    assert first.headline in page(client, story)

    # Read counts change most read within a content version.
    monkeypatch.setattr(reads, "most_read", lambda: [second])
    html = page(client, story)

    assert second.headline in html
    assert first.headline not in html


def test_a_template_without_a_place_for_each_part_renders_as_it_comes(rf, story):
    template = engines["django"].from_string(
        "<title>{{ article.headline }}</title>{{ parts.story }}"
    )
    parts = {
        name: mark_safe(html)
        for name, html in [
            ("head", "<meta>"),
            ("story", "<p>Text</p>"),
            ("related", ""),
        ]
    }
    context = {"article": story, "parts": parts, "most_read": []}

    response = fragments.StoryPageResponse(rf.get("/"), template, context).render()

    html = response.content.decode()
    assert html == "<title>Monsoon session opens</title><p>Text</p>"
    assert "dailybeat:part" not in html


def test_staff_get_the_page_around_its_parts_not_a_frame(
    editor_client, story, no_page_cache
):
    # A staff request reads the content version only as it needs it, so a frame
    # it made could hold what changed meanwhile: it makes none.
    assert "base.html" in _templates(editor_client, story)
    assert "base.html" in _templates(editor_client, story)
    assert "articles/parts/story.html" not in _templates(editor_client, story)


def _templates(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    return [template.name for template in response.templates]
