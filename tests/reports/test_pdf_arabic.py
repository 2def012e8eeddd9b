"""The PDF report's Arabic reads as Arabic: the chart labels are shaped and run right to left,
seen in a picture of the page, not only in the extracted text (which was right while the
picture showed "ةيصوتلا" mirrored)."""

import datetime

import pytest
from PIL import Image
from weasyprint import HTML

from reports.exporters import WRITERS
from reports.filters import ReportFilters
from reports.services.build import report_build
from tests.rendered_pdf import difference, ink, page_image, page_text, page_words

pytestmark = pytest.mark.django_db

DPI = 144
LABEL = "التوصية"
# The label's glyphs as drawn left to right on the page when the word is right: poppler lists a
# right-to-left word in drawing order.
DRAWN = LABEL[::-1]


def report_pdf(language="ar") -> bytes:
    filters = ReportFilters(as_of=datetime.date(2025, 12, 31))
    return WRITERS["pdf"](report_build(filters=filters, language=language))


def chart_page(data: bytes) -> int:
    """The page with the charts: the first after the cover."""
    return 2


def reference_label():
    """The word as WeasyPrint draws it in a plain Arabic paragraph, in the charts' font and size."""
    html = (
        '<html lang="ar" dir="rtl"><body style="font-family: Amiri, \'DejaVu Sans\', sans-serif;'
        f' font-size: 9.5pt; margin: 10mm"><p>{LABEL}</p></body></html>'
    )
    return ink(page_image(HTML(string=html).write_pdf(), 1, DPI))


def test_chart_labels_read_in_order_in_the_text_poppler_rebuilds(dataset):
    data = report_pdf()
    text = page_text(data, chart_page(data))
    for number in (3, 5, 6):
        assert f"{LABEL} {number}" in text
    assert DRAWN not in text


def test_chart_labels_look_like_the_word_written_right(dataset):
    data = report_pdf()
    page = chart_page(data)
    words = page_words(data, page)
    # "التوصية 3": the word with its number just to its left on the same line.
    numbers = [box for word, box in words if word.isdigit()]
    labels = [
        box
        for word, box in words
        if word == DRAWN and any(abs(n[1] - box[1]) < 1 and 0 < box[0] - n[2] < 8 for n in numbers)
    ]
    assert len(labels) >= 3, "the chart's labels are not drawn as right-to-left Arabic words"
    picture = page_image(data, page, DPI)
    scale = DPI / 72
    x0, y0, x1, y1 = labels[0]
    seen = ink(
        picture.crop((int(x0 * scale) - 2, int(y0 * scale), int(x1 * scale) + 2, int(y1 * scale)))
    )
    right = reference_label()
    # Same word, same font, same size: nearly the same picture; the mirrored word is far off.
    assert abs(seen.width - right.width) <= 3 and abs(seen.height - right.height) <= 3
    assert difference(seen, right) < 0.08
    assert difference(seen, right.transpose(Image.Transpose.FLIP_LEFT_RIGHT)) > 2 * difference(
        seen, right
    )


def test_french_report_charts_keep_their_labels(dataset):
    data = report_pdf("fr")
    assert "Recommandation 6" in page_text(data, 2)


def test_dates_in_the_pdf_read_day_month_year_with_moroccan_months(dataset):
    # poppler moves a number at the edge of a right-to-left run to the other side of its space
    # when it rebuilds the text; the picture is right, so spaces are left out of the comparison.
    data = report_pdf()
    cover = "".join(page_text(data, 1).split())
    assert "31دجنبر2025" in cover
    every_page = "".join(page_text(data, n) for n in range(1, 5)).replace("·", "")
    every_page = "".join(every_page.split())
    assert "30يونيو2026" in every_page  # a commitment's target date
    assert "2026-06-30" not in every_page and "يونيو30" not in every_page
