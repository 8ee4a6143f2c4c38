from django.urls import path, register_converter

from . import converters, feeds, views

register_converter(converters.FourDigitYear, "yyyy")
register_converter(converters.TwoDigits, "mm")
register_converter(converters.TwoDigits, "dd")
register_converter(converters.TagSlug, "tagslug")

app_name = "articles"
urlpatterns = [
    path("feed/", feeds.StoryFeed(), name="feed"),
    path("feed/atom/", feeds.atom(feeds.StoryFeed)(), name="feed_atom"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path(
        "author/<slug:slug>/feed/atom/",
        feeds.atom(feeds.AuthorFeed)(),
        name="author_feed_atom",
    ),
    path("tag/<tagslug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path(
        "tag/<tagslug:slug>/feed/atom/",
        feeds.atom(feeds.TagFeed)(),
        name="tag_feed_atom",
    ),
    path("<slug:section>/feed/", feeds.SectionFeed(), name="section_feed"),
    path(
        "<slug:section>/feed/atom/",
        feeds.atom(feeds.SectionFeed)(),
        name="section_feed_atom",
    ),
    path("tag/<tagslug:slug>/", views.TagView.as_view(), name="tag"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("read/<int:pk>/", views.count_read, name="count_read"),
    path(
        "<slug:section>/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
