from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from articles.sitemaps import SITEMAPS

from . import views

admin.site.site_header = "DailyBeat newsroom"
admin.site.site_title = "DailyBeat newsroom"
admin.site.index_title = "Stories, sections and authors"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("admin/two-factor/", include("accounts.two_factor")),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemaps"},
        name="sitemap_index",
    ),
    # Before the general pattern below: the news sitemap has its own format.
    path(
        "sitemap-news.xml",
        sitemap_views.sitemap,
        {
            "sitemaps": {"news": SITEMAPS["news"]},
            "section": "news",
            "template_name": "sitemaps/news.xml",
        },
        name="news_sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemaps",
    ),
    path("author/", include("authors.urls")),
    path("", include("articles.urls")),
    # Last: a section's address is any single word not taken above.
    path("", include("sections.urls")),
]

if settings.BENCHMARK_ENDPOINTS:
    urlpatterns.insert(0, path("bench/ceiling/", views.ceiling))

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + (
        urlpatterns
    )
