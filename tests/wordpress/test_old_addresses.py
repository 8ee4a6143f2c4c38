"""Every old WordPress address of an imported story keeps working: a 301 to its new
address (or, where the address is the same here, the page itself)."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from taggit.models import Tag

from tests import factories
from wordpress.importer import Importer
from wordpress.models import ImportedItem

EXPORT = Path(__file__).with_name("export.xml")

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    Importer(EXPORT).run()


def story(wp_id):
    return ImportedItem.objects.get(kind="post", wp_id=wp_id).article


def moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new, old
    assert client.get(new).status_code == 200, new


def test_date_permalinks(client, imported):
    monsoon = story("101").get_absolute_url()
    moved(client, "/2024/06/01/monsoon-reaches-kerala/", monsoon)
    moved(client, "/2024/06/01/monsoon-reaches-kerala", monsoon)  # no slash
    # A non-ASCII slug, as a browser sends it (percent-encoded UTF-8).
    moved(
        client,
        "/2024/06/04/%E0%A4%AE%E0%A4%BE%E0%A4%A8%E0%A4%B8%E0%A5%82%E0%A4%A8"
        "-%E0%A4%B8%E0%A4%A4%E0%A5%8D%E0%A4%B0/",
        story("106").get_absolute_url(),
    )


def test_short_links(client, imported):
    moved(client, "/?p=101", story("101").get_absolute_url())
    moved(client, "/?p=107", story("107").get_absolute_url())
    # Not (yet) public, or never a story: not found, and nothing leaks.
    for hidden in ("/?p=102", "/?p=103", "/?p=301", "/?p=999999"):
        assert client.get(hidden).status_code == 404, hidden
    # Anything else in ?p= is not a WordPress id: the home page.
    assert client.get("/?p=abc").status_code == 200


def test_category_addresses(client, imported):
    moved(client, "/category/news/", "/news/")
    moved(client, "/category/news/india-news/", "/india-news/")
    moved(client, "/category/news/india-news/mumbai/", "/mumbai/")
    moved(client, "/category/mumbai/", "/mumbai/")
    moved(client, "/category/search/", "/search-section/")
    moved(client, "/category/news/feed/", "/news/feed/")
    response = client.get("/category/news/page/2/")
    assert response.status_code == 301
    assert response["Location"] == "/news/?page=2"


def test_tag_addresses(client, imported):
    # The same address here: it simply works.
    for path in (
        "/tag/iran/",
        "/tag/iran/feed/",
        "/tag/monsoon-2024/",
    ):
        assert client.get(path).status_code == 200, path
    # Hindi: our slugs keep letters, not vowel signs (Django's slugify), so the
    # address differs, and moved.
    hindi = Tag.objects.get(name="मानसून")
    moved(
        client,
        "/tag/%E0%A4%AE%E0%A4%BE%E0%A4%A8%E0%A4%B8%E0%A5%82%E0%A4%A8/",
        iri_to_uri(reverse("articles:tag", args=[hindi.slug])),
    )


def test_tag_merged_into_an_existing_one(client):
    Tag.objects.create(name="Monsoon", slug="monsoon")
    Importer(EXPORT).run()

    moved(client, "/tag/monsoon-2024/", "/tag/monsoon/")
    moved(client, "/tag/monsoon-2024/feed/", "/tag/monsoon/feed/")


def test_author_addresses(client, imported):
    assert client.get("/author/dan-okafor/").status_code == 200
    assert client.get("/author/dan-okafor/feed/").status_code == 200


def test_site_feeds(client, imported):
    assert client.get("/feed/").status_code == 200
    moved(client, "/feed/rss2/", "/feed/")
    moved(client, "/?feed=rss2", "/feed/")


def test_unknown_addresses_stay_not_found(client, imported):
    for path in (
        "/2024/06/01/no-such-post/",
        "/category/nothing/",
        "/wp-content/uploads/2024/06/flooded.jpg",  # never imported: to fetch
        "/wp-admin/",
    ):
        assert client.get(path).status_code == 404, path


def test_an_unpublished_story_old_address_is_not_found(client, imported):
    live = story("107")
    live.status = live.Status.UNPUBLISHED
    live.save()

    assert client.get("/2024/06/05/mumbai-locals-late/").status_code == 404
    assert client.get("/?p=107").status_code == 404


def test_old_picture_addresses(client, tmp_path):
    uploads = tmp_path / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True)
    (uploads / "train.jpg").write_bytes(factories.image_bytes(size=(800, 450)))
    Importer(EXPORT, media_dir=tmp_path / "uploads").run()
    hero = story("101").hero_image

    response = client.get("/wp-content/uploads/2024/05/train.jpg")

    assert response.status_code == 301
    assert response["Location"] == hero.file.url


def test_a_picture_only_an_unpublished_story_shows_is_not_found(client, tmp_path):
    uploads = tmp_path / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True)
    (uploads / "train.jpg").write_bytes(factories.image_bytes(size=(800, 450)))
    Importer(EXPORT, media_dir=tmp_path / "uploads").run()
    embargoed = story("101")
    embargoed.status = embargoed.Status.UNPUBLISHED
    embargoed.save()

    response = client.get("/wp-content/uploads/2024/05/train.jpg")

    assert response.status_code == 404


@pytest.mark.parametrize("published", [True, False])
def test_a_picture_uploaded_to_an_unpublished_story_is_not_found(
    client, tmp_path, published
):
    uploads = tmp_path / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True)
    (uploads / "train.jpg").write_bytes(factories.image_bytes(size=(800, 450)))
    Importer(EXPORT, media_dir=tmp_path / "uploads").run()
    parent = story("101")  # the post the picture was uploaded to
    parent.hero_image = None  # no longer its hero: only "uploaded to" is left
    if not published:
        parent.status = parent.Status.UNPUBLISHED
    parent.save()

    response = client.get("/wp-content/uploads/2024/05/train.jpg")

    assert response.status_code == (301 if published else 404)


def test_head_requests_are_redirected_too(client, imported):
    response = client.head("/2024/06/01/monsoon-reaches-kerala/")
    assert response.status_code == 301


def test_pages_found_cost_no_lookup(client, imported):
    """Only a 404 (or /?p=) looks for an old address."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = story("101").get_absolute_url()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries.captured_queries if "wordpress_" in q["sql"]]

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/no-such-page/").status_code == 404
    assert len([q for q in queries.captured_queries if "wordpress_" in q["sql"]]) == 1


def test_never_a_redirect_to_itself(client, imported):
    """A tag with no published story is not found at its (unchanged) address:
    not found, rather than a 301 to the same address that browsers would keep."""
    assert client.get("/tag/iran/").status_code == 200
    story("107").delete()  # the only story tagged Iran

    assert client.get("/tag/iran/").status_code == 404
    assert client.get("/tag/iran/feed/").status_code == 404


def test_the_newsroom_can_see_the_old_addresses(client, imported, administrator):
    from django.contrib.auth.models import Permission

    administrator.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="wordpress")
    )
    client.force_login(administrator)

    listing = client.get("/admin/wordpress/oldaddress/?q=monsoon")
    items = client.get("/admin/wordpress/importeditem/?kind=post")

    assert listing.status_code == 200
    assert "/2024/06/01/monsoon-reaches-kerala/" in listing.content.decode()
    assert story("101").get_absolute_url() in listing.content.decode()
    assert items.status_code == 200
    assert client.get("/admin/wordpress/oldaddress/add/").status_code == 403
