"""axe-core on the key pages (no serious or critical violation), and the feedback form with the
keyboard alone."""

import pytest

from tests.browser.conftest import axe_source
from tests.browser.site_pages import visit_every_page

RUN_AXE = """async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21aa'];
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def violations(page, path=None):
    """The serious and critical violations of the page shown (after going to `path`, if given)."""
    if path:
        page.goto(path)
    page.add_script_tag(content=axe_source())
    return page.evaluate(RUN_AXE)


# The admin's main pages, which staff use in the interface language too.
ADMIN_PAGES = [
    "/admin/",
    "/admin/recommendations/commitment/",
    "/admin/recommendations/commitment/add/",
    "/admin/recommendations/milestone/",
    "/admin/recommendations/statusupdate/",
]


@pytest.mark.parametrize("lang", ["ar", "fr", "en", "zgh"])
def test_every_page_has_no_serious_or_critical_violation(new_context, lang):
    """Every public and back-office page of tests/browser/test_every_page_fits.py, in each of
    the four languages, then the admin's main pages."""
    found = {}
    pages = visit_every_page(new_context, lang, also_for_staff=ADMIN_PAGES, bypass_csp=True)
    for _role, page, path, response in pages:
        assert response.ok, (path, response.status)
        found[path] = violations(page)
    failing = {path: v for path, v in found.items() if v}
    assert not failing, "\n".join(f"{path}: {v}" for path, v in failing.items())


def test_the_feedback_form_with_the_keyboard_alone(new_context):
    page = new_context(javascript=False).new_page()
    page.goto("/ar/feedback/new/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("() => document.activeElement.className") == "skip-link"

    def tab_to(selector, limit=40):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"never reached {selector} with Tab")

    tab_to("#id_commune")
    page.keyboard.press("ArrowDown")
    tab_to("input[name=kind]")
    page.keyboard.press("Space")
    tab_to("#id_text")
    page.keyboard.type("الطريق إلى المستوصف تحتاج إلى إصلاح عاجل")
    tab_to("form.feedback-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".tracking-code").is_visible()
