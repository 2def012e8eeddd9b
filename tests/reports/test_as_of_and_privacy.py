import datetime
import io
import json

import openpyxl
import pypdf
import pytest
from django.core.management import call_command

from recommendations.services.commitments import commitment_edit
from recommendations.services.updates import commitment_record_update
from reports.exporters import WRITERS
from reports.filters import ReportFilters
from reports.services.build import report_build
from tests.reports.conftest import PLANTED_NAME, PLANTED_PHONE

pytestmark = pytest.mark.django_db

D = datetime.date(2025, 4, 30)


def files(as_of=D):
    report = report_build(filters=ReportFilters(as_of=as_of), language="ar")
    return WRITERS["csv"](report), json.loads(WRITERS["json"](report))


def test_a_report_as_of_a_day_is_the_same_when_made_again_later(dataset, staff):
    csv_before, json_before = files()
    water, digital = dataset["water"], dataset["digital"]
    # After D: new updates, a completed commitment, a slipped deadline, a new commitment.
    water.refresh_from_db()
    commitment_record_update(
        user=dataset["tata"],
        commitment_id=water.pk,
        expected_version=water.version,
        level="complete",
        progress=100,
        note="اكتمل",
        evidence_link="https://tata.ma/pv",
    )
    commitment_edit(user=staff, commitment_id=digital.pk, target_date=datetime.date(2029, 1, 1))
    commitment_edit(user=staff, commitment_id=dataset["hidden"].pk, is_public=True)
    csv_after, json_after = files()
    assert csv_after == csv_before
    json_before.pop("generated_at"), json_after.pop("generated_at")
    assert json_after == json_before
    # ...while today's report does see the changes.
    _csv, today = files(as_of=datetime.date.today())
    water_today = next(c for c in today["commitments"] if c["commitment_id"] == water.pk)
    assert (water_today["level"], water_today["progress"]) == ("complete", 100)


def test_as_of_rebuilds_level_progress_and_counts_from_history(dataset):
    _csv, data = files(as_of=datetime.date(2025, 3, 20))
    water = next(c for c in data["commitments"] if c["title"] == "تدبير الموارد المائية بطاطا")
    assert (water["level"], water["progress"], water["updates"]) == ("limited", 20, 1)
    _csv, later = files(as_of=datetime.date(2025, 6, 1))
    water = next(c for c in later["commitments"] if c["title"] == "تدبير الموارد المائية بطاطا")
    assert (water["progress"], water["updates"]) == (40, 2)
    _csv, before = files(as_of=datetime.date(2024, 12, 31))
    assert before["commitments"] == []  # nothing existed yet


def all_outputs(client, staff) -> list[str]:
    """Every export format, the open data files and the open-data page, as text."""
    texts = []
    report = report_build(filters=ReportFilters(as_of=datetime.date.today()), language="ar")
    texts.append(WRITERS["csv"](report).decode("utf-8-sig"))
    texts.append(WRITERS["json"](report).decode())
    book = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"](report)))
    texts.append(
        " ".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row)
    )
    reader = pypdf.PdfReader(io.BytesIO(WRITERS["pdf"](report)))
    texts.append(" ".join(page.extract_text() for page in reader.pages))
    for path in (
        "/open-data/",
        "/open-data/progress.json",
        "/open-data/progress.csv",
        "/open-data/updates.csv",
    ):
        response = client.get(path)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        texts.append(content.decode("utf-8-sig"))
    return texts


@pytest.mark.django_db(transaction=True)
def test_no_personal_data_in_any_export_or_open_data_file(client, dataset, staff):
    outputs = all_outputs(client, staff)
    assert len(outputs) == 8
    for text in outputs:
        assert PLANTED_NAME not in text
        assert PLANTED_PHONE not in text and "+212661234567" not in text
        assert "حي السلام" not in text  # not even the feedback's text


# Transactional: on PostgreSQL updates.csv is streamed by COPY on a connection of its own,
# which sees committed rows only.
@pytest.mark.django_db(transaction=True)
def test_open_data_is_anonymous_and_public_commitments_only(client, dataset):
    data = client.get("/open-data/progress.json").json()
    titles = {c["title"] for c in data["commitments"]}
    assert "تدبير الموارد المائية بطاطا" in titles and "التزام داخلي غير منشور" not in titles
    french = client.get("/open-data/progress.json", {"language": "fr"}).json()
    assert "Gestion de l'eau à Tata" in {c["title"] for c in french["commitments"]}
    updates = b"".join(client.get("/open-data/updates.csv").streaming_content).decode("utf-8-sig")
    assert updates.count("\n") == 1 + 3  # header + the two public commitments' three entries
    assert client.get("/open-data/schema.json").status_code == 200


@pytest.mark.parametrize(
    ("asked", "header"),
    [({}, "التوصية"), ({"language": "fr"}, "Recommandation"), ({"language": "xx"}, "التوصية")],
    ids=["none", "fr", "unknown"],
)
def test_open_data_csv_is_in_the_language_asked_else_in_arabic(client, dataset, asked, header):
    text = client.get("/open-data/progress.csv", asked).content.decode("utf-8-sig")
    assert text.split(",", 1)[0] == header
    # Every row after the header starts with its recommendation's number.
    rows = text.splitlines()[1:]
    assert rows and all(row.split(",", 1)[0].isdigit() for row in rows)


def test_export_progress_command(dataset, tmp_path):
    out = tmp_path / "report.csv"
    call_command(
        "export_progress",
        "--format",
        "csv",
        "--output",
        str(out),
        "--as-of",
        "2025-12-31",
        "--commune",
        "09.551.01.01",
        stdout=io.StringIO(),
    )
    text = out.read_bytes().decode("utf-8-sig")
    assert "رقمنة الحالة المدنية بأقا" in text and "تدبير الموارد المائية" not in text


@pytest.mark.django_db(transaction=True)
def test_the_copy_stream_matches_the_python_rows_and_leaves_no_thread_behind(
    require_postgres, dataset
):
    import csv
    import threading

    from reports.exporters.csv_export import csv_lines
    from reports.services.updates_csv import UPDATE_COLUMNS, update_rows, updates_csv_chunks

    def parsed(chunks):
        return list(csv.reader(io.StringIO("".join(chunks).lstrip("\ufeff"))))

    by_copy = parsed(updates_csv_chunks())
    by_python = parsed(csv_lines(UPDATE_COLUMNS, update_rows(), clean=False))
    assert by_copy == by_python and len(by_copy) == 1 + 3

    stream = updates_csv_chunks()
    next(stream)  # the header
    next(stream)  # the first chunk: the COPY thread has run
    stream.close()  # the client went away before the end
    assert not any(t.name == "open-data-copy" and t.is_alive() for t in threading.enumerate())
