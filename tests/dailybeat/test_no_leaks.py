"""Nothing leaks early: drafts, stories in review, scheduled and unpublished stories
appear in no public response, on any address the site exposes."""

import re
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from articles import reads, workflow
from articles.models import Article, PreviewLink
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarsecret"
FAR_FUTURE = datetime(2099, 1, 1, tzinfo=UTC)
LONG_AGO = datetime(
    2020, 1, 1, tzinfo=UTC
)  # in every hidden story's headline, slug, tag and body


def _public_patterns(resolver=None, prefix=""):
    """Every URL pattern readers can reach (not the newsroom's)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("admin/", "^media/", "bench/")):
            continue
        if isinstance(pattern, URLResolver):
            yield from _public_patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


@pytest.fixture
def newsroom(editor):
    world = SectionFactory(name="World", slug="world")
    author = AuthorFactory(slug="meera")
    live = ArticleFactory(
        published=True,
        section=world,
        authors=[author],
        tags=["Iran"],
        headline="Public story",
        hero_image=ImageFactory(),
    )
    hidden = []
    for state in ("draft", "review", "scheduled", "unpublished"):
        story = ArticleFactory(
            section=world,
            authors=[author],
            tags=["Iran", f"{SECRET} {state}"],
            headline=f"{SECRET} {state} headline",
            slug=f"{SECRET.lower()}-{state}",
            body=f"<p>{SECRET} body words</p>",
            hero_image=ImageFactory(caption=f"{SECRET} caption"),
            breaking_until=FAR_FUTURE,
        )
        if state == "review":
            story.submit_for_review()
            story.save()
        elif state == "scheduled":
            workflow.apply(story, "schedule", editor, at=FAR_FUTURE)
        elif state == "unpublished":
            workflow.apply(story, "publish", editor)
            workflow.apply(story, "unpublish", editor)
        hidden.append(Article.objects.get(pk=story.pk))
    for story in [live, *hidden]:
        reads.record(story.pk, reader=f"10.0.0.{story.pk % 200}")
    reads.flush()
    # A preview link that was revoked, for one of them.
    link = PreviewLink.objects.create(
        article=hidden[0],
        expires_at=FAR_FUTURE,
        revoked_at=LONG_AGO,
    )
    return live, hidden, link


def _urls(live, hidden, link):
    """Concrete addresses for every public pattern, including each hidden story's
    own address and its pictures' renditions, as a guesser would try them."""
    tag = live.tags.get(name="Iran")
    urls = {
        "": ["/"],
        "robots.txt": ["/robots.txt"],
        "favicon.ico": ["/favicon.ico"],
        "healthz": ["/healthz"],
        "sitemap.xml": ["/sitemap.xml"],
        "sitemap-news.xml": ["/sitemap-news.xml"],
        "sitemap-<section>.xml": [
            f"/sitemap-{name}.xml"
            for name in ("stories", "sections", "authors", "tags")
        ],
        "author/<slug:slug>/": ["/author/meera/"],
        "feed/": ["/feed/"],
        "feed/atom/": ["/feed/atom/"],
        "author/<slug:slug>/feed/": ["/author/meera/feed/"],
        "author/<slug:slug>/feed/atom/": ["/author/meera/feed/atom/"],
        "tag/<tagslug:slug>/": [f"/tag/{tag.slug}/"]
        + [f"/tag/{t.slug}/" for s in hidden for t in s.tags.exclude(name="Iran")],
        "tag/<tagslug:slug>/feed/": [f"/tag/{tag.slug}/feed/"]
        + [f"/tag/{t.slug}/feed/" for s in hidden for t in s.tags.exclude(name="Iran")],
        "tag/<tagslug:slug>/feed/atom/": [f"/tag/{tag.slug}/feed/atom/"],
        "preview/<str:token>/": [link.get_absolute_url()],
        # (Not the secret itself: the search page repeats what was asked.)
        "search/": ["/search/?q=body+words", "/search/?q=headline", "/search/?q=Iran"],
        "read/<int:pk>/": [],  # POST only; counted by the test below
        "<slug:section>/feed/": ["/world/feed/"],
        "<slug:section>/feed/atom/": ["/world/feed/atom/"],
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/": [
            live.get_absolute_url(),
            *(story.get_absolute_url() for story in hidden),
        ],
        "<slug:slug>/": ["/world/", "/world/?page=2"],
    }
    return urls


def test_every_public_address_is_walked_and_leaks_nothing(client, newsroom):
    live, hidden, link = newsroom
    urls = _urls(live, hidden, link)
    routes = {route for route, _pattern in _public_patterns()}
    assert routes <= set(urls), f"addresses not walked: {routes - set(urls)}"

    hidden_files = [
        s.hero_image.file.name.rsplit("/", 1)[1].split(".")[0] for s in hidden
    ]
    for addresses in urls.values():
        for url in addresses:
            response = client.get(url)
            assert response.status_code in (
                HTTPStatus.OK,
                HTTPStatus.MOVED_PERMANENTLY,
                HTTPStatus.NOT_FOUND,
            ), url
            text = response.content.decode()
            assert SECRET.lower() not in text.lower(), f"{url} shows a hidden story"
            for name in hidden_files:
                assert name not in text, f"{url} shows a hidden story's picture"
    # The public story is there, so the walk did see content.
    assert "Public story" in client.get("/").content.decode()


def test_search_finds_none_of_them(client, newsroom):
    response = client.get("/search/", {"q": SECRET})

    assert list(response.context["stories"]) == []
    assert "No stories match" in response.content.decode()


def test_hidden_stories_answer_404_with_nothing_of_theirs(client, newsroom):
    _live, hidden, _link = newsroom
    for story in hidden:
        response = client.get(story.get_absolute_url())
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert SECRET.lower() not in response.content.decode().lower()


def test_related_most_read_breaking_and_json_ld_of_the_public_story(client, newsroom):
    live, _hidden, _link = newsroom

    html = client.get(live.get_absolute_url()).content.decode()

    assert SECRET.lower() not in html.lower()
    assert re.search(r'<script type="application/ld\+json">', html)
    assert [s.pk for s in reads.most_read()] == [live.pk]


def test_staff_see_them_in_the_newsroom(client, newsroom):
    _live, hidden, _link = newsroom
    client.force_login(StaffFactory(username="chief", is_superuser=True))

    html = client.get("/admin/articles/article/").content.decode()

    assert all(story.headline in html for story in hidden)
