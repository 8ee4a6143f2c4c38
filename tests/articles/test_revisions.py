from http import HTTPStatus

import pytest
from django.urls import reverse
from reversion.models import Version

from articles import revisions, workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save(client, article, **changes):
    data = form_data(client.get(change_url(article)), "article_form", **changes)
    response = client.post(change_url(article), data)
    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]


@pytest.fixture
def story(editor_client):
    """A live story saved three times in the admin."""
    first = AuthorFactory(name="First Author")
    article = ArticleFactory(
        published=True,
        headline="Talks begin",
        standfirst="A first round.",
        body="<p>The talks began on Sunday.</p>",
        authors=[first],
        tags=["Iran"],
    )
    save(editor_client, article)
    save(editor_client, article, headline="Talks begin in Muscat", tags="Iran, Oman")
    save(
        editor_client,
        article,
        body="<p>The talks began on Monday.</p><p>A new paragraph.</p>",
    )
    return Article.objects.get(pk=article.pk)


def test_every_save_keeps_a_revision_with_who_and_when(editor_client, editor, story):
    versions = list(revisions.history(story))

    assert len(versions) == 3
    assert all(v.revision.user == editor for v in versions)
    assert "Changed Headline, Tags." in versions[1].revision.comment
    page = editor_client.get(
        reverse("admin:articles_article_revisions", args=[story.pk])
    )
    assert page.status_code == HTTPStatus.OK
    assert page.content.decode().count("Restore…") == 2


def test_workflow_moves_are_revisions_too(editor, story):
    workflow.apply(story, "unpublish", editor)

    assert revisions.history(story).first().revision.comment == "Unpublished."


def test_compare_two_revisions(editor_client, story):
    newest, middle, oldest = revisions.history(story)
    url = reverse("admin:articles_article_compare", args=[story.pk])

    response = editor_client.get(url, {"from": oldest.pk, "to": newest.pk})

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<ins> in Muscat</ins>" in html
    assert "<del>Sunday.</del><ins>Monday.</ins>" in html
    assert "<ins>A new paragraph.</ins>" in html
    assert "Iran → Iran, Oman" in html


@pytest.mark.parametrize("query", [{}, {"from": "x", "to": "1"}, {"from": "1"}])
def test_compare_with_bad_input_is_not_an_error(editor_client, story, query):
    url = reverse("admin:articles_article_compare", args=[story.pk])

    assert editor_client.get(url, query).status_code in (
        HTTPStatus.FOUND,
        HTTPStatus.NOT_FOUND,
    )


def test_restore_brings_text_byline_and_tags_back_as_a_new_revision(
    editor_client, client, story
):
    oldest = revisions.history(story).last()
    second = AuthorFactory(name="Second Author")
    story.bylines.all().delete()
    story.bylines.create(author=second, position=1)
    url = reverse("admin:articles_article_restore", args=[story.pk, oldest.pk])

    confirm = editor_client.get(url)
    assert "Restore this revision" in confirm.content.decode()
    editor_client.post(url)

    story = Article.objects.get(pk=story.pk)
    assert story.headline == "Talks begin"
    assert story.body == "<p>The talks began on Sunday.</p>"
    assert [t.name for t in story.tags.all()] == ["Iran"]
    assert [b.author.name for b in story.bylines.all()] == ["First Author"]
    assert story.is_published  # a restore does not touch the workflow
    assert revisions.history(story).count() == 4
    assert (
        revisions.history(story)
        .first()
        .revision.comment.startswith("Restored the version of")
    )
    assert "Talks begin" in client.get(story.get_absolute_url()).content.decode()


def test_writer_cannot_restore_an_editors_story(client, writer, story):
    client.force_login(writer)
    oldest = revisions.history(story).last()
    url = reverse("admin:articles_article_restore", args=[story.pk, oldest.pk])

    assert client.post(url).status_code == HTTPStatus.FORBIDDEN


def test_revision_of_another_story_is_404(editor_client, story):
    other = ArticleFactory()
    version = Version.objects.get_for_object(story).first()
    url = reverse("admin:articles_article_restore", args=[other.pk, version.pk])

    assert editor_client.get(url).status_code == HTTPStatus.NOT_FOUND
