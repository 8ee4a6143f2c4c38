"""Reading WordPress exports, streaming, and refusing what is not one."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wordpress import wxr

EXPORT = Path(__file__).with_name("export.xml")


def records():
    return list(wxr.read(EXPORT))


def test_reads_the_site_authors_terms_and_items_in_order():
    found = records()

    site = found[0]
    assert site == wxr.Site(
        title="The Old Beat", base_url="https://old.example.com", wxr_version="1.2"
    )
    kinds = [type(record).__name__ for record in found]
    assert kinds.count("Author") == 3
    assert kinds.count("Category") == 7
    assert kinds.count("Tag") == 3
    assert kinds.count("Item") == 12
    assert kinds.count("Broken") == 2


def test_an_item_in_full():
    post = next(r for r in records() if getattr(r, "post_id", "") == "101")

    assert post.title == "Monsoon reaches Kerala & Karnataka: what’s next"
    assert post.creator == "meera"
    assert post.status == "publish"
    assert post.date_gmt == datetime(2024, 6, 1, 4, 30, tzinfo=UTC)
    assert post.categories == [("india-news", "India")]
    assert post.tags == [("monsoon-2024", "Monsoon")]
    assert post.meta == {"_thumbnail_id": "201"}
    assert post.content.startswith("The monsoon arrived over Kerala on Saturday,\n")


def test_malformed_items_are_reported_not_fatal():
    broken = [r for r in records() if isinstance(r, wxr.Broken)]

    assert [(b.ident, b.reason.split(" (")[0]) for b in broken] == [
        ("item 12 (An item that lost its id)", "it has no post id"),
        ("109", "a date cannot be read"),
    ]


def test_an_empty_date_is_none():
    assert wxr.parse_date("0000-00-00 00:00:00") is None
    assert wxr.parse_date("") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            "<rss><channel><title>&b;</title></channel></rss>",
            "declares XML entities",
        ),
        ("<html><body>Hello</body></html>", "not a WordPress export"),
        (
            '<rss version="2.0"><channel><title>A feed</title><item><title>x</title>'
            "</item></channel></rss>",
            "it is a feed, not a WordPress export",
        ),
        ("<rss><channel><title>cut", "not well-formed XML at line 1"),
    ],
)
def test_what_is_not_an_export_is_refused_clearly(tmp_path, text, message):
    path = tmp_path / "export.xml"
    path.write_text(text)

    with pytest.raises(wxr.ExportError, match=message):
        list(wxr.read(path))
