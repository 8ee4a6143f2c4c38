from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    if not dateline:
        return mark_safe(body)  # the body is sanitised on save
    marker = f'<span class="dateline">{escape(dateline)}:</span> '
    first = body.find("<p>")
    if first == -1:
        return mark_safe(f"<p>{marker}</p>{body}")
    start = first + len("<p>")
    return mark_safe(f"{body[:start]}{marker}{body[start:]}")
