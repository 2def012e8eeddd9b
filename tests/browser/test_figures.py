"""On the demo site, as a reader sees it: no figure contradicts another."""

import re

from recommendations.state.levels import fits
from tests.browser.conftest import ARTIFACTS

PERCENT = re.compile(r"(\d+)%")
COUNTS = re.compile(r"(\d+) active commitments?(?: · (\d+) withdrawn)?")


def _shown_percent(text: str) -> int | None:
    found = PERCENT.search(text)
    return int(found.group(1)) if found else None


def test_levels_fit_their_percentages_and_cards_count_their_lists(new_context):
    page = new_context(viewport={"width": 1366, "height": 900}, locale="en-GB").new_page()
    page.goto("/en/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "figures-home-en.png"), full_page=True)
    cells = page.locator("table.matrix td[class^='level-']")
    assert cells.count() > 20
    for index in range(cells.count()):
        cell = cells.nth(index)
        level = cell.get_attribute("class").removeprefix("level-")
        shown = _shown_percent(cell.inner_text())
        # What the cell says in words (its level) fits the number beside it.
        assert shown is None if level == "withdrawn" else fits(level, shown), (level, shown)
    for number in range(1, 10):
        card = page.locator(f".recommendations > li[value='{number}']")
        counts = COUNTS.search(card.inner_text())
        promised = int(counts.group(1)) + int(counts.group(2) or 0) if counts else 0
        page_of_it = new_context(locale="en-GB").new_page()
        page_of_it.goto(f"/en/recommendations/{number}/")
        items = page_of_it.locator("li.commitment")
        assert items.count() == promised, number
        for index in range(items.count()):
            item = items.nth(index)
            level = item.get_attribute("class").split("level-")[1].split()[0]
            assert fits(level, _shown_percent(item.locator(".meta").inner_text())), level
        page_of_it.close()
