"""Languages and direction, phone layout without horizontal scrolling, page weight."""

import pytest

from tests.browser.conftest import log_in

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/recommendations/7/",
    "/{lang}/communes/09.551.01.07/",
    "/{lang}/feedback/new/",
    "/{lang}/matrix/",
]


def first_commitment(page, lang) -> str:
    page.goto(f"/{lang}/communes/09.551.01.07/")
    return page.locator(".commitment-list a.commitment-title").first.get_attribute("href")


def test_switching_languages_and_back_changes_direction(new_context):
    page = new_context(javascript=False).new_page()
    page.goto("/ar/recommendations/3/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click(".lang-switch a[hreflang=fr]")
    assert page.url.endswith("/fr/recommendations/3/")
    assert (
        page.locator("html").get_attribute("lang"),
        page.locator("html").get_attribute("dir"),
    ) == ("fr", "ltr")
    page.click(".lang-switch a[hreflang=en]")
    assert page.url.endswith("/en/recommendations/3/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.click(".lang-switch a[hreflang=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_layout_follows_the_direction(new_context):
    page = new_context().new_page()
    page.goto("/ar/")
    brand_ar = page.locator(".brand").bounding_box()
    page.goto("/fr/")
    brand_fr = page.locator(".brand").bounding_box()
    # The brand sits at the start of the line: the right in Arabic, the left in French.
    assert brand_ar["x"] + brand_ar["width"] > 300 and brand_fr["x"] < 60


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_no_horizontal_scrolling_at_360_px(new_context, lang):
    page = new_context().new_page()
    log_in(page, "demo-councillor-tata", lang)
    paths = [p.format(lang=lang) for p in PUBLIC_PAGES]
    paths += [first_commitment(page, lang), f"/{lang}/my/", f"/{lang}/inbox/"]
    staff = new_context().new_page()
    log_in(staff, "demo-staff", lang)
    for owner, path in [(page, p) for p in paths] + [(staff, f"/{lang}/reports/")]:
        owner.goto(path)
        widths = owner.evaluate(
            "() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
        )
        assert widths[1] <= widths[0], (path, widths)


def test_home_page_transfers_under_60_kb(new_context):
    page = new_context().new_page()
    page.goto("/ar/")
    page.wait_for_load_state("load")
    total = page.evaluate(
        """() => performance.getEntriesByType('navigation')[0].transferSize +
                 performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0)"""
    )
    assert 0 < total < 60 * 1024, total
    scripts = page.evaluate("() => document.scripts.length")
    assert scripts == 0  # nothing on the page needs JavaScript
