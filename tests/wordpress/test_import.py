"""Importing tests/wordpress/export.xml: a small WordPress export written for the
tests, with several authors, nested categories, tags, every status, a featured
image, shortcodes, wpautop text, non-ASCII titles and malformed items."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Image
from authors.models import Author
from sections.models import Section
from tests import factories
from wordpress.importer import Importer
from wordpress.models import ImportedItem, OldAddress

EXPORT = Path(__file__).with_name("export.xml")

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploads(tmp_path):
    """The old site's wp-content/uploads, with one of its two pictures."""
    folder = tmp_path / "uploads"
    (folder / "2024" / "05").mkdir(parents=True)
    (folder / "2024" / "05" / "train.jpg").write_bytes(
        factories.image_bytes(size=(1600, 900))
    )
    return folder


def run(uploads=None, **options):
    return Importer(EXPORT, media_dir=uploads, **options).run()


def snapshot():
    """Everything an import makes, in a comparable form."""
    return {
        "stories": sorted(
            (
                a.slug,
                a.headline,
                a.status,
                a.published_at,
                a.revised_at,
                a.section.slug,
                a.standfirst,
                # A picture imported again is stored under a new random name.
                re.sub(r"/media/images/[^\"]+", "/media/images/…", a.body),
                a.hero_image.alt_text if a.hero_image else None,
                tuple(author.name for author in a.byline_authors),
                tuple(sorted(tag.name for tag in a.tags.all())),
            )
            for a in Article.objects.select_related("section", "hero_image")
        ),
        "sections": sorted(
            (s.slug, s.name, s.parent.slug if s.parent else None)
            for s in Section.objects.select_related("parent")
        ),
        "authors": sorted((a.slug, a.name, a.bio) for a in Author.objects.all()),
        "tags": sorted((t.slug, t.name) for t in Tag.objects.all()),
        "images": Image.objects.count(),
        "items": ImportedItem.objects.count(),
        "old addresses": sorted(
            OldAddress.objects.values_list("path", "item__kind", "item__wp_id")
        ),
    }


def story(wp_id):
    return ImportedItem.objects.get(kind="post", wp_id=wp_id).article


def test_imports_exactly_the_expected_stories(uploads):
    report = run(uploads)

    assert sorted(Article.objects.values_list("headline", flat=True)) == sorted(
        [
            "Monsoon reaches Kerala & Karnataka: what’s next",
            "Budget session to open on July 22",
            "Draft: ferry timetable",
            "Ranji final preview",
            "Staff notice",
            "मानसून सत्र शुरू: Parliament opens",
            "Mumbai local trains run late after waterlogging",
        ]
    )
    assert report.counts["posts imported"] == 7
    assert {(s["id"], s["reason"].split(" (")[0]) for s in report.skipped} == {
        ("110", "it is not well-formed XML: invalid token at line 138"),
        ("item 13 (An item that lost its id)", "it has no post id"),
        ("108", "status “trash”"),
        ("109", "a date cannot be read"),
    }
    assert report.not_imported == {"page": 1, "nav_menu_item": 1}


def test_statuses_and_times():
    run()

    live = story("101")
    assert live.status == Article.Status.PUBLISHED
    assert live.published_at == datetime(2024, 6, 1, 4, 30, tzinfo=UTC)
    assert live.revised_at == datetime(2024, 6, 1, 8, 30, tzinfo=UTC)  # modified
    assert live in Article.objects.published()

    scheduled = story("102")
    assert scheduled.is_scheduled
    assert scheduled.published_at == datetime(2099, 7, 1, 3, 30, tzinfo=UTC)
    assert scheduled not in Article.objects.published()

    assert story("103").status == Article.Status.DRAFT
    assert story("103").published_at is None
    assert story("104").status == Article.Status.REVIEW
    assert story("105").status == Article.Status.DRAFT  # private


