"""
What search engines and social networks read about a page: JSON-LD structured data
(NewsArticle, BreadcrumbList, the publisher and the site) built as plain dicts, and
the image to show when a page is shared. Templates render them; nothing here is HTML.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

# Google shows at most this much of a NewsArticle headline.
HEADLINE_LIMIT = 110
LOGO = ("img/logo.png", 600, 60)
SHARE_IMAGE = ("img/og-default.png", 1200, 630)


def _iso(moment):
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def default_share_image(request):
    path, width, height = SHARE_IMAGE
    return {
        "url": request.build_absolute_uri(static(path)),
        "width": width,
        "height": height,
        "alt": settings.SITE_NAME,
    }


def share_image(request, article):
    """The picture a shared story shows: its hero image's 1200-wide rendition (or
    the widest it has), else the site's card."""
    image = article.hero_image
    if image is None:
        return default_share_image(request)
    url, width, height = image.share_rendition()
    return {
        "url": request.build_absolute_uri(url),
        "width": width,
        "height": height,
        "alt": image.alt_text,
    }


def publisher(request):
    path, width, height = LOGO
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(path)),
            "width": width,
            "height": height,
        },
    }


def website(request):
    search = request.build_absolute_uri(reverse("articles:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def organization(request):
    return {"@context": "https://schema.org", **publisher(request)}


def breadcrumbs(request, trail):
    """A BreadcrumbList of (name, path) pairs, home first."""
    items = [(settings.SITE_NAME, reverse("home")), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(items, start=1)
        ],
    }


def section_trail(section):
    trail = []
    if section.parent_id:
        trail.append((section.parent.name, section.parent.get_absolute_url()))
    trail.append((section.name, section.get_absolute_url()))
    return trail


def news_article(request, article):
    url = request.build_absolute_uri(article.get_absolute_url())
    authors = [
        {
            "@type": "Person",
            "name": author.name,
            "url": request.build_absolute_uri(author.get_absolute_url()),
        }
        for author in article.byline_authors
    ]
    headline = article.headline
    if len(headline) > HEADLINE_LIMIT:
        headline = headline[: HEADLINE_LIMIT - 1].rstrip() + "…"
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": article.seo_description or article.standfirst,
        "image": [share_image(request, article)["url"]],
        "datePublished": _iso(article.published_at),
        "dateModified": _iso(article.revised_at or article.published_at),
        "author": authors or [publisher(request)],
        "publisher": publisher(request),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "inLanguage": "en-IN",
    }
    if article.dateline:
        data["dateline"] = article.dateline
    return data
