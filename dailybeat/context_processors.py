from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import metadata
from articles.models import Article
from sections.models import Section

from . import freshness, release


def site_chrome():
    """The navigation's sections and the breaking-news story: cached, so most
    requests ask the database nothing, and never stale (dailybeat/freshness.py)."""

    def build():
        return {
            "sections": list(Section.objects.navigation()),
            "breaking": Article.objects.breaking(),
        }

    return freshness.cached("chrome", build)


def site(request):
    """What every page's masthead, navigation and head need."""
    chrome = SimpleLazyObject(site_chrome)
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "site_x_handle": settings.SITE_X_HANDLE,
        "default_share_image": SimpleLazyObject(
            lambda: metadata.default_share_image(request)
        ),
        "nav_sections": SimpleLazyObject(lambda: chrome["sections"]),
        "canonical_base": request.build_absolute_uri(request.path),
        "breaking_story": SimpleLazyObject(lambda: chrome["breaking"]),
        # Keys the page's cached chrome (base.html): never stale.
        "content_version": SimpleLazyObject(_content_version),
    }


def _content_version():
    """The content version, and the release (a deploy renders the chrome afresh)."""
    return f"{freshness.state().version}.{release.current()}"
