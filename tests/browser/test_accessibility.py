"""axe-core on the key pages (no serious or critical violation), and the feedback form with the
keyboard alone."""

import pytest

from tests.browser.conftest import axe_source, log_in

RUN_AXE = """async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21aa'];
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def violations(page, path):
    page.goto(path)
    page.add_script_tag(content=axe_source())
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_key_pages_have_no_serious_or_critical_violations(new_context, lang):
    context = new_context(bypass_csp=True)
    page = context.new_page()
    log_in(page, "demo-councillor-tata", lang)
    page.goto(f"/{lang}/communes/09.551.01.07/")
    commitment = page.locator(".commitment-list a.commitment-title").first.get_attribute("href")
    found = {}
    for path in [
        f"/{lang}/",
        f"/{lang}/recommendations/7/",
        f"/{lang}/communes/09.551.01.07/",
        commitment,
        f"/{lang}/feedback/new/",
        f"/{lang}/my/",
    ]:
        found[path] = violations(page, path)
    staff = new_context(bypass_csp=True).new_page()
    log_in(staff, "demo-staff", lang)
    found[f"/{lang}/reports/"] = violations(staff, f"/{lang}/reports/")
    assert {path: v for path, v in found.items() if v} == {}


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
