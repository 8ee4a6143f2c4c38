"""Bad input never gives a 500: random and hostile values in every public query
parameter and path segment, and in every field of the newsroom's story form."""

from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)
from tests.forms import form_data

pytestmark = pytest.mark.django_db

ANSWERS = {
    HTTPStatus.OK,
    HTTPStatus.MOVED_PERMANENTLY,
    HTTPStatus.FOUND,
    HTTPStatus.BAD_REQUEST,
    HTTPStatus.NOT_FOUND,
}
HOSTILE = st.sampled_from(
    [
        "0",
        "-1",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "last",
        "%",
        "_",
        "'; DROP TABLE articles_article; --",
        '"<script>alert(1)</script>',
        "../../etc/passwd",
        "\x00",
        "\u202e\u0000",
        "9999-12-31",
        "0000-00-00",
        "2026-02-30",
        "a" * 5000,
        "☃️🗞️",
        "\\",
        " ",
    ]
)
VALUES = st.one_of(HOSTILE, st.text(max_size=200), st.integers().map(str), st.just(""))
EXAMPLES = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PARAMETERS = ("page", "q", "section", "since", "until", "p")


@pytest.fixture
def newsroom():
    world = SectionFactory(name="World", slug="world")
    story = ArticleFactory(
        published=True,
        section=world,
        authors=[AuthorFactory(slug="meera")],
        tags=["Iran"],
    )
    return story


PAGES = [
    "/",
    "/world/",
    "/tag/iran/",
    "/author/meera/",
    "/search/",
    "/feed/",
    "/world/feed/",
    "/sitemap-stories.xml",
    "/sitemap-news.xml",
]


@EXAMPLES
@given(values=st.fixed_dictionaries(dict.fromkeys(PARAMETERS, VALUES)))
def test_query_parameters_never_give_a_500(client, newsroom, values):
    for path in PAGES:
        response = client.get(path, values)
        assert response.status_code in ANSWERS, (path, values)


@EXAMPLES
@given(segment=VALUES)
def test_path_segments_never_give_a_500(client, newsroom, segment):
    part = quote(segment, safe="")[:2000] or "x"
    for path in (
        f"/{part}/",
        f"/tag/{part}/",
        f"/author/{part}/",
        f"/world/2026/11/24/{part}/",
        f"/world/{part}/11/24/story/",
        f"/{part}/feed/",
        f"/preview/{part}/",
        f"/sitemap-{part}.xml",
    ):
        response = client.get(path)
        assert response.status_code in ANSWERS, path


@EXAMPLES
@given(
    field=st.sampled_from(
        [
            "headline",
            "slug",
            "standfirst",
            "body",
            "credit_line",
            "dateline",
            "section",
            "tags",
            "hero_image",
            "published_at_0",
            "published_at_1",
            "breaking_until_0",
            "seo_title",
            "seo_description",
            "loaded_version",
            "bylines-0-author",
            "bylines-0-position",
            "bylines-TOTAL_FORMS",
            "_transition",
        ]
    ),
    value=VALUES,
)
def test_story_form_fields_never_give_a_500(editor_client, newsroom, field, value):
    url = reverse("admin:articles_article_change", args=[newsroom.pk])
    data = form_data(editor_client.get(url), "article_form")
    data[field] = value

    response = editor_client.post(url, data)

    assert response.status_code in ANSWERS, (field, value)


@EXAMPLES
@given(
    model=st.sampled_from(
        [
            ("sections", "section", ["name", "slug", "description", "position"]),
            ("authors", "author", ["name", "slug", "bio", "x_handle", "linkedin_url"]),
            ("articles", "image", ["alt_text", "caption", "credit"]),
        ]
    ),
    value=VALUES,
)
def test_other_newsroom_forms_never_give_a_500(client, administrator, model, value):
    app, name, fields = model
    client.force_login(administrator)
    url = reverse(f"admin:{app}_{name}_add")
    data = dict.fromkeys(fields, value)

    response = client.post(url, data)

    assert response.status_code in ANSWERS, (name, value)


@pytest.mark.parametrize("value", ["1e309", "abc", "-1", "99999999999999999999"])
def test_impossible_related_values_are_form_errors(editor_client, newsroom, value):
    """Found by the test above: Django's autocomplete redrew the form by looking the
    value up, and crashed on one that cannot be an id."""
    url = reverse("admin:articles_article_change", args=[newsroom.pk])
    data = form_data(editor_client.get(url), "article_form", section=value)

    response = editor_client.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()


CHANGELIST_PARAMETERS = (
    "q",
    "o",
    "p",
    "status__exact",
    "section__id__exact",
    "published_at__year",
    "published_at__month",
    "published_at__day",
    "published_at__gte",
    "all",
    "e",
    "_popup",
    "_to_field",
)


