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
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()


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
