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


@pytest.fixture
def sms(db):
    return for_resident("CCCCC-33333")


def fail_with(monkeypatch, error):
    def deliver(notification):
        raise error

    monkeypatch.setattr("notifications.services.delivery._deliver", deliver)


def test_a_passing_failure_waits_longer_each_time_then_gives_up(monkeypatch, sms):
    import smtplib

    import time_machine

    from notifications.services.delivery import notification_send

    fail_with(monkeypatch, smtplib.SMTPServerDisconnected("gateway away"))
    waits = []
    with time_machine.travel(timezone.now(), tick=False):
        for expected_attempts in (1, 2, 3):
            with pytest.raises(smtplib.SMTPServerDisconnected):
                notification_send(notification_id=sms.pk)
            sms.refresh_from_db()
            assert (sms.attempts, sms.status) == (expected_attempts, S.PENDING)
            assert "gateway away" in sms.last_error
            waits.append((sms.next_attempt_at - timezone.now()).total_seconds() / 60)
        assert waits == [2, 4, 8]
        Notification.objects.filter(pk=sms.pk).update(attempts=11)
        with pytest.raises(smtplib.SMTPServerDisconnected):
            notification_send(notification_id=sms.pk)
        sms.refresh_from_db()
        assert sms.next_attempt_at - timezone.now() == datetime.timedelta(hours=2)  # the cap
        Notification.objects.filter(pk=sms.pk).update(attempts=MAX_ATTEMPTS - 1)
        with pytest.raises(smtplib.SMTPServerDisconnected):
            notification_send(notification_id=sms.pk)
    sms.refresh_from_db()
    assert (sms.attempts, sms.status) == (MAX_ATTEMPTS, S.FAILED)


def test_a_refused_number_is_not_tried_again(monkeypatch, sms):
    from notifications.services.delivery import notification_send
    from notifications.sms import SmsRefused

    fail_with(monkeypatch, SmsRefused("not a mobile number"))
    Notification.objects.filter(pk=sms.pk).update(attempts=2)
    assert notification_send(notification_id=sms.pk) is False
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (S.FAILED, 3)
    assert "not a mobile number" in sms.last_error
    assert notifications_sweep(now=timezone.now() + datetime.timedelta(hours=1)) == []


def test_a_sent_message_records_when_and_is_never_sent_twice(monkeypatch, sms):
    from notifications.services.delivery import notification_send

    delivered = []
    monkeypatch.setattr("notifications.services.delivery._deliver", delivered.append)
    Notification.objects.filter(pk=sms.pk).update(attempts=1)
    assert notification_send(notification_id=sms.pk) is True
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (S.SENT, 2) and sms.sent_at is not None
    assert notification_send(notification_id=sms.pk) is False
    assert len(delivered) == 1


@pytest.mark.parametrize(
    ("changes", "days_old", "gets_one"),
    [
        ({}, 0, True),
        ({}, 7, True),  # within eight days: what a weekly reader has not been sent yet
        ({}, 9, False),  # older than a week and a day: left to the in-app list
        ({"is_active": False}, 0, False),
        ({"email": ""}, 0, False),
        ({"email_reminders": False}, 0, False),
    ],
)
def test_a_digest_goes_to_an_active_person_with_an_email_for_what_waits_from_this_week(
    reference_data, changes, days_old, gets_one
):
    from notifications.models import ReminderItem
    from notifications.services.digests import digests_prepare

    now = datetime.datetime(2026, 3, 16, 8, 0, tzinfo=datetime.UTC)
    person = CouncillorFactory(**{"email": "fatima@tata.example", "language": "fr", **changes})
    item = ReminderItem.objects.create(
        recipient=person,
        kind="stale_commitment",
        item_ref="commitment:1",
        period="2026-03-16",
        dedup_key=f"stale|{person.pk}|1",
        created_at=now - datetime.timedelta(days=days_old),
    )
    prepared = digests_prepare(now=now)
    digests = Notification.objects.filter(recipient=person, kind="digest")
    assert (len(prepared), digests.count()) == ((1, 1) if gets_one else (0, 0))
    if gets_one:
        (digest,) = digests
        assert prepared == [digest.pk] and digest.language == "fr"
        item.refresh_from_db()
        assert item.notification == digest


def test_digests_are_prepared_once_a_day_and_only_for_what_was_not_sent(reference_data):
    from notifications.models import ReminderItem
    from notifications.services.digests import digests_prepare

    monday = datetime.datetime(2026, 3, 16, 8, 0, tzinfo=datetime.UTC)
    person = CouncillorFactory(email="fatima@tata.example")

    def waiting(ref, when):
        return ReminderItem.objects.create(
            recipient=person,
            kind="stale_commitment",
            item_ref=ref,
            period=when.date().isoformat(),
            dedup_key=f"stale|{person.pk}|{ref}",
            created_at=when,
        )

    waiting("commitment:1", monday)
    (first,) = digests_prepare(now=monday)
    # Run again the same day (a retried job), with something new since: the same digest, which
    # takes it in, not a second one.
    waiting("commitment:3", monday + datetime.timedelta(hours=2))
    assert digests_prepare(now=monday + datetime.timedelta(hours=2)) == [first]
    assert Notification.objects.get(pk=first).items.count() == 2
    Notification.objects.filter(pk=first).update(status=S.SENT)
    assert digests_prepare(now=monday) == []  # sent: nothing left to send today
    tuesday = monday + datetime.timedelta(days=1)
    assert digests_prepare(now=tuesday) == []  # nothing new since Monday's digest
    waiting("commitment:2", tuesday)
    (second,) = digests_prepare(now=tuesday)
    assert Notification.objects.get(pk=second).items.get().item_ref == "commitment:2"
    assert Notification.objects.filter(recipient=person, kind="digest").count() == 2
    # Tuesday's is not sent yet (the sweep retries it): Wednesday's run leaves it to the sweep.
    assert digests_prepare(now=tuesday + datetime.timedelta(days=1)) == []
