"""A commitment as it stood at the end of a past day, from its history: staff edits made since
rolled back, only owner updates counted as updates, the milestones open on that day, the
updates per month of the portal's calendar, and not one entry of the day after."""

import csv
import datetime
import io

import pytest
import time_machine

from recommendations.models import Commitment, Recommendation, StatusUpdate
from recommendations.selectors.as_of import commitment_states_as_of, updates_per_month
from recommendations.services.commitments import commitment_edit
from recommendations.services.decisions import commitment_record_decision
from recommendations.services.milestones import milestone_create, milestone_mark_done
from reports.exporters.csv_export import report_csv_bytes
from reports.filters import ReportFilters
from reports.services.build import report_build
from tests.factories import CouncillorFactory, StaffFactory
from tests.reports.conftest import at, council, update

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2025, 3, 31)
D = datetime.date


def make(body, title, created: datetime.date, **fields) -> Commitment:
    fields = {"start_date": D(2025, 1, 1), "target_date": D(2026, 6, 30), **fields}
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=6),
        body=body,
        title_ar=title,
        created_at=at(created),
        **fields,
    )


def state_of(commitment, as_of=AS_OF):
    return {s.pk: s for s in commitment_states_as_of(as_of=as_of)}[commitment.pk]


def test_staff_edits_made_since_are_rolled_back_even_after_a_newer_commitments_edit(
    reference_data,
):
    tata, akka = council("09.551.01.07"), council("09.551.01.01")
    staff = StaffFactory()
    old = make(tata, "التزام قديم", D(2025, 1, 2))
    with time_machine.travel(at(D(2025, 4, 10)), tick=False):
        commitment_edit(user=staff, commitment_id=old.pk, body=akka, start_date=D(2025, 2, 1))
    newer = make(tata, "التزام جديد", D(2025, 5, 1))
    with time_machine.travel(at(D(2025, 5, 10)), tick=False):  # the newest edit of all
        commitment_edit(user=staff, commitment_id=newer.pk, target_date=D(2027, 1, 1))
    then = state_of(old)
    assert (then.body_id, then.start_date) == (tata.pk, D(2025, 1, 1))
    now = state_of(old, as_of=D(2025, 6, 1))
    assert (now.body_id, now.start_date) == (akka.pk, D(2025, 2, 1))
    rows = report_build(filters=ReportFilters(as_of=AS_OF), language="fr").rows
    assert [r.body for r in rows if r.commitment_id == old.pk] == ["Conseil de la commune de Tata"]
    assert newer.pk not in {r.commitment_id for r in rows}  # it did not exist yet


def test_only_owner_updates_count_as_updates_and_only_evidence_as_evidence(reference_data):
    tata = council("09.551.01.07")
    councillor, staff = CouncillorFactory(body=tata), StaffFactory()
    commitment = make(tata, "التزام", D(2025, 1, 2))
    update(commitment, councillor, at(D(2025, 2, 1)), 10)
    update(commitment, councillor, at(D(2025, 2, 15)), 20, link="https://t.ma/pv.pdf")
    update(commitment, councillor, at(D(2025, 3, 1)), 30)
    milestone_create(
        user=staff,
        commitment_id=commitment.pk,
        title_ar="مرحلة",
        due_date=D(2025, 9, 1),
        recorded_at=at(D(2025, 3, 2)),
    )
    commitment_record_decision(
        author=councillor, commitment_id=commitment.pk, text="قرار اللجنة", source_url="/m/1/"
    )  # made today: after the day of the report
    state = state_of(commitment)
    assert (state.updates, state.evidence) == (3, 1)


def test_the_milestones_open_on_that_day_give_its_next_due_date(reference_data):
    tata = council("09.551.01.07")
    councillor, staff = CouncillorFactory(body=tata), StaffFactory()
    commitment = make(tata, "التزام", D(2025, 1, 2))

    def plan(due, on):
        return milestone_create(
            user=staff,
            commitment_id=commitment.pk,
            title_ar=f"مرحلة {due}",
            due_date=due,
            recorded_at=at(on),
        )

    def tick(milestone, on):
        milestone_mark_done(
            user=councillor,
            milestone_id=milestone.pk,
            done_on=on,
            recorded_at=at(on),
            evidence_link="https://t.ma/pv.pdf",
        )

    done_before = plan(D(2025, 3, 15), on=D(2025, 1, 15))
    open_then = plan(D(2025, 5, 1), on=D(2025, 2, 1))
    plan(D(2025, 4, 30), on=D(2025, 4, 15))  # planned after the day
    tick(done_before, on=D(2025, 3, 1))
    tick(open_then, on=D(2025, 4, 20))  # done, but only after the day
    assert state_of(commitment).next_due == D(2025, 5, 1)
    assert state_of(commitment, as_of=D(2025, 4, 16)).next_due == D(2025, 4, 30)
    assert state_of(commitment, as_of=D(2025, 2, 20)).next_due == D(2025, 3, 15)
    # Early May: the step due on 30 April, never ticked, was late then.
    may = state_of(commitment, as_of=D(2025, 5, 5))
    assert may.next_due == D(2025, 4, 30) and may.flags.milestone_overdue
    assert not state_of(commitment, as_of=D(2025, 4, 16)).flags.milestone_overdue


