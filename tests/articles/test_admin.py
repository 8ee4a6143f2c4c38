from datetime import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Image
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    image_bytes,
)
from tests.forms import form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
BODY = (
    "<h2>Fresh effort</h2><p>It was <strong>constructive</strong>, "
    '<a href="https://example.org/">officials said</a>.</p>'
    "<ul><li>one</li></ul><blockquote><p>A quote.</p></blockquote>"
    "<script>alert(1)</script>"
)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def new_story(client, section, authors=(), **changes):
    """Fill in the add form as an editor would; authors as (author, position)."""
    data = form_data(
        client.get(ADD_URL),
        "article_form",
        headline="Iran calls Oman talks a ‘good beginning’",
        slug="iran-oman-talks",
        standfirst="Both sides will keep talking.",
        body=BODY,
        dateline="MUSCAT",
        section=str(section.pk),
        tags="Iran, Diplomacy, United States",
    )
    data["bylines-TOTAL_FORMS"] = str(len(authors))
    for index, (author, position) in enumerate(authors):
        data[f"bylines-{index}-author"] = str(author.pk)
        data[f"bylines-{index}-position"] = str(position)
    data.update(changes)
    return client.post(ADD_URL, data)


def test_change_form_has_ckeditor_and_autocompletes(editor_client):
    response = editor_client.get(ADD_URL)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "ckeditor/ckeditor.js" in html
    assert 'data-type="ckeditortype"' in html
    assert "js/admin/tag-suggest.js" in html
    assert 'data-tag-suggest-url="/admin/articles/article/tag-suggestions/"' in html
    assert html.count("admin-autocomplete") >= 3  # section, hero image, author


def test_editor_writes_a_draft_then_publishes_it(editor_client, client, editor):
    section = SectionFactory(name="World", slug="world")
    first, second = AuthorFactory(name="Second Named"), AuthorFactory(name="Lead")
    image = ImageFactory()

    response = new_story(
        editor_client, section, [(first, 2), (second, 1)], hero_image=str(image.pk)
    )

    assert response.status_code == HTTPStatus.FOUND
    article = Article.objects.get(slug="iran-oman-talks")
    assert article.status == Article.Status.DRAFT
    assert article.created_by == editor
    assert "<script" not in article.body
    assert "<h2>Fresh effort</h2>" in article.body
    assert sorted(t.name for t in article.tags.all()) == [
        "Diplomacy",
        "Iran",
        "United States",
    ]
    assert [b.author for b in article.bylines.all()] == [second, first]
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    data = form_data(editor_client.get(change_url(article)), "article_form")
    response = editor_client.post(
        change_url(article), data | {"_transition": "publish"}
    )

    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.is_published
    client.logout()
    for url in (
        "/",
        "/world/",
        first.get_absolute_url(),
        second.get_absolute_url(),
        "/tag/iran/",
        "/tag/united-states/",
    ):
        page = client.get(url)
        assert page.status_code == HTTPStatus.OK, url
        assert article.get_absolute_url() in page.content.decode(), url
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.OK


def test_publishing_without_byline_keeps_the_text_but_does_not_publish(editor_client):
    response = new_story(editor_client, SectionFactory(), _transition="publish")

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.headline.startswith("Iran calls")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("needs a byline" in m for m in messages)


def test_credit_line_is_a_byline(editor_client):
    new_story(
        editor_client,
        SectionFactory(),
        credit_line="With inputs from agencies",
        _transition="publish",
    )

    assert Article.objects.get().is_published


def test_byline_positions_follow_entry_order_when_left_empty(editor_client):
    a, b = AuthorFactory.create_batch(2)

    new_story(editor_client, SectionFactory(), [(a, ""), (b, "")])

    article = Article.objects.get()
    assert [(x.author, x.position) for x in article.bylines.all()] == [(a, 1), (b, 2)]


def test_duplicate_slug_is_a_form_error(editor_client):
    ArticleFactory(slug="iran-oman-talks")

    response = new_story(editor_client, SectionFactory())

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
    html = response.content.decode()
    assert "1 story: Publish now" in html
    assert "needs a byline" in html
    entry = LogEntry.objects.get(object_id=str(ready.pk))
    assert entry.user == editor
    assert entry.get_change_message() == "Published."


