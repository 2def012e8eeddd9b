"""What is late, precisely: which milestone and by how many days, or how long without an
update; sorted by how late; one signal per card; far-off commitments out of the way."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from recommendations.state.flags import Signal, signal_of
from tests.factories import CommitmentFactory, MilestoneFactory, StaffFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)
NOON = datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def signal(**overrides) -> Signal:
    values = {
        "level": "limited",
        "last_activity": at(TODAY - datetime.timedelta(days=3)),
        "target_date": datetime.date(2027, 6, 1),
        "next_due": None,
        "next_milestone": "",
        "today": TODAY,
    }
    values.update(overrides)
    return signal_of(**values)


def test_a_late_milestone_is_named_with_its_days():
    got = signal(next_due=datetime.date(2026, 11, 1), next_milestone="دراسة أولية")
    assert got == Signal("milestone_overdue", 28, "دراسة أولية")


def test_the_worst_reason_wins_and_says_how_late():
    got = signal(
        target_date=datetime.date(2026, 11, 19),
        next_due=datetime.date(2026, 8, 1),
        next_milestone="مرحلة",
        last_activity=at(datetime.date(2026, 10, 1)),
    )
    assert got == Signal("milestone_overdue", 120, "مرحلة")
    assert signal(last_activity=at(datetime.date(2026, 6, 1))) == Signal("stale", 181)
    assert signal(target_date=datetime.date(2026, 11, 28)).kind == "overdue"


def test_soon_or_on_track_or_closed():
    assert signal(next_due=datetime.date(2026, 12, 2), next_milestone="م") == Signal(
        "due_soon", 3, "م"
    )
    assert signal(next_due=datetime.date(2029, 1, 1)).kind == ""
    closed = signal(level="complete", target_date=datetime.date(2020, 1, 1))
    assert closed == Signal("") and not closed.late


@time_machine.travel(NOON, tick=False)
def test_my_page_late_first_sorted_by_days_each_with_one_signal(client, council, councillor):
    far = CommitmentFactory(body=council, title_ar="بعيد", target_date=datetime.date(2029, 1, 1))
    far.last_update_at = timezone.now()
    far.save(update_fields=["last_update_at"])
    a_bit = CommitmentFactory(body=council, title_ar="متأخر قليلا")
    MilestoneFactory(commitment=a_bit, title_ar="المرحلة أ", due_date=datetime.date(2026, 11, 20))
    very = CommitmentFactory(body=council, title_ar="متأخر جدا")
    MilestoneFactory(commitment=very, title_ar="المرحلة ب", due_date=datetime.date(2026, 5, 1))
    for c in (a_bit, very):
        c.refresh_from_db()
        c.last_update_at = timezone.now()
        c.save(update_fields=["last_update_at"])
    client.force_login(councillor)
    html = client.get("/ar/my/").content.decode()
    late = html.split('id="late-heading"', 1)[1].split("</section>", 1)[0]
    assert late.index("متأخر جدا") < late.index("متأخر قليلا")
    assert "«المرحلة ب» متأخرة بـ212 يوما" in late
    assert "«المرحلة أ» متأخرة بـ9 أيام" in late
    assert "بعيد" not in late  # due in 2029: on track, folded away
    on_track = html.split('id="track-heading"', 1)[1]
    assert "بعيد" in on_track
    assert late.count('class="signal"') == 2 and 'class="flag' not in late


@time_machine.travel(NOON, tick=False)
def test_staff_see_what_is_late_everywhere_with_the_body(client, council):
    late = CommitmentFactory(body=council, target_date=datetime.date(2026, 1, 1))
    client.force_login(StaffFactory())
    html = client.get("/fr/my/").content.decode()
    assert "Ce qui est en retard partout" in html
    assert str(council.name) in html and late.title in html
    assert "Échéance dépassée depuis 332 jours" in html


@time_machine.travel(NOON, tick=False)
def test_staff_also_see_a_milestone_due_this_week_but_not_what_is_on_track(client, council):
    soon = CommitmentFactory(body=council, title_fr="Étape proche", title_ar="مرحلة قريبة")
    MilestoneFactory(commitment=soon, due_date=TODAY + datetime.timedelta(days=3))
    calm = CommitmentFactory(body=council, title_fr="Tout va bien", title_ar="كل شيء بخير")
    MilestoneFactory(commitment=calm, due_date=TODAY + datetime.timedelta(days=90))
    client.force_login(StaffFactory())
    html = client.get("/fr/my/").content.decode()
    assert "Étape proche" in html and "Tout va bien" not in html


def test_the_commitment_page_says_how_late_in_one_line(client, commitment):
    MilestoneFactory(commitment=commitment, title_ar="التصميم", due_date=datetime.date(2020, 1, 1))
    commitment.refresh_from_db()
    html = client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    assert "«التصميم» متأخرة" in html
    assert html.count('class="flag ') <= 1  # at most the "sample" mark
