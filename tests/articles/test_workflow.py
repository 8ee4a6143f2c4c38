"""Roles and the story workflow, through the admin's real views."""

from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def press(client, article, move, **changes):
    """Open the story's change form and press one of the workflow's buttons."""
    data = form_data(client.get(change_url(article)), "article_form", **changes)
    return client.post(change_url(article), data | {"_transition": move}, follow=True)


def typed_time(field, when):
    """What the admin's split date and time boxes of ``field`` send for ``when``."""
    return {
        f"{field}_0": when.strftime("%Y-%m-%d"),
        f"{field}_1": when.strftime("%H:%M:%S"),
    }


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def own_draft(writer):
    return ArticleFactory(created_by=writer, authors=[AuthorFactory()])


class TestRoles:
    def test_groups_exist_with_their_rights(self):
        def can(role, perm):
            return (
                Group.objects.get(name=role)
                .permissions.filter(
                    content_type__app_label=perm.split(".")[0],
                    codename=perm.split(".")[1],
                )
                .exists()
            )

        assert can(roles.WRITER, "articles.add_article")
        assert not can(roles.WRITER, "articles.publish_article")
        assert not can(roles.WRITER, "articles.edit_any_article")
        assert can(roles.EDITOR, "articles.publish_article")
        assert can(roles.EDITOR, "articles.change_frontpage")
        assert not can(roles.EDITOR, "accounts.change_user")
        assert not can(roles.EDITOR, "sections.add_section")
        assert can(roles.ADMINISTRATOR, "accounts.change_user")
        assert can(roles.ADMINISTRATOR, "sections.add_section")
        assert can(roles.ADMINISTRATOR, "authors.change_author")

    def test_editor_cannot_manage_sections_but_administrator_can(
        self, client, editor, administrator
    ):
        url = reverse("admin:sections_section_add")
        client.force_login(editor)
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
        client.force_login(administrator)
        assert client.get(url).status_code == HTTPStatus.OK


class TestWriter:
    def test_writes_a_draft_and_submits_it(self, writer_client, writer, own_draft):
        response = press(writer_client, own_draft, "submit")

        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.REVIEW
        assert "Submitted for review." in messages_of(response)
        entry = LogEntry.objects.filter(object_id=str(own_draft.pk)).latest("pk")
        assert entry.user == writer
        assert entry.get_change_message() == "Submitted for review."

    def test_is_not_offered_publishing(self, writer_client, own_draft):
        html = writer_client.get(change_url(own_draft)).content.decode()

        assert 'value="submit"' in html
        assert 'value="publish"' not in html
        assert 'value="schedule"' not in html
        assert 'name="published_at_0"' not in html  # read-only for writers

    def test_cannot_publish_by_posting_the_button(self, writer_client, own_draft):
        response = press(writer_client, own_draft, "publish")

        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.DRAFT
        assert not Article.objects.published().exists()
        assert any("Only an editor" in m for m in messages_of(response))

    def test_cannot_publish_with_a_bulk_action(self, writer_client, own_draft):
        writer_client.post(
            CHANGELIST, {"action": "publish_now", "_selected_action": [own_draft.pk]}
        )

        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.DRAFT

    def test_cannot_touch_another_writers_story(self, writer_client, other_writer):
        theirs = ArticleFactory(created_by=other_writer, headline="Theirs")

        page = writer_client.get(change_url(theirs))
        assert page.status_code == HTTPStatus.OK  # they may read it…
        assert 'name="_save"' not in page.content.decode()  # …not save it
        response = writer_client.post(change_url(theirs), {"headline": "Mine now"})
        assert response.status_code == HTTPStatus.FORBIDDEN
        theirs.refresh_from_db()
        assert theirs.headline == "Theirs"
        with pytest.raises(workflow.WorkflowError):
            workflow.apply(
                theirs, "submit", other_writer.__class__.objects.get(username="scribe")
            )

    def test_cannot_edit_own_story_once_in_review_but_can_take_it_back(
        self, writer_client, writer, own_draft
    ):
        workflow.apply(own_draft, "submit", writer)

        assert writer_client.post(change_url(own_draft), {}).status_code == (
            HTTPStatus.FORBIDDEN
        )
        writer_client.post(
            CHANGELIST,
            {"action": "return_to_draft", "_selected_action": [own_draft.pk]},
        )
        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.DRAFT

    def test_cannot_delete_anothers_story(self, writer_client, other_writer):
        theirs = ArticleFactory(created_by=other_writer)
        url = reverse("admin:articles_article_delete", args=[theirs.pk])

        assert writer_client.post(url, {"post": "yes"}).status_code == (
            HTTPStatus.FORBIDDEN
        )
        assert Article.objects.filter(pk=theirs.pk).exists()


