import pytest
from django.core.exceptions import ValidationError
from django.urls import get_resolver

from sections.models import RESERVED_SLUGS, Section
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_navigation_lists_top_level_sections_in_order():
    later = SectionFactory(name="Sports", position=2)
    first = SectionFactory(name="World", position=1)
    SectionFactory(name="Cricket", parent=later)
    SectionFactory(name="Hidden", show_in_navigation=False)

    assert list(Section.objects.navigation()) == [first, later]


@pytest.mark.parametrize("slug", ["admin", "tag", "Author", "static"])
def test_a_section_cannot_take_a_slug_the_site_uses(slug):
    section = Section(name="Odd", slug=slug)

    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "slug" in error.value.message_dict


def test_every_top_level_path_of_the_site_is_reserved():
    """A new top-level URL (/search/, /feed/…) must not be taken by a section."""
    top_level = set()
    for pattern in get_resolver().url_patterns:
        prefix = str(pattern.pattern).strip("^/").split("/")[0]
        if prefix and "<" not in prefix:
            top_level.add(prefix)

    assert top_level <= RESERVED_SLUGS


def test_subsections_go_one_level_deep():
    sports = SectionFactory(name="Sports")
    cricket = SectionFactory(name="Cricket", parent=sports)
    deeper = Section(name="Tests", slug="tests", parent=cricket)

    with pytest.raises(ValidationError):
        deeper.full_clean()


def test_a_section_with_subsections_stays_top_level():
    sports = SectionFactory(name="Sports")
    SectionFactory(name="Cricket", parent=sports)
    sports.parent = SectionFactory(name="World")

    with pytest.raises(ValidationError):
        sports.full_clean()


def test_subsection_name_shows_its_parent():
    cricket = SectionFactory(name="Cricket", parent=SectionFactory(name="Sports"))

    assert str(cricket) == "Sports › Cricket"
