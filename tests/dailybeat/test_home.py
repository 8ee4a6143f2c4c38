from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    sections = [
        SectionFactory(name=name, slug=name.lower(), position=i)
        for i, name in enumerate(["World", "India", "Politics", "Business", "Sports"])
    ]
    author = AuthorFactory()
    # Round-robin, so that every section has stories older than the latest 13.
    stories = [
        ArticleFactory(
            published=True, section=section, authors=[author], illustrated=True
        )
        for _ in range(5)
        for section in sections
    ]
    return sections, stories


def test_home_page_has_masthead_lead_latest_and_section_blocks(client, newsroom):
    sections, stories = newsroom
    draft = ArticleFactory(section=sections[0], headline="Unpublished draft")
    scheduled = ArticleFactory(scheduled=True, headline="Embargoed story")

    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<h1 class="masthead__name">' in html
    assert "India&#x27;s Largest Digital News Media" in html
    newest = max(stories, key=lambda s: s.published_at)
    assert response.context["lead"] == newest
    for section in sections:
        assert f'href="/{section.slug}/"' in html
    blocks = response.context["section_blocks"]
    assert [section for section, _ in blocks] == sections
    shown = {story.pk for _, block in blocks for story in block}
    shown |= {
        s.pk for s in [response.context["lead"], *response.context["top_stories"]]
    }
    shown |= {s.pk for s in response.context["latest"]}
    assert draft.pk not in shown
    assert scheduled.pk not in shown
    assert "Unpublished draft" not in html
    assert "Embargoed story" not in html


def test_section_blocks_do_not_repeat_the_latest_stories(client, newsroom):
    response = client.get("/")

    top = {s.pk for s in [response.context["lead"], *response.context["top_stories"]]}
    top |= {s.pk for s in response.context["latest"]}
    for _, block in response.context["section_blocks"]:
        assert not top & {story.pk for story in block}
        assert len(block) <= 4


def test_section_block_includes_subsection_stories(client):
    sports = SectionFactory(name="Sports", slug="sports")
    cricket = SectionFactory(name="Cricket", slug="cricket", parent=sports)
    ArticleFactory.create_batch(13, published=True, section=SectionFactory())
    story = ArticleFactory(
        published=True,
        section=cricket,
        published_at=ArticleFactory(published=True).published_at.replace(year=2020),
    )

    blocks = dict(client.get("/").context["section_blocks"])

    assert story in blocks[sports]


# The front stories (one UNION ALL), their bylines, the section blocks (one UNION
# ALL, then the stories).
HOME_PAGE_QUERIES = 4


def test_home_page_query_budget(client, newsroom):
    assert page_queries(client, "/") <= HOME_PAGE_QUERIES


def test_empty_site_home_page(client):
    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    assert "No stories have been published yet." in response.content.decode()


def test_404_page_is_friendly_and_not_indexed(client, newsroom):
    response = client.get("/no/such/page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "We couldn’t find that page" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="/world/"' in html  # the navigation is there to carry on


def test_500_page_renders_without_database_or_context():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong on our side" in response.content.decode()
    assert "Traceback" not in response.content.decode()


class TestCuration:
    def test_pinned_lead_and_top_stories_come_first(self, client, editor, newsroom):
        from articles.models import FrontPage

        _, stories = newsroom
        oldest, older = sorted(stories, key=lambda s: s.published_at)[:2]
        front = FrontPage.load()
        front.slots.create(position=1, article=oldest)
        front.slots.create(position=2, article=older)

        response = client.get("/")

        assert response.context["lead"] == oldest
        assert response.context["top_stories"][0] == older
        assert len(response.context["top_stories"]) == 4

    def test_pinned_story_shows_only_once_live(self, client, newsroom):
        from articles.models import FrontPage

        embargoed = ArticleFactory(scheduled=True, headline="Embargoed lead")
        FrontPage.load().slots.create(position=1, article=embargoed)

        response = client.get("/")

        assert response.context["lead"] != embargoed
        assert "Embargoed lead" not in response.content.decode()

    def test_editor_pins_stories_in_the_admin(self, client, editor, newsroom):
        from django.urls import reverse

        from articles.models import FrontPage
        from tests.forms import form_data

        _, stories = newsroom
        pick = stories[0]
        client.force_login(editor)
        page = client.get(reverse("admin:articles_frontpage_changelist"), follow=True)
        data = form_data(
            page,
            "frontpage_form",
            **{"slots-0-position": "1", "slots-0-article": str(pick.pk)},
        )
        url = reverse("admin:articles_frontpage_change", args=[FrontPage.load().pk])
        assert client.post(url, data).status_code == HTTPStatus.FOUND
        client.logout()

        assert client.get("/").context["lead"] == pick

    def test_curated_home_page_query_budget(self, client, newsroom):
        from articles.models import FrontPage

        _, stories = newsroom
        FrontPage.load().slots.create(position=1, article=stories[0])

        assert page_queries(client, "/") <= HOME_PAGE_QUERIES


class TestBreakingNews:
    def test_banner_runs_site_wide_until_it_expires(self, client, newsroom):
        from datetime import timedelta

        import time_machine
        from django.utils import timezone

        _, stories = newsroom
        story = stories[0]
        story.breaking_until = timezone.now() + timedelta(hours=2)
        story.save()

        for url in ("/", "/world/", story.get_absolute_url()):
            html = client.get(url).content.decode()
            assert 'aria-label="Breaking news"' in html, url
            assert story.get_absolute_url() in html
        with time_machine.travel(timezone.now() + timedelta(hours=3)):
            assert 'aria-label="Breaking news"' not in client.get("/").content.decode()

    def test_no_banner_for_an_unpublished_story(self, client, newsroom):
        from datetime import timedelta

        from django.utils import timezone

        ArticleFactory(
            headline="Secret", breaking_until=timezone.now() + timedelta(hours=1)
        )

        assert 'aria-label="Breaking news"' not in client.get("/").content.decode()
