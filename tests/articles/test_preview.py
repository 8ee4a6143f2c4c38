from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def links_url(article):
    return reverse("admin:articles_article_preview_links", args=[article.pk])


@pytest.fixture
def draft():
    return ArticleFactory(headline="Embargoed budget leak", authors=[AuthorFactory()])


def test_staff_preview_a_draft_in_the_real_template(writer_client, draft):
    response = writer_client.get(preview_url(draft))

    assert response.status_code == HTTPStatus.OK
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<strong>Preview.</strong>" in html
    assert "not published" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'rel="canonical"' not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Embargoed budget leak" in html


def test_preview_of_a_scheduled_story_says_when(editor_client):
    story = ArticleFactory(scheduled=True)

    html = editor_client.get(preview_url(story)).content.decode()

    assert "is scheduled for" in html


def test_readers_cannot_preview(client, draft):
    response = client.get(preview_url(draft))

    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


class TestPreviewLinks:
    def create(self, client, draft, lifetime="1d"):
        client.post(links_url(draft), {"lifetime": lifetime, "note": "legal"})
        return PreviewLink.objects.get()

    def test_editor_creates_a_link_a_stranger_can_open(
        self, editor_client, client, draft
    ):
        link = self.create(editor_client, draft)
        page = editor_client.get(links_url(draft)).content.decode()
        url = link.get_absolute_url()
        assert url in page
        client.logout()

        response = client.get(url)

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "Embargoed budget leak" in html
        assert "This link expires" in html
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"

    def test_link_stops_working_when_it_expires(self, editor_client, client, draft):
        link = self.create(editor_client, draft, lifetime="1h")
        client.logout()

        with time_machine.travel(timezone.now() + timedelta(minutes=59)):
            assert client.get(link.get_absolute_url()).status_code == HTTPStatus.OK
        with time_machine.travel(timezone.now() + timedelta(minutes=61)):
            assert client.get(link.get_absolute_url()).status_code == (
                HTTPStatus.NOT_FOUND
            )

    def test_revoked_link_stops_working(self, editor_client, client, draft):
        link = self.create(editor_client, draft)
        revoke = reverse(
            "admin:articles_article_revoke_preview_link", args=[draft.pk, link.pk]
        )

        editor_client.post(revoke)
        client.logout()

        link.refresh_from_db()
        assert link.revoked_at is not None
        assert client.get(link.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    @pytest.mark.parametrize(
        "tamper",
        [
            lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
            lambda token: "1:" + token.split(":", 1)[1],
            lambda token: "garbage",
            lambda token: "%00",
        ],
    )
    def test_tampered_token_is_404(self, editor_client, client, draft, tamper):
        link = self.create(editor_client, draft)
        token = link.get_absolute_url().rstrip("/").rsplit("/", 1)[1]
        client.logout()

        url = reverse("articles:shared_preview", kwargs={"token": tamper(token)})
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND

    def test_a_link_for_one_story_cannot_show_another(self, editor_client, draft):
        link = self.create(editor_client, draft)
        other = ArticleFactory(headline="Another secret")
        token = link.get_absolute_url().rstrip("/").rsplit("/", 1)[1]
        forged = token.replace(str(link.pk), str(other.pk), 1)

        url = reverse("articles:shared_preview", kwargs={"token": forged})
        assert "Another secret" not in editor_client.get(url).content.decode()

    def test_writers_cannot_create_links(self, writer_client, draft):
        response = writer_client.post(links_url(draft), {"lifetime": "7d"})

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not PreviewLink.objects.exists()
