from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import ListView

from articles.models import Article, Byline
from dailybeat.pagination import EstimatedCountPaginator

from .models import Author


class AuthorView(ListView):
    """An author's page: who they are, and their published stories."""

    template_name = "authors/author_detail.html"
    context_object_name = "stories"
    paginate_by = 20
    paginator_class = EstimatedCountPaginator

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.published().by_author(self.author).cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Counted on the byline index alone, without reading each story: a byline
        # live by now is a published story's (Byline.live_at).
        live = Byline.objects.filter(
            author=self.author, live_at__lte=timezone.now()
        ).values("article")
        paginator.count = EstimatedCountPaginator(live, per_page).count
        return paginator

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
