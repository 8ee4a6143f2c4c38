"""Readers get whole pages from the cache, and never a stale one."""

from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse

from articles import workflow
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    section = SectionFactory(name="World", slug="world")
    author = AuthorFactory(slug="meera")
    story = ArticleFactory(
        published=True,
        section=section,
        authors=[author],
        tags=["Iran"],
        headline="First story",
    )
    return section, author, story


PAGES = ["/", "/world/", "/author/meera/", "/tag/iran/", "/feed/", "/sitemap-news.xml"]


def test_second_request_is_served_from_the_cache_without_queries(
    client, newsroom, django_assert_num_queries
):
    _, _, story = newsroom
    first = client.get(story.get_absolute_url())

    with django_assert_num_queries(0):
        second = client.get(story.get_absolute_url())

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_shows_everywhere_on_the_very_next_request(client, editor, newsroom):
    section, author, _ = newsroom
    for url in PAGES:
        client.get(url)  # cached
    draft = ArticleFactory(
        section=section, authors=[author], tags=["Iran"], headline="Fresh news"
    )

    workflow.apply(draft, "publish", editor)

    for url in PAGES:
        assert "Fresh news" in client.get(url).content.decode(), url


def test_editing_shows_on_the_next_request(client, newsroom):
    _, _, story = newsroom
    client.get(story.get_absolute_url())

    story.headline = "Corrected headline"
    story.save()

    assert "Corrected headline" in client.get(story.get_absolute_url()).content.decode()


def test_unpublishing_removes_the_story_at_once(client, editor, newsroom):
    _, _, story = newsroom
    url = story.get_absolute_url()
    for page in [url, *PAGES]:
        client.get(page)

    workflow.apply(story, "unpublish", editor)

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    for page in ("/", "/world/", "/author/meera/", "/feed/"):
        assert "First story" not in client.get(page).content.decode(), page


def test_a_scheduled_story_appears_when_its_time_comes(client, newsroom):
    section, author, _ = newsroom
    scheduled = ArticleFactory(
        scheduled=True, section=section, authors=[author], headline="Embargoed"
    )
    for url in PAGES:
        assert "Embargoed" not in client.get(url).content.decode()

    with time_machine.travel(scheduled.published_at + timedelta(seconds=1)):
        for url in ("/", "/world/", "/author/meera/", "/feed/"):
            assert "Embargoed" in client.get(url).content.decode(), url


def test_staff_are_never_served_from_or_stored_in_the_cache(client, editor, newsroom):
    _, _, story = newsroom
    client.force_login(editor)

    response = client.get(story.get_absolute_url())

    assert "X-Page-Cache" not in response
    client.logout()
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "miss"


def test_previews_are_never_cached(editor_client):
    draft = ArticleFactory()
    url = reverse("admin:articles_article_preview", args=[draft.pk])

    assert "X-Page-Cache" not in editor_client.get(url)


def test_reader_pages_set_no_cookies_and_say_how_to_cache(client, newsroom):
    _, _, story = newsroom
    for url in [story.get_absolute_url(), *PAGES, "/search/?q=first"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert response["Cache-Control"] == (
            "public, max-age=0, s-maxage=10, stale-while-revalidate=30"
        ), url


def test_conditional_requests_get_a_304(client, newsroom):
    _, _, story = newsroom
    first = client.get(story.get_absolute_url())

    again = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"]
    assert again.status_code == HTTPStatus.NOT_MODIFIED


def test_the_newsroom_is_never_publicly_cacheable(editor_client):
    response = editor_client.get(reverse("admin:articles_article_changelist"))

    assert (
        "private" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )
    assert "X-Page-Cache" not in response


def test_the_page_cache_can_be_switched_off(client, settings, newsroom):
    settings.PAGE_CACHE = False
    _, _, story = newsroom
    client.get(story.get_absolute_url())

    assert "X-Page-Cache" not in client.get(story.get_absolute_url())


def test_shared_preview_links_are_never_cached(editor_client, client):
    from articles.models import PreviewLink

    draft = ArticleFactory(headline="Secret draft")
    editor_client.post(
        reverse("admin:articles_article_preview_links", args=[draft.pk]),
        {"lifetime": "1d"},
    )
    url = PreviewLink.objects.get().get_absolute_url()
    client.logout()

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_tracking_parameters_do_not_make_new_pages(client, newsroom):
    _, _, story = newsroom
    client.get(story.get_absolute_url())

    response = client.get(story.get_absolute_url() + "?utm_source=x&fbclid=y")

    assert response["X-Page-Cache"] == "hit"


def test_not_found_pages_are_not_cached(client, newsroom):
    client.get("/no-such-section/")

    assert "X-Page-Cache" not in client.get("/no-such-section/")


def test_http_and_https_pages_are_cached_apart(client, newsroom):
    _, _, story = newsroom
    client.get(story.get_absolute_url())

    secure = client.get(story.get_absolute_url(), secure=True)

    assert secure["X-Page-Cache"] == "miss"
    assert "https://testserver/" in secure.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_reader_between_the_save_and_its_commit_cannot_keep_the_old_page():
    """While a save is in progress, another reader (another connection, seeing the
    old row) may render the old page and cache it under the new version. The
    version changes again once the save is committed, so that page is never
    served afterwards."""
    from django.db import transaction
    from django.test import Client, RequestFactory

    from dailybeat import freshness
    from dailybeat.middleware import PageCacheMiddleware, pages

    story = ArticleFactory(published=True, headline="Before the takedown")
    url = story.get_absolute_url()
    reader = Client()

    with transaction.atomic():
        story.headline = "After the takedown"
        story.save()
        # The other reader's render of the old row, cached under the new version:
        key = PageCacheMiddleware._key(RequestFactory().get(url), freshness.version())
        pages.put(key, 60, 200, {}, b"<h1>Before the takedown</h1>")

    html = reader.get(url).content.decode()
    assert "Before the takedown" not in html
    assert "After the takedown" in html


def test_the_page_store_keeps_to_its_memory_budget():
    from dailybeat.middleware import PageStore

    store = PageStore(budget_bytes=3 * (1000 + 512))
    for number in range(5):
        store.put(f"page-{number}", 60, 200, {}, b"x" * 1000)
    store.get("page-2")  # recently used: kept
    store.put("page-5", 60, 200, {}, b"x" * 1000)

    kept = [
        key
        for key in ("page-0", "page-1", "page-2", "page-3", "page-4", "page-5")
        if store.get(key)
    ]
    assert kept == ["page-2", "page-4", "page-5"]
    assert store.used <= store.budget


def test_expired_pages_are_not_served():
    from dailybeat.middleware import PageStore

    store = PageStore(budget_bytes=10_000)
    store.put("page", 0, 200, {}, b"old")

    assert store.get("page") is None


def test_a_page_rendered_by_one_process_serves_the_others(client, settings, newsroom):
    """With a shared cache (Redis), another process finds the page there."""
    from dailybeat.middleware import pages

    settings.PAGE_CACHE_SHARED = True
    _, _, story = newsroom
    client.get(story.get_absolute_url())
    pages.clear()  # as if the next request reached another process

    response = client.get(story.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"


def test_a_deploy_renders_pages_afresh(client, monkeypatch):
    from dailybeat import release

    assert client.get("/").headers["X-Page-Cache"] == "miss"
    assert client.get("/").headers["X-Page-Cache"] == "hit"

    monkeypatch.setattr(release, "_current", "the-next-release")

    assert client.get("/").headers["X-Page-Cache"] == "miss"
