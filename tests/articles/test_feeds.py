import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest

from tests.factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
DC = "{http://purl.org/dc/elements/1.1/}"
HOSTILE_HEADLINE = "Iran’s ‘good beginning’ & “next steps” <b>— ₹10 crore\x0b"


@pytest.fixture
def story():
    world = SectionFactory(name="World", slug="world")
    return ArticleFactory(
        published=True,
        section=world,
        headline=HOSTILE_HEADLINE,
        standfirst="Talks & more <talks>.",
        authors=[
            AuthorFactory(name="Meera Raghavan", slug="meera"),
            AuthorFactory(name="Daniel Okafor", slug="daniel"),
        ],
        tags=["Iran", "Diplomacy"],
        hero_image=ImageFactory(caption="Delegates in Muscat", credit="Agency"),
    )


def feed(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response, ET.fromstring(response.content)  # well-formed XML or it raises


def test_rss_has_every_field_readers_and_aggregators_use(client, story):
    response, root = feed(client, "/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    (item,) = root.iter("item")
    assert item.findtext("title") == HOSTILE_HEADLINE.replace("\x0b", "")
    assert item.findtext("link") == f"http://testserver{story.get_absolute_url()}"
    assert item.findtext("description") == "Talks & more <talks>."
    assert item.findtext(f"{DC}creator") == "Meera Raghavan and Daniel Okafor"
    assert {c.text for c in item.iter("category")} == {"World", "Iran", "Diplomacy"}
    assert item.findtext("pubDate")
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == story.hero_image.file_size > 0
    media = item.find(f"{MEDIA}content")
    assert media.get("url").endswith(story.hero_image.file.url)
    assert media.get("width") == str(story.hero_image.width)
    assert media.findtext(f"{MEDIA}description") == "Delegates in Muscat"


def test_atom_has_published_and_updated_times(client, story):
    response, root = feed(client, "/feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    (entry,) = root.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}summary") == "Talks & more <talks>."
    links = {link.get("rel"): link for link in entry.iter(f"{ATOM}link")}
    assert "enclosure" in links


@pytest.mark.parametrize(
    "url",
    [
        "/feed/",
        "/feed/atom/",
        "/world/feed/",
        "/world/feed/atom/",
        "/author/meera/feed/",
        "/author/meera/feed/atom/",
        "/tag/iran/feed/",
        "/tag/iran/feed/atom/",
    ],
)
def test_every_feed_lists_published_stories_only(client, story, url):
    section = story.section
    author = story.bylines.first().author
    ArticleFactory(
        headline="Draft headline", section=section, authors=[author], tags=["Iran"]
    )
    ArticleFactory(
        scheduled=True,
        headline="Embargoed headline",
        section=section,
        authors=[author],
        tags=["Iran"],
    )

    response, root = feed(client, url)

    text = response.content.decode()
    assert "Draft headline" not in text
    assert "Embargoed headline" not in text
    titles = [e.text for e in root.iter() if e.tag in ("title", f"{ATOM}title")]
    assert HOSTILE_HEADLINE.replace("\x0b", "") in titles


@pytest.mark.parametrize(
    "url", ["/nope/feed/", "/author/nobody/feed/", "/tag/nothing/feed/"]
)
def test_unknown_feeds_are_404(client, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_feed_of_a_tag_with_only_unpublished_stories_is_404(client):
    ArticleFactory(scheduled=True, tags=["Secret"])

    assert client.get("/tag/secret/feed/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("url", "feed_url"),
    [
        ("/", "/feed/"),
        ("/world/", "/world/feed/"),
        ("/author/meera/", "/author/meera/feed/"),
        ("/tag/iran/", "/tag/iran/feed/"),
    ],
)
def test_pages_announce_their_feeds(client, story, url, feed_url):
    html = client.get(url).content.decode()

    assert 'type="application/rss+xml"' in html
    assert f'href="{feed_url}"' in html


def test_feed_query_count_does_not_grow(client):
    for _ in range(10):
        ArticleFactory(
            published=True,
            authors=[AuthorFactory()],
            tags=["Iran"],
            hero_image=ImageFactory(),
        )

    # The stories (with section and image), bylines, tags.
    assert page_queries(client, "/feed/") <= 3


def test_control_characters_in_names_never_break_a_feed(client):
    # Pasted from a word processor into the admin: a vertical tab, a bell.
    section = SectionFactory(name="Busi\x07ness", slug="business")
    author = AuthorFactory(name="Meera\x0b Raghavan", slug="meera")
    story = ArticleFactory(
        published=True, section=section, authors=[author], tags=["Mar\x0ckets"]
    )
    tag_slug = story.tags.get().slug

    for url in [
        "/feed/",
        "/feed/atom/",
        "/business/feed/",
        "/author/meera/feed/",
        f"/tag/{tag_slug}/feed/",
    ]:
        response, root = feed(client, url)
        text = response.content.decode()
        assert "Meera Raghavan" in text or "Business" in text, url
        assert not set(text) & {"\x07", "\x0b", "\x0c"}, url
