"""Exports as real WordPress sites write them: plugins, old formats, bad bytes."""

import pytest

from articles.models import Article
from authors.models import Author
from tests import factories
from wordpress.content import convert
from wordpress.importer import Importer
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{v}/">
<channel><title>Edge</title><wp:wxr_version>{v}</wp:wxr_version>
<wp:base_site_url>https://old.example.com</wp:base_site_url>
<wp:author><wp:author_login>meera</wp:author_login>
<wp:author_display_name>Meera Raghavan</wp:author_display_name></wp:author>
<wp:author><wp:author_login>dan.okafor</wp:author_login>
<wp:author_display_name>Daniel Okafor</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename>
<wp:cat_name>News</wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>sport</wp:category_nicename>
<wp:cat_name>Sport</wp:cat_name></wp:category>
"""


def post(post_id, body="Text.", status="publish", extra="", slug=None):
    return f"""<item><title>Post {post_id}</title><dc:creator>meera</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>2024-06-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-06-01 04:30:00</wp:post_date_gmt>
<wp:post_name>{slug or f"post-{post_id}"}</wp:post_name><wp:status>{status}</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>{extra}</item>
"""


def export(tmp_path, *items, version="1.2", raw=""):
    path = tmp_path / "export.xml"
    text = HEADER.format(v=version) + "".join(items) + raw + "</channel></rss>"
    path.write_text(text)
    return path


def story(wp_id):
    return ImportedItem.objects.get(kind="post", wp_id=wp_id).article


def test_wxr_1_1_and_1_0_tags(tmp_path):
    path = export(
        tmp_path,
        post(
            1, extra='<category domain="tag" nicename="old"><![CDATA[Old]]></category>'
        ),
        version="1.1",
    )

    Importer(path).run()

    assert story("1").headline == "Post 1"
    assert [t.name for t in story("1").tags.all()] == ["Old"]


def test_control_characters_from_word_processors_are_dropped(tmp_path):
    path = export(tmp_path, post(1, body="Pasted\x0bfrom\x0ca word processor."))

    report = Importer(path).run()

    assert story("1").body == "<p>Pastedfroma word processor.</p>"
    assert report.counts["control characters dropped"] == 2


def test_password_protected_posts_are_not_made_public(tmp_path):
    path = export(
        tmp_path, post(1, extra="<wp:post_password>s3cret</wp:post_password>")
    )

    report = Importer(path).run()

    assert story("1").status == Article.Status.DRAFT
    assert "password-protected post imported as a draft" in report.warnings


def test_co_authors_make_the_byline_in_order(tmp_path):
    coauthors = (
        '<category domain="author" nicename="cap-dan-okafor">Daniel Okafor</category>'
        '<category domain="author" nicename="cap-meera">Meera Raghavan</category>'
    )
    Importer(export(tmp_path, post(1, extra=coauthors))).run()

    assert [a.name for a in story("1").byline_authors] == [
        "Daniel Okafor",
        "Meera Raghavan",
    ]


def test_the_primary_category_of_seo_plugins_is_the_section(tmp_path):
    extra = (
        '<category domain="category" nicename="sport"><![CDATA[Sport]]></category>'
        "<wp:postmeta><wp:meta_key>_yoast_wpseo_primary_category</wp:meta_key>"
        "<wp:meta_value>3</wp:meta_value></wp:postmeta>"
    )
    Importer(export(tmp_path, post(1, extra=extra))).run()

    assert story("1").section.slug == "sport"
    assert [t.name for t in story("1").tags.all()] == ["Sport"]


def test_old_slugs_keep_answering(client, tmp_path):
    extra = (
        "<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key>"
        "<wp:meta_value>first-draft-title</wp:meta_value></wp:postmeta>"
    )
    Importer(export(tmp_path, post(1, extra=extra, slug="final-title"))).run()

    response = client.get("/2024/06/01/first-draft-title/")

    assert response.status_code == 301
    assert response["Location"] == story("1").get_absolute_url()


def test_a_long_excerpt_is_shortened_to_a_standfirst(tmp_path):
    long = "word " * 200
    extra = f"<excerpt:encoded><![CDATA[{long}]]></excerpt:encoded>"
    report = Importer(export(tmp_path, post(1, extra=extra))).run()

    standfirst = story("1").standfirst
    assert len(standfirst) <= 400
    assert standfirst.endswith("word…")
    assert any("shortened" in warning for warning in report.warnings)


def test_a_record_that_fails_is_skipped_and_the_rest_imported(tmp_path, monkeypatch):
    path = export(tmp_path, post(1), post(2), post(3))
    real = Importer._hero

    def failing(self, record):
        if record.post_id == "2":
            raise RuntimeError("something unexpected")
        return real(self, record)

    monkeypatch.setattr(Importer, "_hero", failing)
    report = Importer(path).run()

    assert report.skipped == [
        {"kind": "post", "id": "2", "reason": "something unexpected"}
    ]
    assert sorted(
        ImportedItem.objects.filter(kind="post").values_list("wp_id", flat=True)
    ) == ["1", "3"]
    assert Article.objects.count() == 2


def test_an_item_that_is_not_well_formed_xml_is_skipped_and_the_rest_imported(
    tmp_path,
):
    # Bytes that are not UTF-8 (a title pasted in Latin-1) break the XML of item 2.
    broken = post(2).replace("Post 2", "Café au lait").encode("latin-1")
    path = tmp_path / "export.xml"
    path.write_bytes(
        HEADER.format(v="1.2").encode()
        + post(1).encode()
        + broken
        + post(3).encode()
        + b"</channel></rss>"
    )

    report = Importer(path).run()

    assert report.skipped == [
        {
            "kind": "item",
            "id": "2",
            "reason": "it is not well-formed XML: invalid token at line 23",
        }
    ]
    assert sorted(
        ImportedItem.objects.filter(kind="post").values_list("wp_id", flat=True)
    ) == ["1", "3"]
    assert report.counts["posts imported"] == 2
    # Run again (the item still broken): nothing twice, the same report.
    again = Importer(path).run()
    assert again.counts["posts unchanged"] == 2
    assert again.skipped == report.skipped


def test_other_sites_pictures_are_not_taken_for_ours(tmp_path, settings):
    uploads = tmp_path / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True)
    (uploads / "a.jpg").write_bytes(factories.image_bytes())
    attachment = """<item><title>A</title><wp:post_id>9</wp:post_id>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example.com/wp-content/uploads/2024/05/a.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>
