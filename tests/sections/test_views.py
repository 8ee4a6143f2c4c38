from http import HTTPStatus

import pytest

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

PER_PAGE = 20
# The section, its subsections, the count, the stories, their bylines: the same
# whatever the number of stories.
PAGE_QUERIES = 5


@pytest.fixture
def sports():
    return SectionFactory(name="Sports", slug="sports")


def test_section_page_lists_its_and_its_subsections_stories(client, sports):
    cricket = SectionFactory(name="Cricket", slug="cricket", parent=sports)
    own = ArticleFactory(published=True, section=sports)
    sub = ArticleFactory(published=True, section=cricket)
    draft = ArticleFactory(section=sports, headline="Draft headline")
    elsewhere = ArticleFactory(published=True, headline="Elsewhere headline")

    response = client.get("/sports/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<h1 class="page-header__title">Sports</h1>' in html
    assert own.headline in html
    assert sub.headline in html
    assert draft.headline not in html
    assert elsewhere.headline not in html
    assert '<a href="/cricket/">Cricket</a>' in html


def test_subsection_page_shows_only_its_own(client, sports):
    cricket = SectionFactory(name="Cricket", slug="cricket", parent=sports)
    sub = ArticleFactory(published=True, section=cricket)
    parent_only = ArticleFactory(published=True, section=sports)

    html = client.get("/cricket/").content.decode()

    assert sub.headline in html
    assert parent_only.headline not in html


def test_unknown_section_is_404(client):
    assert client.get("/no-such-section/").status_code == HTTPStatus.NOT_FOUND


def test_empty_section_is_a_page(client, sports):
    response = client.get("/sports/")

    assert response.status_code == HTTPStatus.OK
    assert "No stories in Sports yet." in response.content.decode()


class TestPagination:
    @pytest.fixture
    def stories(self, sports):
        return ArticleFactory.create_batch(PER_PAGE + 5, published=True, section=sports)

    def test_second_page(self, client, stories):
        response = client.get("/sports/?page=2")

        assert response.status_code == HTTPStatus.OK
        assert len(response.context["stories"]) == 5
        html = response.content.decode()
        assert "Page 2 of 2" in html
        assert 'href="?page=1" rel="prev"' in html
        assert '<link rel="canonical" href="http://testserver/sports/?page=2">' in html

    def test_links_carry_only_the_parameters_pages_use(self, client, stories):
        # The page cache keys on those alone: one reader's made-up parameter
        # must not end up in the cached page every reader gets.
        response = client.get("/sports/?page=1&utm_source=x&next=//evil.example")

        html = response.content.decode()
        assert 'href="?page=2" rel="next"' in html
        assert "evil.example" not in html
        assert "utm_source" not in html

    def test_last_page_by_name(self, client, stories):
        assert client.get("/sports/?page=last").context["page_obj"].number == 2

    @pytest.mark.parametrize(
        "page", ["0", "-1", "3", "abc", "1.5", "99999999999999999999", "", "%00"]
    )
    def test_bad_page_numbers_are_404_never_500(self, client, stories, page):
        response = client.get(f"/sports/?page={page}")

        if page == "":
            assert response.status_code == HTTPStatus.OK
        elif page == "%00":
            assert response.status_code == HTTPStatus.BAD_REQUEST
        else:
            assert response.status_code == HTTPStatus.NOT_FOUND

    def test_query_budget(self, client, stories):
        author = AuthorFactory()
        for story in stories:
            story.bylines.create(author=author, position=1)

        assert page_queries(client, "/sports/?page=2") <= PAGE_QUERIES
