"""Each rule with frozen time: who gets what, and who does not."""

import datetime
from functools import partial

import pytest

from consultations.models import Feedback, Meeting, Member
from consultations.services.meetings import member_add
from notifications.services.daily_run import reminders_collect
from recommendations.models import Milestone
from recommendations.state.levels import Level
from tests.factories import CouncillorFactory
from tests.notifications.conftest import NOW, at, committee_of, make_commitment

pytestmark = pytest.mark.django_db


def got(kind):
    return {(r.recipient_id, r.item_ref) for r in reminders_collect(now=NOW) if r.kind == kind}


def test_stale_commitment_reminds_its_owners_only(tata_councillor, akka_councillor):
    stale = make_commitment(tata_councillor, last_update_days=31)
    make_commitment(tata_councillor, last_update_days=29)  # fresh
    make_commitment(tata_councillor, last_update_days=90, level=Level.COMPLETE)  # done
    colleague = CouncillorFactory(body=tata_councillor.body)  # same council, not an owner
    assert got("stale_commitment") == {(tata_councillor.pk, f"commitment:{stale.pk}")}
    assert colleague.pk not in {r for r, _ in got("stale_commitment")}


def test_without_named_owners_the_bodys_councillors_are_reminded(tata_councillor):
    stale = make_commitment(tata_councillor, last_update_days=31)
    stale.owners.clear()
    colleague = CouncillorFactory(body=tata_councillor.body)
    CouncillorFactory(body=tata_councillor.body, is_active=False)  # left the council
    CouncillorFactory(body=tata_councillor.body, role="resident")  # not a councillor
    assert got("stale_commitment") == {
        (tata_councillor.pk, f"commitment:{stale.pk}"),
        (colleague.pk, f"commitment:{stale.pk}"),
    }


def test_milestones_due_within_seven_days_or_overdue(tata_councillor):
    commitment = make_commitment(tata_councillor, last_update_days=1)
    today = datetime.date(2026, 3, 16)

    def milestone(days, done=None):
        return Milestone.objects.create(
            commitment=commitment,
            title_ar="مرحلة",
            due_date=today + datetime.timedelta(days=days),
            done_on=done,
        )

    soon, late, today_s = milestone(7), milestone(-1), milestone(0)
    milestone(8)  # too far
    milestone(-5, done=today)  # done
    assert got("milestone_due") == {
        (tata_councillor.pk, f"milestone:{soon.pk}"),
        (tata_councillor.pk, f"milestone:{today_s.pk}"),  # due today: not late yet
    }
    assert got("milestone_overdue") == {(tata_councillor.pk, f"milestone:{late.pk}")}


@pytest.fixture
def committee(tata_councillor):
    return committee_of(tata_councillor)


def meeting(committee, hours, status=Meeting.Status.PLANNED, minutes=""):
    return Meeting.objects.create(
        committee=committee,
        starts_at=at(hours=hours),
        place="القاعة",
        status=status,
        minutes=minutes,
    )


def test_meeting_within_48_hours_reminds_members_with_accounts_and_councillors(
    committee, tata_councillor, akka_councillor
):
    member_account = CouncillorFactory(body=akka_councillor.body, role="resident")
    join = partial(
        member_add, user=tata_councillor, committee_id=committee.pk, since=datetime.date(2025, 1, 1)
    )
    join(name="عضو", group="youth", member_user=member_account)
    join(name="بدون حساب", group="women")
    soon = meeting(committee, 47)
    meeting(committee, 49)
    meeting(committee, 10, status=Meeting.Status.CANCELLED)
    meeting(committee, -1)  # began an hour ago, not marked held yet: not coming up
    leaving = CouncillorFactory(body=akka_councillor.body, role="resident")
    until_april = join(name="عضو حتى أبريل", group="women", member_user=leaving)
    # Still a member on the day of the run, whatever the day the test runs.
    Member.objects.filter(pk=until_april.pk).update(until=datetime.date(2026, 4, 1))
    assert got("meeting_soon") == {
        (tata_councillor.pk, f"meeting:{soon.pk}"),
        (member_account.pk, f"meeting:{soon.pk}"),
        (leaving.pk, f"meeting:{soon.pk}"),
    }


def test_meeting_held_three_days_ago_without_minutes(committee, tata_councillor, akka_councillor):
    missing = meeting(committee, -72, status=Meeting.Status.HELD)
    meeting(committee, -48, status=Meeting.Status.HELD)  # only two days ago
    meeting(committee, -100, status=Meeting.Status.HELD, minutes="محضر")
    meeting(committee, -100, status=Meeting.Status.CANCELLED)  # no minutes to write
    scanned = meeting(committee, -100, status=Meeting.Status.HELD)  # minutes as a PDF only
    Meeting.objects.filter(pk=scanned.pk).update(minutes_pdf="minutes/scanned.pdf")
    assert got("minutes_missing") == {(tata_councillor.pk, f"meeting:{missing.pk}")}


