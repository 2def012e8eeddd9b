"""A resident on a 360×740 phone, in Arabic, with JavaScript off."""

import re

from tests.browser.conftest import screenshot


def test_home_recommendation_commune_feedback_and_follow(new_context):
    page = new_context(javascript=False).new_page()
    page.goto("/")
    assert page.url.endswith("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".recommendations > li").count() == 9
    screenshot(page, "home-ar")

    page.click("a[href='/ar/recommendations/7/']")
    assert "لجن التشاور المدني" in page.content()
    screenshot(page, "recommendation-ar")

    page.goto("/ar/")
    page.click("a[href='/ar/communes/09.551.01.07/']")
    assert page.locator("h1").inner_text() == "طاطا"
    screenshot(page, "commune-ar")

    page.click("a[href^='/ar/feedback/new/?commune=09.551.01.07']")
    assert page.locator("#id_commune").input_value() != ""
    page.check("input[name=kind][value=suggestion]")
    page.fill("#id_text", "نقترح تخصيص قاعة للشباب في دار الجماعة لعقد لقاءاتهم")
    page.fill("#id_contact", "06 12 34 56 78")
    page.check("#id_consent_to_contact")
    page.click("form.feedback-form button[type=submit]")

    code = page.locator(".tracking-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", code)
    screenshot(page, "feedback-sent-ar")
    page.click(f"a[href='/ar/feedback/{code}/']")
    assert page.locator(".state").inner_text().strip() == "تم التوصل"
    assert "0612345678" not in page.content() and "+212612345678" not in page.content()
