"""
Reading a WordPress eXtended RSS (WXR) export, streaming.

``read(path)`` yields one record at a time: the site, each author, category and tag
of the channel, and each item (post, page, attachment, …). Elements are dropped as
soon as they are read, so memory stays flat however large the file is. The XML is
parsed with defusedxml: an export that declares entities (a "billion laughs") is
refused rather than expanded.

A record that cannot be understood (an item without an id, a date that is not a
date) is yielded as ``Broken`` with the reason, so the importer can report it and go
on; a file that is not well-formed XML stops with ``ExportError`` saying where.
"""

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
NO_DATE = "0000-00-00 00:00:00"


class ExportError(Exception):
    """The file cannot be read as a WordPress export."""


@dataclass
class Site:
    title: str
    base_url: str
    wxr_version: str


@dataclass
class Author:
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str
    bio: str


@dataclass
class Category:
    term_id: str
    slug: str
    name: str
    parent_slug: str
    description: str


@dataclass
class Tag:
    term_id: str
    slug: str
    name: str


@dataclass
class Item:
    post_id: str
    post_type: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    slug: str
    status: str
    date_gmt: datetime | None
    date_local: datetime | None
    modified_gmt: datetime | None
    parent_id: str
    attachment_url: str
    password: str = ""
    categories: list = field(default_factory=list)  # [(slug, name)]
    tags: list = field(default_factory=list)  # [(slug, name)]
    # Co-authors (Co-Authors Plus, PublishPress Authors): their nicenames, in order.
    coauthors: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    # Slugs the post had before (WordPress redirects them: _wp_old_slug).
    old_slugs: list = field(default_factory=list)
    position: int = 0  # the nth item of the file


@dataclass
class Broken:
    kind: str
    ident: str
    reason: str
    position: int


# Control characters XML 1.0 forbids. Text pasted from word processors carries them
# (a vertical tab, a form feed), and WordPress writes them into its exports as they
# are, which makes the file not well-formed. They are single bytes in UTF-8, never
# part of a longer character, so they can be dropped from the bytes as they stream.
_FORBIDDEN = bytes(range(0x20)).translate(None, b"\t\n\r")


class _Cleaned:
    """The export file, read with the forbidden control characters dropped (and
    counted)."""

    def __init__(self, path):
        self.file = open(path, "rb")  # noqa: SIM115 (closed by read())
        self.dropped = 0

    def read(self, size=-1):
        data = self.file.read(size)
        cleaned = data.translate(None, _FORBIDDEN)
        self.dropped += len(data) - len(cleaned)
        return cleaned

    def close(self):
        self.file.close()


def read(path, cleaned=None):
    """Every record of the export at ``path``, in the file's order: the Site first,
    then authors, categories and tags, then the items. ``cleaned`` (a list) gets the
    number of forbidden control characters dropped from the file."""
    source = _Cleaned(path)
    try:
        yield from _records(source)
    finally:
        source.close()
        if cleaned is not None:
            cleaned.append(source.dropped)


def _records(source):
    wp = None  # the WordPress namespace, as this export spells it
    channel = None
    site = Site(title="", base_url="", wxr_version="")
    site_sent = False
    items = 0
    try:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == "channel":
                    channel = element
                elif wp is None and tag.startswith("{http://wordpress.org/export/"):
                    wp = tag[: tag.index("}") + 1]
                continue
            if channel is None or not any(child is element for child in channel):
                continue  # part of an item or author: read with it
            channel.remove(element)  # read now, then forgotten
            if tag == "title":
                site.title = _text(element)
            elif tag == f"{wp}base_site_url":
                site.base_url = _text(element).rstrip("/")
            elif tag == f"{wp}wxr_version":
                site.wxr_version = _text(element)
            elif tag in (f"{wp}author", f"{wp}category", f"{wp}tag", "item"):
                if not site_sent:
                    site_sent = True
                    yield site
                if tag == "item":
                    items += 1
                    yield _item(element, wp, items)
                else:
                    yield READERS[tag.rsplit("}", 1)[-1]](element, wp)
    except ParseError as error:
        line, column = error.position
        problem = str(error).split(":")[0]
        raise ExportError(
            f"The export is not well-formed XML at line {line}, column {column} "
            f"({problem}), and the import stopped there. Repair the file (or export "
            "it again) and run the import again: whatever it had imported is not "
            "imported twice."
        ) from error
    except DefusedXmlException as error:
        raise ExportError(
            f"The export declares XML entities or a DTD ({error}), which a WordPress "
            "export never does; it was not read."
        ) from error
    if channel is None:
        raise ExportError(
            "This is not a WordPress export: there is no RSS <channel> in it. In "
            "WordPress, use Tools → Export → All content."
        )
    if wp is None:
        raise ExportError(
            "This RSS file has no WordPress (wp:) elements: it is a feed, not a "
            "WordPress export (Tools → Export → All content)."
        )
    if not site_sent:
        yield site


