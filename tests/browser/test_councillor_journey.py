"""A councillor: what is late, an update with a photo, the public timeline; and two councillors
editing the same commitment at once."""

import io
import re

from PIL import Image

from tests.browser.conftest import log_in, screenshot


def photo(tmp_path):
    path = tmp_path / "site.jpg"
    Image.new("RGB", (64, 48), (180, 120, 40)).save(path, "JPEG")
    return path


def first_open_commitment(page) -> str:
    """The update form of the most urgent commitment on my/."""
    page.goto("/ar/my/")
    return page.locator(".work-card a[href$='/update/']").first.get_attribute("href")


def test_my_page_shows_what_is_late_and_an_update_with_a_photo_reaches_the_timeline(
    new_context, tmp_path
):
    page = new_context(javascript=False).new_page()
    log_in(page, "demo-councillor-tata")
    page.goto("/ar/my/")
    late = page.locator("section[aria-labelledby=late-heading] .work-card")
    assert late.count() >= 1
    # One signal per card, saying what is late and by how much.
    assert re.search(r"\d", late.first.locator(".signal").inner_text())
    screenshot(page, "my-ar")

    action = first_open_commitment(page)
    page.goto(action)
    # The form starts from the commitment's level and progress, which agree: a note and a photo
    # of what was done are an update on their own.
    page.fill("#id_note", "تم تركيب الألواح الشمسية في مقر الجماعة")
    page.set_input_files("#id_evidence_file", str(photo(tmp_path)))
    page.click("form.stacked-form button[type=submit]")
    assert "/update/" not in page.url, page.content()[:2000]

    public = new_context(javascript=False).new_page()
    public.goto(page.url)
    entry = public.locator(".timeline .entry").first
    assert "تم تركيب الألواح الشمسية" in entry.inner_text()
    href = entry.locator("a[href*='/evidence/']").get_attribute("href")
    image = public.request.get(href)
    assert image.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(image.body())).size == (64, 48)


def test_a_councillor_of_another_commune_cannot_post(new_context):
    tata = new_context(javascript=False).new_page()
    log_in(tata, "demo-councillor-tata")
    action = first_open_commitment(tata)
    other = new_context(javascript=False).new_page()
    log_in(other, "demo-councillor-akka")
    response = other.goto(action)
    assert response.status == 403


def test_two_councillors_at_once_the_second_sees_the_conflict_and_keeps_the_text(new_context):
    first = new_context(javascript=False).new_page()
    second = new_context(javascript=False).new_page()
    log_in(first, "demo-councillor-tata")
    log_in(second, "demo-councillor-tata")
    action = first_open_commitment(first)
    first.goto(action)
    second.goto(action)

    first.fill("#id_note", "تحيين أول من المستشار الأول")
    first.click("form.stacked-form button[type=submit]")
    assert "/update/" not in first.url

    second.fill("#id_note", "نصي الذي لا أريد أن يضيع")
    second.click("form.stacked-form button[type=submit]")
    assert second.locator(".conflict").is_visible()
    assert "تحيين أول من المستشار الأول" in second.locator(".conflict").inner_text()
    assert second.locator("#id_note").input_value() == "نصي الذي لا أريد أن يضيع"