class TestEditor:
    def test_publishes_a_story_in_review(
        self, editor_client, editor, writer, own_draft
    ):
        workflow.apply(own_draft, "submit", writer)

        response = press(editor_client, own_draft, "publish")

        own_draft.refresh_from_db()
        assert own_draft.is_published
        assert "Published." in messages_of(response)
        entry = LogEntry.objects.filter(object_id=str(own_draft.pk)).latest("pk")
        assert (entry.user, entry.get_change_message()) == (editor, "Published.")

    def test_schedules_for_a_future_time(self, editor_client, own_draft):
        later = timezone.localtime() + timedelta(days=1)

        response = press(
            editor_client,
            own_draft,
            "schedule",
            **typed_time("published_at", later),
        )

        own_draft.refresh_from_db()
        assert own_draft.is_scheduled
        assert not own_draft.is_published
        assert any(m.startswith("Scheduled for") for m in messages_of(response))

    def test_scheduling_needs_a_future_time(self, editor_client, own_draft):
        response = press(editor_client, own_draft, "schedule")

        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.DRAFT
        # Refused on the form, before anything is saved.
        errors = response.context["adminform"].form.errors["published_at"]
        assert any("future" in error for error in errors)

    def test_unpublishes(self, editor_client, client):
        story = ArticleFactory(published=True, authors=[AuthorFactory()])
        url = story.get_absolute_url()

        press(editor_client, story, "unpublish")

        story.refresh_from_db()
        assert story.status == Article.Status.UNPUBLISHED
        client.logout()
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND

    def test_publish_now_brings_an_old_schedule_forward(self, editor, writer):
        story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
        workflow.apply(story, "unpublish", editor)

        workflow.apply(story, "publish", editor)

        assert Article.objects.published().filter(pk=story.pk).exists()

    def test_edits_any_writers_story(self, editor_client, own_draft):
        data = form_data(
            editor_client.get(change_url(own_draft)), "article_form", headline="Edited"
        )

        assert editor_client.post(change_url(own_draft), data).status_code == (
            HTTPStatus.FOUND
        )
        own_draft.refresh_from_db()
        assert own_draft.headline == "Edited"

    def test_cannot_delete_a_live_story(self, editor_client):
        story = ArticleFactory(published=True)
        url = reverse("admin:articles_article_delete", args=[story.pk])

        assert editor_client.post(url, {"post": "yes"}).status_code == (
            HTTPStatus.FORBIDDEN
        )


