from pathlib import Path

import pytest
from django.core.cache import cache

from accounts import roles
from tests import factories

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """The browser tests (tests/browser/) are marked `browser` and run last: they
    are the slowest, and Playwright leaves an event loop running in the test
    thread, in which Django refuses plain ORM calls (tests/browser/conftest.py)."""
    others, browser = [], []
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            browser.append(item)
        else:
            others.append(item)
    items[:] = others + browser


def pytest_terminal_summary(terminalreporter):
    from tests.browser.conftest import NO_CHROMIUM

    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if NO_CHROMIUM in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{len(skipped)} BROWSER TESTS SKIPPED: {NO_CHROMIUM}. "
            "Install it: apt-get install -y chromium",
            red=True,
            bold=True,
        )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches (they are shared by the process)."""
    from dailybeat.freshness import local
    from dailybeat.middleware import pages

    cache.clear()
    local().clear()
    pages.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def section(db):
    return factories.SectionFactory(name="World", slug="world")


@pytest.fixture
def editor(db):
    return factories.StaffFactory(username="desk", role=roles.EDITOR)


@pytest.fixture
def writer(db):
    return factories.StaffFactory(username="scribe", role=roles.WRITER)


@pytest.fixture
def other_writer(db):
    return factories.StaffFactory(username="rival", role=roles.WRITER)


@pytest.fixture
def administrator(db):
    return factories.StaffFactory(username="chief", role=roles.ADMINISTRATOR)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client
