"""The browser tests: the real site (pytest-django's live_server, on PostgreSQL) in
Debian's chromium, driven by Playwright (pytest-playwright).

Playwright's own browser download is never used: chromium is launched through its
executable path. Without chromium these tests are skipped, loudly (see
tests/conftest.py); with DAILYBEAT_REQUIRE_BROWSER=1 (as .ci/run sets) they fail
instead, so CI cannot pass without them.

They run after every other test (tests/conftest.py orders them last): Playwright
keeps an event loop running in the test thread, and from then on Django would take
every ORM call for one made from async code.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from accounts import roles
from articles import reads
from articles.demo import content as demo_content
from articles.demo import loader as demo
from articles.models import Article
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# Chromium's switches for a container: no sandbox (no user namespaces), no GPU, and
# nothing that would phone home.
NO_CHROMIUM = "chromium is not installed, so the browser tests cannot run"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--metrics-recording-only",
]

PHONE = "Pixel 7"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
VIEWPORTS = ["phone", "desktop"]


def chromium_path():
    """Debian's chromium, or the one CHROMIUM_PATH names; None when there is none."""
    named = os.environ.get("CHROMIUM_PATH")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        message = (
            f"{NO_CHROMIUM}: install it with `apt-get install -y chromium` "
            "(make test does this when it can) or point CHROMIUM_PATH at a chromium "
            "binary."
        )
        if os.environ.get("DAILYBEAT_REQUIRE_BROWSER"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def playwright(django_db_setup):
    """Playwright (replacing pytest-playwright's fixture of the name), started once
    the test database exists. Its sync API runs an event loop in this thread, so
    Django is told that the ORM calls made here are still plain synchronous code;
    nothing else runs after the browser tests."""
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as started:
        yield started
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_media(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _media_root(settings, browser_media):
    """One media folder for the whole browser run: the demo pictures are made once
    (per module) and the live server must find them in every test."""
    settings.MEDIA_ROOT = browser_media


@pytest.fixture(scope="session")
def site(django_db_setup):
    """The real app served over HTTP from a thread of this process, on the test
    database: pytest-django's live server, started by hand so that a test using it
    is not made transactional (flushing the database after every test) unless it
    asks to be."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def context_for(browser, playwright, site):
    """context_for("phone") or context_for("desktop", java_script_enabled=False):
    a fresh browser context whose addresses are relative to the site."""
    contexts = []

    def make(viewport, **options):
        if viewport == "phone":
            device = dict(playwright.devices[PHONE])
            device.pop("default_browser_type", None)
        else:
            device = dict(DESKTOP)
        context = browser.new_context(
            base_url=site.url, locale="en-IN", **device, **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """screenshot(page, "home-phone"): a full-page PNG in
    test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


# Content ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, browser_media):
    """The demo newsroom (thirty stories, pictures, authors, tags) plus enough
    stories in one section to need a second page, committed for the module's tests
    and removed after them. Reader tests only read, so they share it (use it through
    ``reading``, which lets the live server reach the database)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=browser_media):
        # From a clean database, whatever an interrupted run may have left.
        call_command("flush", interactive=False, verbosity=0)
        demo.load(create_editor=False)
        india = factories.SectionFactory(slug="india")
        for number in range(1, 24):
            factories.ArticleFactory(
                published=True,
                section=india,
                headline=f"Archive report {number} from the districts",
                slug=f"archive-report-{number}",
            )
        story = Article.objects.get(slug=demo_content.STORIES[0]["slug"])
        yield {"story": story.get_absolute_url(), "headline": story.headline}
        # The reads the pages' beacons counted, written while the database is up.
        reads.flush()
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def reading(demo_site, django_db_blocker):
    """For tests that only read the demo site: the database is open to the live
    server's thread (pytest-django blocks it outside django_db tests)."""
    with django_db_blocker.unblock():
        yield demo_site


@pytest.fixture
def newsroom(transactional_db):
    """Two sections, two authors, and a writer and two editors who log in with
    their passwords."""
    password = "correct horse battery staple"
    people = {}
    for username, role in (
        ("writer", roles.WRITER),
        ("editor", roles.EDITOR),
        ("second_editor", roles.EDITOR),
    ):
        user = factories.StaffFactory(username=username, role=role)
        user.set_password(password)
        user.save()
        people[username] = user
    return {
        "password": password,
        "users": people,
        "section": factories.SectionFactory(name="India", slug="india"),
        "other_section": factories.SectionFactory(name="World", slug="world"),
        "author": factories.AuthorFactory(name="Sneha Pillai", slug="sneha-pillai"),
    }


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
