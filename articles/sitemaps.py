"""
Sitemaps for search engines: an index (/sitemap.xml) of stories (in pages of up to
50,000 addresses), sections, authors and tags, and a Google News sitemap of the last
two days' stories (/sitemap-news.xml). Published stories only.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from authors.models import Author
from sections.models import Section

from .models import Article

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


class StorySitemap(Sitemap):
    limit = 50_000

    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only("slug", "published_at", "revised_at", "section__slug")
            .order_by("published_at", "pk")
        )

    def lastmod(self, item):
        return item.revised_at or item.published_at


class NewsSitemap(Sitemap):
    """Google News: stories of the last two days (at most 1,000) that editors have
    not kept out (Article.in_news_sitemap)."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since, in_news_sitemap=True)
            .select_related("section")
            .only("slug", "headline", "published_at", "revised_at", "section__slug")
            .order_by("-published_at")[:NEWS_LIMIT]
        )

    def lastmod(self, item):
        return item.revised_at or item.published_at

    def get_urls(self, page=1, site=None, protocol=None):
        # One page only: Google News wants the newest 1,000, not an archive.
        return super().get_urls(page=1, site=site, protocol=protocol)


class SectionSitemap(Sitemap):
    def items(self):
        return Section.objects.order_by("position", "pk")


class AuthorSitemap(Sitemap):
    def items(self):
        return Author.objects.filter(
            pk__in=Article.objects.published().values("bylines__author")
        ).order_by("pk")


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.filter(
            pk__in=Article.objects.published().values("tagged_items__tag")
        ).order_by("pk")

    def location(self, item):
        return reverse("articles:tag", args=[item.slug])


SITEMAPS = {
    "stories": StorySitemap,
    "news": NewsSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
