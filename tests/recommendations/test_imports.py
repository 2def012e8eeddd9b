"""Staff import commitments, milestones and updates from the template: a preview naming every
problem by sheet and line, nothing written until confirmed, then all or nothing, and the same
file twice changes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import load_workbook

from recommendations.imports.template import import_template_xlsx
from recommendations.models import Commitment, Milestone, SpreadsheetImport, StatusUpdate
from tests.factories import CommitmentFactory, CouncillorFactory, MilestoneFactory, StaffFactory

pytestmark = pytest.mark.django_db

GOOD_COMMITMENTS = [
    [
        "TATA-2027-01",
        7,
        "طاطا",
        "",
        "إحداث لجنة المساواة",
        "Commission de l'égalité",
        "",
        "2026-01-01",
        "2027-06-30",
        "",
        "yes",
    ],
    ["AKKA-2027-02", "٣", "اقا", "", "رقمنة الحالة المدنية", "", "", "", "٢٠٢٧-١٢-٣١", "", ""],
]
GOOD_MILESTONES = [["TATA-2027-01", "M-1", "إعداد النظام الداخلي", "", "", "2027-01-31", 2]]
GOOD_UPDATES = [["AKKA-2027-02", "U-1", "limited", 20, "انطلاق الدراسة", ""]]


def workbook(commitments=(), milestones=(), updates=()) -> bytes:
    book = load_workbook(io.BytesIO(import_template_xlsx()))
    for name, rows in (
        ("commitments", commitments),
        ("milestones", milestones),
        ("updates", updates),
    ):
        for row in rows:
            book[name].append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def staff(reference_data):
    return StaffFactory()


@pytest.fixture
def commitment(reference_data):
    return CommitmentFactory()


def upload(client, data, name="plan.xlsx", lang="ar"):
    return client.post(f"/{lang}/imports/", {"file": SimpleUploadedFile(name, data)})


def test_the_template_explains_every_column_in_arabic_and_french(client, staff):
    client.force_login(staff)
    response = client.get("/ar/imports/template.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[1:] == ["commitments", "milestones", "updates"]
    notes = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    target = next(r for r in notes if r[0] and r[0].strip() == "target_date *")
    assert "الأجل" in target[1] and "échéance" in target[2].lower()


def test_a_preview_lists_each_error_by_line_and_writes_nothing(client, staff):
    client.force_login(staff)
    bad = [
        ["RABAT-1", 2, "الرباط", "", "التزام", "", "", "", "2027-01-01", "", ""],
        ["OLD-1", 2, "طاطا", "", "التزام قديم", "", "", "", "2020-01-01", "", ""],
        ["TATA-2027-01", 2, "طاطا", "", "مكرر", "", "", "", "2027-01-01", "", ""],
        ["DATE-1", 2, "طاطا", "", "تاريخ", "", "", "", "30 يونيو", "", ""],
    ]
    data = workbook(
        GOOD_COMMITMENTS + bad, GOOD_MILESTONES, [["AKKA-2027-02", "U-9", "complete", 10, "تم", ""]]
    )
    response = upload(client, data, lang="fr")
    assert response.status_code == 400
    html = response.content.decode()
    assert "« commitments », ligne 4" in html and "الرباط" in html  # unknown commune
    assert "« commitments », ligne 5" in html  # target date in the past
    assert "« commitments », ligne 6" in html and "déjà utilisée à la ligne 2" in html
    assert "« commitments », ligne 7" in html and "30 يونيو" in html
    assert "« updates », ligne 2" in html  # complete at 10%: outside its band
    assert "Importer ces lignes" not in html
    assert not Commitment.objects.exists() and not StatusUpdate.objects.exists()
    record = SpreadsheetImport.objects.get()
    assert record.status == "refused" and record.created_by == staff and len(record.sha256) == 64


def test_confirmed_it_writes_everything_through_the_services_and_twice_changes_nothing(
    client, staff
):
    client.force_login(staff)
    data = workbook(GOOD_COMMITMENTS, GOOD_MILESTONES, GOOD_UPDATES)
    preview = upload(client, data)
    assert preview.status_code == 200 and not Commitment.objects.exists()
    record = SpreadsheetImport.objects.get()
    done = client.post(f"/ar/imports/{record.pk}/confirm/")
    assert done.status_code == 302
    akka = Commitment.objects.get(reference="AKKA-2027-02")
    assert akka.body.commune.code == "09.551.01.01" and akka.recommendation.number == 3
    assert (akka.level, akka.progress, akka.version) == ("limited", 20, 2)  # on the timeline
    tata = Commitment.objects.get(reference="TATA-2027-01")
    assert Milestone.objects.get(reference="M-1").commitment == tata
    assert tata.title_fr == "Commission de l'égalité"
    # The same file again: everything unchanged, nothing written.
    versions = dict(Commitment.objects.values_list("reference", "version"))
    again = upload(client, data)
    assert "0 à créer" not in again.content.decode()  # (Arabic page; counts below)
    second = SpreadsheetImport.objects.order_by("-pk").first()
    assert second.counts["unchanged"] == 4 and second.counts["create"] == 0
    client.post(f"/ar/imports/{second.pk}/confirm/")
    assert dict(Commitment.objects.values_list("reference", "version")) == versions
    assert StatusUpdate.objects.filter(reference="U-1").count() == 1


def test_a_changed_row_changes_what_it_names_on_the_timeline(client, staff):
    client.force_login(staff)
    upload(client, workbook(GOOD_COMMITMENTS))
    client.post(f"/ar/imports/{SpreadsheetImport.objects.get().pk}/confirm/")
    moved = [list(GOOD_COMMITMENTS[0])]
    moved[0][8] = "2027-09-30"
    upload(client, workbook(moved))
    second = SpreadsheetImport.objects.order_by("-pk").first()
    assert second.counts["change"] == 1
    client.post(f"/ar/imports/{second.pk}/confirm/")
    tata = Commitment.objects.get(reference="TATA-2027-01")
    assert str(tata.target_date) == "2027-09-30"
    assert tata.updates.filter(kind="edit").exists()


def test_all_or_nothing_when_a_row_fails_as_it_is_applied(client, staff, commitment):
    client.force_login(staff)
    upload(client, workbook(GOOD_COMMITMENTS, GOOD_MILESTONES, GOOD_UPDATES))
    record = SpreadsheetImport.objects.get()
    # Between preview and import, a milestone elsewhere takes the file's reference M-1.
    MilestoneFactory(commitment=commitment, reference="M-1")
    response = client.post(f"/ar/imports/{record.pk}/confirm/")
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.status == "refused" and record.imported_at is None
    # Not even the rows before it: the two commitments and the update are not there.
    assert not Commitment.objects.filter(reference__in=["TATA-2027-01", "AKKA-2027-02"]).exists()
    assert not StatusUpdate.objects.filter(reference="U-1").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("merged", "fusionnées"),
        ("formula", "formules"),
        ("columns", "colonnes inconnues"),
        ("huge", "5000 à la fois"),
    ],
)
def test_files_that_cannot_be_read_say_why(client, staff, make, message):
    client.force_login(staff)
    if make == "huge":
        lines = ["reference,recommendation,commune,title_ar,target_date"]
        lines += [f"R{i},2,طاطا,التزام {i},2027-01-01" for i in range(50_000)]
        data, name = "\n".join(lines).encode("utf-8"), "big.csv"
    else:
        book = load_workbook(io.BytesIO(workbook(GOOD_COMMITMENTS)))
        sheet = book["commitments"]
        if make == "merged":
            sheet.merge_cells("E2:F2")
        elif make == "formula":
            sheet["I3"] = "=TODAY()+400"
        else:
            sheet["L1"] = "budget"
        out = io.BytesIO()
        book.save(out)
        data, name = out.getvalue(), "plan.xlsx"
    response = upload(client, data, name=name, lang="fr")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Commitment.objects.exists()


def test_a_csv_of_commitments_imports_too(client, staff):
    client.force_login(staff)
    text = (
        "reference,recommendation,commune,title_ar,target_date\n"
        "FZ-1,4,Foum Zguid,تكوين,2027-03-01\n"
    )
    upload(client, ("\ufeff" + text).encode("utf-8"), name="plan.csv")
    record = SpreadsheetImport.objects.get()
    client.post(f"/ar/imports/{record.pk}/confirm/")
    assert Commitment.objects.get(reference="FZ-1").body.commune.code == "09.551.01.05"


def test_the_command_dry_runs_and_imports(staff, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook(GOOD_COMMITMENTS, GOOD_MILESTONES))
    call_command("import_commitments", str(path), user=staff.username, dry_run=True)
    assert not Commitment.objects.exists()
    call_command("import_commitments", str(path), user=staff.username)
    assert Commitment.objects.count() == 2 and Milestone.objects.count() == 1


def test_only_staff_may_import(client, reference_data):
    client.force_login(CouncillorFactory())
    assert client.get("/ar/imports/").status_code == 403
    assert client.get("/ar/imports/template.xlsx").status_code == 403
