"""
Reading a WordPress eXtended RSS (WXR) export, streaming.

``read(path)`` yields one record at a time: the site, each author, category and tag
of the channel, and each item (post, page, attachment, …). The file is read in
chunks and each record is dropped once read, so memory stays flat however large the
file is. The XML is parsed with defusedxml: an export that declares entities (a
"billion laughs") is refused rather than expanded.

The records (``<item>``, ``<wp:author>``, ``<wp:category>``, ``<wp:tag>``,
``<wp:term>``; they never nest) are cut out of the byte stream at their tags, minding
CDATA sections and comments, whose text may hold anything, and each is parsed on its
own; the rest (the channel: its title, namespaces, WXR version, base address) is
parsed as one stream with an empty placeholder where each record was. So a record
that is not well-formed XML (bytes that are not UTF-8, a stray "&", an unclosed tag)
is yielded as ``Broken`` with its id (found in its raw text) and the reason, and the
rest is read; so is a record that is well-formed but cannot be understood (an item
without an id, a date that is not a date). A file that is not an export, or whose
channel is not well-formed (cut short, for one), stops with ``ExportError`` saying
where and what to do.
"""

import html
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

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
    kind: str  # item, author, category, tag or term
    ident: str  # its id, or what else names it
    reason: str
    position: int  # the nth record of its kind in the file


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
        yield from _records(_Splitter(source))
    finally:
        source.close()
        if cleaned is not None:
            cleaned.append(source.dropped)


# Cutting the records out of the stream --------------------------------------------

# The records, by their tag as WordPress writes it, and the field that names each.
_KINDS = {
    b"item": ("item", b"wp:post_id"),
    b"wp:author": ("author", b"wp:author_login"),
    b"wp:category": ("category", b"wp:category_nicename"),
    b"wp:tag": ("tag", b"wp:tag_slug"),
    b"wp:term": ("term", b"wp:term_slug"),
}
_NAMES = b"|".join(re.escape(name) for name in _KINDS)
# Outside a record: a record's start, a CDATA section or a comment.
_OUTSIDE = re.compile(rb"<!\[CDATA\[|<!--|<(" + _NAMES + rb")(?=[\s/>])")
# Inside one: its end, a CDATA section or a comment.
_INSIDE = {
    name: re.compile(rb"<!\[CDATA\[|<!--|</" + re.escape(name) + rb"\s*>")
    for name in _KINDS
}
_STARTS = {
    name: re.compile(rb"<" + re.escape(name) + rb"(?=[\s/>])") for name in _KINDS
}
_ENDS = {name: re.compile(rb"</" + re.escape(name) + rb"\s*>") for name in _KINDS}
_BOUNDARIES = {
    name: re.compile(
        rb"</" + re.escape(name) + rb"\s*>\s*<" + re.escape(name) + rb"[\s/>]"
    )
    for name in _KINDS
}
_CLOSERS = {b"<![CDATA[": b"]]>", b"<!--": b"-->"}
_DECLARED_ENCODING = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([A-Za-z][\w.-]*)[\"']"
)
PLACEHOLDER = "wxr-record"  # where a record was, in what the channel's parser reads


@dataclass
class _Raw:
    """A record as cut out of the file."""

    tag: bytes  # b"item", b"wp:author", …
    text: bytes
    line: int  # where it begins in the file
    too_large: bool = False
    problem: str = ""  # why it cannot be read

    @property
    def kind(self):
        return _KINDS[self.tag][0]


