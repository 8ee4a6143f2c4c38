import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.demo import content
from articles.models import Article, Image
from authors.models import Author
from sections.models import Section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_pictures(monkeypatch):
    """Smaller demo pictures: the same code path, a fraction of the encoding time."""
    from articles.demo import images

    monkeypatch.setattr(images, "SIZE", (400, 225))


def _counts():
    return (
        Section.objects.count(),
        Author.objects.count(),
        Article.objects.count(),
        Image.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_loads_a_newsroom_and_is_idempotent(settings):
    settings.DEBUG = True

    call_command("load_demo", verbosity=0)
    first = _counts()
    call_command("load_demo", verbosity=0)

    assert _counts() == first
    assert first[:3] == (len(content.SECTIONS), len(content.AUTHORS), 30)
    assert Article.objects.published().count() == 30
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff
    assert not editor.is_superuser
    assert editor.has_perm("articles.change_article")
    assert not editor.has_perm("accounts.change_user")
    # Portraits go in as uploads do: cleaned, renamed, with renditions.
    for author in Author.objects.all():
        assert author.photo_rendition_widths, author
        assert author.slug not in author.photo.name


def test_flagship_story_is_shaped_like_the_seed_page():
    call_command("load_demo", verbosity=0)

    story = Article.objects.get(slug="iran-oman-talks-a-good-beginning")
    assert story.section.slug == "world"
    assert len(story.headline) > 80
    assert story.body.count("<h2>") >= 5
    assert "<blockquote>" in story.body
    assert story.bylines.count() == 2
    assert story.hero_image.alt_text
    assert story.hero_image.rendition_widths  # made like any upload's


def test_no_demo_editor_without_debug(settings):
    settings.DEBUG = False

    call_command("load_demo", verbosity=0)

    assert not get_user_model().objects.filter(username="editor").exists()


def test_if_empty_leaves_a_real_newsroom_alone(capsys):
    from tests.factories import ArticleFactory

    ArticleFactory()

    call_command("load_demo", if_empty=True)

    assert Article.objects.count() == 1
    assert "demo content not loaded" in capsys.readouterr().out
