"""Tamazight in Tifinagh as the fourth language, at /zgh/: left to right, Tifinagh on the page,
Arabic (never English) where a string or a field has no Tamazight yet, and a one-line notice in
Tamazight and Arabic while the translation is a draft."""

import datetime
import io
import re

import pypdf
import pytest
from django.utils import translation
from django.utils.translation import trans_real

from recommendations.models import Commitment, Recommendation
from reports.exporters import WRITERS
from reports.filters import ReportFilters
from reports.services.build import report_build
from territory.models import Body

pytestmark = pytest.mark.django_db

TIFINAGH = re.compile("[\u2d30-\u2d7f]")
NOTICE = "This Tamazight translation is a draft"


def test_the_home_page_in_tamazight_runs_left_to_right_in_tifinagh(client, reference_data):
    html = client.get("/zgh/").content.decode()
    assert '<html lang="zgh" dir="ltr">' in html
    body = html.split("<main", 1)[1]
    assert len(TIFINAGH.findall(body)) > 200
    # The nine recommendations' titles, drafted in Tamazight.
    assert Recommendation.objects.get(number=1).title_zgh in html


def test_every_page_offers_tamazight_by_its_own_name(client, reference_data):
    html = client.get("/ar/").content.decode()
    assert 'lang="zgh" hreflang="zgh">ⵜⴰⵎⴰⵣⵉⵖⵜ</a>' in html


def test_the_draft_notice_is_in_tamazight_and_arabic_with_a_contact(client, reference_data):
    html = client.get("/zgh/communes/").content.decode()
    notice = html.split('class="draft-notice"', 1)[1].split("</p>", 1)[0]
    assert TIFINAGH.search(notice.split('lang="ar"')[0])
    assert re.search("[\u0600-\u06ff]", notice.split('lang="ar"')[1])
    assert "mailto:" in notice
    assert 'class="draft-notice"' not in client.get("/ar/communes/").content.decode()


def test_the_notice_goes_once_staff_mark_the_translation_reviewed(client, reference_data, settings):
    settings.TAMAZIGHT_REVIEWED = True
    assert 'class="draft-notice"' not in client.get("/zgh/").content.decode()


def test_commune_names_are_in_tifinagh(client, reference_data):
    html = client.get("/zgh/communes/").content.decode()
    assert "ⵟⴰⵟⴰ" in html and "ⴰⵇⵇⴰ" in html


def test_a_missing_tamazight_string_falls_back_to_arabic_not_english():
    catalogue = trans_real.translation("zgh")
    assert catalogue._fallback.language() == "ar"
    # A string no Tamazight draft has: the interface shows the Arabic.
    with translation.override("zgh"):
        missing = [
            msgid
            for msgid, arabic in trans_real.translation("ar")._catalog.items()
            if isinstance(msgid, str) and msgid and msgid not in catalogue._catalog
        ]
        if missing:
            assert (
                translation.gettext(missing[0]) == trans_real.translation("ar")._catalog[missing[0]]
            )


def test_a_field_without_tamazight_shows_its_arabic(client, reference_data):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=7),
        body=Body.objects.get(slug="council-09-551-01-07"),
        title_ar="إحداث لجنة التشاور المدني",
        title_en="Set up the civic consultation committee",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    html = client.get(f"/zgh/commitments/{commitment.pk}/").content.decode()
    assert "إحداث لجنة التشاور المدني" in html
    assert "Set up the civic consultation committee" not in html


def test_dates_read_in_tamazight(client, reference_data):
    from text.dates import format_day

    assert format_day(datetime.date(2028, 8, 5), "zgh") == "5 ⵖⵓⵛⵜ 2028"


def test_the_pdf_report_in_tamazight_embeds_a_tifinagh_font(reference_data):
    report = report_build(filters=ReportFilters(as_of=datetime.date(2026, 1, 1)), language="zgh")
    pdf = pypdf.PdfReader(io.BytesIO(WRITERS["pdf"](report)))
    fonts = {
        str(font["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    assert any("Tifinagh" in name for name in fonts), fonts
    assert TIFINAGH.search(pdf.pages[0].extract_text())
