"""
A WordPress post's content, made into a DailyBeat story body.

WordPress stores what the classic editor saved: paragraphs as blank lines (turned
into <p> only when the page is shown, by wpautop), shortcodes in square brackets,
and bare URLs on their own line that it shows as embeds. Here:

- a bare URL on a line of its own (an oEmbed) and [embed]…[/embed] become a link,
  and so do [video], [audio] and [playlist]'s address;
- [caption]<img> Text[/caption] becomes <figure><img><figcaption>Text</figcaption>;
- any other shortcode is removed (what it enclosed is kept) and counted;
- blank lines become paragraphs and single line breaks <br>, as wpautop does;
- pictures are the importer's to place: ``picture(url)`` returns our address for
  the file, or None, and then the picture becomes a link to the old address (no
  picture is silently lost);
- finally the result passes the same sanitiser as every story (articles/html.py).
"""

import html as htmlparse
import re
from collections import Counter
from dataclasses import dataclass, field

from articles.html import clean_body

# Block-level elements: wpautop does not wrap these in <p>.
BLOCK = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|"
    "pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|"
    "section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|"
    "summary|iframe|script|object|video|audio"
)
_BLOCK_OPEN = re.compile(rf"(<(?:{BLOCK})[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"(</(?:{BLOCK})>)", re.IGNORECASE)
_P_AROUND_BLOCK = re.compile(rf"<p>\s*(</?(?:{BLOCK})[^>]*>)", re.IGNORECASE)
_BLOCK_BEFORE_P_END = re.compile(rf"(</?(?:{BLOCK})[^>]*>)\s*</p>", re.IGNORECASE)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"<(pre|code)[\s>].*?</\1>", re.IGNORECASE | re.DOTALL)

_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_CAPTION = re.compile(
    r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.IGNORECASE | re.DOTALL
)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_MEDIA = re.compile(
    r"\[(video|audio|playlist)\b([^\]]*)\](?:(.*?)\[/\1\])?", re.IGNORECASE | re.DOTALL
)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# A shortcode: [name …], [name … /] or [/name]. Square brackets are also ordinary
# text ("[sic]", "[1]"), so a bracket counts as a shortcode only when it has
# attributes, closes itself, has a closing tag, or is one plugins commonly use.
_TAG = re.compile(r"\[(/?)([A-Za-z_][\w-]*)((?:\s[^\[\]]*)?)(/?)\]")
COMMON_SHORTCODES = frozenset(
    {
        "gallery",
        "contact-form",
        "contact-form-7",
        "gravityform",
        "instagram",
        "tweet",
        "twitter",
        "youtube",
        "soundcloud",
        "googlemaps",
        "pdf-embedder",
        "related",
        "ad",
        "adsense",
        "table",
        "button",
        "toc",
        "newsletter",
    }
)
_BUILDER_PREFIXES = ("vc_", "et_pb_", "fusion_", "su_", "av_", "mk_", "tie_", "td_")


@dataclass
class Result:
    html: str
    removed: Counter = field(default_factory=Counter)  # shortcode name → times
    missing_pictures: list = field(default_factory=list)  # old addresses


def convert(content, picture=lambda url: None):
    """The story body for WordPress ``content``; see the module's docstring."""
    result = Result(html="")
    text = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _EMBED.sub(lambda m: _link_line(m.group(1).strip()), text)
    text = _MEDIA.sub(lambda m: _media(m, result), text)
    text = _CAPTION.sub(_figure, text)
    text = _URL_LINE.sub(lambda m: _link_line(m.group(1)), text)
    code = []  # code keeps its square brackets

    def keep(match):
        code.append(match.group(0))
        return f"\x00{len(code) - 1}\x00"

    text = _CODE.sub(keep, text)
    text = _remove_shortcodes(text, result)
    text = re.sub("\x00(\\d+)\x00", lambda m: code[int(m.group(1))], text)
    text = autop(text)
    text = _IMG.sub(lambda m: _place_picture(m.group(0), picture, result), text)
    result.html = clean_body(text)
    return result


def _link_line(url):
    url = htmlparse.escape(htmlparse.unescape(url), quote=True)
    return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'


def _attributes(text):
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text or "")
    }


