import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import metadata
from ..html import clean_body
from ..sharing import share_links

register = template.Library()


@register.inclusion_tag("includes/share_bar.html", takes_context=True)
def share_bar(context, article, place="top"):
    """The "Spread the love" bar for ``article``; ``place`` tells the two copies on
    a page apart."""
    url = context["request"].build_absolute_uri(article.get_absolute_url())
    return {
        "links": share_links(url, article.headline),
        "url": url,
        "headline": article.headline,
        "place": place,
    }


@register.filter
def with_dateline(body, dateline):
    """Print the dateline at the start of the body's first paragraph: "MUSCAT: …".

    ``body`` is sanitised on save (articles/html.py); the dateline is escaped here.
    """
    # Sanitised on save already; again here, because a bulk update or a data load
    # can bypass save(), and what reaches a reader's page must never be trusted.
    body = clean_body(body)
    if not dateline:
        return mark_safe(body)
    marker = f'<span class="dateline">{escape(dateline)}:</span> '
    first = body.find("<p>")
    if first == -1:
        return mark_safe(f"<p>{marker}</p>{body}")
    start = first + len("<p>")
    return mark_safe(f"{body[:start]}{marker}{body[start:]}")


@register.filter
def isotime(value):
    """A time for a datetime attribute: ISO 8601 in IST, to the second."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if mapping else None


# As django.utils.html.json_script escapes: nothing in the data can close the script.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(*items):
    """<script type="application/ld+json"> blocks for structured-data dicts."""
    blocks = []
    for data in items:
        if not data:
            continue
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        text = text.translate(_JSON_ESCAPES)
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    return mark_safe("\n".join(blocks))


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, *names_and_paths):
    """A BreadcrumbList after the home page: pairs of name and path."""
    pairs = list(zip(names_and_paths[::2], names_and_paths[1::2], strict=True))
    return json_ld(metadata.breadcrumbs(context["request"], pairs))
