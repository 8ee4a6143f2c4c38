from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles import metadata
from articles.models import Article
from sections.models import Section

from . import freshness

CHROME_SECONDS = 300


def site_chrome():
    """The navigation's sections and the breaking-news story, cached (no query on
    most requests) and never stale: a save sets a new content version, and the
    value ends by itself when a scheduled story goes live or the banner expires."""

    def build():
        now = timezone.now()
        breaking = Article.objects.breaking()
        upcoming = Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=now
        ).aggregate(next=Min("published_at"))["next"]
        ends = [
            moment
            for moment in (upcoming, breaking and breaking.breaking_until)
            if moment
        ]
        seconds = min([CHROME_SECONDS, *((end - now).total_seconds() for end in ends)])
        chrome = {"sections": list(Section.objects.navigation()), "breaking": breaking}
        return chrome, seconds

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
    }
