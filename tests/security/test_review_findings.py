"""Regression tests for what the outside security review found (issue 17, findings 1-8 and the
weaknesses). Each failed before its fix."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image

from consultations.models import Committee, Meeting, Member
from consultations.services.meetings import committee_create, decision_record, meeting_schedule
from recommendations.models import Commitment, Recommendation
from recommendations.services.commitments import commitment_edit
from reports.exporters.csv_export import report_csv_bytes
from reports.exporters.xlsx_export import report_xlsx_bytes
from reports.filters import ReportFilters
from reports.models import PublishedReport
from reports.services.build import report_build
from reports.services.files import report_publish
from tests import pdf_samples
from tests.consultations.conftest import council_of
from uploads.checks import upload_check

pytestmark = pytest.mark.django_db

GROWS = "\ufb2c"  # one character that NFC turns into three


@pytest.fixture
def hidden_commitment(tata):
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=7),
        body=council_of(tata),
        title_ar="التزام سري لا يُنشر",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
        is_public=False,
    )


# 1. A non-public commitment's title on a public meeting page; the decision form offering it.


def test_a_decision_never_names_a_non_public_commitment_publicly(
    client, meeting, councillor, commitment_in_tata, staff
):
    decision_record(
        user=councillor,
        meeting_id=meeting.pk,
        text="قرار بشأن الالتزام",
        commitment_id=commitment_in_tata.pk,
    )
    assert "إحداث لجنة التشاور المدني" in client.get(f"/ar/meetings/{meeting.pk}/").content.decode()
    commitment_edit(user=staff, commitment_id=commitment_in_tata.pk, is_public=False)
    page = client.get(f"/ar/meetings/{meeting.pk}/").content.decode()
    assert "إحداث لجنة التشاور المدني" not in page
    assert f"/ar/commitments/{commitment_in_tata.pk}/" not in page


def test_the_decision_form_and_service_refuse_a_non_public_commitment(
    client, meeting, councillor, hidden_commitment
):
    client.force_login(councillor)
    form = client.get(f"/ar/meetings/{meeting.pk}/decisions/new/").content.decode()
    assert "التزام سري لا يُنشر" not in form
    with pytest.raises(Exception) as exc:
        decision_record(
            user=councillor, meeting_id=meeting.pk, text="قرار", commitment_id=hidden_commitment.pk
        )
    assert "commitment" in exc.value.message_dict


# 2. A report published now, as of an earlier day, with a commitment hidden since.


def test_a_report_published_now_as_of_an_earlier_day_leaves_out_what_was_hidden_since(
    staff, commitment_in_tata
):
    commitment_edit(user=staff, commitment_id=commitment_in_tata.pk, is_public=False)
    earlier = datetime.date.today() - datetime.timedelta(days=1)
    published = report_publish(
        user=staff, filters=ReportFilters(as_of=earlier), language="ar", fmt="json"
    )
    data = json.loads(PublishedReport.objects.get(pk=published.pk).file.read())
    titles = json.dumps(data, ensure_ascii=False)
    assert "إحداث لجنة التشاور المدني" not in titles


# 3. Text that grows under normalisation: a message, never a 500.


@pytest.mark.parametrize(
    ("path", "data", "field"),
    [
        (
            "/ar/communes/{commune}/committees/new/",
            {"kind": "civic", "name_ar": GROWS * 150},
            "name_ar",
        ),
        (
            "/ar/committees/{committee}/members/new/",
            {"name": GROWS * 60, "group": "youth", "role": "member", "since": "2025-01-01"},
            "name",
        ),
        (
            "/ar/committees/{committee}/meetings/new/",
            {"starts_at": "2026-12-01T10:00", "place": GROWS * 150},
            "place",
        ),
        (
            "/ar/committees/{committee}/meetings/new/",
            {"starts_at": "2026-12-01T10:00", "place": "القاعة", "agenda": "ب" * 301},
            "agenda",
        ),
    ],
)
def test_text_that_grows_under_normalisation_gets_a_message(
    client, councillor, committee, path, data, field
):
    client.force_login(councillor)
    before = (Committee.objects.count(), Member.objects.count(), Meeting.objects.count())
    url = path.format(commune=committee.commune.code, committee=committee.pk)
    response = client.post(url, data)
    assert response.status_code in (200, 400)
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert (Committee.objects.count(), Member.objects.count(), Meeting.objects.count()) == before


def test_services_measure_after_cleaning_too(councillor, tata):
    with pytest.raises(Exception) as exc:
        committee_create(user=councillor, commune_id=tata.pk, kind="civic", name_ar=GROWS * 150)
    assert "name_ar" in exc.value.message_dict


def test_minutes_and_decisions_have_a_length_limit(councillor, meeting):
    with pytest.raises(Exception) as exc:
        decision_record(user=councillor, meeting_id=meeting.pk, text="ق" * 100_000)
    assert "text" in exc.value.message_dict
    with pytest.raises(Exception) as exc:
        meeting_schedule(
            user=councillor,
            committee_id=meeting.committee_id,
            starts_at=datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC),
            place="القاعة",
            agenda="بند طويل جدا " * 40,
        )
    assert "agenda" in exc.value.message_dict  # refused, not cut at 300


# 4 and 5. A NUL in an address; a year-1 date.


def test_a_nul_in_the_address_is_a_clear_400(client, reference_data):
    response = client.get("/ar/feedback/new/?commune=%00")
    assert response.status_code == 400
    assert 'lang="ar"' in response.content.decode()
    assert client.get("/ar/feedback/new/?commune=09.551.01.07").status_code == 200


@pytest.mark.parametrize("field", ["as_of", "period_start"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_report_date_out_of_range_gets_a_message(client, staff, reference_data, field, day):
    client.force_login(staff)
    response = client.get("/fr/reports/", {field: day})
    assert response.status_code == 400
    assert "entre 2000 et 2099" in response.content.decode()


def test_a_meeting_in_year_one_gets_a_message(client, councillor, committee):
    client.force_login(councillor)
    response = client.post(
        f"/ar/committees/{committee.pk}/meetings/new/",
        {"starts_at": "0001-01-01T00:00", "place": "القاعة"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors.get("starts_at")


# 6. Formulas in exports.


def test_formulas_are_inert_in_csv_and_xlsx(staff, tata):
    Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=2),
        body=council_of(tata),
        title_ar='=HYPERLINK("http://evil.example","اضغط")',
        title_fr="+cmd|' /C calc'!A0",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    report = report_build(filters=ReportFilters(as_of=datetime.date.today()), language="ar")
    text = report_csv_bytes(report).decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and ",=HYPERLINK" not in text
    workbook = load_workbook(io.BytesIO(report_xlsx_bytes(report)))
    sheet = workbook.worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)


def test_public_progress_csv_is_inert_too(client, tata):
    Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=2),
        body=council_of(tata),
        title_ar="@SUM(1+1)*cmd",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    text = client.get("/open-data/progress.csv").content.decode("utf-8-sig")
    assert "'@SUM(1+1)*cmd" in text


# 7. Decompression bombs.


def test_a_png_that_would_take_hundreds_of_megabytes_is_refused_before_decoding():
    out = io.BytesIO()
    Image.new("1", (8900, 8900)).save(out, "PNG")
    assert len(out.getvalue()) < 300_000
    with pytest.raises(Exception) as exc:
        upload_check(SimpleUploadedFile("bomb.png", out.getvalue()))
    assert exc.value.code == "upload_pixels"


def test_a_big_phone_photo_is_accepted_and_kept_at_a_sensible_size():
    out = io.BytesIO()
    Image.new("RGB", (8000, 6000), (90, 140, 60)).save(out, "JPEG", quality=60)
    checked = upload_check(SimpleUploadedFile("IMG.jpg", out.getvalue()))
    with Image.open(checked.content) as kept:
        assert max(kept.size) <= 4096


# 8. The 413 page and its headers.


def test_the_413_page_carries_the_security_headers(client, reference_data, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    settings.REQUEST_OVERHEAD_BYTES = 10
    response = client.post("/ar/feedback/new/", {"text": "x" * 500})
    assert response.status_code == 413
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src" in response["Content-Security-Policy"]


# PDFs that do something.


@pytest.mark.parametrize(
    "make",
    [
        pdf_samples.pdf_with_javascript,
        pdf_samples.pdf_with_open_action_launch,
        pdf_samples.pdf_with_attachment,
        pdf_samples.pdf_with_link_annotation_running_script,
        pdf_samples.html_behind_a_pdf_header,
    ],
)
def test_active_or_fake_pdfs_are_refused(make):
    with pytest.raises(Exception) as exc:
        upload_check(SimpleUploadedFile("pv.pdf", make()))
    assert exc.value.code == "pdf_active"


def test_a_plain_pdf_is_accepted():
    assert upload_check(SimpleUploadedFile("pv.pdf", pdf_samples.plain_pdf(3))).kind == "pdf"


# A refused status update answers 400, not 200.


def test_a_refused_status_update_is_a_400(client, councillor, commitment_in_tata):
    client.force_login(councillor)
    response = client.post(
        f"/ar/commitments/{commitment_in_tata.pk}/update/", {"version": 1, "level": "limited"}
    )
    assert response.status_code == 400


# The rate-limit key; the privacy page.


def test_the_rate_limit_key_is_an_hmac_under_a_secret_that_changes_daily(settings):
    import hashlib

    import time_machine

    from web.ratelimit import _key

    address = "203.0.113.7"
    with time_machine.travel(datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC)):
        today = _key("follow", address, 600)
        settings.SECRET_KEY = "another-secret"
        other_secret = _key("follow", address, 600)
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)):
        tomorrow = _key("follow", address, 600)
    assert address not in today
    assert hashlib.sha256(address.encode()).hexdigest()[:32] not in today
    assert len({today, other_secret, tomorrow}) == 3


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ar", ("مرصد الشباب", "المادة 7", "المادة 8", "المادة 9", "CNDP-2026-123", "14 يوما")),
        (
            "fr",
            (
                "Observatoire des jeunes",
                "article 7",
                "article 8",
                "article 9",
                "CNDP-2026-123",
                "14 jours",
            ),
        ),
        (
            "en",
            (
                "Youth Observatory",
                "article 7",
                "article 8",
                "article 9",
                "CNDP-2026-123",
                "14 days",
            ),
        ),
    ],
)
def test_the_privacy_page_names_the_controller_the_declaration_and_the_rights(
    client, settings, language, words
):
    settings.CNDP_DECLARATION = "CNDP-2026-123"
    html = client.get(f"/{language}/privacy/").content.decode()
    for word in words:
        assert word in html, word
    assert settings.CONTACT_EMAIL in html
