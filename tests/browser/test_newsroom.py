"""The newsroom in chromium: a writer files a story through the real CKEditor, an
editor publishes it, readers see it; a second editor's stale save is refused."""

import re
import time

import pytest
from playwright.sync_api import expect

from articles.models import Article, Autosave, EditSession
from tests import factories
from tests.browser.conftest import log_in

HEADLINE = "Night trains return to the Konkan line after the monsoon repairs"
BODY_FRAME = "iframe.cke_wysiwyg_frame"


@pytest.fixture
def desk(newsroom, context_for):
    """A browser (its own cookies) per member of the newsroom, logged in."""

    def open_as(username):
        page = context_for("desktop").new_page()
        log_in(page, username, newsroom["password"])
        return page

    return open_as


def choose(page, select_id, typed, option):
    """Pick ``option`` in one of the admin's autocomplete (select2) boxes."""
    page.locator(f"#{select_id} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=option).click()


def write_body(page):
    """Type the story into CKEditor using its toolbar, as a writer would."""
    body = page.frame_locator(BODY_FRAME).locator("body")
    expect(body).to_be_visible()
    body.click()
    page.keyboard.type("Overnight services between Mumbai and Mangaluru resume today.")
    page.keyboard.press("Enter")

    # A subheading, from the Format menu.
    page.locator(".cke_combo__format .cke_combo_button").click()
    page.frame_locator(".cke_combopanel iframe").get_by_text("Heading 2").click()
    page.keyboard.type("What changes for passengers")
    page.keyboard.press("Enter")

    # A link: select a word, then the Link button and its dialog.
    page.keyboard.type("The timetable is on the railway's site.")
    for _ in range(len("site.")):
        page.keyboard.press("Shift+ArrowLeft")
    page.locator(".cke_button__link").click()
    dialog = page.locator(".cke_dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("URL").fill("https://example.org/konkan-timetable")
    dialog.get_by_role("button", name="OK").click()
    expect(dialog).to_be_hidden()
    page.keyboard.press("End")
    page.keyboard.press("Enter")

    # A bulleted list.
    page.locator(".cke_button__bulletedlist").click()
    page.keyboard.type("Three trains a week each way")
    page.keyboard.press("Enter")
    page.keyboard.type("Sleeper and air-conditioned coaches")


def add_hero_image(page, picture):
    """Upload a new picture through the "+" beside the hero image box."""
    with page.expect_popup() as opened:
        page.locator("#add_id_hero_image").click()
    popup = opened.value
    popup.locator("#id_file").set_input_files(str(picture))
    popup.get_by_label("Alt text").fill("A train crossing a bridge over a river")
    popup.get_by_label("Caption").fill("The Konkan line near Ratnagiri")
    popup.get_by_label("Credit").fill("DailyBeat Photo")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")
    expect(page.locator("#select2-id_hero_image-container")).to_contain_text(
        "Konkan line"
    )


def test_writer_files_editor_publishes_readers_see_it(
    desk, context_for, tmp_path, screenshot
):
    picture = tmp_path / "konkan.jpg"
    picture.write_bytes(factories.image_bytes(size=(1600, 900)))

    # The writer writes and saves a draft.
    writer = desk("writer")
    writer.goto("/admin/articles/article/add/")
    writer.get_by_label("Headline").fill(HEADLINE)
    writer.get_by_label("Standfirst").fill(
        "Sleeper services suspended since June are back on the coastal route."
    )
    write_body(writer)
    choose(writer, "id_section", "Ind", "India")
    choose(writer, "id_bylines-0-author", "Sneha", "Sneha Pillai")
    add_hero_image(writer, picture)
    writer.get_by_role("button", name="Save and continue editing").click()
    expect(writer.locator(".messagelist")).to_contain_text("was added successfully")

    story = Article.objects.get(headline=HEADLINE)
    assert story.status == Article.Status.DRAFT
    assert (
        story.slug == "night-trains-return-to-the-konkan-line-after-the-monsoon-repairs"
    )
    body = re.sub(r"\s*\n\s*", "", story.body)
    assert body.startswith(
        "<p>Overnight services between Mumbai and Mangaluru resume today.</p>"
        "<h2>What changes for passengers</h2>"
    )
    assert re.search(
        r'<a [^>]*href="https://example.org/konkan-timetable"[^>]*>site.</a>', body
    ), body
    assert body.endswith(
        "<ul><li>Three trains a week each way</li>"
        "<li>Sleeper and air-conditioned coaches</li></ul>"
    )
    assert story.hero_image.alt_text == "A train crossing a bridge over a river"
    assert [author.name for author in story.byline_authors] == ["Sneha Pillai"]
    screenshot(writer, "admin-change-form")

    # The preview shows it as readers will see it, marked as a preview.
    with writer.expect_popup() as opened:
        writer.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(preview.get_by_role("note")).to_contain_text("not published")
    expect(preview.locator(".story__body h2")).to_have_text(
        "What changes for passengers"
    )
    expect(preview.get_by_role("link", name="site.")).to_have_attribute(
        "href", "https://example.org/konkan-timetable"
    )
    expect(preview.locator(".story__body li")).to_have_count(2)
    expect(preview.locator(".story__hero img")).to_be_visible()
    preview.close()

    # Submitted for review; a writer has no way to publish.
    expect(writer.get_by_role("button", name="Publish now")).to_have_count(0)
    writer.get_by_role("button", name="Submit for review").click()
    expect(writer.locator(".messagelist")).to_contain_text("review")
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW

    # The editor publishes it.
    editor = desk("editor")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    editor.get_by_role("button", name="Publish now").click()
    expect(editor.locator(".messagelist")).to_contain_text("ublished")
    story.refresh_from_db()
    assert story.is_published

    # Readers see it on the home page and in the feed.
    reader = context_for("phone").new_page()
    reader.goto("/")
    reader.get_by_role("link", name=HEADLINE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    feed = reader.request.get("/feed/")
    assert feed.ok
    assert HEADLINE in feed.text()


def test_second_editors_stale_save_is_refused(desk, newsroom):
    story = factories.ArticleFactory(
        published=True,
        section=newsroom["section"],
        headline="Ferry fares cut for island students",
        authors=[newsroom["author"]],
    )
    first = desk("editor")
    second = desk("second_editor")
    change = f"/admin/articles/article/{story.pk}/change/"
    first.goto(change)
    second.goto(change)
    # The second editor is told someone else has the story open.
    second.reload()
    expect(second.locator("#story-editing-banner")).to_contain_text("Being edited by")

    first.get_by_label("Standfirst").fill("Fares halve from Monday, the council says.")
    first.get_by_role("button", name="Save and continue editing").click()
    expect(first.locator(".messagelist")).to_contain_text("Saved")

    second.get_by_label("Standfirst").fill("Fares fall by a third, says the operator.")
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".errornote")).to_be_visible()
    expect(second.locator(".errorlist", has_text="Not saved:")).to_contain_text(
        re.compile("Not saved: .* saved this story at")
    )
    expect(second.locator(".newsroom-banner--conflict")).to_be_visible()

    story.refresh_from_db()
    assert story.standfirst == "Fares halve from Monday, the council says."


def test_autosave_keeps_unsaved_text_and_offers_it_back(desk, newsroom):
    """The change form's own script: it autosaves what was typed every half minute
    (the story itself untouched), holds the soft lock while open, lets it go on
    leaving, and the text comes back after the tab is lost."""
    story = factories.ArticleFactory(
        published=True,
        section=newsroom["section"],
        headline="Water metro adds a route to Fort Kochi",
        standfirst="Boats every twenty minutes from Monday.",
        authors=[newsroom["author"]],
    )
    change = f"/admin/articles/article/{story.pk}/change/"
    editor = desk("editor")
    editor.clock.install()  # the form's timers run when the test says so
    editor.goto(change)
    with editor.expect_response(re.compile(r"/heartbeat/$")):
        editor.clock.run_for(2_500)  # the first beat: "I have it open"
    assert EditSession.objects.filter(article=story, user__username="editor").exists()

    typed = "Boats every fifteen minutes from Monday, the operator says."
    editor.get_by_label("Standfirst").fill(typed)
    with editor.expect_response(re.compile(r"/autosave/$")) as answer:
        editor.clock.run_for(30_000)
    assert answer.value.ok

    saved = Autosave.objects.get(article=story, user__username="editor")
    assert saved.data["standfirst"] == typed
    story.refresh_from_db()
    assert story.standfirst == "Boats every twenty minutes from Monday."

    # The tab is closed without saving: the lock goes at once…
    editor.close(run_before_unload=True)
    expect_no_session = EditSession.objects.filter(article=story)
    for _ in range(50):
        if not expect_no_session.exists():
            break
        time.sleep(0.1)
    assert not expect_no_session.exists()

    # …and opening the story again offers the text back.
    again = desk("editor")
    again.goto(change)
    banner = again.locator(".newsroom-banner--autosave")
    expect(banner).to_contain_text("autosave")
    banner.get_by_role("link", name="Restore the autosaved text").click()
    expect(again.get_by_label("Standfirst")).to_have_value(typed)
