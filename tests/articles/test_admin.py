from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def _form_data(section, authors=(), **overrides):
    data = {
        "headline": "Iran calls Oman talks a ‘good beginning’",
        "slug": "iran-oman-talks",
        "standfirst": "Both sides will keep talking.",
        "body": (
            "<h2>Fresh effort</h2><p>It was <strong>constructive</strong>, "
            '<a href="https://example.org/">officials said</a>.</p>'
            "<ul><li>one</li></ul><blockquote><p>A quote.</p></blockquote>"
            "<script>alert(1)</script>"
        ),
        "credit_line": "",
        "dateline": "MUSCAT",
        "section": section.pk,
        "tags": "Iran, Diplomacy",
        "hero_image": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "bylines-TOTAL_FORMS": str(len(authors)),
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    for index, (author, position) in enumerate(authors):
        data[f"bylines-{index}-author"] = author.pk
        data[f"bylines-{index}-position"] = position
    data.update(overrides)
    return data


def test_change_form_has_ckeditor_and_autocompletes(editor_client):
    response = editor_client.get(ADD_URL)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "ckeditor/ckeditor.js" in html
    assert 'data-type="ckeditortype"' in html
    assert "js/admin/tag-suggest.js" in html
    assert 'data-tag-suggest-url="/admin/articles/article/tag-suggestions/"' in html
    assert html.count("admin-autocomplete") >= 3  # section, hero image, author


def test_editor_writes_a_draft_then_publishes_it(editor_client, client):
    section = SectionFactory(name="World", slug="world")
    first, second = AuthorFactory(name="Second Named"), AuthorFactory(name="Lead")
    image = ImageFactory()

    response = editor_client.post(
        ADD_URL,
        _form_data(section, [(first, 2), (second, 1)], hero_image=image.pk),
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    article = Article.objects.get(slug="iran-oman-talks")
    assert article.status == Article.Status.DRAFT
    assert "<script" not in article.body
    assert "<h2>Fresh effort</h2>" in article.body
    assert sorted(t.name for t in article.tags.all()) == ["Diplomacy", "Iran"]
    assert [b.author for b in article.bylines.all()] == [second, first]
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = _form_data(section, [], hero_image=image.pk, status="published")
    data["bylines-INITIAL_FORMS"] = "2"
    data["bylines-TOTAL_FORMS"] = "2"
    for index, byline in enumerate(article.bylines.all()):
        data[f"bylines-{index}-id"] = byline.pk
        data[f"bylines-{index}-article"] = article.pk
        data[f"bylines-{index}-author"] = byline.author_id
        data[f"bylines-{index}-position"] = byline.position
    response = editor_client.post(change_url, data)

    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.is_published
    for url in (
        "/",
        "/world/",
        first.get_absolute_url(),
        second.get_absolute_url(),
        "/tag/iran/",
        "/tag/diplomacy/",
    ):
        page = client.get(url)
        assert page.status_code == HTTPStatus.OK, url
        assert article.get_absolute_url() in page.content.decode(), url
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.OK


def test_publishing_without_byline_is_refused(editor_client):
    section = SectionFactory()

    response = editor_client.post(ADD_URL, _form_data(section, status="published"))

    assert response.status_code == HTTPStatus.OK
    assert "A published story needs a byline" in response.content.decode()
    assert not Article.objects.exists()


def test_credit_line_is_a_byline(editor_client):
    section = SectionFactory()

    response = editor_client.post(
        ADD_URL,
        _form_data(
            section, status="published", credit_line="With inputs from agencies"
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Article.objects.get().is_published


def test_byline_positions_follow_entry_order_when_left_empty(editor_client):
    section = SectionFactory()
    a, b = AuthorFactory.create_batch(2)

    editor_client.post(ADD_URL, _form_data(section, [(a, ""), (b, "")]))

    article = Article.objects.get()
    assert [(x.author, x.position) for x in article.bylines.all()] == [(a, 1), (b, 2)]


def test_duplicate_slug_is_a_form_error(editor_client):
    ArticleFactory(slug="iran-oman-talks")

    response = editor_client.post(ADD_URL, _form_data(SectionFactory()))

    assert response.status_code == HTTPStatus.OK
    assert "already exists" in response.content.decode()


def test_publish_action_publishes_and_records_history(editor_client, editor):
    ready = ArticleFactory(authors=[AuthorFactory()])
    no_byline = ArticleFactory()

    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [ready.pk, no_byline.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    no_byline.refresh_from_db()
    assert ready.is_published
    assert not no_byline.is_published
    assert "1 story published." in response.content.decode()
    assert "no byline" in response.content.decode()
    entry = LogEntry.objects.get(object_id=str(ready.pk))
    assert entry.user == editor
    assert "Published" in entry.get_change_message()


def test_back_to_draft_action(editor_client):
    story = ArticleFactory(published=True)

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "back_to_draft", "_selected_action": [story.pk]},
    )

    story.refresh_from_db()
    assert not story.is_published


def test_story_list_renders_with_filters(editor_client):
    ArticleFactory.create_batch(3, published=True, authors=[AuthorFactory()])

    response = editor_client.get(
        reverse("admin:articles_article_changelist") + "?status__exact=published"
    )

    assert response.status_code == HTTPStatus.OK
    assert "3 stories" in response.content.decode()


def test_view_on_site_only_for_live_stories(editor_client):
    live = ArticleFactory(published=True)
    draft = ArticleFactory()

    live_page = editor_client.get(
        reverse("admin:articles_article_change", args=[live.pk])
    )
    draft_page = editor_client.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )

    assert "View on site" in live_page.content.decode()
    assert "View on site" not in draft_page.content.decode()


class TestTagSuggestions:
    url = reverse("admin:articles_article_tag_suggestions")

    def test_suggests_matching_tags(self, editor_client):
        ArticleFactory(tags=["Iran", "Iraq", "India"])

        response = editor_client.get(self.url, {"q": "ir"})

        assert response.json() == {"results": ["Iran", "Iraq"]}

    def test_needs_a_staff_login(self, client):
        response = client.get(self.url, {"q": "ir"})

        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "name",
    [
        "admin:articles_article_changelist",
        "admin:articles_image_changelist",
        "admin:articles_image_add",
        "admin:sections_section_changelist",
        "admin:sections_section_add",
        "admin:authors_author_changelist",
        "admin:authors_author_add",
    ],
)
def test_newsroom_admin_pages_render(editor_client, name):
    ArticleFactory(published=True, illustrated=True, authors=[AuthorFactory()])

    assert editor_client.get(reverse(name)).status_code == HTTPStatus.OK


def test_image_uploaded_in_the_admin_keeps_its_size_and_credits(editor_client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.models import Image
    from tests.factories import image_bytes

    upload = SimpleUploadedFile(
        "IMG_2041.JPG", image_bytes(size=(320, 180)), content_type="image/jpeg"
    )
    response = editor_client.post(
        reverse("admin:articles_image_add"),
        {
            "file": upload,
            "alt_text": "Boats moored in a harbour",
            "caption": "Muscat harbour",
            "credit": "DailyBeat Photo",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    image = Image.objects.get()
    assert (image.width, image.height) == (320, 180)
    assert image.uploaded_by == editor
    assert "IMG_2041" not in image.file.name  # stored under an unguessable name
    assert image.file.name.endswith(".jpg")