def _text(element, child=None):
    if child is not None:
        element = element.find(child)
        if element is None:
            return ""
    return (element.text or "").strip()


def _raw(element, child):
    """Text as stored (content keeps its line breaks and spaces)."""
    found = element.find(child)
    return found.text or "" if found is not None else ""


def _author(element, wp):
    return Author(
        login=_text(element, f"{wp}author_login"),
        email=_text(element, f"{wp}author_email"),
        display_name=html.unescape(_text(element, f"{wp}author_display_name")),
        first_name=html.unescape(_text(element, f"{wp}author_first_name")),
        last_name=html.unescape(_text(element, f"{wp}author_last_name")),
        bio=_text(element, f"{wp}author_description"),
    )


def _category(element, wp):
    return Category(
        term_id=_text(element, f"{wp}term_id"),
        slug=_text(element, f"{wp}category_nicename"),
        name=html.unescape(_text(element, f"{wp}cat_name")),
        parent_slug=_text(element, f"{wp}category_parent"),
        description=_text(element, f"{wp}category_description"),
    )


def _tag(element, wp):
    return Tag(
        term_id=_text(element, f"{wp}term_id"),
        slug=_text(element, f"{wp}tag_slug"),
        name=html.unescape(_text(element, f"{wp}tag_name")),
    )


def parse_date(value):
    """A WordPress date ("2024-05-01 04:30:00"), in UTC; None for the empty one."""
    value = (value or "").strip()
    if not value or value == NO_DATE:
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def _item(element, wp, position):
    post_id = _text(element, f"{wp}post_id")
    title = html.unescape(_text(element, "title"))
    if not post_id.isdigit():
        return Broken(
            "item",
            f"item {position} ({title or 'untitled'})",
            "it has no post id (wp:post_id)",
            position,
        )
    try:
        date_gmt = parse_date(_text(element, f"{wp}post_date_gmt"))
        date_local = parse_date(_text(element, f"{wp}post_date"))
        modified_gmt = parse_date(_text(element, f"{wp}post_modified_gmt"))
    except ValueError as error:
        return Broken("item", post_id, f"a date cannot be read ({error})", position)
    item = Item(
        post_id=post_id,
        post_type=_text(element, f"{wp}post_type") or "post",
        title=title,
        link=_text(element, "link"),
        creator=_text(element, f"{DC}creator"),
        content=_raw(element, f"{CONTENT}encoded"),
        excerpt=_raw(element, "{http://wordpress.org/export/1.2/excerpt/}encoded")
        or _raw(element, "{http://wordpress.org/export/1.1/excerpt/}encoded"),
        slug=_text(element, f"{wp}post_name"),
        status=_text(element, f"{wp}status") or "draft",
        date_gmt=date_gmt,
        date_local=date_local,
        modified_gmt=modified_gmt,
        parent_id=_text(element, f"{wp}post_parent"),
        attachment_url=_text(element, f"{wp}attachment_url"),
        password=_text(element, f"{wp}post_password"),
        position=position,
    )
    for term in element.findall("category"):
        pair = (term.get("nicename", "").strip(), html.unescape(_text(term)))
        domain = term.get("domain")
        if domain == "category":
            item.categories.append(pair)
        elif domain in ("post_tag", "tag"):  # "tag" in WXR 1.0
            item.tags.append(pair)
        elif domain == "author":
            item.coauthors.append(pair[0].removeprefix("cap-"))
    for meta in element.findall(f"{wp}postmeta"):
        key = _text(meta, f"{wp}meta_key")
        if key == "_wp_old_slug":
            item.old_slugs.append(_text(meta, f"{wp}meta_value"))
        elif key:
            item.meta[key] = _raw(meta, f"{wp}meta_value")
    return item


READERS = {"author": _author, "category": _category, "tag": _tag}