def test_text_is_cleaned_up():
    run()

    live = story("101")
    assert live.headline == "Monsoon reaches Kerala & Karnataka: what’s next"
    assert live.standfirst == "Rain three days early, & more to come."
    assert live.body.startswith(
        "<p>The monsoon arrived over Kerala on Saturday,<br>\nthree days early.</p>"
    )
    assert "<h2>Farmers wait</h2>" in live.body
    assert "<p>Sowing begins once the rain settles.</p>" in live.body
    # [caption] became a figure; without the media folder the picture is a link.
    assert "<figcaption>Trains slowed on the Konkan line</figcaption>" in live.body
    assert "[caption" not in live.body

    parliament = story("106")
    # The Hindi slug has nothing Latin in it: the Latin part of the title serves.
    assert parliament.slug == "parliament-opens"
    assert (
        '<a href="https://www.youtube.com/watch?v=abc123" rel="noopener noreferrer">'
        in parliament.body
    )
    assert "contact-form-7" not in parliament.body
    assert "<p>Members stood in silence.</p>" in parliament.body
    assert "[sic]" in parliament.body


def test_shortcodes_removed_are_counted():
    report = run()

    assert report.shortcodes_removed == {"contact-form-7": 1, "tweet": 1}


def test_pictures_from_the_media_folder(uploads):
    report = run(uploads)

    hero = story("101").hero_image
    assert hero.alt_text == "A blue train crossing a river bridge at night"
    assert hero.caption == "The night train at Mahad"
    assert hero.credit == "Old Beat Photo"
    assert hero.width == 1600
    # The picture in the text is the same file, now ours.
    assert f'src="{hero.file.url}"' in story("101").body
    # The other picture is not in the folder: recorded to fetch later.
    assert story("107").hero_image is None
    flooded = ImportedItem.objects.get(kind="attachment", wp_id="202")
    assert flooded.data["fetch"] is True
    assert flooded.data["url"].endswith("/2024/06/flooded.jpg")
    assert report.counts["pictures imported"] == 1
    assert Image.objects.count() == 1
    # A picture in the text that is nowhere is kept as a link, and reported.
    assert (
        '<a href="https://old.example.com/wp-content/uploads/2023/01/lost.jpg"'
        in story("101").body
    )
    assert any("kept as a link" in warning for warning in report.warnings)


def test_without_a_media_folder_pictures_are_left_to_fetch():
    report = run()

    assert Image.objects.count() == 0
    assert story("101").hero_image is None
    assert ImportedItem.objects.get(kind="attachment", wp_id="201").data["fetch"]
    # Two attachments (201 is used twice, as hero and in the text).
    assert report.counts["pictures to fetch"] == 2


def test_running_again_with_the_media_folder_attaches_the_pictures(uploads):
    run()
    assert story("101").hero_image is None

    report = run(uploads)

    assert report.counts["posts updated"] == 7
    hero = story("101").hero_image
    assert hero.alt_text == "A blue train crossing a river bridge at night"
    assert f'src="{hero.file.url}"' in story("101").body
    # And a third run, still with the folder, changes nothing.
    assert run(uploads).counts["posts unchanged"] == 7


def test_sections_authors_and_tags():
    run()

    sections = {s.slug: s for s in Section.objects.select_related("parent")}
    assert sections["india-news"].parent == sections["news"]
    assert sections["india-news"].description == "From the states & cities."
    # Two levels deep in WordPress; one level of subsections here.
    assert sections["mumbai"].parent == sections["news"]
    assert sections["cricket"].parent == sections["sport"]
    # A category whose slug the site uses itself gets another.
    assert sections["search-section"].name == "Search & Rescue"
    assert not any(s.show_in_navigation for s in sections.values())

    assert [a.name for a in story("101").byline_authors] == ["Meera Raghavan"]
    okafor = Author.objects.get(slug="dan-okafor")
    assert okafor.name == "Daniel Okafor"
    assert okafor.bio == "Covers diplomacy from Delhi."
    assert okafor.email == ""  # WordPress account emails stay private
    assert [a.name for a in story("106").byline_authors] == ["Zoë D’Souza"]

    locals_late = story("107")
    assert locals_late.section == sections["mumbai"]
    # The second category becomes a tag.
    assert sorted(t.name for t in locals_late.tags.all()) == ["Cricket", "Iran"]
    assert [t.name for t in story("106").tags.all()] == ["मानसून"]


def test_existing_sections_authors_and_tags_are_reused():
    section = factories.SectionFactory(name="Sport", slug="sport")
    author = factories.AuthorFactory(name="Meera R.", slug="meera")
    tag = Tag.objects.create(name="monsoon", slug="monsoon")

    report = run()

    assert story("104").section.parent == section
    assert story("101").byline_authors == [author]
    assert list(story("101").tags.all()) == [tag]
    assert report.counts["sections matched"] == 1
    assert report.counts["authors matched"] == 1


