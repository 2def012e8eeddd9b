import csv
import datetime
import io
import json
from pathlib import Path

import openpyxl
import pypdf
import pytest
from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone

from reports.exporters import WRITERS
from reports.filters import ReportFilters
from reports.services.build import report_build

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 12, 31)


def report(language="ar", **filters):
    return report_build(filters=ReportFilters(as_of=AS_OF, **filters), language=language)


def csv_rows(data: bytes):
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheets need
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_opens_with_the_csv_module_and_holds_arabic_titles(dataset):
    rows = csv_rows(WRITERS["csv"](report()))
    assert rows[0][0] == "التوصية"  # headers in the report's language
    titles = {row[5] for row in rows[1:]}
    assert {"تدبير الموارد المائية بطاطا", "رقمنة الحالة المدنية بأقا"} <= titles
    assert all(row[0].isdigit() for row in rows[1:])  # each row starts with its recommendation


def test_xlsx_is_right_to_left_with_a_frozen_styled_header_and_real_types(dataset):
    book = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"](report())))
    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft is True
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet.auto_filter.ref.startswith("A1:")
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    titles = {row[5] for row in values}
    assert "تدبير الموارد المائية بطاطا" in titles
    assert all(isinstance(row[8], int) for row in values)  # progress: a number
    assert all(isinstance(row[9], datetime.datetime) for row in values)  # target: a date
    assert len(book.worksheets) == 4  # commitments, by recommendation, by commune, feedback


def test_xlsx_in_french_runs_left_to_right(dataset):
    book = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"](report("fr"))))
    assert not book.worksheets[0].sheet_view.rightToLeft
    assert "Gestion de l'eau à Tata" in {
        r[5].value for r in book.worksheets[0].iter_rows(min_row=2)
    }


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_pdf_holds_the_arabic_titles_and_page_numbers(dataset):
    text = pdf_text(WRITERS["pdf"](report()))
    assert "تدبير الموارد المائية بطاطا" in text and "رقمنة الحالة المدنية بأقا" in text
    assert "1 / " in text or " / 1" in text


def test_pdf_in_french(dataset):
    text = pdf_text(WRITERS["pdf"](report("fr")))
    assert "Gestion de l'eau à Tata" in text


def test_json_follows_the_documented_schema(dataset):
    data = json.loads(WRITERS["json"](report()))
    schema = json.loads((Path(settings.BASE_DIR) / "reports/schema/progress-1.1.json").read_text())
    assert data["schema"] == "taata-progress" and data["version"] == "1.1"
    assert set(schema["required"]) <= set(data)
    required_row = set(schema["$defs"]["commitment"]["required"])
    assert all(required_row <= set(row) for row in data["commitments"])
    assert {row["title"] for row in data["commitments"]} >= {"تدبير الموارد المائية بطاطا"}
    # The whole report's summary: a readers' program finds it by its key, and it has no label.
    assert (data["totals"]["key"], data["totals"]["label"]) == ("all", "")
    # When it was made, to the second, with its time zone: a reader can tell two exports apart.
    made = datetime.datetime.fromisoformat(data["generated_at"])
    assert made.tzinfo is not None and made.microsecond == 0
    assert abs(made - timezone.now()) < datetime.timedelta(minutes=5)
    assert data["totals"]["commitments"] == len(data["commitments"])


def test_filters_are_honoured(dataset):
    by_commune = report(communes=("09.551.01.01",))
    assert [r.title for r in by_commune.rows] == ["رقمنة الحالة المدنية بأقا"]
    by_recommendation = report(recommendations=(6,))
    assert [r.recommendation for r in by_recommendation.rows] == [6]
    by_body = report(bodies=("council-09-551-01-07",))
    assert {r.commune_code for r in by_body.rows} == {"09.551.01.07"}
    by_level = report(levels=("not_started",))
    assert by_level.rows == []
    assert len(report(public_only=True).rows) == 2  # the private one left out


def test_summaries_and_feedback_counts(dataset):
    built = report()
    water = next(s for s in built.by_recommendation if s.key == "6")
    assert (water.commitments, water.progress) == (1, 40.0)
    assert built.feedback == []  # the feedback came in after the as-of day
    today = report_build(filters=ReportFilters(as_of=timezone.localdate()), language="ar")
    assert {(f["commune_code"], f["kind"], f["state"], f["count"]) for f in today.feedback} == {
        ("09.551.01.07", "complaint", "answered", 1)
    }


