from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from dailybeat.pagination import DeferredJoinPaginator

from .models import Section


class SectionView(ListView):
    """A section front: its stories and its subsections', newest first."""

    template_name = "sections/section_detail.html"
    context_object_name = "stories"
    paginate_by = 20
    paginator_class = DeferredJoinPaginator

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return self.section.stories().cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            subsections=self.section.children.all(),
            current_section_id=self.section.parent_id or self.section.pk,
            **kwargs,
        )