def test_updates_per_month_in_the_portals_calendar_up_to_the_end_of_the_day(reference_data):
    tata = council("09.551.01.07")
    councillor = CouncillorFactory(body=tata)
    commitment = make(tata, "التزام", D(2025, 1, 2))
    update(commitment, councillor, at(D(2025, 2, 3)), 10)
    update(commitment, councillor, at(D(2025, 2, 20)), 15)
    # Midnight and a half on 1 March in Morocco is still February in UTC.
    update(commitment, councillor, at(D(2025, 3, 1), hour=0), 20)
    update(commitment, councillor, at(D(2025, 3, 31), hour=23), 25)  # the day's last hour
    update(commitment, councillor, at(D(2025, 4, 1), hour=0), 30)  # the next day: not yet
    milestone_create(
        user=StaffFactory(),
        commitment_id=commitment.pk,
        title_ar="مرحلة",
        due_date=D(2025, 9, 1),
        recorded_at=at(D(2025, 3, 5)),
    )  # a plan is not an update
    assert updates_per_month(as_of=AS_OF) == [("2025-02", 2), ("2025-03", 2)]
    report = report_build(filters=ReportFilters(as_of=AS_OF), language="ar")
    assert report.updates_per_month == [("2025-02", 2), ("2025-03", 2)]


def test_updates_per_month_of_more_commitments_than_one_query_can_name(reference_data):
    """Filtered reports name their commitments, 900 to a query (SQLite's bound variables)."""
    tata = council("09.551.01.07")
    author = CouncillorFactory(body=tata)
    commitments = Commitment.objects.bulk_create(
        Commitment(
            recommendation=Recommendation.objects.get(number=1),
            body=tata,
            title_ar=f"التزام {i}",
            start_date=D(2025, 1, 1),
            target_date=D(2026, 1, 1),
            created_at=at(D(2025, 1, 2)),
        )
        for i in range(901)
    )
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            commitment=c,
            author=author,
            kind=StatusUpdate.Kind.UPDATE,
            level_before="not_started",
            level_after="limited",
            progress_before=0,
            progress_after=10,
            version=2,
            note="تحيين",
            created_at=at(D(2025, 3, 10)),
        )
        for c in commitments
    )
    ids = [c.pk for c in commitments]
    assert updates_per_month(as_of=AS_OF, commitment_ids=ids) == [("2025-03", 901)]
    assert updates_per_month(as_of=AS_OF, commitment_ids=ids[:900]) == [("2025-03", 900)]


def test_the_csv_says_yes_and_no_as_1_and_0_and_nothing_as_an_empty_cell(reference_data):
    tata = council("09.551.01.07")
    councillor = CouncillorFactory(body=tata)
    moved = make(tata, "تحرك", D(2025, 1, 2), target_date=D(2025, 2, 1))
    make(tata, "لم يتحرك", D(2025, 1, 2), is_public=False)
    update(moved, councillor, at(D(2025, 3, 1)), 10)
    report = report_build(filters=ReportFilters(as_of=AS_OF), language="en")
    lines = list(csv.reader(io.StringIO(report_csv_bytes(report).decode("utf-8-sig"))))
    header, rows = lines[0], {line[5]: dict(zip(lines[0], line, strict=True)) for line in lines[1:]}
    assert header[-5:] == ["Stale", "Overdue", "Updates", "Evidence items", "Public"]
    moved_row = rows["تحرك"]
    assert (moved_row["Overdue"], moved_row["Stale"], moved_row["Public"]) == ("1", "0", "1")
    assert moved_row["Last update"] == "2025-03-01"
    still = rows["لم يتحرك"]
    assert (still["Last update"], still["Public"], still["Overdue"], still["Updates"]) == (
        "",
        "0",
        "0",
        "0",
    )


def test_summaries_count_the_hidden_and_the_silent_and_titles_keep_their_languages(
    reference_data,
):
    tata = council("09.551.01.07")
    make(tata, "صامت", D(2025, 1, 2), title_en="Silent one")
    make(tata, "مخفي", D(2025, 1, 2), is_public=False, title_fr="Caché")
    report = report_build(filters=ReportFilters(as_of=AS_OF), language="en")
    assert (report.totals.commitments, report.totals.not_public, report.totals.stale) == (2, 1, 2)
    (tata_summary,) = report.by_commune
    assert (tata_summary.not_public, tata_summary.stale) == (1, 2)
    assert {r.title for r in report.rows} == {"Silent one", "مخفي"}  # no English: the Arabic
    french = report_build(filters=ReportFilters(as_of=AS_OF), language="fr")
    assert {r.title for r in french.rows} == {"صامت", "Caché"}


def test_a_report_costs_the_same_queries_whatever_the_number_of_owners(reference_data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            report_build(filters=ReportFilters(as_of=AS_OF), language="ar")
        return len(captured)

    make(council("09.551.01.07"), "أول", D(2025, 1, 2))
    one_owner = queries()
    for code in ("09.551.01.01", "09.551.01.03", "09.551.05.09"):
        make(council(code), f"التزام {code}", D(2025, 1, 2))
    assert queries() == one_owner