def test_csv_download_is_streamed(client, dataset, staff):
    client.force_login(staff)
    response = client.get("/ar/reports/download/csv/", {"as_of": "2025-12-31"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert "تدبير الموارد المائية بطاطا" in body.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("language", "locale_tag"), [("ar", "[$-1801]"), ("fr", "[$-180C]"), ("en", "")]
)
def test_xlsx_dates_stay_dates_shown_day_month_year_in_the_readers_language(
    dataset, language, locale_tag
):
    sheet = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"](report(language)))).worksheets[0]
    target = sheet.cell(row=2, column=10)
    assert isinstance(target.value, datetime.datetime)
    assert target.number_format == f"{locale_tag}d mmmm yyyy"


def test_updates_per_month_count_only_the_reports_commitments_from_its_first_month(dataset):
    assert report().updates_per_month == [("2025-03", 3), ("2025-04", 1)]
    assert report(communes=("09.551.01.01",)).updates_per_month == [("2025-03", 1)]
    assert report(public_only=True).updates_per_month == [("2025-03", 2), ("2025-04", 1)]
    april = report(period_start=datetime.date(2025, 4, 1))
    assert april.updates_per_month == [("2025-04", 1)]


def test_feedback_counts_name_the_commune_in_the_reports_language(dataset):
    today = report_build(filters=ReportFilters(as_of=timezone.localdate()), language="fr")
    assert [(f["commune"], f["kind"], f["count"]) for f in today.feedback] == [
        ("Tata", "complaint", 1)
    ]


def test_feedback_counts_cover_only_the_reports_communes_in_commune_kind_state_order(dataset):
    from consultations.services.feedback import feedback_acknowledge, feedback_set_published
    from consultations.services.feedback_submission import feedback_submit
    from territory.models import Commune
    from tests.factories import StaffFactory

    staff = StaffFactory()
    tata, akka = (Commune.objects.get(code=c) for c in ("09.551.01.07", "09.551.01.01"))
    for commune, kind, acknowledged in (
        (akka, "suggestion", False),
        (akka, "complaint", True),
        (akka, "complaint", True),
        (akka, "complaint", False),
        (tata, "suggestion", False),
        (tata, "observation", True),
    ):
        item = feedback_submit(commune_id=commune.pk, kind=kind, text="ملاحظة من أجل التقرير")
        if acknowledged:
            feedback_acknowledge(user=staff, feedback_id=item.pk)
            # A step that moves no state (publishing) counts the feedback once still.
            feedback_set_published(user=staff, feedback_id=item.pk, published=True)

    def counts(**filters):
        built = report_build(
            filters=ReportFilters(as_of=timezone.localdate(), **filters), language="ar"
        )
        return [(f["commune_code"], f["kind"], f["state"], f["count"]) for f in built.feedback]

    # Akka's code sorts before Tata's; within a commune, by kind, then by state (not by count).
    assert counts() == [
        ("09.551.01.01", "complaint", "acknowledged", 2),
        ("09.551.01.01", "complaint", "received", 1),
        ("09.551.01.01", "suggestion", "received", 1),
        ("09.551.01.07", "complaint", "answered", 1),
        ("09.551.01.07", "observation", "acknowledged", 1),
        ("09.551.01.07", "suggestion", "received", 1),
    ]
    assert counts(communes=("09.551.01.01",)) == [
        ("09.551.01.01", "complaint", "acknowledged", 2),
        ("09.551.01.01", "complaint", "received", 1),
        ("09.551.01.01", "suggestion", "received", 1),
    ]
    french = report_build(
        filters=ReportFilters(as_of=timezone.localdate(), communes=("09.551.01.01",)),
        language="fr",
    )
    assert [(f["kind_label"], f["state_label"]) for f in french.feedback] == [
        ("Réclamation", "Accusé de réception"),
        ("Réclamation", "Reçu"),
        ("Suggestion", "Reçu"),
    ]


def test_feedback_is_counted_in_the_state_it_was_in_on_the_reports_day(dataset):
    from consultations.models import Feedback
    from consultations.services.feedback import feedback_acknowledge
    from consultations.services.feedback_submission import feedback_submit
    from territory.models import Commune
    from tests.factories import StaffFactory

    akka = Commune.objects.get(code="09.551.01.01")
    item = feedback_submit(commune_id=akka.pk, kind="suggestion", text="اقتراح قديم من أقا")
    Feedback.objects.filter(pk=item.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2025, 6, 1, 10))
    )
    feedback_acknowledge(user=StaffFactory(), feedback_id=item.pk)  # today, after the day

    def akka_counts(as_of):
        built = report_build(
            filters=ReportFilters(as_of=as_of, communes=("09.551.01.01",)), language="ar"
        )
        return [(f["kind"], f["state"], f["count"]) for f in built.feedback]

    assert akka_counts(AS_OF) == [("suggestion", "received", 1)]
    assert akka_counts(timezone.localdate()) == [("suggestion", "acknowledged", 1)]
