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
    assert kinds.count("Broken") == 3


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
        # Not well-formed XML (a bare "&"): found by its id, with the line.
        ("110", "it is not well-formed XML: invalid token at line 138"),
        ("item 13 (An item that lost its id)", "it has no post id"),
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


# Records that are not well-formed XML ------------------------------------------

HEADER = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Broken</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[meera]]></wp:author_login></wp:author>
"""


def item(post_id, title=b"A post", content=b"Text.", extra=b""):
    return (
        b"<item><title>" + title + b"</title>\n"
        b"<dc:creator><![CDATA[meera]]></dc:creator>\n"
        b"<content:encoded><![CDATA[" + content + b"]]></content:encoded>\n"
        b"<wp:post_id>" + str(post_id).encode() + b"</wp:post_id>" + extra + b"\n"
        b"<wp:post_type><![CDATA[post]]></wp:post_type></item>\n"
    )


def read_bytes(tmp_path, *parts):
    path = tmp_path / "export.xml"
    path.write_bytes(b"".join(parts))
    return list(wxr.read(path))


def outline(found):
    return [
        (r.post_id, r.title) if isinstance(r, wxr.Item) else (r.ident, r.reason)
        for r in found
        if isinstance(r, wxr.Item | wxr.Broken)
    ]


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        (item(2, title="Café".encode("latin-1")), "invalid token at line 11"),
        (item(2, title=b"Q&A with the minister"), "invalid token at line 11"),
        (item(2, title=b"A&nbsp;B"), "undefined entity at line 11"),
        (
            item(2, extra=b"<wp:postmeta><wp:meta_key>x</wp:meta_key>"),
            "mismatched tag at line 15",
        ),
        (item(2).replace(b"</item>", b""), "mismatched tag at line 16"),
        # A CDATA section never closed: it ends at the item's next one,
        (item(2).replace(b"]]></content", b"</content"), "mismatched tag at line 15"),
        # or runs into the next item,
        (
            item(2).replace(b"post]]></wp", b"post</wp"),
            "unclosed CDATA section at line 16",
        ),
        # and a comment never closed, into the end of the file.
        (item(2, extra=b"<!-- never closed"), "unclosed token at line 14"),
    ],
)
def test_an_item_that_is_not_well_formed_is_skipped_with_its_id(
    tmp_path, broken, reason
):
    found = read_bytes(
        tmp_path, HEADER, item(1), broken, item(3), item(4), b"</channel></rss>"
    )

    assert outline(found) == [
        ("1", "A post"),
        ("2", f"it is not well-formed XML: {reason}"),
        ("3", "A post"),
        ("4", "A post"),
    ]
    assert [type(r).__name__ for r in found[:2]] == ["Site", "Author"]


def test_a_broken_item_without_an_id_is_named_by_its_place_and_title(tmp_path):
    broken = b"<item><title>Tom & Jerry</title></item>\n"
    found = read_bytes(tmp_path, HEADER, item(1), broken, b"</channel></rss>")

    assert outline(found)[1] == (
        "item 2 (Tom & Jerry)",
        "it is not well-formed XML: invalid token at line 11",
    )


def test_a_broken_author_is_skipped_with_its_login(tmp_path):
    author = b"<wp:author><wp:author_login>dan</wp:author_login><wp:bio>R&D"
    author += b"</wp:bio></wp:author>\n"
    found = read_bytes(tmp_path, HEADER, author, item(1), b"</channel></rss>")

    broken = [r for r in found if isinstance(r, wxr.Broken)]
    assert [(b.kind, b.ident) for b in broken] == [("author", "dan")]
    assert [r.login for r in found if isinstance(r, wxr.Author)] == ["meera"]
    assert outline(found)[-1] == ("1", "A post")


def test_markup_in_cdata_and_comments_is_text_not_records(tmp_path):
    content = b"An RSS feed: </item><item> and <!-- not a comment"
    comment = b"<!-- <item><wp:post_id>9</wp:post_id></item> -->\n"
    found = read_bytes(
        tmp_path,
        HEADER,
        comment,
        item(1, content=content),
        item(2),
        b"</channel></rss>",
    )

    assert outline(found) == [("1", "A post"), ("2", "A post")]
    assert found[2].content == content.decode()


def test_the_records_are_the_same_whatever_the_chunks_read(monkeypatch):
    whole = records()
    monkeypatch.setattr(wxr._Splitter, "CHUNK", 7)

    assert records() == whole


def test_a_record_too_large_to_hold_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(wxr._Splitter, "CHUNK", 64)
    monkeypatch.setattr(wxr._Splitter, "MAX_RECORD", 1000)
    huge = item(2, title=b"Huge", content=b"x" * 5000)

    found = read_bytes(tmp_path, HEADER, item(1), huge, item(3), b"</channel></rss>")

    assert outline(found) == [
        ("1", "A post"),
        (
            "item 2 (Huge)",
            "it is larger than 1,000 bytes, which no WordPress record is: "
            "the file is damaged there (line 11)",
        ),
        ("3", "A post"),
    ]


def test_an_export_cut_short_says_so(tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes(HEADER + item(1) + item(2)[:-40])

    with pytest.raises(
        wxr.ExportError, match="in the middle of item 2 .from line 11."
    ) as cut:
        list(wxr.read(path))
    assert "cut short" in str(cut.value)
