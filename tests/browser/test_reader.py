"""Readers' journeys through the site, in chromium, on a phone and on a desktop."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS

HEADLINE = re.compile(r"Iran Describes Muscat Talks")


@pytest.fixture(params=VIEWPORTS)
def viewport(request):
    return request.param


@pytest.fixture
def page(reading, context_for, viewport):
    return context_for(viewport).new_page()


@pytest.fixture
def story(reading):
    """The address of the demo's first story (it has the publish date in it)."""
    return reading["story"]


def canonical(page):
    return page.locator('link[rel="canonical"]').get_attribute("href")


def test_home_to_section_to_story(page, viewport, screenshot, story):
    response = page.goto("/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("DailyBeat")
    screenshot(page, f"home-{viewport}")

    page.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="World", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/world/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("World")

    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page).to_have_url(re.compile(re.escape(story) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator(".story__body h2").first).to_have_text(
        "A cautious opening in Muscat"
    )
    hero = page.locator(".story__hero img")
    expect(hero).to_be_visible()
    # The picture really loaded (a broken one has no natural width).
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    screenshot(page, f"article-{viewport}")


def test_share_bar_links_carry_the_story(page, story):
    page.goto(story)
    url = canonical(page)
    assert url.endswith(story)
    bar = page.get_by_role("region", name="Spread the love").first
    expect(bar).to_be_visible()
    hrefs = {
        name: bar.get_by_role("link", name=re.compile(name)).get_attribute("href")
        for name in ("Facebook", "X", "WhatsApp", "LinkedIn", "Telegram", "Email")
    }
    assert hrefs["Facebook"].startswith("https://www.facebook.com/sharer/")
    assert hrefs["WhatsApp"].startswith("https://wa.me/")
    assert hrefs["Email"].startswith("mailto:")
    for name, href in hrefs.items():
        # Every network gets the story's canonical address, escaped for a query.
        assert re.search(re.escape(story.strip("/").split("/")[-1]), href), name
    # The tap targets are big enough for a thumb (WCAG 2.5.8: 24×24 at least).
    for link in bar.get_by_role("link").all():
        box = link.bounding_box()
        assert box["width"] >= 24
        assert box["height"] >= 24


def test_copy_link_puts_the_canonical_url_on_the_clipboard(
    reading, context_for, viewport, site, story
):
    context = context_for(viewport)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page = context.new_page()
    page.goto(story)
    bar = page.get_by_role("region", name="Spread the love").first
    bar.get_by_role("link", name="Copy link").click()
    expect(bar.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == canonical(page)


def test_native_share_sheet_offered_only_where_the_browser_has_one(
    reading, context_for, viewport, story
):
    plain = context_for(viewport).new_page()
    plain.goto(story)
    assert plain.evaluate("typeof navigator.share") == "undefined"
    hidden = plain.get_by_role("button", name="More options…", include_hidden=True)
    expect(hidden).to_have_count(2)
    expect(hidden.first).to_be_hidden()

    # A browser with the Web Share API (as on Android and iOS).
    sharing = context_for(viewport)
    sharing.add_init_script(
        "navigator.share = (data) => { window.sharedWith = data; "
        "return Promise.resolve(); };"
    )
    page = sharing.new_page()
    page.goto(story)
    button = page.get_by_role("button", name="More options…").first
    expect(button).to_be_visible()
    button.click()
    shared = page.evaluate("window.sharedWith")
    assert shared["url"] == canonical(page)
    assert HEADLINE.search(shared["title"])


def test_author_and_tag_pages(page, story):
    page.goto(story)
    page.locator(".story__byline").get_by_role("link", name="Daniel Okafor").click()
    expect(page).to_have_url(re.compile(r"/author/daniel-okafor/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Daniel Okafor")
    expect(page.get_by_role("link", name=HEADLINE)).to_be_visible()

    page.goto(story)
    page.get_by_role("region", name="Topics").get_by_role("link", name="Oman").click()
    expect(page).to_have_url(re.compile(r"/tag/oman/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oman")
    expect(page.get_by_role("link", name=HEADLINE)).to_be_visible()


def test_search_for_a_phrase(page):
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search DailyBeat")
    box.fill('"patient interpreter"')
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        'Results for “"patient interpreter"”'
    )
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.get_by_role("link", name=HEADLINE)).to_be_visible()
    expect(results.locator("mark").first).to_be_visible()

    # The same words in the other order are not the phrase.
    box = page.get_by_role("searchbox").last
    box.fill('"interpreter patient"')
    box.press("Enter")
    expect(page.get_by_text("No stories match")).to_be_visible()


def test_pagination(page):
    page.goto("/india/")
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 2")
    first_page = page.locator(".story-list .card__headline").all_inner_texts()
    pages.get_by_role("link", name="Older").click()
    expect(page).to_have_url(re.compile(r"/india/\?page=2$"))
    expect(pages).to_contain_text("Page 2 of 2")
    second_page = page.locator(".story-list .card__headline").all_inner_texts()
    assert second_page
    assert not set(first_page) & set(second_page)
    pages.get_by_role("link", name="Newer").click()
    expect(pages).to_contain_text("Page 1 of 2")


def test_the_404_page(page):
    response = page.goto("/world/no-such-story-here/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We couldn’t find that page"
    )
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    box = page.get_by_role("main").get_by_role("searchbox")
    box.fill("Muscat")
    box.press("Enter")
    expect(page.get_by_role("link", name=HEADLINE)).to_be_visible()


def test_keyboard_reaches_the_menu_and_share_bar_with_a_visible_focus_ring(page, story):
    page.goto(story)
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const element = document.activeElement;
                const style = getComputedStyle(element);
                const box = element.getBoundingClientRect();
                return {
                    text: element.textContent.trim(),
                    where: element.closest(".site-nav") ? "menu"
                        : element.closest(".share") ? "share"
                        : element.classList.contains("skip-link") ? "skip" : "",
                    ring: style.outlineStyle !== "none"
                        && parseFloat(style.outlineWidth) >= 2,
                    shown: box.width > 0 && box.height > 0 && box.bottom > 0,
                };
            }"""
        )
        if focused["where"]:
            reached.append(focused)
        if {"skip", "menu", "share"} <= {f["where"] for f in reached}:
            break
    places = {f["where"] for f in reached}
    assert places >= {"skip", "menu", "share"}, reached
    for focused in reached:
        assert focused["ring"], focused
        assert focused["shown"], focused
    assert reached[0] == {**reached[0], "where": "skip", "text": "Skip to content"}

    # The skip link takes the reader past the masthead to the story.
    page.goto(story)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_print_shows_the_story_and_its_address_only(page, viewport, story):
    page.goto(story)
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".share", ".masthead__search", ".most-read"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".story__body")).to_be_visible()
    address = page.locator(".story__print-url")
    expect(address).to_be_visible()
    expect(address).to_contain_text(canonical(page))
    if viewport == "desktop":
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF")


def test_pages_work_without_javascript(reading, context_for, viewport, story):
    page = context_for(viewport, java_script_enabled=False).new_page()
    page.goto("/")
    page.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="World", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("World")
    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator(".story__body p").first).to_be_visible()

    bar = page.get_by_role("region", name="Spread the love").first
    whatsapp = bar.get_by_role("link", name=re.compile("WhatsApp"))
    assert whatsapp.get_attribute("href").startswith("https://wa.me/")
    # Without JavaScript "Copy link" is the story's own link, to long-press.
    assert bar.get_by_role("link", name="Copy link").get_attribute("href") == canonical(
        page
    )
    expect(bar.get_by_role("button", name="More options…")).to_be_hidden()

    box = page.get_by_role("searchbox", name="Search DailyBeat")
    box.fill("Muscat")
    box.press("Enter")
    expect(page.get_by_role("link", name=HEADLINE)).to_be_visible()


def test_section_blocks_use_the_width_of_a_desktop(reading, context_for):
    page = context_for("desktop").new_page()
    page.goto("/")
    columns = page.locator(".section-blocks").evaluate(
        "blocks => getComputedStyle(blocks).gridTemplateColumns.split(' ').length"
    )
    assert columns == 4
