from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "DailyBeat newsroom"
admin.site.site_title = "DailyBeat newsroom"
admin.site.index_title = "Stories, sections and authors"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("author/", include("authors.urls")),
    path("", include("articles.urls")),
    # Last: a section's address is any single word not taken above.
    path("", include("sections.urls")),
]

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + (
        urlpatterns
    )
