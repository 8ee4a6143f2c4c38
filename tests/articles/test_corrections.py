from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import revisions
from articles.models import Article, Correction
from tests.factories import ArticleFactory, AuthorFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def live():
    return ArticleFactory(
        published=True,
        published_at=timezone.now() - timedelta(days=1),
        authors=[AuthorFactory()],
    )


def add_correction(client, article, note, kind="correction"):
    data = form_data(client.get(change_url(article)), "article_form")
    new = data["corrections-INITIAL_FORMS"]  # the empty form after the existing ones
    data |= {f"corrections-{new}-kind": kind, f"corrections-{new}-note": note}
    response = client.post(change_url(article), data)
    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]


def test_editor_appends_a_correction_readers_see_with_a_new_updated_time(
    editor_client, client, editor, live
):
    add_correction(
        editor_client, live, "An earlier version misstated the date of the talks."
    )

    correction = Correction.objects.get()
    assert correction.created_by == editor
    live = Article.objects.get(pk=live.pk)
    assert live.revised_at == correction.created_at
    client.logout()
    html = client.get(live.get_absolute_url()).content.decode()
    assert "Corrections and updates" in html
    assert "An earlier version misstated the date of the talks." in html
    assert "Updated" in html


def test_corrections_cannot_be_edited_or_deleted_in_the_admin(editor_client, live):
    add_correction(editor_client, live, "First note.")

    html = editor_client.get(change_url(live)).content.decode()

    assert "First note." in html
    assert 'name="corrections-0-DELETE"' not in html
    assert 'name="corrections-0-note"' not in html  # shown, not editable


def test_corrections_stay_in_the_revision_history(editor_client, live):
    add_correction(editor_client, live, "Kept for the record.")

    newest = revisions.snapshot(revisions.history(live).first())

    assert [c["note"] for c in newest.corrections] == ["Kept for the record."]


def test_restoring_an_old_revision_keeps_corrections(editor_client, live):
    add_correction(editor_client, live, "Kept for the record.")
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        add_correction(editor_client, live, "A second note.", kind="update")
    oldest = revisions.history(live).last()

    editor_client.post(
        reverse("admin:articles_article_restore", args=[live.pk, oldest.pk])
    )

    assert Correction.objects.count() == 2


def test_writers_and_drafts_get_no_correction_form(writer_client, editor_client):
    draft = ArticleFactory()
    assert (
        'name="corrections-0-note"'
        not in editor_client.get(change_url(draft)).content.decode()
    )
