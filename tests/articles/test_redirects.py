from http import HTTPStatus

import pytest
from django.urls import reverse

from articles.models import ArticleRedirect
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def edit(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), "article_form", **changes)
    assert client.post(url, data).status_code == HTTPStatus.FOUND


def test_changed_slug_keeps_the_old_address(editor_client, client):
    story = ArticleFactory(published=True, slug="old-words", authors=[AuthorFactory()])
    old_url = story.get_absolute_url()

    edit(editor_client, story, slug="better-words")

    story.refresh_from_db()
    response = client.get(old_url)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == story.get_absolute_url()
    assert client.get(story.get_absolute_url()).status_code == HTTPStatus.OK


def test_changed_section_keeps_the_old_address(editor_client, client):
    world, india = SectionFactory(slug="world"), SectionFactory(slug="india")
    story = ArticleFactory(published=True, section=world, authors=[AuthorFactory()])
    old_url = story.get_absolute_url()

    edit(editor_client, story, section=str(india.pk))

    story.refresh_from_db()
    assert story.get_absolute_url().startswith("/india/")
    response = client.get(old_url)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == story.get_absolute_url()


def test_two_renames_both_lead_to_the_story(editor_client, client):
    story = ArticleFactory(published=True, slug="first", authors=[AuthorFactory()])
    first_url = story.get_absolute_url()
    edit(editor_client, story, slug="second")
    story.refresh_from_db()
    second_url = story.get_absolute_url()
    edit(editor_client, story, slug="third")
    story.refresh_from_db()

    for url in (first_url, second_url):
        assert client.get(url)["Location"] == story.get_absolute_url()


def test_taking_an_old_slug_back_drops_its_redirect(editor_client):
    story = ArticleFactory(published=True, slug="first", authors=[AuthorFactory()])
    edit(editor_client, story, slug="second")
    story.refresh_from_db()
    edit(editor_client, story, slug="first")

    assert list(ArticleRedirect.objects.values_list("old_slug", flat=True)) == [
        "second"
    ]


def test_renaming_a_draft_leaves_no_redirect(editor_client):
    draft = ArticleFactory(slug="draft-words")

    edit(editor_client, draft, slug="final-words")

    assert not ArticleRedirect.objects.exists()


def test_redirect_of_an_unpublished_story_is_404(editor_client, client, editor):
    from articles import workflow

    story = ArticleFactory(published=True, slug="first", authors=[AuthorFactory()])
    old_url = story.get_absolute_url()
    edit(editor_client, story, slug="second")
    workflow.apply(story, "unpublish", editor)

    assert client.get(old_url).status_code == HTTPStatus.NOT_FOUND
