"""Who gets a notice, what a cancellation reaches, and what the sweep sends again: the rules of
delivery, each on the path where it could go wrong."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Notification
from notifications.services.delivery import (
    MAX_ATTEMPTS,
    notifications_cancel,
    notifications_sweep,
    notify,
    notify_address,
)
from tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db

S = Notification.Status


def a_notice(recipient, key="k"):
    return notify(recipient=recipient, kind="stale", dedup_key=key, payload={"title": {}})


@pytest.mark.parametrize(
    ("changes", "gets_it"),
    [
        ({}, True),
        ({"is_active": False}, False),
        ({"email": ""}, False),
        ({"email_reminders": False}, False),
        ({"is_active": False, "email_reminders": False}, False),
        ({"email": "", "email_reminders": False}, False),
    ],
)
def test_a_notice_goes_only_to_an_active_person_with_an_email_who_wants_them(
    reference_data, changes, gets_it
):
    person = CouncillorFactory(**{"email": "fatima@tata.example", **changes})
    assert (a_notice(person) is not None) is gets_it
    assert Notification.objects.filter(recipient=person).exists() is gets_it


def for_resident(code: str, status=S.PENDING, step="answered"):
    notification = notify_address(
        address="+212612345678",
        channel=Notification.Channel.SMS,
        language="ar",
        kind="feedback_answered",
        dedup_key=f"feedback:{code}:{step}",
        payload={},
    )
    Notification.objects.filter(pk=notification.pk).update(status=status)
    return notification


def test_cancelling_reaches_only_that_residents_messages_not_yet_sent(db):
    pending = for_resident("AAAAA-11111")
    failed = for_resident("AAAAA-11111", status=S.FAILED, step="published")
    sent = for_resident("AAAAA-11111", status=S.SENT, step="registered")
    other = for_resident("BBBBB-22222")

    assert notifications_cancel(dedup_prefix="feedback:AAAAA-11111:") == 2

    rows = {n.pk: n for n in Notification.objects.all()}
    for cancelled in (pending, failed):
        assert (rows[cancelled.pk].status, rows[cancelled.pk].address) == (S.CANCELLED, "")
    assert rows[sent.pk].status == S.SENT
    assert (rows[other.pk].status, rows[other.pk].address) == (S.PENDING, "+212612345678")


def test_the_sweep_sends_again_only_what_its_own_task_should_have_sent(db):
    now = timezone.now()

    def pending(key, minutes_ago, **fields):
        n = for_resident(key)
        Notification.objects.filter(pk=n.pk).update(
            created_at=now - datetime.timedelta(minutes=minutes_ago), **fields
        )
        return n.pk

    overdue = pending("A", 2.5)
    retry_due = pending("B", 30, next_attempt_at=now - datetime.timedelta(minutes=1))
    just_made = pending("C", 1)
    retry_later = pending("D", 30, next_attempt_at=now + datetime.timedelta(minutes=5))
    gave_up = pending("E", 30, attempts=MAX_ATTEMPTS)
    sent = pending("F", 30, status=S.SENT)

    swept = notifications_sweep(now=now)

    assert sorted(swept) == sorted([overdue, retry_due])
    assert not {just_made, retry_later, gave_up, sent} & set(swept)
    assert notifications_sweep(now=now, older_than_minutes=3) == [retry_due]