<wp:meta_value>2024/05/a.jpg</wp:meta_value></wp:postmeta></item>"""
    body = (
        '<img src="https://elsewhere.example/wp-content/uploads/2024/05/a.jpg" alt="x">'
        '<img src="https://i0.wp.com/old.example.com/wp-content/uploads/2024/05/a.jpg" '
        'alt="y">'
    )
    Importer(
        export(tmp_path, post(1, body=body), raw=attachment),
        media_dir=tmp_path / "uploads",
    ).run()

    body = story("1").body
    assert '<a href="https://elsewhere.example/' in body
    assert 'alt="y"' in body
    assert "/media/" in body


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[Note that a = b] stays.", "<p>[Note that a = b] stays.</p>"),
        # (The sanitiser keeps no <code>, but the brackets in it survive.)
        ("<code>$a = [x y=1];</code>", "<p>$a = [x y=1];</p>"),
        (
            "<strong>Bob</strong>\n<em>Road</em>\nline",
            "<p><strong>Bob</strong><br>\n<em>Road</em><br>\nline</p>",
        ),
    ],
)
def test_text_that_only_looks_like_markup(content, expected):
    assert convert(content).html == expected


def test_authors_are_matched_not_duplicated_on_a_second_run(tmp_path):
    path = export(tmp_path, post(1))
    Importer(path).run()
    Importer(path).run()

    assert Author.objects.filter(slug="meera").count() == 1
