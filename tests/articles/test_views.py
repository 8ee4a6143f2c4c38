import re
from datetime import UTC, datetime, timedelta
from html import unescape
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

# The story (with section and image), its byline, its tags, related stories.
# A story page built whole: the story, then for its parts the story with its
# section and picture, its tags, its byline, and the related stories.
ARTICLE_PAGE_QUERIES = 5
# The tag, the count, the stories, their bylines.
LIST_PAGE_QUERIES = 4


@pytest.fixture
def story():
    world = SectionFactory(name="World", slug="world")
    authors = [
        AuthorFactory(name="Meera Raghavan", slug="meera-raghavan"),
        AuthorFactory(name="Daniel Okafor", slug="daniel-okafor"),
    ]
    return ArticleFactory(
        published=True,
        headline="Iran calls Oman talks a ‘good beginning’ & more",
        standfirst="Both sides agreed to keep talking.",
        dateline="MUSCAT",
        section=world,
        authors=authors,
        tags=["Iran", "Diplomacy"],
        hero_image=ImageFactory(
            alt_text="Delegates at a long table",
            caption="Delegates meet in Muscat",
            credit="Agency photo",
        ),
        body=(
            "<p>The talks ended late.</p><h2>What comes next</h2>"
            "<blockquote><p>Progress depends on respect.</p></blockquote>"
        ),
    )


