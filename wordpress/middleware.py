"""The old WordPress site's addresses, answered with a 301 to the new ones.

Only addresses DailyBeat does not answer itself are looked up (a 404 on its way
out), plus WordPress's "/?p=123" short links, which would otherwise show the home
page. Indexed queries only (one for most; an old picture address also checks that
the picture does not belong to an unpublished story), and only for those requests.
"""

import re

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from .models import OldAddress

# WordPress's site feeds, under the names it gave them.
FEEDS = {"/feed/rss2/", "/feed/rss/", "/feed/rdf/", "/rss/", "/rss2/"}
# "/category/news/page/2/" was page 2 of what is now "/news/?page=2".
_PAGE = re.compile(r"^(?P<path>.*/)page/(?P<number>[0-9]{1,6})/?$")


def new_address(path):
    """Where ``path`` of the old site lives now, or None."""
    if path in FEEDS or path.rstrip("/") + "/" in FEEDS:
        return reverse("articles:feed")
    page = _PAGE.match(path)
    if page:
        if page["path"] == "/":
            return f"/?page={page['number']}"
        target = new_address(page["path"])
        return f"{target}?page={page['number']}" if target else None
    candidates = [path]
    if not path.endswith("/"):
        candidates.append(f"{path}/")
    candidates += [candidate.lower() for candidate in candidates]
    old = (
        OldAddress.objects.filter(path__in=candidates)
        .select_related(
            "item__article__section",
            "item__section",
            "item__author",
            "item__tag",
            "item__image",
        )
        .first()
    )
    return old.item.target(old.suffix) if old else None


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path == "/":
            if request.GET.get("feed"):  # /?feed=rss2
                return HttpResponsePermanentRedirect(reverse("articles:feed"))
            post = request.GET.get("p", "")
            if post.isdigit() and len(post) < 20:
                target = new_address(f"/?p={post}")
                if target is None:
                    raise Http404("No published story has this WordPress id.")
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = new_address(request.path)
            # Never to itself: the new address can be the old one and not found
            # (a tag with no published story), and browsers keep a 301.
            if target is not None and iri_to_uri(target) != iri_to_uri(request.path):
                return HttpResponsePermanentRedirect(target)
        return response
