"""No lost edits: refused stale saves, the soft lock, autosave."""

from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Autosave, EditSession
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def url(name, article=None):
    args = [article.pk] if article else []
    return reverse(f"admin:articles_article_{name}", args=args)


@pytest.fixture
def story():
    return ArticleFactory(
        headline="Council meets",
        body="<p>The council met on Tuesday.</p>",
        authors=[AuthorFactory()],
    )


@pytest.fixture
def second_editor(db):
    from accounts import roles

    return StaffFactory(
        username="night", first_name="Night", last_name="Desk", role=roles.EDITOR
    )


@pytest.fixture
def two_clients(client, editor, second_editor):
    from django.test import Client

    other = Client()
    client.force_login(editor)
    other.force_login(second_editor)
    return client, other


class TestStaleSave:
    def test_second_save_of_two_open_forms_is_refused(self, two_clients, story):
        first, second = two_clients
        mine = form_data(first.get(change_url(story)), "article_form")
        theirs = form_data(second.get(change_url(story)), "article_form")

        ok = first.post(change_url(story), mine | {"headline": "Council meets at noon"})
        refused = second.post(
            change_url(story),
            theirs | {"body": "<p>The council met on Wednesday.</p>"},
        )

        assert ok.status_code == HTTPStatus.FOUND
        assert refused.status_code == HTTPStatus.OK
        html = refused.content.decode()
        assert "Not saved:" in html
        assert "saved this story at" in html
        # Their work is still in the form, and the difference is shown.
        assert "Wednesday" in html
        assert "<del>Tuesday.</del><ins>Wednesday.</ins>" in html
        assert "See every revision of this story" in html
        story.refresh_from_db()
        assert story.headline == "Council meets at noon"
        assert story.body == "<p>The council met on Tuesday.</p>"

    def test_a_workflow_move_in_between_also_counts(self, two_clients, story, editor):
        from articles import workflow

        first, _ = two_clients
        stale = form_data(first.get(change_url(story)), "article_form")
        workflow.apply(story, "publish", editor)

        response = first.post(change_url(story), stale | {"headline": "Late edit"})

        assert "Not saved:" in response.content.decode()

    def test_a_form_without_its_version_is_refused(self, editor_client, story):
        data = form_data(editor_client.get(change_url(story)), "article_form")

        response = editor_client.post(change_url(story), data | {"loaded_version": ""})

        assert "Not saved:" in response.content.decode()


class TestSoftLock:
    def test_others_see_who_is_editing_and_since_when(self, two_clients, story):
        first, second = two_clients
        first.get(change_url(story))

        html = second.get(change_url(story)).content.decode()

        assert "Being edited by <strong>Sam" in html
        beat = second.post(url("heartbeat", story)).json()
        assert [other["name"] for other in beat["others"]] == [
            str(EditSession.objects.get(user__username="desk").user)
        ]

    def test_lock_expires_by_itself_when_they_leave(self, two_clients, story):
        first, second = two_clients
        first.get(change_url(story))

        with time_machine.travel(timezone.now() + timedelta(minutes=3)):
            html = second.get(change_url(story)).content.decode()

        assert "Being edited by <strong>" not in html

    def test_leaving_releases_the_lock(self, two_clients, story):
        first, second = two_clients
        first.get(change_url(story))
        first.post(url("release", story))

        assert (
            "Being edited by <strong>"
            not in second.get(change_url(story)).content.decode()
        )

    def test_heartbeat_needs_the_right_to_edit(self, writer_client, story):
        assert writer_client.post(url("heartbeat", story)).status_code == (
            HTTPStatus.FORBIDDEN
        )


class TestAutosave:
    def test_autosave_never_changes_the_story(self, editor_client, story):
        version = story.version

        response = editor_client.post(
            url("autosave", story),
            {"headline": "Half-typed headline", "body": "<p>Unsaved words</p>"},
        )

        assert response.status_code == HTTPStatus.OK
        assert "saved_at" in response.json()
        story.refresh_from_db()
        assert story.headline == "Council meets"
        assert story.version == version
        assert Autosave.objects.get().data["headline"] == "Half-typed headline"

    def test_reopening_offers_to_restore_then_restores(self, editor_client, story):
        with time_machine.travel(timezone.now() + timedelta(minutes=1)):
            editor_client.post(
                url("autosave", story),
                {"headline": "Half-typed headline", "body": "<p>Unsaved words</p>"},
            )

        offer = editor_client.get(change_url(story)).content.decode()
        assert "There is an autosave from" in offer
        assert "Restore the autosaved text" in offer

        restored = editor_client.get(change_url(story) + "?restore_autosave=1")
        data = form_data(restored, "article_form")
        assert data["headline"] == "Half-typed headline"
        assert "Unsaved words" in data["body"]

        # Saving it makes it the story, and the autosave has served its purpose.
        editor_client.post(change_url(story), data)
        story.refresh_from_db()
        assert story.headline == "Half-typed headline"
        assert not Autosave.objects.exists()

    def test_discard(self, editor_client, story):
        with time_machine.travel(timezone.now() + timedelta(minutes=1)):
            editor_client.post(url("autosave", story), {"headline": "Draft words"})

        editor_client.post(url("discard_autosave", story))

        assert not Autosave.objects.exists()
        assert (
            "There is an autosave"
            not in editor_client.get(change_url(story)).content.decode()
        )

    def test_an_autosave_is_offered_even_after_someone_elses_save_with_a_warning(
        self, editor_client, story
    ):
        """A writer's tab crashed; meanwhile someone else saved. The writer's words
        are not lost, and they are told the story changed since."""
        editor_client.post(url("autosave", story), {"headline": "Old words"})
        with time_machine.travel(timezone.now() + timedelta(minutes=1)):
            story.save()

        html = editor_client.get(change_url(story)).content.decode()

        assert "There is an autosave" in html
        assert "after your autosave" in html

    def test_your_own_save_ends_your_autosave(self, editor_client, story):
        editor_client.post(url("autosave", story), {"headline": "Typed words"})
        data = form_data(editor_client.get(change_url(story)), "article_form")

        editor_client.post(change_url(story), data)

        assert not Autosave.objects.exists()

    def test_a_new_story_is_autosaved_and_offered_back(self, editor_client):
        editor_client.post(url("autosave_new"), {"headline": "Brand new story"})

        offer = editor_client.get(url("add")).content.decode()
        assert "There is an autosave from" in offer
        data = form_data(
            editor_client.get(url("add") + "?restore_autosave=1"), "article_form"
        )
        assert data["headline"] == "Brand new story"
        assert not Article.objects.exists()

    def test_readers_cannot_autosave(self, client, story):
        response = client.post(url("autosave", story), {"headline": "x"})

        assert response.status_code == HTTPStatus.FOUND
        assert not Autosave.objects.exists()

    def test_writers_cannot_autosave_into_others_stories(self, writer_client, story):
        response = writer_client.post(url("autosave", story), {"headline": "x"})

        assert response.status_code == HTTPStatus.FORBIDDEN

    def test_autosave_needs_post(self, editor_client, story):
        assert editor_client.get(url("autosave", story)).status_code == (
            HTTPStatus.METHOD_NOT_ALLOWED
        )