class _Splitter:
    """The export as the channel's parser reads it: each record is cut out (into
    ``records``, in order) and an empty placeholder put in its place, followed by as
    many line breaks as the record had, so that line numbers stay the file's."""

    CHUNK = 1 << 20
    # A record larger than this is not held in memory: it is reported and skipped.
    # No WordPress post comes near; it means the file is damaged there.
    MAX_RECORD = 64 << 20
    _TAIL = 64  # bytes searched again with the next chunk: a tag may be cut there

    def __init__(self, source):
        self.source = source
        self.records = deque()
        self.encoding = "utf-8"
        self.cut = None  # the _Raw the file ends in the middle of, if it does
        self.empty = False
        self._lines = 0  # line breaks given out so far
        self._pieces = self._split()

    def read(self, size=-1):
        """About ``size`` bytes for the parser, with at most one record cut out at a
        time (so that ``records`` stays short)."""
        size = size if size and size > 0 else self.CHUNK
        out, length, queued = [], 0, len(self.records)
        for piece in self._pieces:
            out.append(piece)
            length += len(piece)
            if length >= size or len(self.records) > queued:
                break
        return b"".join(out)

    def _give(self, data):
        self._lines += data.count(b"\n")
        return bytes(data)

    def _breaks(self, buf, start, end):
        breaks = buf.count(b"\n", start, end)
        self._lines += breaks
        return b"\n" * breaks

    def _record(self, raw, breaks=None):
        self.records.append(raw)
        breaks = raw.text.count(b"\n") if breaks is None else breaks
        self._lines += breaks
        return f'<{PLACEHOLDER} xmlns=""/>'.encode() + b"\n" * breaks

    def _split(self):
        buf = bytearray(self.source.read(self.CHUNK))
        declared = _DECLARED_ENCODING.match(buf)
        if declared:
            self.encoding = declared.group(1).decode("ascii")
        eof = self.empty = not buf
        pos = scan = 0  # the first byte not given out yet; where to search next
        tag = None  # the tag of the record being read, if one is
        start = line = 0  # where that record begins, in buf and in the file
        closer = None  # b"]]>" or b"-->" inside a CDATA section or a comment
        skipping = None  # the record too large to hold, while its rest is skipped
        while True:
            if skipping:
                found = _ENDS[tag].search(buf, scan)
                if found:
                    yield self._breaks(buf, pos, found.end())
                    tag, skipping, pos = None, None, found.end()
                    scan = pos
                    continue
                scan = max(pos, len(buf) - self._TAIL)
                yield self._breaks(buf, pos, scan)
                pos = start = scan
            elif closer is not None:
                end = buf.find(closer, scan)
                if end >= 0:
                    scan, closer = end + len(closer), None
                    continue
                scan = max(scan, len(buf) - len(closer) + 1)
            else:
                found = (_OUTSIDE if tag is None else _INSIDE[tag]).search(buf, scan)
                if found:
                    token = found.group()
                    if token in _CLOSERS:
                        closer, scan = _CLOSERS[token], found.end()
                    elif tag is None:  # a record begins
                        yield self._give(buf[pos : found.start()])
                        tag, start, scan = found.group(1), found.start(), found.end()
                        pos, line = start, self._lines + 1
                    else:  # and ends
                        yield self._record(
                            _Raw(tag, bytes(buf[start : found.end()]), line)
                        )
                        tag, pos, scan = None, found.end(), found.end()
                    continue
                scan = max(scan, len(buf) - self._TAIL)
            # All of the buffer is searched: give out what is surely outside any
            # record, and read on.
            if tag is None:
                yield self._give(buf[pos:scan])
                pos = scan
            elif not skipping and (eof or len(buf) - start > self.MAX_RECORD):
                # A record that does not end (before the file does), or too large:
                # most likely a CDATA section or a comment never closed swallowed
                # the records after it. Cut it at the next one's start.
                after = _STARTS[tag].search(buf, start + 1)
                if after:
                    yield self._record(
                        _Raw(tag, bytes(buf[start : after.start()]), line)
                    )
                    tag, closer, pos = None, None, after.start()
                    scan = pos
                    continue
                if len(buf) - start > self.MAX_RECORD:
                    # One record too large to hold: reported, skipped to its end.
                    pos = scan = len(buf) - self._TAIL
                    skipping = _Raw(tag, bytes(buf[start : start + 4096]), line, True)
                    yield self._record(skipping, breaks=buf.count(b"\n", start, pos))
                    closer, start = None, pos
            if eof:
                break
            del buf[:pos]
            scan, start, pos = scan - pos, start - pos, 0
            chunk = self.source.read(self.CHUNK)
            eof = not chunk
            buf += chunk
        if tag is None:
            yield self._give(buf[pos:])
        else:  # the file ends in the middle of a record: it was cut short
            self.cut = skipping or _Raw(tag, bytes(buf[start : start + 4096]), line)
            yield self._breaks(buf, pos, len(buf))


# Reading the channel and each record ----------------------------------------------

