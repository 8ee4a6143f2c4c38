from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from dailybeat.pagination import CountedElsewhereMixin, EstimatedCountPaginator

from . import fragments, metadata, reads, search
from .html import clean_body, inline_images, with_dateline
from .models import (
    Article,
    ArticleRedirect,
    Byline,
    Image,
    PreviewLink,
    TaggedArticle,
)
from .story_lookup import live_story
from .templatetags.stories import picture

ARTICLE_TEMPLATE = "articles/article_detail.html"
STORY_HEAD_TEMPLATE = "articles/parts/story_head.html"
STORY_TEMPLATE = "articles/parts/story.html"
RELATED_TEMPLATE = "articles/parts/related.html"
STORY_BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related("author"))


BODY_IMAGE_SIZES = "(min-width: 44rem) 42rem, 100vw"


def render_body(article):
    """The story's body for readers: sanitised, with its pictures turned into
    responsive renditions and the dateline at the start (one query, for the body's
    pictures, when it has any)."""
    body = clean_body(article.body)
    found = inline_images(body)
    if found:
        prefix = settings.MEDIA_URL
        names = {src.removeprefix(prefix): (tag, alt) for tag, src, alt in found}
        images = {
            image.file.name: image for image in Image.objects.filter(file__in=names)
        }
        for name, (tag, alt) in names.items():
            image = images.get(name)
            if image is None:
                continue
            context = picture(image, sizes=BODY_IMAGE_SIZES, alt=alt)
            body = body.replace(tag, render_to_string("includes/picture.html", context))
    # Sanitised above; the pictures and the dateline are ours, escaped.
    return mark_safe(with_dateline(body, article.dateline))


def story_context(request, article, preview=False):
    """The story template's context. ``article`` is read lean (without its body):
    the page's parts (the story whole, with its byline, tags, body and metadata;
    its related stories) come from the cache (articles/fragments.py), or are
    built here from the story read whole; a preview's are always built, and never
    kept."""
    section = article.section

    read = {}

    def whole():
        """The story with all that its parts show (read when one is built)."""
        if "story" not in read:
            read["story"] = (
                Article.objects.select_related(
                    "section", "section__parent", "hero_image"
                )
                .prefetch_related("tags", STORY_BYLINES)
                .get(pk=article.pk)
            )
        return read["story"]

    def build_story():
        story = whole()
        trail = [
            *metadata.section_trail(story.section),
            (story.headline, story.get_absolute_url()),
        ]
        context = {
            "article": story,
            "body_html": render_body(story),
            "corrections": list(story.corrections.all()) if story.revised_at else [],
            "share_image": metadata.share_image(request, story),
            "structured_data": metadata.news_article(request, story)
            if story.published_at
            else None,
            "breadcrumb_data": metadata.breadcrumbs(request, trail),
            "preview": preview,
        }
        return {
            "head": render_to_string(STORY_HEAD_TEMPLATE, context, request),
            "story": render_to_string(STORY_TEMPLATE, context, request),
        }

    def build_related():
        # With the story read whole already, its tags are known.
        context = {"related": read.get("story", article).related()}
        return render_to_string(RELATED_TEMPLATE, context, request)

    if preview:
        parts = {**build_story(), "related": build_related()}
    else:
        parts = fragments.story_parts(request, article, build_story, build_related)
    return {
        "article": article,
        "parts": parts,
        "most_read": reads.most_read(),
        "current_section_id": section.parent_id or section.pk,
    }


class ArticleDetailView(DetailView):
    template_name = ARTICLE_TEMPLATE
    response_class = fragments.StoryPageResponse

    def get_object(self, queryset=None):
        # What the page needs around its parts: usually all of it, as the parts
        # are cached; building them reads the story whole (story_context).
        story = live_story(self.kwargs["slug"])
        if story is None:
            raise Http404("No published story at this address.")
        return story

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            return self._moved_or_404()
        # The slug finds the story; an old section or date in the address (the story
        # moved, or the link was typed by hand) answers with the one true address.
        # (The address's parts are compared: reverse() takes longer.)
        if self.kwargs != self.object.address():
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        return self.render_to_response(story_context(request, self.object))

    def _moved_or_404(self):
        """A story whose slug changed after publication keeps its old address."""
        moved = (
            ArticleRedirect.objects.filter(
                old_slug=self.kwargs["slug"],
                article__in=Article.objects.published(),
            )
            .select_related("article__section")
            .first()
        )
        if moved is None:
            raise Http404("No published story at this address.")
        return HttpResponsePermanentRedirect(moved.article.get_absolute_url())


def render_preview(request, article, link=None):
    """A story in the real story template, marked as a preview, never indexed or
    cached. For staff (any state) and for holders of a preview link."""
    article = Article.objects.select_related("section").get(pk=article.pk)
    context = story_context(request, article, preview=True) | {
        "preview": True,
        "preview_link": link,
    }
    response = TemplateResponse(request, ARTICLE_TEMPLATE, context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def shared_preview(request, token):
    """A preview link sent to someone without an account."""
    link = PreviewLink.from_token(token)
    if link is None:
        raise Http404("This preview link is not valid, has expired or was revoked.")
    return render_preview(request, link.article, link=link)


class TagView(CountedElsewhereMixin, ListView):
    template_name = "articles/tag_detail.html"
    context_object_name = "stories"
    paginate_by = 20
    paginator_class = EstimatedCountPaginator

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().cards().tagged(self.tag)

    def count_queryset(self):
        # One live link per published story (TaggedArticle.live_at).
        return (
            TaggedArticle.objects.live().filter(tag=self.tag).values("content_object")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        # A tag with no published story is not a page yet: its name alone could
        # give away an embargoed story. (The paginator has counted already.)
        if not context["paginator"].count:
            raise Http404("No published story has this tag.")
        return context


class SearchView(ListView):
    """/search/?q=…: published stories ranked by relevance, with snippets."""

    template_name = "articles/search.html"
    context_object_name = "stories"
    # Ten, as search engines show: each result carries a snippet, which
    # PostgreSQL makes by reading the whole story (ts_headline).
    paginate_by = 10

    def get_queryset(self):
        self.form = search.SearchForm(self.request.GET or None)
        self.text = ""
        if not self.form.is_valid():
            return Article.objects.none()
        self.text = self.form.cleaned_data["q"].strip()
        if not self.text:
            return Article.objects.none()
        data = self.form.cleaned_data
        try:
            return search.search(
                self.text, data["section"], data["since"], data["until"]
            )
        except search.TooSlow:
            self.form.add_error(
                None,
                _(
                    "That search is taking too long: please add a word, choose a "
                    "section or give dates to narrow it down."
                ),
            )
            return Article.objects.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form,
            query=self.text,
            max_length=search.MAX_QUERY_LENGTH,
            max_results=search.MAX_RESULTS,
            **kwargs,
        )
        stories = context["stories"]
        context["snippets"] = search.snippets(stories, self.text) if stories else {}
        return context


@csrf_exempt  # a counter, sent by navigator.sendBeacon from cached pages
@require_POST
def count_read(request, pk):
    """A reader's browser says it has shown story ``pk``."""
    reads.record(pk, reader=client_address(request))
    return HttpResponse(status=204)


def client_address(request):
    """The reader's address: behind our own proxy, the one it saw."""
    if settings.BEHIND_HTTPS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