def test_article_page_shows_the_whole_story(client, story):
    response = client.get(story.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    text = unescape(html)
    assert "DailyBeat" in text
    assert "India's Largest Digital News Media" in text
    assert len(re.findall(r"<h1[ >]", html)) == 1
    # The headline shown once (the old theme showed it twice).
    shown = ">" + escape(story.headline) + "<"
    assert html.split("</head>", 1)[1].count(shown) == 1
    assert re.search(
        r"<h1[^>]*>Iran calls Oman talks a ‘good beginning’ &amp; more</h1>", html
    )
    assert "Both sides agreed to keep talking." in text
    assert '<a href="/author/meera-raghavan/" rel="author">Meera Raghavan</a>' in html
    assert '<a href="/author/daniel-okafor/" rel="author">Daniel Okafor</a>' in html
    assert text.index("Meera Raghavan") < text.index("Daniel Okafor")
    assert '<span class="dateline">MUSCAT:</span> The talks ended late.' in html
    assert "IST" in text
    assert 'alt="Delegates at a long table"' in html
    assert "Delegates meet in Muscat" in text
    assert "Agency photo" in text
    assert "<h2>What comes next</h2>" in html
    assert text.count("Spread the love") == 2
    assert '<a href="/tag/iran/">Iran</a>' in html
    assert (
        f'<link rel="canonical" href="http://testserver{story.get_absolute_url()}">'
        in html
    )


def test_publish_time_is_shown_in_ist(client, story):
    story.published_at = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    story.save()

    response = client.get(story.get_absolute_url())

    assert "24 November 2026, 1:30 AM IST" in response.content.decode()
    # Valid HTML: no microseconds in the machine-readable time.
    assert 'datetime="2026-11-24T01:30:00+05:30"' in response.content.decode()


def test_updated_time_shows_only_after_a_change(client, story):
    response = client.get(story.get_absolute_url())
    assert "Updated" not in response.content.decode()

    story = type(story).objects.get(pk=story.pk)
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        story.standfirst = "Both sides agreed to keep talking, and to meet again."
        story.save()
        response = client.get(story.get_absolute_url())
    assert "Updated" in response.content.decode()


def test_related_stories_are_shown(client, story):
    other = ArticleFactory(published=True, tags=["Iran"], headline="Oil prices ease")

    response = client.get(story.get_absolute_url())

    assert "Related stories" in response.content.decode()
    assert other.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize("traits", [{}, {"scheduled": True}])
def test_unpublished_story_is_404_to_readers(client, traits):
    article = ArticleFactory(**traits)

    response = client.get(article.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_unknown_story_is_404(client, story):
    url = story.get_absolute_url().replace(story.slug, "no-such-story")

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "wrong",
    [
        "/india/{y}/{m}/{d}/{slug}/",
        "/world/2001/01/01/{slug}/",
        "/world/2026/13/45/{slug}/",
        "/World/{y}/{m}/{d}/{slug}/",
    ],
)
def test_old_or_mistyped_address_redirects_to_the_true_one(client, story, wrong):
    when = timezone.localtime(story.published_at)
    url = wrong.format(
        y=when.year, m=f"{when.month:02d}", d=f"{when.day:02d}", slug=story.slug
    )

    response = client.get(url)

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == story.get_absolute_url()


def test_article_page_query_budget(client, story):
    ArticleFactory.create_batch(
        6, published=True, tags=["Iran"], authors=[AuthorFactory()]
    )

    assert page_queries(client, story.get_absolute_url()) <= ARTICLE_PAGE_QUERIES


def test_a_story_page_with_its_parts_cached_costs_one_query(client, story):
    # Missing the page cache (page cache off here) with its parts cached, in the
    # same content version: only the story itself is read (tests/articles/
    # test_fragments.py follows it across another story's save).
    ArticleFactory.create_batch(2, published=True, tags=["Iran"])

    assert page_queries(client, story.get_absolute_url(), fragments=True) == 1


def test_article_with_corrections_costs_one_query_more(client, story):
    correction = story.corrections.create(note="Fixed a date.")
    story.revised_at = correction.created_at
    story.save()

    assert page_queries(client, story.get_absolute_url()) <= ARTICLE_PAGE_QUERIES + 1


def test_a_first_visitor_costs_a_few_queries_more(
    client, story, django_assert_max_num_queries
):
    # When the site next changes by itself (2), navigation, banner, most read: then
    # cached for everyone.
    with django_assert_max_num_queries(ARTICLE_PAGE_QUERIES + 5):
        client.get(story.get_absolute_url())


def test_share_bar_links_are_encoded_and_escaped(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    url = f"http://testserver{story.get_absolute_url()}"
    encoded_url = url.replace(":", "%3A").replace("/", "%2F")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded_url}"' in html
    # The headline's & is %26 inside the URL, and the URL's own & is &amp; in HTML.
    assert "%26%20more&amp;url=" in html
    assert f'data-copy-url="{url}"' in html
    assert html.count('class="share__link share__link--whatsapp"') == 2


class TestTagPage:
    def test_lists_published_stories_with_the_tag(self, client, story):
        draft = ArticleFactory(tags=["Iran"], headline="Secret draft")

        response = client.get("/tag/iran/")

        assert response.status_code == HTTPStatus.OK
        assert story.get_absolute_url() in response.content.decode()
        assert draft.headline not in response.content.decode()

    def test_tag_of_unpublished_stories_only_is_404(self, client):
        ArticleFactory(scheduled=True, tags=["Minister resigns"])

        assert client.get("/tag/minister-resigns/").status_code == HTTPStatus.NOT_FOUND

    def test_unknown_tag_is_404(self, client):
        assert client.get("/tag/nothing-here/").status_code == HTTPStatus.NOT_FOUND

    def test_newest_first_counted_and_following_publishing(self, client):
        now = timezone.now()
        stories = [
            ArticleFactory(
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(hours=hours),
                tags=["Monsoon"],
            )
            for hours in range(1, 23)
        ]
        ArticleFactory(tags=["Monsoon"])  # a draft
        ArticleFactory(scheduled=True, tags=["Monsoon"])

        first = client.get("/tag/monsoon/")
        assert first.context["paginator"].count == 22
        assert list(first.context["stories"]) == stories[:20]

        # Unpublished, the newest leaves the page and the count.
        stories[0].unpublish()
        stories[0].save()
        first = client.get("/tag/monsoon/")
        assert first.context["paginator"].count == 21
        assert list(first.context["stories"]) == stories[1:21]
        assert list(client.get("/tag/monsoon/?page=2").context["stories"]) == [
            stories[21]
        ]

    def test_query_budget(self, client):
        ArticleFactory.create_batch(
            25, published=True, tags=["Budget 2026"], authors=[AuthorFactory()]
        )
        assert page_queries(client, "/tag/budget-2026/?page=2") <= LIST_PAGE_QUERIES


def test_dateline_opens_the_first_paragraph_even_after_a_subheading(client, story):
    story.body = "<h2>Opening</h2><p>Talks began.</p><p>Later.</p>"
    story.save()

    html = client.get(story.get_absolute_url()).content.decode()

    dateline = '<span class="dateline">MUSCAT:</span>'
    assert f"<h2>Opening</h2><p>{dateline} Talks began." in html


def test_dateline_is_escaped(client, story):
    story.dateline = "<b>DELHI</b>"
    story.save()

    html = client.get(story.get_absolute_url()).content.decode()

    assert "&lt;b&gt;DELHI&lt;/b&gt;:" in html