# expat's errors when the file ends too early: no element found, unclosed token,
# partial character, unclosed CDATA section.
_AT_THE_END = {3, 5, 6, 20}
_WP_NAMESPACE = re.compile(r"http://wordpress\.org/export/[^/]+/$")


def _wp_namespace(uri):
    """``{uri}`` if ``uri`` is WordPress's export namespace (not its excerpt one)."""
    return f"{{{uri}}}" if _WP_NAMESPACE.match(uri or "") else None


def _records(splitter):
    wp = None  # the WordPress namespace, as this export spells it
    root = channel = None
    namespaces, declared = {}, []  # those of the rss and channel elements; pending
    site = Site(title="", base_url="", wxr_version="")
    site_sent = False
    counts = Counter()  # records of each kind so far
    try:
        for event, element in iterparse(splitter, events=("start-ns", "start", "end")):
            if event == "start-ns":
                declared.append(element)
                continue
            tag = element.tag
            if event == "start":
                if root is None or tag == "channel":
                    namespaces.update(declared)
                    wp = wp or next(
                        filter(None, map(_wp_namespace, dict(declared).values())), None
                    )
                declared.clear()
                if root is None:
                    root = element
                if tag == "channel":
                    channel = element
                elif wp is None and tag.startswith("{"):
                    wp = _wp_namespace(_namespace(tag))
                continue
            raw = splitter.records.popleft() if tag == PLACEHOLDER else None
            if channel is None or not any(child is element for child in channel):
                continue  # part of an item or author: read with it
            channel.remove(element)  # read now, then forgotten
            if tag == "title":
                site.title = _text(element)
            elif tag == f"{wp}base_site_url":
                site.base_url = _text(element).rstrip("/")
            elif tag == f"{wp}wxr_version":
                site.wxr_version = _text(element)
            elif raw is not None or tag in (
                f"{wp}author",
                f"{wp}category",
                f"{wp}tag",
                "item",
            ):
                if not site_sent:
                    site_sent = True
                    yield site
                # (One not cut out is already parsed: its prefix is not wp:.)
                parsed = (
                    _parse(raw, namespaces, splitter.encoding) if raw else [element]
                )
                for found in parsed:
                    if isinstance(found, _Raw):
                        counts[found.kind] += 1
                        yield _broken(found, counts[found.kind], splitter.encoding)
                        continue
                    if wp is None:
                        tags = (_namespace(e.tag) for e in found.iter())
                        wp = next(filter(None, map(_wp_namespace, tags)), None)
                    kind = found.tag.removeprefix(wp or "")
                    counts[kind] += 1
                    record = _record(found, wp, counts[kind])
                    if record is not None:
                        yield record
    except ParseError as error:
        raise ExportError(_not_well_formed(error, root, splitter)) from error
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


def _namespace(tag):
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


def _record(element, wp, position):
    """The record ``element`` is (None for one not imported: a wp:term)."""
    if element.tag == "item":
        return _item(element, wp, position)
    if wp and element.tag.startswith(wp):
        reader = READERS.get(element.tag[len(wp) :])
        if reader is not None:
            return reader(element, wp)
    return None


def _parse(raw, namespaces, encoding):
    """The records in ``raw``: its element, or ``raw`` itself with the reason it
    cannot be read. One that swallowed those after it (a CDATA section or a comment
    never closed, an end tag missing) is cut again at their starts, and each is
    read on its own."""
    if raw.too_large:
        raw.problem = (
            f"it is larger than {_size(_Splitter.MAX_RECORD)}, which no WordPress "
            f"record is: the file is damaged there (line {raw.line})"
        )
        return [raw]
    head, tail = _wrapping(namespaces, encoding)
    # Another record's start after this one's end, and its id twice: a CDATA
    # section or a comment never closed swallowed the next record, and ended inside
    # it, well-formed but wrong.
    name = _KINDS[raw.tag][1]
    swallowed = _BOUNDARIES[raw.tag].search(raw.text) and (
        len(re.findall(rb"<" + re.escape(name) + rb"[\s>]", raw.text)) > 1
    )
    if not swallowed:
        try:
            return list(fromstring(head + raw.text + tail))
        except (ParseError, DefusedXmlException) as error:
            raw.problem = _problem(error, raw.line)
    starts = [found.start() for found in _STARTS[raw.tag].finditer(raw.text, 1)]
    if not starts:
        return [raw]
    ends = [*starts, len(raw.text)]
    first = _Raw(raw.tag, raw.text[: starts[0]], raw.line)
    records = _parse(first, namespaces, encoding)
    for begin, end in zip(starts, ends[1:], strict=True):
        line = raw.line + raw.text.count(b"\n", 0, begin)
        records += _parse(
            _Raw(raw.tag, raw.text[begin:end], line), namespaces, encoding
        )
    return records


