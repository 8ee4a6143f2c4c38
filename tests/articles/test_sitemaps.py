import xml.etree.ElementTree as ET
from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from articles import sitemaps
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return ET.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.iter(f"{SM}loc")]


@pytest.fixture
def newsroom():
    world = SectionFactory(slug="world", name="World")
    author = AuthorFactory(slug="meera")
    live = ArticleFactory(
        published=True, section=world, authors=[author], tags=["Iran"]
    )
    ArticleFactory(section=world, slug="a-draft", tags=["Secret"])
    ArticleFactory(scheduled=True, slug="embargoed", authors=[AuthorFactory(slug="x")])
    return live


def test_index_lists_every_sitemap(client, newsroom):
    root = xml(client, "/sitemap.xml")

    assert root.tag == f"{SM}sitemapindex"
    assert locations(root) == [
        "http://testserver/sitemap-stories.xml",
        "http://testserver/sitemap-news.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-authors.xml",
        "http://testserver/sitemap-tags.xml",
    ]


def test_stories_sitemap_has_published_stories_with_lastmod(client, newsroom):
    root = xml(client, "/sitemap-stories.xml")

    assert locations(root) == [f"http://testserver{newsroom.get_absolute_url()}"]
    assert root.find(f"{SM}url/{SM}lastmod").text.startswith(
        str(timezone.localdate(newsroom.published_at))
    )


def test_authors_and_tags_only_with_published_stories(client, newsroom):
    assert locations(xml(client, "/sitemap-authors.xml")) == [
        "http://testserver/author/meera/"
    ]
    assert locations(xml(client, "/sitemap-tags.xml")) == [
        "http://testserver/tag/iran/"
    ]
    assert "http://testserver/world/" in locations(xml(client, "/sitemap-sections.xml"))


def test_stories_split_at_the_sitemap_limit(client, monkeypatch, newsroom):
    monkeypatch.setattr(sitemaps.StorySitemap, "limit", 2)
    ArticleFactory.create_batch(4, published=True)

    assert "http://testserver/sitemap-stories.xml?p=3" in locations(
        xml(client, "/sitemap.xml")
    )
    assert len(locations(xml(client, "/sitemap-stories.xml?p=3"))) == 1
    assert client.get("/sitemap-stories.xml?p=4").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/sitemap-stories.xml?p=x").status_code == HTTPStatus.NOT_FOUND


class TestNewsSitemap:
    def test_google_news_fields(self, client, newsroom):
        root = xml(client, "/sitemap-news.xml")

        (url,) = root.iter(f"{SM}url")
        news = url.find(f"{NEWS}news")
        publication = news.find(f"{NEWS}publication")
        assert publication.findtext(f"{NEWS}name") == "DailyBeat"
        assert publication.findtext(f"{NEWS}language") == "en"
        assert news.findtext(f"{NEWS}title") == newsroom.headline
        assert news.findtext(f"{NEWS}publication_date").startswith(
            str(timezone.localdate(newsroom.published_at))
        )

    def test_only_the_last_two_days(self, client, newsroom):
        url = f"http://testserver{newsroom.get_absolute_url()}"
        with time_machine.travel(timezone.now() + timedelta(days=1, hours=22)):
            assert url in locations(xml(client, "/sitemap-news.xml"))
        with time_machine.travel(timezone.now() + timedelta(days=2, hours=1)):
            assert url not in locations(xml(client, "/sitemap-news.xml"))

    def test_editors_can_keep_a_story_out(self, client, newsroom):
        newsroom.in_news_sitemap = False
        newsroom.save()

        assert locations(xml(client, "/sitemap-news.xml")) == []
        assert locations(xml(client, "/sitemap-stories.xml"))  # still in the archive

    def test_at_most_a_thousand(self, monkeypatch, client):
        monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
        ArticleFactory.create_batch(5, published=True)

        assert len(locations(xml(client, "/sitemap-news.xml"))) == 3

    def test_any_headline_is_valid_xml(self, client):
        ArticleFactory(published=True, headline="Q&A: ‘why’ <now> \x0b“₹”")

        root = xml(client, "/sitemap-news.xml")

        assert root.find(f".//{NEWS}title").text == "Q&A: ‘why’ <now> “₹”"


def test_robots_txt_names_sitemaps_and_keeps_private_pages_out(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    for line in (
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/sitemap-news.xml",
    ):
        assert line in text.splitlines()


def test_favicon_ico_points_at_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
