from django.urls import path, register_converter

from . import converters, views

register_converter(converters.FourDigitYear, "yyyy")
register_converter(converters.TwoDigits, "mm")
register_converter(converters.TwoDigits, "dd")
register_converter(converters.TagSlug, "tagslug")

app_name = "articles"
urlpatterns = [
    path("tag/<tagslug:slug>/", views.TagView.as_view(), name="tag"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path(
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
