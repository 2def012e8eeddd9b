"""Sending notifications exactly once.

A Notification row exists before anything is sent (its unique key stops a second message), is
enqueued only after the transaction that made it commits, and is sent under a row lock that
also checks its status (a duplicate task waits, then finds it sent). What could not be enqueued
— the broker was down — stays pending, and the sweep sends it later.

The one window left: the mail server accepted the message and the process died before the
commit. The next attempt then sends it again; at-least-once is preferred to losing a reminder.
"""

import datetime
import logging
import smtplib

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from background.enqueue import enqueue_on_commit
from notifications.emails import notification_email
from notifications.messages import address_email, sms_text
from notifications.models import Notification
from notifications.sms import SmsRefused, send_sms

log = logging.getLogger(__name__)

# Quick retries come from the task (seconds apart); the sweep then keeps trying with a growing
# wait, for about a day, before a notification is marked failed.
MAX_ATTEMPTS = 20
BACKOFF_CAP = datetime.timedelta(hours=2)
# Errors that mean "try again later", as opposed to a bug.
TRANSIENT = (smtplib.SMTPException, OSError)


def notifications_enqueue_on_commit(ids: list[int]) -> None:
    """Each is sent by its own task after commit; if the broker is down the rows stay pending
    and the sweep sends them."""
    enqueue_on_commit("notifications.tasks.send_notification", ((pk,) for pk in ids))


def notify(*, recipient: User, kind: str, dedup_key: str, payload: dict) -> Notification | None:
    """A single notice (not a digest), sent once after the caller's transaction commits."""
    if not (recipient.is_active and recipient.email and recipient.email_reminders):
        return None
    notification, created = Notification.objects.get_or_create(
        dedup_key=dedup_key,
        defaults={
            "recipient": recipient,
            "kind": kind,
            "language": recipient.language,
            "payload": payload,
        },
    )
    if created:
        notifications_enqueue_on_commit([notification.pk])
    return notification


def notify_address(
    *, address: str, channel: str, language: str, kind: str, dedup_key: str, payload: dict
) -> Notification:
    """A message to someone without an account (a resident's phone or e-mail), sent once after
    the caller's transaction commits. `payload` names its templates (notifications.messages)."""
    notification, created = Notification.objects.get_or_create(
        dedup_key=dedup_key,
        defaults={
            "address": address,
            "channel": channel,
            "kind": kind,
            "language": language,
            "payload": payload,
        },
    )
    if created:
        notifications_enqueue_on_commit([notification.pk])
    return notification


def notifications_cancel(*, dedup_prefix: str) -> int:
    """What is not sent yet under these keys is never sent, and forgets its address: the
    person erased their contact."""
    return Notification.objects.filter(
        dedup_key__startswith=dedup_prefix,
        status__in=[Notification.Status.PENDING, Notification.Status.FAILED],
    ).update(status=Notification.Status.CANCELLED, address="")


def _deliver(notification: Notification) -> None:
    if notification.recipient_id is not None:
        notification_email(notification).send()
    elif notification.channel == Notification.Channel.SMS:
        send_sms(notification.address, sms_text(notification))
    else:
        address_email(notification).send()


def notification_send(*, notification_id: int) -> bool:
    """Send it unless it was sent; True when this call sent it. Transient errors are recorded
    and raised again, so the task retries with backoff."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .get(pk=notification_id)
        )
        if notification.status in (Notification.Status.SENT, Notification.Status.CANCELLED):
            return False
        try:
            _deliver(notification)
        except TRANSIENT as exc:
            failure = exc
        except SmsRefused as exc:  # for good: a bad number is not retried
            notification.status, notification.last_error = Notification.Status.FAILED, repr(exc)
            notification.attempts += 1
            notification.save(update_fields=["status", "last_error", "attempts"])
            return False
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.attempts += 1
            notification.save(update_fields=["status", "sent_at", "attempts"])
            return True
    attempts = notification.attempts + 1
    wait = min(datetime.timedelta(minutes=2 ** min(attempts, 10)), BACKOFF_CAP)
    Notification.objects.filter(pk=notification_id).update(
        attempts=F("attempts") + 1,
        last_error=repr(failure)[:1000],
        next_attempt_at=timezone.now() + wait,
        status=Notification.Status.FAILED
        if attempts >= MAX_ATTEMPTS
        else Notification.Status.PENDING,
    )
    raise failure


def notifications_sweep(
    *, now: datetime.datetime | None = None, older_than_minutes: int = 2
) -> list[int]:
    """Pending notifications old enough that their own task should have run: enqueue again."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=older_than_minutes)
    ids = list(
        Notification.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            status=Notification.Status.PENDING,
            created_at__lte=cutoff,
            attempts__lt=MAX_ATTEMPTS,
        ).values_list("pk", flat=True)[:1000]
    )
    notifications_enqueue_on_commit(ids)
    return ids