def _media(match, result):
    attributes = _attributes(match.group(2))
    url = attributes.get("src") or next(
        (
            value
            for key, value in attributes.items()
            if key in ("mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a")
        ),
        "",
    )
    if not url and match.group(3):
        url = match.group(3).strip()
    if url.startswith(("http://", "https://")):
        return _link_line(url)
    result.removed[match.group(1).lower()] += 1
    return ""


def _figure(match):
    attributes = _attributes(match.group(1))
    inner = match.group(2).strip()
    # The caption is the text after the picture (or its link), or the attribute.
    picture = re.match(
        r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", inner, re.S
    )
    if picture:
        image, caption = picture.group(1), picture.group(2).strip()
    else:
        image, caption = inner, ""
    caption = caption or attributes.get("caption", "")
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"\n\n<figure>{image}{figcaption}</figure>\n\n"


def _is_shortcode(match, closing_names):
    closing, name, attributes, self_closing = match.groups()
    lowered = name.lower()
    if lowered in closing_names or closing:
        return True
    if name != lowered:
        return False  # "[Note that a = b]" is prose: shortcodes are lower case
    return (
        bool(self_closing)
        or "=" in attributes
        or lowered in COMMON_SHORTCODES
        or lowered.startswith(_BUILDER_PREFIXES)
    )


def _remove_shortcodes(text, result):
    closing_names = {
        match.group(2).lower() for match in _TAG.finditer(text) if match.group(1)
    }

    def remove(match):
        if not _is_shortcode(match, closing_names):
            return match.group(0)
        if not match.group(1):  # count each shortcode once, at its opening
            result.removed[match.group(2).lower()] += 1
        return ""

    before = sum(result.removed.values())
    text = _TAG.sub(remove, text)
    if sum(result.removed.values()) > before:
        text = re.sub(r"[ \t]{2,}", " ", text)  # the gaps the shortcodes left
    return text


def _place_picture(tag, picture, result):
    found = _SRC.search(tag)
    url = (
        htmlparse.unescape(next(g for g in found.groups() if g is not None))
        if found
        else ""
    )
    ours = picture(url) if url else None
    if ours:
        return _SRC.sub(f' src="{htmlparse.escape(ours, quote=True)}"', tag, count=1)
    alt_match = _ALT.search(tag)
    alt = (
        next((g for g in alt_match.groups() if g is not None), "") if alt_match else ""
    )
    if not url:
        return ""
    result.missing_pictures.append(url)
    label = htmlparse.escape(htmlparse.unescape(alt) or "Picture", quote=False)
    return f'<a href="{htmlparse.escape(url, quote=True)}">{label}</a>'


_BLOCK_TAG_END = re.compile(rf"</?(?:{BLOCK})\b[^>]*>\s*$", re.IGNORECASE)
_BLOCK_TAG_START = re.compile(rf"^\s*</?(?:{BLOCK})\b", re.IGNORECASE)


def _line_breaks(chunk):
    """Single line breaks inside a paragraph become <br>, except beside a block
    element's tag (as wpautop does)."""
    lines = chunk.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        beside_block = _BLOCK_TAG_END.search(out[-1]) or _BLOCK_TAG_START.match(line)
        out[-1] += "\n" if beside_block else "<br>\n"
        out.append(line)
    return "".join(out)


def autop(text):
    """WordPress's wpautop: blank lines make paragraphs, single line breaks <br>,
    and block elements are left as they are. <pre> is not touched."""
    if not text.strip():
        return ""
    kept = []

    def keep(match):
        kept.append(match.group(0))
        return f"\n\n<!--pre{len(kept) - 1}-->\n\n"

    text = _PRE.sub(keep, text)
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.fullmatch(r"<!--pre\d+-->", chunk):
            paragraphs.append(chunk)
            continue
        chunk = _line_breaks(chunk)
        paragraphs.append(f"<p>{chunk}</p>")
    text = "\n".join(paragraphs)
    text = _P_AROUND_BLOCK.sub(r"\1", text)
    text = _BLOCK_BEFORE_P_END.sub(r"\1", text)
    text = re.sub(r"<p>\s*</p>", "", text)
    return re.sub(r"<!--pre(\d+)-->", lambda m: kept[int(m.group(1))], text)
