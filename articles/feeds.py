"""
RSS 2.0 and Atom feeds of published stories: the whole site, each section, each
author and each tag. Items carry the summary, full author names, section and tags as
categories, publish and update times, and the hero image (an enclosure, and a Media
RSS element with its size and caption).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from taggit.models import Tag

from authors.models import Author
from sections.models import Section

from .html import plain_text, single_line
from .models import Article

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


class _MediaElements:
    """Adds <media:content> for the hero image (Media RSS), which feed readers and
    aggregators use for thumbnails."""

    def _add_media(self, handler, item):
        image = item.get("image")
        if not image:
            return
        handler.startElement(
            "media:content",
            {
                "url": image["url"],
                "medium": "image",
                "type": image["type"],
                "width": str(image["width"] or ""),
                "height": str(image["height"] or ""),
            },
        )
        if image["description"]:
            handler.addQuickElement("media:description", image["description"])
        if image["credit"]:
            handler.addQuickElement("media:credit", image["credit"])
        handler.endElement("media:content")


class MediaRssFeed(_MediaElements, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        self._add_media(handler, item)


class MediaAtomFeed(_MediaElements, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        self._add_media(handler, item)


class StoryFeed(Feed):
    """The newest published stories of the whole site."""

    feed_type = MediaRssFeed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self, obj):
        return f"{settings.SITE_NAME}: latest news"

    def link(self, obj):
        return reverse("home")

    def description(self, obj):
        return f"The latest news from {settings.SITE_NAME}, {settings.SITE_TAGLINE}."

    def stories(self, obj):
        return Article.objects.published()

    def items(self, obj):
        return (
            self.stories(obj)
            .with_related()
            .prefetch_related("tags")
            .defer("body")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return single_line(item.headline)

    def item_description(self, item):
        return plain_text(item.seo_description or item.standfirst)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())

    def item_author_name(self, item):
        # Names are typed (or pasted) by people: no control character may reach
        # the XML, where it would break the whole feed.
        names = [single_line(author.name) for author in item.byline_authors]
        if not names:
            return single_line(item.credit_line) or None
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def item_author_link(self, item):
        authors = item.byline_authors
        if len(authors) == 1:
            return self.request.build_absolute_uri(authors[0].get_absolute_url())
        return None

    def item_categories(self, item):
        names = [item.section.name, *(tag.name for tag in item.tags.all())]
        return [single_line(name) for name in names]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at or item.published_at

    def item_enclosures(self, item):
        image = item.hero_image
        if not image or not image.file_size:
            return []
        url = self.request.build_absolute_uri(image.file.url)
        return [Enclosure(url, str(image.file_size), image.mime_type)]

    def item_extra_kwargs(self, item):
        image = item.hero_image
        if not image:
            return {}
        return {
            "image": {
                "url": self.request.build_absolute_uri(image.file.url),
                "type": image.mime_type,
                "width": image.width,
                "height": image.height,
                "description": plain_text(image.caption or image.alt_text),
                "credit": single_line(image.credit),
            }
        }


class SectionFeed(StoryFeed):
    def get_object(self, request, section):
        super().get_object(request)
        return get_object_or_404(Section, slug=section)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {single_line(obj.name)}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return plain_text(obj.description) or (
            f"{single_line(obj.name)} news from {settings.SITE_NAME}."
        )

    def stories(self, obj):
        return obj.stories()


class AuthorFeed(StoryFeed):
    def get_object(self, request, slug):
        super().get_object(request)
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: stories by {single_line(obj.name)}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return (
            f"The latest stories by {single_line(obj.name)} for {settings.SITE_NAME}."
        )

    def stories(self, obj):
        return Article.objects.published().by_author(obj)


class TagFeed(StoryFeed):
    def get_object(self, request, slug):
        super().get_object(request)
        tag = get_object_or_404(Tag, slug=slug)
        # As with the tag page: no feed for a tag no published story has.
        if not Article.objects.published().tagged(tag).exists():
            raise Http404("No published story has this tag.")
        return tag

    def title(self, obj):
        return f"{settings.SITE_NAME}: {single_line(obj.name)}"

    def link(self, obj):
        return reverse("articles:tag", args=[obj.slug])

    def description(self, obj):
        return f"Stories about {single_line(obj.name)} from {settings.SITE_NAME}."

    def stories(self, obj):
        return Article.objects.published().tagged(obj)


def atom(feed_class):
    """The Atom version of an RSS feed class."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": MediaAtomFeed, "subtitle": feed_class.description},
    )
