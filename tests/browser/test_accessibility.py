"""axe-core, injected into the real pages in chromium: no serious or critical
violation of WCAG 2.1 A and AA (colour contrast included) on the pages readers use
most, on a phone and on a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import VIEWPORTS

PAGES = {
    "home": "/",
    "section": "/world/",
    "article": None,  # the demo story's address has its date in it
    "author": "/author/daniel-okafor/",
    "search": "/search/?q=monsoon",
    "404": "/world/no-such-story-here/",
}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violations(reading, context_for, axe, viewport, name):
    page = context_for(viewport).new_page()
    page.goto(PAGES[name] or reading["story"])
    page.wait_for_load_state("load")
    results = axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_21_AA},
            "resultTypes": ["violations"],
        },
    )
    checked = (
        {rule["id"] for rule in results.response["passes"]}
        | {rule["id"] for rule in results.response["violations"]}
        | {rule["id"] for rule in results.response["incomplete"]}
    )
    # Colour contrast really was among the rules checked.
    assert "color-contrast" in checked
    serious = [
        f"{rule['id']} ({rule['impact']}): {rule['help']} — "
        + "; ".join(node["target"][0] for node in rule["nodes"][:5])
        for rule in results.response["violations"]
        if rule["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
