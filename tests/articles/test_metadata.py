import json
import re
from http import HTTPStatus

import pytest

from tests.factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return {data["@type"]: data for data in map(json.loads, blocks)}


def meta(html, key):
    """The content of <meta property|name=key>, all of them."""
    return re.findall(
        rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html
    )


@pytest.fixture
def story():
    sports = SectionFactory(name="Sports", slug="sports")
    cricket = SectionFactory(name="Cricket", slug="cricket", parent=sports)
    return ArticleFactory(
        published=True,
        section=cricket,
        headline="Vidarbha win the “final” by two wickets & lift the trophy "
        "after a long, tense chase that went to the very last over of the day",
        standfirst="A thriller in Nagpur.",
        authors=[AuthorFactory(name="Farhan Qureshi", slug="farhan")],
        tags=["Ranji Trophy", "Cricket"],
        hero_image=ImageFactory(alt_text="Players celebrate"),
        dateline="NAGPUR",
    )


def test_news_article_json_ld_has_what_google_requires(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    data = json_ld(html)["NewsArticle"]
    assert data["@context"] == "https://schema.org"
    assert len(data["headline"]) <= 110
    assert data["headline"].startswith("Vidarbha win the “final”")
    share_url, _, _ = story.hero_image.share_rendition()
    assert data["image"] == [f"http://testserver{share_url}"]
    assert data["datePublished"].endswith("+05:30")
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Farhan Qureshi",
            "url": "http://testserver/author/farhan/",
        }
    ]
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["publisher"]["name"] == "DailyBeat"
    assert data["publisher"]["logo"]["url"].endswith("/static/img/logo.png")
    assert (
        data["mainEntityOfPage"]["@id"]
        == f"http://testserver{story.get_absolute_url()}"
    )
    assert data["articleSection"] == "Cricket"
    assert set(data["keywords"]) == {"Ranji Trophy", "Cricket"}


def test_breadcrumbs_follow_the_sections(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    crumbs = json_ld(html)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs][:3] == ["DailyBeat", "Sports", "Cricket"]
    assert [c["position"] for c in crumbs] == [1, 2, 3, 4]
    assert crumbs[1]["item"] == "http://testserver/sports/"


def test_opengraph_and_twitter_card(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title")[0].startswith("Vidarbha win the “final” by two")
    assert meta(html, "og:description") == ["A thriller in Nagpur."]
    assert meta(html, "og:url") == [f"http://testserver{story.get_absolute_url()}"]
    url, width, height = story.hero_image.share_rendition()
    assert meta(html, "og:image") == [f"http://testserver{url}"]
    assert meta(html, "og:image:width") == [str(width)]
    assert meta(html, "og:image:height") == [str(height)]
    assert meta(html, "article:published_time")[0].endswith("+05:30")
    assert meta(html, "article:modified_time")
    assert meta(html, "article:section") == ["Cricket"]
    assert sorted(meta(html, "article:tag")) == ["Cricket", "Ranji Trophy"]
    assert meta(html, "article:author") == ["http://testserver/author/farhan/"]
    assert meta(html, "twitter:card") == ["summary_large_image"]


def test_editors_override_title_and_description(client, story):
    story.seo_title = "Vidarbha win Ranji final"
    story.seo_description = "Vidarbha beat Mumbai by two wickets."
    story.save()

    html = client.get(story.get_absolute_url()).content.decode()

    assert "<title>Vidarbha win Ranji final | DailyBeat</title>" in html
    assert (
        '<meta name="description" content="Vidarbha beat Mumbai by two wickets.">'
        in html
    )
    assert meta(html, "og:title") == ["Vidarbha win Ranji final"]
    assert json_ld(html)["NewsArticle"]["description"] == (
        "Vidarbha beat Mumbai by two wickets."
    )


def test_hostile_text_cannot_break_out_of_json_ld_or_meta(client):
    story = ArticleFactory(
        published=True,
        headline='</script><script>alert(1)</script> "quoted" & more',
        standfirst='"><img src=x onerror=alert(1)>',
    )

    html = client.get(story.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert json_ld(html)["NewsArticle"]["headline"].startswith("</script><script>")


def test_home_page_has_organization_and_website_search(client, story):
    html = client.get("/").content.decode()

    data = json_ld(html)
    assert data["NewsMediaOrganization"]["name"] == "DailyBeat"
    action = data["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        "http://testserver/search/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"
    assert meta(html, "og:type") == ["website"]
    assert meta(html, "og:image")[0].endswith("/static/img/og-default.png")


@pytest.mark.parametrize(
    "url", ["/sports/", "/cricket/", "/author/farhan/", "/tag/cricket/"]
)
def test_list_pages_have_breadcrumbs_and_a_canonical(client, story, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert json_ld(html)["BreadcrumbList"]["itemListElement"][-1]["item"] == (
        f"http://testserver{url}"
    )
    assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_every_page_has_a_title_description_and_canonical(client, story):
    for url in ("/", "/sports/", story.get_absolute_url(), "/author/farhan/"):
        html = client.get(url).content.decode()
        assert re.search(r"<title>[^<]+</title>", html), url
        assert re.search(r'<meta name="description" content="[^"]+">', html), url
        assert '<link rel="canonical"' in html, url
