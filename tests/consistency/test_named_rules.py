"""The rules an outside mutation audit found tested on one path only, each now tested on every
path it has (issue 19). Named after the rule, not the bug."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import transaction

from notifications.models import Notification, ReminderItem
from notifications.services.daily_run import reminders_run
from notifications.services.delivery import notify
from recommendations.models import Commitment, Recommendation
from recommendations.selectors.progress import (
    commune_tally,
    province_tally,
    public_tallies,
    recommendation_tally,
)
from recommendations.services.commitments import commitment_create, commitment_edit
from recommendations.services.updates import commitment_record_update
from recommendations.state.progress import milestones_progress
from reports.filters import ReportFilters
from reports.services.build import report_build
from territory.models import Body, Commune
from tests.factories import CouncillorFactory, StaffFactory

pytestmark = pytest.mark.django_db
LINK = "https://tata.ma/pv.pdf"


@pytest.fixture
def tata(reference_data):
    return Commune.objects.get(code="09.551.01.07")


@pytest.fixture
def people(tata):
    body = Body.objects.get(kind="commune_council", commune=tata)
    return SimpleNamespace(
        staff=StaffFactory(email="staff@observatory.example"),
        councillor=CouncillorFactory(body=body),
        body=body,
    )


def create(people, title, number=2, **fields):
    return commitment_create(
        user=people.staff,
        recommendation=Recommendation.objects.get(number=number),
        body=people.body,
        title_ar=title,
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
        **fields,
    )


def move(people, commitment, level, progress, *, when=None):
    commitment.refresh_from_db()
    return commitment_record_update(
        user=people.councillor,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level=level,
        progress=progress,
        note="تحيين",
        evidence_link=LINK,
        recorded_at=when,
    )


@pytest.fixture
def three_and_a_withdrawn(people):
    """Active at 10, 20 and 25% (an average of 18.3), and one withdrawn at 90%."""
    made = [create(people, f"التزام {i}") for i in range(4)]
    for commitment, progress in zip(made[:3], (10, 20, 25), strict=True):
        move(people, commitment, "limited", progress)
    move(people, made[3], "substantial", 90)
    move(people, made[3], "withdrawn", None)
    return made


def test_withdrawn_commitments_are_counted_apart_in_commune_and_province_averages(
    tata, three_and_a_withdrawn
):
    for tally in (commune_tally(commune=tata), province_tally(public_tallies())):
        assert (tally.active, tally.withdrawn) == (3, 1)
        assert tally.progress == 18  # (10 + 20 + 25) / 3, not (… + 90) / 4


def test_each_commitment_counts_once_in_its_level_however_many_share_a_cell(people, tata):
    # Four commitments of one commune and one recommendation: one cell of the matrix.
    made = [create(people, f"التزام {i}") for i in range(4)]
    for commitment, progress in zip(made, (10, 20, 30, 40), strict=True):
        move(people, commitment, "limited", progress)
    for commitment in made[2:]:
        move(people, commitment, "withdrawn", None)
    second = Recommendation.objects.get(number=2)
    for tally in (
        commune_tally(commune=tata),
        province_tally(public_tallies()),
        recommendation_tally(recommendation=second),
    ):
        assert (tally.active, tally.withdrawn) == (2, 2)
        assert tally.levels["limited"] == 2 and tally.progress == 15


def test_report_summaries_leave_withdrawn_commitments_out_of_averages_and_keep_a_decimal(
    three_and_a_withdrawn,
):
    report = report_build(filters=ReportFilters(as_of=datetime.date.today()), language="ar")
    (commune,) = [s for s in report.by_commune if s.key == "09.551.01.07"]
    for summary in (commune, report.totals):
        assert (summary.active, summary.withdrawn) == (3, 1)
        assert summary.progress == 18
        assert str(summary.progress_exact) == "18.3"


@pytest.mark.parametrize(
    ("weights", "done", "expected"),
    [
        ((1, 1, 1), (True, False, False), 33),
        ((1, 1, 1), (True, True, False), 67),  # 66.67: to the nearest, not down
        ((1, 7), (True, False), 13),  # 12.5: half up
        ((3, 5), (False, True), 63),  # 62.5
        ((1, 1, 1, 1), (True, True, True, False), 75),
    ],
)
def test_milestone_progress_is_the_weighted_share_rounded_to_the_nearest(weights, done, expected):
    milestones = [
        SimpleNamespace(weight=w, done_on=datetime.date(2026, 1, 1) if d else None)
        for w, d in zip(weights, done, strict=True)
    ]
    assert milestones_progress(milestones) == expected


def test_the_same_reminder_the_same_day_at_another_hour_is_stored_once(
    people, django_capture_on_commit_callbacks
):
    commitment = create(people, "التزام بلا تحيين")
    Commitment.objects.filter(pk=commitment.pk).update(
        created_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )
    morning = datetime.datetime(2026, 3, 16, 7, 0, tzinfo=datetime.UTC)
    for now in (morning, morning + datetime.timedelta(hours=9)):
        with django_capture_on_commit_callbacks(execute=True):
            reminders_run(now=now)
    assert ReminderItem.objects.filter(kind="stale_commitment").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        reminders_run(now=morning + datetime.timedelta(days=1))
    assert ReminderItem.objects.filter(kind="stale_commitment").count() == 2


def test_a_public_report_as_of_a_day_uses_the_visibility_of_that_day_and_of_today(people):
    day = datetime.date.today() - datetime.timedelta(days=3)
    early = datetime.datetime.combine(day - datetime.timedelta(days=10), datetime.time(12))
    hidden_then = create(people, "كان مخفيا", is_public=False)
    shown_then = create(people, "كان منشورا")
    for commitment in (hidden_then, shown_then):
        Commitment.objects.filter(pk=commitment.pk).update(
            created_at=early.replace(tzinfo=datetime.UTC)
        )
    commitment_edit(user=people.staff, commitment_id=hidden_then.pk, is_public=True)
    commitment_edit(user=people.staff, commitment_id=shown_then.pk, is_public=False)
    report = report_build(filters=ReportFilters(as_of=day, public_only=True), language="ar")
    titles = {row.title for row in report.rows}
    assert "كان مخفيا" not in titles  # not public on that day
    assert "كان منشورا" not in titles  # public then, hidden since: hidden in what is published now
    staff_view = report_build(filters=ReportFilters(as_of=day), language="ar")
    assert {"كان مخفيا", "كان منشورا"} <= {row.title for row in staff_view.rows}


def test_feedback_cannot_name_a_commitment_the_public_cannot_see(people, tata):
    from consultations.services.feedback_submission import feedback_submit

    hidden = create(people, "التزام داخلي", is_public=False)
    with pytest.raises(Exception) as exc:
        feedback_submit(
            commune_id=tata.pk, kind="complaint", text="ملاحظة عن التزام", commitment_id=hidden.pk
        )
    assert "commitment" in exc.value.message_dict


def test_a_notice_in_a_rolled_back_transaction_is_never_sent(
    people, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(
            recipient=people.staff,
            kind="feedback_reopened",
            dedup_key="rolled-back",
            payload={"title": {"ar": "x"}, "path": "/"},
        )
        raise RuntimeError("the request failed after the notice was written")
    assert callbacks == []
    assert not Notification.objects.exists()
    assert mail.outbox == []
