"""Readable differences between two versions of a story's text, as HTML."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .html import body_text

_TOKENS = re.compile(r"\s+|[^\s]+")
# Paragraphs at least this alike are one paragraph edited, not one replaced.
SIMILAR = 0.5


def paragraphs(html):
    """The text of a body, one entry per paragraph, subheading or list item."""
    return body_text(html).splitlines()


def words(old, new):
    """``old`` and ``new`` as one line of HTML, removals in <del>, additions in
    <ins>."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


def body(old_html, new_html):
    """The body's paragraphs with changes marked: a list of (state, html) where
    state is "same", "changed", "added" or "removed"."""
    old, new = paragraphs(old_html), paragraphs(new_html)
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if op == "equal":
            rows += [("same", escape(text)) for text in old[i1:i2]]
        else:
            rows += _pair(old[i1:i2], new[j1:j2])
    return rows


def _similar(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _pair(old, new):
    """Rows for a run of replaced paragraphs: a paragraph that was edited shows
    its word changes; the others show as removed or added."""
    rows, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if _similar(old[i], new[j]):
            rows.append(("changed", words(old[i], new[j])))
            i, j = i + 1, j + 1
        elif any(_similar(old[i], later) for later in new[j + 1 :]):
            rows.append(("added", words("", new[j])))
            j += 1
        else:
            rows.append(("removed", words(old[i], "")))
            i += 1
    rows += [("removed", words(text, "")) for text in old[i:]]
    rows += [("added", words("", text)) for text in new[j:]]
    return rows


def story(old, new):
    """Headline, standfirst and body of two versions (dicts or objects with those
    keys), compared."""

    def get(item, name):
        return item.get(name, "") if isinstance(item, dict) else getattr(item, name)

    return {
        "headline": words(get(old, "headline"), get(new, "headline")),
        "standfirst": words(get(old, "standfirst"), get(new, "standfirst")),
        "body": body(get(old, "body"), get(new, "body")),
        "changed": any(
            get(old, name) != get(new, name)
            for name in ("headline", "standfirst", "body")
        ),
    }
