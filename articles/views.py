from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article


class PublishedStoriesMixin:
    """Public pages show published stories only, with what their cards need."""

    def get_queryset(self):
        return Article.objects.published().with_related()


class ArticleDetailView(PublishedStoriesMixin, DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The slug finds the story; an old section or date in the address (the story
        # moved, or the link was typed by hand) answers with the one true address.
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            return HttpResponsePermanentRedirect(canonical)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related"] = self.object.related()
        section = self.object.section
        context["current_section_id"] = section.parent_id or section.pk
        return context


class TagView(PublishedStoriesMixin, ListView):
    template_name = "articles/tag_detail.html"
    context_object_name = "stories"
    paginate_by = 20
    # A tag with no published story is not a page yet: its name alone could give
    # away an embargoed story.
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