def test_a_second_run_changes_nothing(uploads):
    run(uploads)
    before = snapshot()

    report = run(uploads)

    assert snapshot() == before
    assert report.counts["posts imported"] == 0
    assert report.counts["posts updated"] == 0
    assert report.counts["posts unchanged"] == 7


def test_an_interrupted_import_resumes_to_the_same_result(uploads, monkeypatch):
    run(uploads)
    expected = snapshot()
    Article.objects.all().delete()
    Section.objects.exclude(parent=None).delete()
    for model in (Section, Author, Tag, Image, ImportedItem):
        model.objects.all().delete()

    real_post, done = Importer._post, []

    def interrupted(self, record):
        if len(done) == 3:
            raise KeyboardInterrupt
        real_post(self, record)
        done.append(record.post_id)

    monkeypatch.setattr(Importer, "_post", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(uploads)
    assert Article.objects.count() == 3  # what was done stays done
    monkeypatch.setattr(Importer, "_post", real_post)

    report = run(uploads)

    assert report.counts["posts unchanged"] == 3
    assert report.counts["posts imported"] == 4
    assert snapshot() == expected


def test_a_changed_export_updates_the_story(tmp_path):
    run()
    changed = tmp_path / "export.xml"
    changed.write_text(
        EXPORT.read_text().replace("Ranji final preview", "Ranji final: the preview")
    )

    report = Importer(changed).run()

    assert report.counts["posts updated"] == 1
    assert story("104").headline == "Ranji final: the preview"
    assert Article.objects.count() == 7


def test_a_story_edited_here_is_not_overwritten(tmp_path, monkeypatch):
    run()
    edited = story("104")
    edited.headline = "Ranji final: Vidarbha v Mumbai"
    monkeypatch.setattr(
        timezone, "now", lambda: datetime(2100, 1, 1, tzinfo=UTC)
    )  # saved long after the import
    edited.save()
    monkeypatch.undo()
    changed = tmp_path / "export.xml"
    changed.write_text(
        EXPORT.read_text().replace("Ranji final preview", "Ranji final: the preview")
    )

    report = Importer(changed).run()

    assert story("104").headline == "Ranji final: Vidarbha v Mumbai"
    assert any("not overwritten" in warning for warning in report.warnings)


def test_dry_run_saves_nothing(uploads, settings):
    report = run(uploads, dry_run=True)

    assert report.counts["posts imported"] == 7
    assert report.counts["pictures imported"] == 1  # would be
    assert Article.objects.count() == 0
    assert ImportedItem.objects.count() == 0
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_the_command_prints_a_summary_and_writes_a_report(uploads, tmp_path, capsys):
    report_file = tmp_path / "report.json"

    call_command(
        "import_wordpress",
        str(EXPORT),
        media_dir=str(uploads),
        report=str(report_file),
    )

    printed = capsys.readouterr().out
    assert "Importing 8 posts" in printed
    assert "Posts: 7 imported, 0 updated, 0 unchanged; 4 records skipped." in printed
    assert "Skipped post 108: status “trash”" in printed
    assert "Skipped item 110: it is not well-formed XML: invalid token at line 138" in (
        printed
    )
    assert "[contact-form-7] ×1" in printed
    report = json.loads(report_file.read_text())
    assert report["counts"]["posts imported"] == 7
    assert report["finished"] is True
    assert {item["id"] for item in report["skipped"]} >= {"108", "109", "110"}
    assert report["warnings"]


def test_the_command_explains_bad_input(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_wordpress", str(tmp_path / "missing.xml"))
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("import_wordpress", str(EXPORT), media_dir=str(tmp_path / "x"))
    broken = tmp_path / "broken.xml"
    broken.write_text(EXPORT.read_text()[:-200])
    with pytest.raises(CommandError, match="not well-formed XML at line") as cut:
        call_command("import_wordpress", str(broken), report=str(tmp_path / "r.json"))
    assert "in the middle of item 109 (from line 267)" in str(cut.value)
    assert "cut short" in str(cut.value)
