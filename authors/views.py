from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.models import Article, Byline
from dailybeat.pagination import CountedElsewhereMixin, EstimatedCountPaginator

from .models import Author


class AuthorView(CountedElsewhereMixin, ListView):
    """An author's page: who they are, and their published stories."""

    template_name = "authors/author_detail.html"
    context_object_name = "stories"
    paginate_by = 20
    paginator_class = EstimatedCountPaginator

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.published().by_author(self.author).cards()

    def count_queryset(self):
        # One live byline per published story (Byline.live_at).
        return Byline.objects.live().filter(author=self.author).values("article")

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