def test_scheduled_story_goes_live_by_itself_everywhere(client):
    section = SectionFactory(slug="world")
    author = AuthorFactory()
    story = ArticleFactory(
        scheduled=True, section=section, authors=[author], tags=["Embargo"]
    )
    pages = ["/", "/world/", author.get_absolute_url(), "/tag/embargo/"]

    for url in pages:
        assert story.headline not in client.get(url).content.decode(), url
    assert client.get(story.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    with time_machine.travel(story.published_at + timedelta(seconds=1)):
        for url in pages:
            assert story.headline in client.get(url).content.decode(), url
        assert client.get(story.get_absolute_url()).status_code == HTTPStatus.OK


class TestPublishTimeOnlyThroughTheWorkflow:
    def test_a_plain_save_cannot_bring_a_scheduled_story_forward(self, editor_client):
        story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
        earlier = timezone.localtime() - timedelta(hours=1)

        response = editor_client.post(
            change_url(story),
            form_data(
                editor_client.get(change_url(story)),
                "article_form",
                **typed_time("published_at", earlier),
            ),
            follow=True,
        )

        story.refresh_from_db()
        assert story.is_scheduled
        assert any("was not changed" in m for m in messages_of(response))

    def test_a_live_storys_time_is_read_only(self, editor_client):
        story = ArticleFactory(published=True, authors=[AuthorFactory()])

        html = editor_client.get(change_url(story)).content.decode()

        assert 'name="published_at_0"' not in html

    def test_schedule_moves_a_scheduled_story(self, editor_client):
        story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
        later = timezone.localtime() + timedelta(days=3)

        press(
            editor_client,
            story,
            "schedule",
            **typed_time("published_at", later),
        )

        story.refresh_from_db()
        assert timezone.localtime(story.published_at).date() == later.date()

    @pytest.mark.parametrize("move", ["schedule", "publish"])
    def test_a_past_time_never_backdates_a_scheduled_story(self, editor_client, move):
        story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
        scheduled_for = story.published_at
        last_year = timezone.localtime() - timedelta(days=365)

        response = press(
            editor_client,
            story,
            move,
            **typed_time("published_at", last_year),
        )

        story.refresh_from_db()
        history = [entry.get_change_message() for entry in LogEntry.objects.all()]
        if move == "schedule":
            # Refused with the reason on the form; nothing saved, nothing moved.
            errors = response.context["adminform"].form.errors["published_at"]
            assert any("publish time in the future" in error for error in errors)
            assert story.published_at == scheduled_for
            assert story.is_scheduled
            assert history == []
        else:
            # Publish now means now, not the time typed.
            assert story.is_published
            assert story.published_at > timezone.now() - timedelta(minutes=1)
            assert "Published." in history


def test_a_story_readers_have_seen_is_never_deleted(editor_client, editor):
    story = ArticleFactory(published=True, authors=[AuthorFactory()])
    story.corrections.create(note="A fix.")
    workflow.apply(story, "unpublish", editor)
    url = reverse("admin:articles_article_delete", args=[story.pk])

    assert editor_client.post(url, {"post": "yes"}).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert Article.objects.filter(pk=story.pk).exists()


def test_a_published_story_keeps_alt_text_on_its_hero(editor_client):
    from tests.factories import ImageFactory

    story = ArticleFactory(published=True, authors=[AuthorFactory()])
    bare = ImageFactory(alt_text="")

    response = editor_client.post(
        change_url(story),
        form_data(
            editor_client.get(change_url(story)),
            "article_form",
            hero_image=str(bare.pk),
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert "needs alt text" in response.content.decode()


@pytest.mark.parametrize(("published", "kept"), [(True, True), (False, False)])
def test_alt_text_of_a_live_storys_hero_cannot_be_cleared(
    editor_client, published, kept
):
    from tests.factories import ImageFactory

    hero = ImageFactory(alt_text="Delegates at the table")
    ArticleFactory(published=published, hero_image=hero, authors=[AuthorFactory()])
    url = reverse("admin:articles_image_change", args=[hero.pk])

    response = editor_client.post(
        url, form_data(editor_client.get(url), "image_form", alt_text="")
    )

    hero.refresh_from_db()
    assert (hero.alt_text == "Delegates at the table") is kept
    if kept:
        assert "it needs alt text" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?hero_image=xyz", "?section=abc", "?published_at=garbage", "?tags=%FF"]
)
def test_odd_prefill_in_the_address_is_ignored(editor_client, query):
    response = editor_client.get(reverse("admin:articles_article_add") + query)

    assert response.status_code == HTTPStatus.OK


class TestAStorySeenOnceIsRemembered:
    """Unpublishing and returning to draft do not make a story unseen."""

    @pytest.fixture
    def taken_back(self, editor):
        story = ArticleFactory(published=True, authors=[AuthorFactory()])
        story.corrections.create(note="A fix.")
        workflow.apply(story, "unpublish", editor)
        workflow.apply(story, "return_to_draft", editor)
        story.refresh_from_db()
        return story

    def test_it_is_still_never_deleted(self, editor_client, taken_back):
        url = reverse("admin:articles_article_delete", args=[taken_back.pk])

        response = editor_client.post(url, {"post": "yes"})

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert taken_back.corrections.count() == 1

    def test_its_old_address_follows_a_rename_made_while_a_draft(
        self, client, editor, taken_back
    ):
        old_address = taken_back.get_absolute_url()
        taken_back.slug = "a-new-name"
        taken_back.save()
        workflow.apply(taken_back, "publish", editor)
        taken_back.refresh_from_db()

        response = client.get(old_address)

        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert response["Location"] == taken_back.get_absolute_url()

    def test_a_schedule_called_off_before_its_time_was_never_seen(self, client, editor):
        story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
        workflow.apply(story, "unpublish", editor)
        workflow.apply(story, "return_to_draft", editor)
        story.refresh_from_db()

        with time_machine.travel(story.published_at + timedelta(days=1)):
            assert not story.was_ever_published
            client.force_login(editor)
            url = reverse("admin:articles_article_delete", args=[story.pk])
            response = client.post(url, {"post": "yes"})
            assert response.status_code == HTTPStatus.FOUND

        assert not Article.objects.filter(pk=story.pk).exists()


class TestEveryMoveIsInTheHistory:
    """Each move, by button or bulk action, is one admin history entry: who and
    what."""

    @pytest.mark.parametrize(
        ("start", "move", "message"),
        [
            ("draft", "submit", "Submitted for review."),
            ("review", "return_to_draft", "Returned to draft."),
            ("review", "publish", "Published."),
            ("draft", "schedule", "Scheduled for "),
            ("published", "unpublish", "Unpublished."),
            ("unpublished", "return_to_draft", "Returned to draft."),
        ],
    )
    def test_button(self, editor_client, editor, start, move, message):
        story = ArticleFactory(authors=[AuthorFactory()])
        if start != "draft":
            story.status = start
            story.published_at = timezone.now() - timedelta(hours=1)
            story.save()
        later = timezone.localtime() + timedelta(days=2)
        when = typed_time("published_at", later) if move == "schedule" else {}

        press(editor_client, story, move, **when)

        entries = [
            (entry.user, entry.get_change_message())
            for entry in LogEntry.objects.filter(object_id=str(story.pk))
        ]
        # One entry: the move (the time typed for it is not a change of its own).
        assert len(entries) == 1
        assert entries[0][0] == editor
        assert entries[0][1].startswith(message)

    def test_bulk_schedule_asks_for_the_time_then_schedules_each(
        self, editor_client, editor
    ):
        stories = ArticleFactory.create_batch(2, authors=[AuthorFactory()])
        later = timezone.localtime() + timedelta(days=1)
        chosen = {"action": "schedule", "_selected_action": [s.pk for s in stories]}

        page = editor_client.post(CHANGELIST, chosen)
        assert page.status_code == HTTPStatus.OK
        assert 'name="publish_at_0"' in page.content.decode()
        editor_client.post(
            CHANGELIST,
            chosen | typed_time("publish_at", later),
        )

        for story in stories:
            story.refresh_from_db()
            assert story.is_scheduled
            assert timezone.localtime(story.published_at).date() == later.date()
            entry = LogEntry.objects.filter(object_id=str(story.pk)).latest("pk")
            assert entry.user == editor
            assert entry.get_change_message().startswith("Scheduled for ")

    def test_bulk_schedule_of_all_that_match_carries_the_choice_not_the_ids(
        self, editor_client, monkeypatch
    ):
        from articles import admin as story_admin

        monkeypatch.setattr(story_admin, "SCHEDULE_PREVIEW", 2)
        stories = ArticleFactory.create_batch(3, authors=[AuthorFactory()])
        later = timezone.localtime() + timedelta(days=1)
        chosen = {
            "action": "schedule",
            "select_across": "1",
            "index": "0",
            "_selected_action": [stories[0].pk],
        }

        page = editor_client.post(CHANGELIST, chosen).content.decode()
        assert "3 stories in all" in page
        assert 'name="select_across" value="1"' in page
        editor_client.post(
            CHANGELIST,
            chosen | typed_time("publish_at", later),
        )

        for story in stories:
            story.refresh_from_db()
            assert story.is_scheduled

    def test_bulk_schedule_refuses_a_past_time(self, editor_client):
        story = ArticleFactory(authors=[AuthorFactory()])
        earlier = timezone.localtime() - timedelta(days=1)

        page = editor_client.post(
            CHANGELIST,
            {
                "action": "schedule",
                "_selected_action": [story.pk],
                **typed_time("publish_at", earlier),
            },
        )

        assert "Pick a time in the future." in page.content.decode()
        story.refresh_from_db()
        assert story.status == Article.Status.DRAFT


class TestWritersCannotMakeEditorsMoves:
    def test_schedule_button(self, writer_client, own_draft):
        later = timezone.localtime() + timedelta(days=1)

        response = press(
            writer_client,
            own_draft,
            "schedule",
            **typed_time("published_at", later),
        )

        own_draft.refresh_from_db()
        assert own_draft.status == Article.Status.DRAFT
        assert any("Only an editor" in m for m in messages_of(response))

    @pytest.mark.parametrize(
        ("action", "start"),
        [("schedule", "review"), ("publish_now", "review"), ("unpublish", "live")],
    )
    def test_bulk_actions(self, writer_client, writer, action, start):
        # Each story is one an editor could make this move on.
        mine = ArticleFactory(
            created_by=writer, authors=[AuthorFactory()], published=start == "live"
        )
        if start == "review":
            workflow.apply(mine, "submit", writer)
        before = (mine.status, mine.published_at)
        later = timezone.localtime() + timedelta(days=1)

        listing = writer_client.get(CHANGELIST).content.decode()
        writer_client.post(
            CHANGELIST,
            {
                "action": action,
                "_selected_action": [mine.pk],
                **typed_time("publish_at", later),
            },
        )

        assert f'value="{action}"' not in listing  # not offered…
        mine.refresh_from_db()
        assert (mine.status, mine.published_at) == before  # …nor done when posted


def test_a_story_that_went_live_without_a_record_is_remembered_when_taken_down(
    editor,
):
    """A row written in bulk (an old import, the corpus) has no first_published_at:
    the save that takes it down still sees that it was live."""
    story = ArticleFactory(published=True, authors=[AuthorFactory()])
    Article.objects.filter(pk=story.pk).update(first_published_at=None)
    story.refresh_from_db()

    workflow.apply(story, "unpublish", editor)
    workflow.apply(story, "return_to_draft", editor)

    story.refresh_from_db()
    assert story.first_published_at is not None
    assert story.was_ever_published
