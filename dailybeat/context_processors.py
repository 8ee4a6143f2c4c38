from django.utils.functional import SimpleLazyObject

from articles.models import Article
from sections.models import Section

SITE_NAME = "DailyBeat"
SITE_TAGLINE = "India's Largest Digital News Media"


def site(request):
    """What every page's masthead, navigation and head need."""
    return {
        "site_name": SITE_NAME,
        "site_tagline": SITE_TAGLINE,
        # Lazy: evaluated (one query) only by templates that show the navigation.
        "nav_sections": Section.objects.navigation(),
        "canonical_base": request.build_absolute_uri(request.path),
        # Lazy too: one query, on pages that render the banner's place.
        "breaking_story": SimpleLazyObject(Article.objects.breaking),
    }