def test_feedback_waiting_on_day_10_and_day_50(tata_councillor, akka_councillor):
    from tests.consultations.conftest import submit

    commune = tata_councillor.body.commune

    def feedback(days, state="received"):
        item = submit(commune)
        Feedback.objects.filter(pk=item.pk).update(
            created_at=NOW - datetime.timedelta(days=days), state=state
        )
        return item

    feedback(10)
    feedback(12)
    feedback(9)
    feedback(50, state="acknowledged")
    feedback(49, state="acknowledged")
    feedback(80, state="answered")
    ref = f"feedback-commune:{commune.pk}"
    # One line per commune and kind, however many are waiting; akka's councillor gets none.
    assert got("feedback_unacknowledged") == {(tata_councillor.pk, ref)}
    assert got("feedback_unanswered") == {(tata_councillor.pk, ref)}
    reminders = [r for r in reminders_collect(now=NOW) if r.kind == "feedback_unacknowledged"]
    assert reminders[0].payload["title"]["fr"].startswith("2 ")
    # Waiting for an answer: the one acknowledged 50 days ago, not the one answered long since.
    reminders = [r for r in reminders_collect(now=NOW) if r.kind == "feedback_unanswered"]
    assert reminders[0].payload["title"]["fr"].startswith("1 ")


def test_a_stale_commitment_of_a_body_with_no_councillor_reminds_no_one_and_the_run_goes_on(
    tata_councillor,
):
    from territory.models import Body

    service = Body.objects.create(
        kind=Body.Kind.PUBLIC_SERVICE,
        commune=tata_councillor.body.commune,
        slug="health-office-tata",
        name_ar="المندوبية",
    )
    nobody = make_commitment(tata_councillor, last_update_days=40)
    nobody.owners.clear()
    nobody.body = service
    nobody.save(update_fields=["body"])
    stale = make_commitment(tata_councillor, last_update_days=40)
    assert got("stale_commitment") == {(tata_councillor.pk, f"commitment:{stale.pk}")}


def test_meetings_without_minutes_and_feedback_left_waiting_escalate_to_staff(
    committee, tata_councillor, observatory
):
    from notifications.models import ReminderItem
    from notifications.services.daily_run import reminders_run
    from tests.consultations.conftest import submit

    meeting(committee, -80, status=Meeting.Status.HELD)
    item = submit(tata_councillor.body.commune)
    Feedback.objects.filter(pk=item.pk).update(created_at=NOW - datetime.timedelta(days=12))
    for day in range(3):  # reminded on two earlier days, nothing done since
        reminders_run(now=NOW + datetime.timedelta(days=day))
    escalated = ReminderItem.objects.filter(kind="escalation", recipient=observatory)
    assert sorted(e.payload["escalated_kind"] for e in escalated) == [
        "feedback_unacknowledged",
        "minutes_missing",
    ]


def test_a_named_owner_who_left_is_not_reminded_the_councils_active_councillors_are(
    tata_councillor,
):
    stale = make_commitment(tata_councillor, last_update_days=31)
    gone = CouncillorFactory(body=tata_councillor.body, is_active=False)
    stale.owners.set([gone])
    assert got("stale_commitment") == {(tata_councillor.pk, f"commitment:{stale.pk}")}


def test_an_overdue_milestone_escalates_after_two_days_of_reminders_an_update_starts_again(
    tata_councillor, observatory
):
    from notifications.models import ReminderItem
    from notifications.services.daily_run import reminders_run
    from recommendations.models import Commitment

    commitment = make_commitment(tata_councillor, last_update_days=1)
    Milestone.objects.create(
        commitment=commitment, title_ar="مرحلة", due_date=datetime.date(2026, 3, 10)
    )

    def run(day):
        reminders_run(now=NOW + datetime.timedelta(days=day))
        return ReminderItem.objects.filter(kind="escalation", recipient=observatory).count()

    assert (run(0), run(1)) == (0, 0)
    # The owner acts after the second reminder: the count starts again from there.
    Commitment.objects.filter(pk=commitment.pk).update(
        last_update_at=NOW + datetime.timedelta(days=1, hours=6)
    )
    assert (run(2), run(3)) == (0, 0)
    assert run(4) == 1  # reminded on two days since, nothing done
