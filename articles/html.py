"""
The one place that decides which HTML a story body may contain.

Editors write the body in a rich-text editor, and may paste from anywhere. Whatever
arrives, ``clean_body`` keeps an allowlist of tags and attributes fit for news
(paragraphs, subheadings, emphasis, links, lists, quotes) and drops the rest, so
nothing in a story can run script on the public site. It is pure: text in, text out.
"""

import html
import re

import nh3
from django.conf import settings

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "cite",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "hr",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "q",
        "s",
        "strong",
        "sub",
        "sup",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Removed with everything inside them, not just their tags.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "object", "embed", "svg", "math"}
)

# The page's headline is its only h1; a pasted h1 becomes a subheading.
_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)
# Paragraphs holding nothing but spaces or line breaks, as editors leave behind.
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br\s*/?>)*</p>", re.IGNORECASE)


# An <img> left without a picture of ours.
_EMPTY_IMG = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
_IMG = re.compile(r"<img\s[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def _keep_attribute(tag, name, value):
    # Pictures in a body come from our own image library: no hot-linked files from
    # elsewhere (they could track readers, or vanish).
    if tag == "img" and name == "src" and not value.startswith(settings.MEDIA_URL):
        return None
    if tag == "img" and name in ("width", "height") and not value.isdigit():
        return None
    return value


def clean_body(html: str) -> str:
    """Return ``html`` reduced to the markup a story body may contain."""
    if not html:
        return ""
    html = _H1.sub(r"<\1h2", html)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    cleaned = _EMPTY_IMG.sub("", cleaned)
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()


def with_dateline(clean_html: str, dateline: str) -> str:
    """Print the dateline at the start of the body's first paragraph: "MUSCAT: …".
    ``clean_html`` must be sanitised already; the dateline is escaped here."""
    if not dateline:
        return clean_html
    marker = f'<span class="dateline">{html.escape(dateline)}:</span> '
    first = clean_html.find("<p>")
    if first == -1:
        return f"<p>{marker}</p>{clean_html}"
    start = first + len("<p>")
    return f"{clean_html[:start]}{marker}{clean_html[start:]}"


def inline_images(body: str):
    """The <img> tags of a cleaned body, as (tag, src, alt) triples."""
    found = []
    for match in _IMG.finditer(body or ""):
        attributes = dict(_ATTRIBUTE.findall(match.group(0)))
        if "src" in attributes:
            found.append(
                (
                    match.group(0),
                    attributes["src"],
                    html.unescape(attributes.get("alt", "")),
                )
            )
    return found


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")


def body_text(html_body: str) -> str:
    """The body as plain text, a line per paragraph: for search and summaries."""
    text = _TAG.sub("", _BLOCK_END.sub("\n", html_body or ""))
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def single_line(text: str) -> str:
    """A one-line field (headline, dateline) without control characters or runs of
    white space: they break XML feeds and look like nothing on the page."""
    return " ".join(_CONTROL.sub("", text or "").split())


def plain_text(text: str) -> str:
    """Multi-line plain text (standfirst, notes) without control characters."""
    return _CONTROL.sub("", text or "").strip()
