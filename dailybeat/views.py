import time

from django.contrib.postgres.expressions import ArraySubquery
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.models import (
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Value,
    prefetch_related_objects,
)
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from articles import metadata, reads
from articles.models import Article, Byline
from sections.models import Section

from .context_processors import site_chrome

# The lead and four top stories, then the latest news.
TOP_COUNT = 5
LATEST_COUNT = 13
SECTION_BLOCK_SIZE = 4


class HomeView(TemplateView):
    """The front page: the lead story, the latest ones, and a block per section."""

    template_name = "dailybeat/home.html"

    def get_context_data(self, **kwargs):
        stories = front_page_stories()
        front, latest = stories[:TOP_COUNT], stories[TOP_COUNT:]
        sections = site_chrome()["sections"]
        return super().get_context_data(
            lead=front[0] if front else None,
            top_stories=front[1:],
            latest=latest,
            section_blocks=section_blocks(
                sections, exclude=[story.pk for story in stories]
            ),
            masthead_is_h1=True,
            most_read=reads.most_read(),
            organization_data=metadata.organization(self.request),
            website_data=metadata.website(self.request),
            **kwargs,
        )


def front_page_stories():
    """The editors' pinned stories that are live, in their order (the first is the
    lead), then the newest others: LATEST_COUNT stories in two queries (the stories
    in one UNION ALL, then their bylines)."""
    live = (
        Article.objects.published()
        .select_related("section", "section__parent", "hero_image")
        .defer("body")
    )
    pinned = (
        live.filter(front_page_slots__isnull=False)
        .annotate(pin=F("front_page_slots__position"))
        .order_by("pin")[:TOP_COUNT]
    )
    newest = live.annotate(pin=Value(None, output_field=IntegerField())).order_by(
        "-published_at"
    )[:LATEST_COUNT]
    rows = list(pinned.union(newest, all=True))
    pinned_rows = sorted((s for s in rows if s.pin is not None), key=lambda s: s.pin)
    pinned_ids = {story.pk for story in pinned_rows}
    others = sorted(
        (s for s in rows if s.pin is None and s.pk not in pinned_ids),
        key=lambda s: s.published_at,
        reverse=True,
    )
    stories = (pinned_rows + others)[:LATEST_COUNT]
    prefetch_related_objects(
        stories, Prefetch("bylines", queryset=Byline.objects.select_related("author"))
    )
    return stories


def section_blocks(sections, exclude=(), size=SECTION_BLOCK_SIZE):
    """The newest stories of each of ``sections``, as (section, stories) pairs.

    Two queries whatever the number of sections: one correlated "newest in this
    section and its subsections" subquery per section (an index scan each),
    gathered into arrays, then the stories themselves.
    """
    if not sections:
        return []
    newest = (
        Article.objects.published()
        .filter(section__in=Section.objects.tree(OuterRef(OuterRef("pk"))))
        .exclude(pk__in=exclude)
        .order_by("-published_at")
        .values("pk")[:size]
    )
    chosen = dict(
        Section.objects.filter(pk__in=[section.pk for section in sections])
        .annotate(story_ids=ArraySubquery(newest))
        .values_list("pk", "story_ids")
    )
    stories = (
        Article.objects.filter(pk__in=[pk for ids in chosen.values() for pk in ids])
        .select_related("section", "hero_image")
        .defer("body")
        .in_bulk()
    )
    blocks = [
        (section, [stories[pk] for pk in chosen.get(section.pk, ()) if pk in stories])
        for section in sections
    ]
    return [(section, block) for section, block in blocks if block]


def healthz(request):
    """For the load balancer: 200 when the database (and replica) and the cache
    answer, 503 naming what does not. Never cached, never redirected to HTTPS."""
    failing = []
    for alias in connections:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            failing.append(f"database:{alias}")
    try:
        probe = f"dailybeat:healthz:{time.time_ns()}"
        cache.set(probe, "ok", timeout=10)
        if cache.get(probe) != "ok":
            failing.append("cache")
        cache.delete(probe)
    except Exception:  # any cache backend error means: not healthy
        failing.append("cache")
    response = JsonResponse(
        {"status": "failing" if failing else "ok", "failing": failing},
        status=503 if failing else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


def ceiling(request):
    """A fixed answer, for the benchmark: what the framework costs by itself."""
    return HttpResponse(b"ok\n", content_type="text/plain")


@require_GET
def favicon(request):
    """/favicon.ico, which browsers ask for on pages without an icon link (the
    newsroom's): the site's icon, rather than a 404 in every log."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_GET
def robots_txt(request):
    """What crawlers may index: not the newsroom, previews or search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
