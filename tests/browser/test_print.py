"""A councillor prints a commune's or a commitment's status for a meeting: one A4 page, without
the site's header, menus, forms or footer."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from tests.browser.conftest import ARTIFACTS

SCREEN_ONLY = {
    "ar": ("القائمة", "تتبّعوا مراسلتكم", "ينشرها"),
    "fr": ("Menu", "Suivez votre message", "Publié par"),
}


def printed(page, path: str) -> PdfReader:
    page.goto(path)
    page.emulate_media(media="print")
    data = page.pdf(
        format="A4", margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"}
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print-{path.strip('/').replace('/', '_')}.pdf").write_bytes(data)
    return PdfReader(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_commune_and_a_commitment_print_on_one_page(new_context, lang):
    page = new_context().new_page()
    page.goto(f"/{lang}/communes/09.551.01.07/")
    title = page.locator("h1").inner_text()
    commitment = page.locator(".commitment-list a.commitment-title").first.get_attribute("href")
    for path in (f"/{lang}/communes/09.551.01.07/", commitment):
        pdf = printed(page, path)
        assert len(pdf.pages) == 1, (path, len(pdf.pages))
        # Chromium writes Arabic as presentation forms: NFKC brings back the letters.
        text = unicodedata.normalize("NFKC", pdf.pages[0].extract_text())
        if path.endswith("09.551.01.07/"):
            assert title in text
        # What is for the screen only is not on paper: the menu, the follow box, the footer.
        for absent in SCREEN_ONLY[lang]:
            assert absent not in text, (path, absent)