def _size(length):
    return f"{length >> 20} MB" if length >= 1 << 20 else f"{length:,} bytes"


def _wrapping(namespaces, encoding):
    """What a record is put between to be parsed on its own: the file's encoding
    and the namespaces of its channel."""
    declarations = "".join(
        f' xmlns{":" if prefix else ""}{prefix}="{html.escape(uri)}"'
        for prefix, uri in namespaces.items()
    )
    head = f'<?xml version="1.0" encoding="{encoding}"?><{PLACEHOLDER}{declarations}>'
    tail = f"</{PLACEHOLDER}>"
    try:
        return head.encode(encoding, "xmlcharrefreplace"), tail.encode(encoding)
    except LookupError:  # a name Python does not know (expat may)
        return head.encode("ascii", "xmlcharrefreplace"), tail.encode("ascii")


def _problem(error, first_line):
    if isinstance(error, DefusedXmlException):
        return f"it declares XML entities ({error})"
    line, _column = error.position
    return (
        f"it is not well-formed XML: {_expat_problem(error)} at line "
        f"{first_line + line - 1}"
    )


def _expat_problem(error):
    """What went wrong, from expat's message: "invalid token" of "not well-formed
    (invalid token): line 3, column 4"."""
    problem = str(error).split(":")[0]
    return re.sub(r"^not well-formed \((.*)\)$", r"\1", problem)


def _raw_field(text, name, encoding):
    """The text of the first ``<name>`` in ``text``, without parsing it."""
    found = re.search(
        rb"<" + re.escape(name) + rb"(?:\s[^>]*)?>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?"
        rb"\s*</" + re.escape(name) + rb"\s*>",
        text,
        re.DOTALL,
    )
    if not found:
        return ""
    try:
        value = found.group(1).decode(encoding, "replace")
    except LookupError:
        value = found.group(1).decode("utf-8", "replace")
    value = " ".join(html.unescape(value).split())
    return value if len(value) <= 80 else value[:79] + "…"


def _broken(raw, position, encoding):
    """A record that cannot be read, with what names it (its id, found in its raw
    text) and why."""
    kind, field_name = _KINDS[raw.tag]
    ident = _raw_field(raw.text, field_name, encoding)
    if kind == "item" and not ident.isdigit():
        title = _raw_field(raw.text, b"title", encoding)
        ident = f"item {position} ({title or 'untitled'})"
    return Broken(kind, ident or f"{kind} {position}", raw.problem, position)


def _not_well_formed(error, root, splitter):
    line, column = error.position
    problem = _expat_problem(error)
    where = (
        f"The export is not well-formed XML at line {line}, column {column} ({problem})"
    )
    if splitter.empty:
        return "The export is empty. In WordPress, use Tools → Export → All content."
    if error.code in _AT_THE_END:
        inside = ""
        if splitter.cut:
            cut = splitter.cut
            ident = _broken(cut, 0, splitter.encoding).ident
            named = ident if ident.startswith(cut.kind) else f"{cut.kind} {ident}"
            inside = f", in the middle of {named} (from line {cut.line})"
        return (
            f"{where}: the file ends before the export does{inside}. It was cut "
            "short (an interrupted download or copy?): export it again, or copy it "
            "whole, and run the import again; whatever it had imported is not "
            "imported twice."
        )
    if root is None:
        return (
            f"This is not a WordPress export: it is not XML ({problem} at line "
            f"{line}, column {column}). In WordPress, use Tools → Export → All "
            "content, and import the .xml file it downloads."
        )
    return (
        f"{where}, outside any post, author, category or tag, so the import stopped "
        "there. Repair the file (or export it again) and run the import again: "
        "whatever it had imported is not imported twice."
    )


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