def test_story_list_renders_with_filters(editor_client):
    ArticleFactory.create_batch(3, published=True, authors=[AuthorFactory()])

    response = editor_client.get(
        reverse("admin:articles_article_changelist") + "?status__exact=published"
    )

    assert response.status_code == HTTPStatus.OK
    assert "3 stories" in response.content.decode()


def test_search_finds_stories_by_author_and_tag(editor_client):
    story = ArticleFactory(
        authors=[AuthorFactory(name="Kavya Iyer")], tags=["Monsoon"], headline="Rain"
    )
    ArticleFactory(headline="Other")
    url = reverse("admin:articles_article_changelist")

    for term in ("Kavya", "monsoon"):
        response = editor_client.get(url, {"q": term})
        assert list(response.context["cl"].result_list) == [story], term


def test_view_on_site_only_for_live_stories(editor_client):
    live = ArticleFactory(published=True)
    draft = ArticleFactory()

    assert "View on site" in editor_client.get(change_url(live)).content.decode()
    assert "View on site" not in editor_client.get(change_url(draft)).content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "admin:articles_article_changelist",
        "admin:articles_image_changelist",
        "admin:articles_image_add",
        "admin:articles_frontpage_changelist",
        "admin:sections_section_changelist",
        "admin:authors_author_changelist",
        "admin:authors_author_add",
        "admin:accounts_user_changelist",
    ],
)
def test_newsroom_admin_pages_render(client, administrator, name):
    ArticleFactory(published=True, illustrated=True, authors=[AuthorFactory()])
    client.force_login(administrator)

    assert client.get(reverse(name), follow=True).status_code == HTTPStatus.OK


def test_image_uploaded_in_the_admin_keeps_its_size_and_credits(editor_client, editor):
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


class TestTagSuggestions:
    url = reverse("admin:articles_article_tag_suggestions")

    def test_suggests_matching_tags(self, editor_client):
        ArticleFactory(tags=["Iran", "Iraq", "India"])

        response = editor_client.get(self.url, {"q": "ir"})

        assert response.json() == {"results": ["Iran", "Iraq"]}

    @pytest.mark.parametrize("term", ["%", "_", "'", "a" * 5000, " "])
    def test_odd_input_is_harmless(self, editor_client, term):
        ArticleFactory(tags=["Iran"])

        assert editor_client.get(self.url, {"q": term}).json() == {"results": []}

    def test_needs_a_staff_login(self, client):
        response = client.get(self.url, {"q": "ir"})

        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]


def test_a_tag_without_letters_is_a_form_error_not_a_broken_page(editor_client):
    response = new_story(editor_client, SectionFactory(), tags="Iran, !!!")

    assert response.status_code == HTTPStatus.OK
    assert "“!!!” cannot be a tag" in response.content.decode()
    assert not Article.objects.exists()


def test_tags_are_split_on_commas_only(editor_client):
    new_story(editor_client, SectionFactory(), tags='United States, "Budget 2026" ')

    assert sorted(t.name for t in Article.objects.get().tags.all()) == [
        "Budget 2026",
        "United States",
    ]


def test_unicode_tag_has_a_page(editor_client, client):
    new_story(
        editor_client,
        SectionFactory(),
        tags="भारत",
        credit_line="Agencies",
        _transition="publish",
    )
    client.logout()
    tag = Article.objects.get().tags.get()

    response = client.get(reverse("articles:tag", args=[tag.slug]))

    assert response.status_code == HTTPStatus.OK
    assert "भारत" in response.content.decode()


def test_hero_image_without_alt_text_cannot_be_published(editor_client):
    image = ImageFactory(alt_text="")

    response = new_story(
        editor_client,
        SectionFactory(),
        [(AuthorFactory(), 1)],
        hero_image=str(image.pk),
        _transition="publish",
    )

    assert not Article.objects.get().is_published
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("needs alt text" in m for m in messages)


