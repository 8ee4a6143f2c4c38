from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

# The author, the count, the stories, their bylines: the same whatever the number
# of stories.
PAGE_QUERIES = 4


def test_author_page_shows_bio_links_and_published_stories(client):
    author = AuthorFactory(
        name="Kavya Iyer",
        slug="kavya-iyer",
        role="Markets Editor",
        bio="Covers the markets.",
        x_handle="kavya_markets",
    )
    story = ArticleFactory(published=True, authors=[author])
    draft = ArticleFactory(authors=[author], headline="Draft by Kavya")
    scheduled = ArticleFactory(scheduled=True, authors=[author], headline="Soon")

    response = client.get("/author/kavya-iyer/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<h1 class="page-header__title">Kavya Iyer</h1>' in html
    assert "Markets Editor" in html
    assert "Covers the markets." in html
    assert 'href="https://x.com/kavya_markets"' in html
    assert story.headline in html
    assert draft.headline not in html
    assert scheduled.headline not in html


def test_co_authored_story_is_on_each_authors_page(client):
    first, second = AuthorFactory.create_batch(2)
    story = ArticleFactory(published=True, authors=[first, second])

    for author in (first, second):
        assert story.headline in client.get(author.get_absolute_url()).content.decode()


def test_unknown_author_is_404(client):
    assert client.get("/author/nobody/").status_code == HTTPStatus.NOT_FOUND


def test_query_budget(client):
    author = AuthorFactory()
    ArticleFactory.create_batch(25, published=True, authors=[author, AuthorFactory()])

    assert page_queries(client, author.get_absolute_url() + "?page=2") <= PAGE_QUERIES


def test_author_page_lists_newest_first_across_pages_and_follows_publishing(client):
    author = AuthorFactory()
    now = timezone.now()
    stories = [
        ArticleFactory(
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=hours),
            authors=[author],
            headline=f"Story published {hours} hours ago",
        )
        for hours in range(1, 26)
    ]

    def headlines(page):
        response = client.get(f"{author.get_absolute_url()}?page={page}")
        return [story.headline for story in response.context["stories"]]

    assert headlines(1) == [story.headline for story in stories[:20]]
    assert headlines(2) == [story.headline for story in stories[20:]]

    # Unpublishing the newest takes it off; the twenty-first moves up.
    stories[0].unpublish()
    stories[0].save()
    assert headlines(1) == [story.headline for story in stories[1:21]]


def test_author_page_counts_only_what_readers_may_see(client):
    author = AuthorFactory()
    ArticleFactory.create_batch(21, published=True, authors=[author])
    ArticleFactory(authors=[author])  # a draft
    ArticleFactory(scheduled=True, authors=[author])
    gone = ArticleFactory(published=True, authors=[author])
    gone.unpublish()
    gone.save()

    first = client.get(author.get_absolute_url())
    second = client.get(f"{author.get_absolute_url()}?page=2")

    assert first.context["paginator"].count == 21
    assert len(second.context["stories"]) == 1
    assert client.get(f"{author.get_absolute_url()}?page=3").status_code == (
        HTTPStatus.NOT_FOUND
    )
