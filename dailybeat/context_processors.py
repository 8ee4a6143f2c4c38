from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import metadata
from articles.models import Article
from sections.models import Section


def site(request):
    """What every page's masthead, navigation and head need."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "site_x_handle": settings.SITE_X_HANDLE,
        "default_share_image": SimpleLazyObject(
            lambda: metadata.default_share_image(request)
        ),
        # Lazy: evaluated (one query) only by templates that show the navigation.
        "nav_sections": Section.objects.navigation(),
        "canonical_base": request.build_absolute_uri(request.path),
        # Lazy too: one query, on pages that render the banner's place.
        "breaking_story": SimpleLazyObject(Article.objects.breaking),
    }
