import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict
from django.utils import timezone
from django.utils.safestring import mark_safe

from dailybeat.middleware import PageCacheMiddleware

from .. import metadata
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


@register.simple_tag(takes_context=True)
def page_address(context, number):
    """The query string of page ``number`` of this listing. It keeps the query
    parameters the pages use (the search words, its filters) and drops any other:
    the page cache keys pages on those alone, so a link must not carry what one
    reader happened to add to the address."""
    asked = context["request"].GET
    query = QueryDict(mutable=True)
    for name in PageCacheMiddleware.PARAMETERS:
        if name != "page" and asked.getlist(name):
            query.setlist(name, asked.getlist(name))
    query["page"] = number
    return f"?{query.urlencode()}"


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


# The width of the fallback <img src> for browsers without srcset.
FALLBACK_WIDTH = 960


@register.inclusion_tag("includes/picture.html")
def picture(image, sizes="100vw", alt=None, priority=False, css_class=""):
    """A responsive <picture>: WebP renditions with JPEG for the rest, the
    picture's own size (so the page does not shift as it loads), lazy unless it is
    the page's lead image (``priority``)."""
    widths = list(image.rendition_widths or ())
    fitting = [width for width in widths if width <= FALLBACK_WIDTH]
    fallback = max(fitting or widths) if widths else None
    return {
        "image": image,
        "alt": image.alt_text if alt is None else alt,
        "sizes": sizes,
        "priority": priority,
        "css_class": css_class,
        "webp_srcset": image.srcset("webp") if widths else "",
        "jpeg_srcset": image.srcset("jpg") if widths else "",
        "fallback": image.rendition_url(fallback, "jpg") if widths else "",
    }
