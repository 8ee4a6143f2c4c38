from django.db.models import IntegerField, Value
from django.views.generic import TemplateView

from articles.models import Article
from sections.models import Section

LATEST_COUNT = 13
SECTION_BLOCK_SIZE = 4


class HomeView(TemplateView):
    """The front page: the lead story, the latest ones, and a block per section."""

    template_name = "dailybeat/home.html"

    def get_context_data(self, **kwargs):
        latest = list(Article.objects.published().with_related()[:LATEST_COUNT])
        return super().get_context_data(
            lead=latest[0] if latest else None,
            top_stories=latest[1:5],
            latest=latest[5:],
            section_blocks=section_blocks(exclude=[story.pk for story in latest]),
            masthead_is_h1=True,
            **kwargs,
        )


def section_blocks(exclude=(), size=SECTION_BLOCK_SIZE):
    """The newest stories of each navigation section, as (section, stories) pairs.

    Three queries whatever the number of sections: the sections, one UNION ALL of a
    small "newest in this section" query per section, and the stories themselves.
    """
    sections = list(Section.objects.navigation())
    if not sections:
        return []
    per_section = [
        section.stories()
        .exclude(pk__in=exclude)
        .annotate(block=Value(section.pk, output_field=IntegerField()))
        .values_list("pk", "block")[:size]
        for section in sections
    ]
    rows = list(per_section[0].union(*per_section[1:], all=True))
    stories = (
        Article.objects.filter(pk__in=[pk for pk, _ in rows])
        .select_related("section", "hero_image")
        .in_bulk()
    )
    blocks = {section.pk: [] for section in sections}
    for pk, block in rows:
        blocks[block].append(stories[pk])
    return [(section, blocks[section.pk]) for section in sections if blocks[section.pk]]
