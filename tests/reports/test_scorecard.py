"""The commune scorecard agrees with the progress report for the same day, sorts, downloads,
and goes back in time."""

import csv
import datetime
import io

import pytest

from reports.filters import ReportFilters
from reports.scorecard import scorecard
from reports.services.build import report_build

pytestmark = pytest.mark.django_db


def test_commitment_figures_agree_with_the_report_for_the_same_day(dataset):
    day = datetime.date(2025, 12, 31)
    report = report_build(filters=ReportFilters(as_of=day, public_only=True), language="ar")
    rows = {r.code: r for r in scorecard(as_of=day, language="ar")}
    for summary in report.by_commune:
        row = rows[summary.key]
        assert row.commitments == summary.active
        commune_rows = [
            r for r in report.rows if r.commune_code == summary.key and r.level != "withdrawn"
        ]
        late = sum(r.stale or r.overdue or r.milestone_late for r in commune_rows)
        expected = round(100 * (len(commune_rows) - late) / len(commune_rows))
        assert row.values["on_track"] == expected
    # Communes with no public commitment have no figure rather than a made-up 0%.
    empty = [r for r in rows.values() if r.commitments == 0]
    assert empty and all(r.values["on_track"] is None for r in empty)


def test_the_page_sorts_and_the_csv_holds_the_same_figures(client, dataset):
    page = client.get("/fr/scorecard/", {"as_of": "2025-12-31", "sort": "on_track"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Part des engagements" in html or "On track" in html or "Dans les temps" in html
    response = client.get("/fr/scorecard/scorecard.csv", {"as_of": "2025-12-31"})
    table = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert len(table) == 20
    figures = {r.code: r for r in scorecard(as_of=datetime.date(2025, 12, 31), language="fr")}
    for line in table:
        expected = figures[line["commune_code"]].values["on_track"]
        assert line["on_track"] == ("" if expected is None else str(expected))


def test_a_future_or_impossible_day_gets_a_message(client, reference_data):
    assert client.get("/ar/scorecard/", {"as_of": "2099-01-01"}).status_code == 400
    assert client.get("/ar/scorecard/", {"as_of": "0001-01-01"}).status_code == 400
    assert client.get("/ar/scorecard/", {"sort": "nothing"}).status_code == 400


def test_feedback_meetings_and_committees_indicators(reference_data):
    import time_machine

    from consultations.services.feedback import feedback_acknowledge, feedback_answer
    from consultations.services.feedback_submission import feedback_submit
    from consultations.services.meetings import (
        committee_create,
        meeting_record,
        meeting_schedule,
        member_add,
    )
    from territory.models import Body, Commune
    from tests.factories import CouncillorFactory, StaffFactory

    tata = Commune.objects.get(code="09.551.01.07")
    staff = StaffFactory()
    councillor = CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))
    start = datetime.datetime(2025, 1, 10, 9, tzinfo=datetime.UTC)

    def on(days):
        return time_machine.travel(start + datetime.timedelta(days=days), tick=False)

    for ack, answer in ((4, 30), (6, 70)):
        with on(0):
            feedback = feedback_submit(commune_id=tata.pk, kind="complaint", text="نص ملاحظة طويلة")
        with on(ack):
            feedback_acknowledge(user=staff, feedback_id=feedback.pk)
        with on(answer):
            feedback_answer(user=staff, feedback_id=feedback.pk, answer="الجواب")
    committee = committee_create(user=councillor, commune_id=tata.pk, kind="civic", name_ar="لجنة")
    for sex in ("female", "male", "male", "male"):
        member_add(
            user=councillor,
            committee_id=committee.pk,
            name="عضو",
            group="association",
            since=datetime.date(2024, 1, 1),
            sex=sex,
        )
    for minutes in ("محضر", ""):
        with on(10):
            meeting = meeting_schedule(
                user=councillor, committee_id=committee.pk, starts_at=start, place="القاعة"
            )
            meeting_record(user=councillor, meeting_id=meeting.pk, status="held", minutes=minutes)
    row = next(
        r for r in scorecard(as_of=datetime.date(2025, 6, 1), language="fr") if r.code == tata.code
    )
    assert row.values["acknowledge_days"] == 5.0  # median of 4 and 6
    assert row.values["answer_days"] == 50.0  # median of 30 and 70
    assert row.values["answered_in_time"] == 50  # one of the two within 60 days
    assert row.values["minutes"] == 50 and row.values["women"] == 25
    # As of a day before any answer, the answers are not counted.
    early = next(
        r for r in scorecard(as_of=datetime.date(2025, 1, 20), language="fr") if r.code == tata.code
    )
    assert early.values["answer_days"] is None and early.values["acknowledge_days"] == 5.0