@EXAMPLES
@given(
    values=st.fixed_dictionaries(
        {}, optional=dict.fromkeys(CHANGELIST_PARAMETERS, VALUES)
    )
)
def test_story_list_filters_never_give_a_500(editor_client, newsroom, values):
    for url in (
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_image_changelist"),
    ):
        response = editor_client.get(url, values)
        assert response.status_code in ANSWERS, (url, values)


@EXAMPLES
@given(
    endpoint=st.sampled_from(
        [
            ("get", "admin:articles_article_tag_suggestions", False, ["q", "term"]),
            (
                "get",
                "admin:autocomplete",
                False,
                ["term", "app_label", "model_name", "field_name", "page"],
            ),
            (
                "post",
                "admin:articles_article_autosave",
                True,
                ["headline", "standfirst", "body", "dateline", "credit_line"],
            ),
            (
                "post",
                "admin:articles_article_autosave_new",
                False,
                ["headline", "body"],
            ),
            ("post", "admin:articles_article_heartbeat", True, ["x"]),
            (
                "post",
                "admin:articles_article_preview_links",
                True,
                ["expires_in", "days", "note", "action"],
            ),
            ("get", "admin:articles_article_compare", True, ["old", "new", "a", "b"]),
            ("post", "two_factor_verify", False, ["code", "token", "next"]),
            ("get", "two_factor_setup", False, ["next"]),
        ]
    ),
    value=VALUES,
)
def test_newsroom_endpoints_never_give_a_500(editor_client, newsroom, endpoint, value):
    method, name, with_story, fields = endpoint
    url = reverse(name, args=[newsroom.pk] if with_story else [])
    data = dict.fromkeys(fields, value)

    response = getattr(editor_client, method)(url, data)

    assert response.status_code in ANSWERS | {HTTPStatus.FORBIDDEN}, (name, value)


@EXAMPLES
@given(
    model=st.sampled_from(
        [
            ("sections", "section", ["name", "slug", "description", "position"]),
            ("authors", "author", ["name", "slug", "bio", "x_handle", "website"]),
            ("articles", "image", ["alt_text", "caption", "credit"]),
        ]
    ),
    value=VALUES,
)
def test_changing_newsroom_records_never_gives_a_500(
    client, administrator, newsroom, model, value
):
    app, name, fields = model
    record = {
        "section": newsroom.section,
        "author": newsroom.byline_authors[0] if newsroom.byline_authors else None,
        "image": ImageFactory(),
    }[name]
    client.force_login(administrator)
    url = reverse(f"admin:{app}_{name}_change", args=[record.pk])
    data = form_data(client.get(url), f"{name}_form")
    data.update(dict.fromkeys(fields, value))

    response = client.post(url, data)

    assert response.status_code in ANSWERS, (name, value)


@EXAMPLES
@given(segment=VALUES, value=VALUES)
def test_more_public_addresses_never_give_a_500(client, newsroom, segment, value):
    part = quote(segment, safe="")[:2000] or "x"
    for method, path in (
        ("get", f"/author/{part}/feed/"),
        ("get", f"/tag/{part}/feed/"),
        ("get", f"/author/{part}/"),
        ("get", newsroom.get_absolute_url()),
        ("get", f"/{part}"),
        ("post", f"/read/{part}/"),
        ("post", f"/read/{newsroom.pk}/"),
        ("get", "/feed/atom/"),
        ("get", "/robots.txt"),
        ("get", "/sitemap.xml"),
    ):
        response = getattr(client, method)(path, {"page": value, "q": value})
        assert response.status_code in ANSWERS | {HTTPStatus.NO_CONTENT}, path


@pytest.mark.parametrize("year", ["2147483648", "9999", "0"])
def test_impossible_years_in_the_story_lists_date_drilldown(editor_client, year):
    """Found by the fuzzing above: Django catches only some of the errors an
    impossible year raises (dailybeat/admin_widgets.py)."""
    url = reverse("admin:articles_article_changelist")

    response = editor_client.get(url, {"published_at__year": year})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("?e=1")


def test_an_autosave_with_a_nul_character_is_kept_without_it(editor_client, newsroom):
    """Found by the fuzzing above: PostgreSQL's JSON cannot hold a NUL."""
    url = reverse("admin:articles_article_autosave", args=[newsroom.pk])

    response = editor_client.post(url, {"standfirst": "Before\x00after"})

    assert response.status_code == HTTPStatus.OK
    assert newsroom.autosaves.get().data["standfirst"] == "Beforeafter"