def test_the_story_list_is_sized_in_one_query_never_by_a_full_count(
    editor_client,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ArticleFactory.create_batch(3)

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == HTTPStatus.OK
    sql = [query["sql"] for query in queries.captured_queries]
    # Sized by the paginator's one query (dailybeat/pagination.py), which counts
    # a long list only up to a bound; Django's own full COUNT(*)s are off.
    assert len([s for s in sql if "dailybeat_list_size(" in s]) == 1
    assert not [s for s in sql if "COUNT(*)" in s and "articles_article" in s]
    assert "3 stories" in response.content.decode()


def test_small_lists_are_counted_exactly():
    from articles.models import Article
    from dailybeat.pagination import EstimatedCountPaginator

    ArticleFactory.create_batch(3)

    assert EstimatedCountPaginator(Article.objects.all(), 100).count == 3


def test_a_tag_too_long_for_its_column_is_a_form_error(editor_client):
    from tests.factories import ArticleFactory
    from tests.forms import form_data

    story = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = form_data(
        editor_client.get(url), "article_form", tags="Monsoon, " + "a" * 95
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "A tag can be at most 90 characters" in response.content.decode()
    assert not story.tags.exists()


@pytest.mark.parametrize(
    ("since", "expected"),
    [("2026-11-24", ["Morning story"]), ("9999-12-31", [])],
)
def test_a_typed_date_filter_is_read_in_indian_time(editor_client, since, expected):
    india = ZoneInfo("Asia/Kolkata")
    ArticleFactory(
        headline="Evening story",
        status=Article.Status.PUBLISHED,
        published_at=datetime(2026, 11, 23, 23, 30, tzinfo=india),
    )
    ArticleFactory(
        headline="Morning story",
        status=Article.Status.PUBLISHED,
        published_at=datetime(2026, 11, 24, 0, 30, tzinfo=india),
    )

    response = editor_client.get(
        reverse("admin:articles_article_changelist"), {"published_at__gte": since}
    )

    assert response.status_code == HTTPStatus.OK
    assert [s.headline for s in response.context["cl"].result_list] == expected


# The date drill-down at a million stories (articles/admin.py, NewsroomQuerySet).

IST = ZoneInfo("Asia/Kolkata")


def _stories_on(*moments):
    for moment in moments:
        ArticleFactory(status=Article.Status.PUBLISHED, published_at=moment)


def test_the_drill_down_lists_the_years_django_would():
    from articles.admin import NewsroomQuerySet

    _stories_on(
        datetime(2021, 6, 1, 9, tzinfo=IST),
        datetime(2023, 3, 1, 9, tzinfo=IST),
        # 31 December in UTC, already 1 January in India: 2025, as Django says.
        datetime(2024, 12, 31, 20, tzinfo=ZoneInfo("UTC")),
    )
    ArticleFactory()  # a draft, never published: no year
    newsroom = NewsroomQuerySet(model=Article)

    years = newsroom.datetimes("published_at", "year")

    assert years == list(Article.objects.datetimes("published_at", "year"))
    assert [year.year for year in years] == [2021, 2023, 2025]
    assert newsroom.datetimes("published_at", "year", order="DESC") == years[::-1]
    assert (
        NewsroomQuerySet(model=Article).none().datetimes("published_at", "year") == []
    )


def test_the_story_list_finds_its_years_without_reading_every_story(editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _stories_on(datetime(2022, 5, 1, tzinfo=IST), datetime(2024, 5, 1, tzinfo=IST))

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "?published_at__year=2022" in html
    assert "?published_at__year=2024" in html
    assert "?published_at__year=2023" not in html
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "DATE_TRUNC('year'" not in sql


def test_a_years_months_are_still_listed(editor_client):
    _stories_on(datetime(2024, 2, 1, tzinfo=IST), datetime(2024, 9, 1, tzinfo=IST))
    _stories_on(datetime(2023, 2, 1, tzinfo=IST))

    url = reverse("admin:articles_article_changelist") + "?published_at__year=2024"
    html = editor_client.get(url).content.decode()

    assert "published_at__month=2" in html
    assert "published_at__month=9" in html


def test_years_far_apart_cost_a_query_per_year_with_stories(
    django_assert_num_queries,
):
    from articles.admin import NewsroomQuerySet

    # A typo'd year and the last year Python knows: no probe of the years between.
    _stories_on(
        datetime(1925, 6, 1, tzinfo=IST),
        datetime(2025, 6, 1, tzinfo=IST),
        datetime(9999, 6, 1, tzinfo=IST),
    )

    with django_assert_num_queries(3):
        years = NewsroomQuerySet(model=Article).datetimes("published_at", "year")

    assert [year.year for year in years] == [1925, 2025, 9999]


def test_an_order_that_is_neither_way_is_refused():
    from articles.admin import NewsroomQuerySet

    with pytest.raises(ValueError, match="'order' must be"):
        NewsroomQuerySet(model=Article).datetimes("published_at", "year", "UP")
