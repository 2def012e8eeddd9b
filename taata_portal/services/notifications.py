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

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from taata_portal.models import Notification, User
from taata_portal.reminders import kind_label

log = logging.getLogger(__name__)

# Quick retries come from the task (seconds apart); the sweep then keeps trying with a growing
# wait, for about a day, before a notification is marked failed.
MAX_ATTEMPTS = 20
BACKOFF_CAP = datetime.timedelta(hours=2)
# Errors that mean "try again later", as opposed to a bug.
TRANSIENT = (smtplib.SMTPException, OSError)


def notifications_enqueue_on_commit(ids: list[int]) -> None:
    if not ids:
        return

    def enqueue():
        from taata_portal.tasks import send_notification

        for pk in ids:
            try:
                send_notification.delay(pk)
            except Exception as exc:  # the broker is down: the row stays pending for the sweep
                log.warning(
                    "could not enqueue notification %s (%r); the sweep will send it", pk, exc
                )
                return

    transaction.on_commit(enqueue)


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


def _link(path: str, language: str) -> str:
    return f"{settings.SITE_URL}/{language}{path}"


def _message(notification: Notification) -> EmailMultiAlternatives:
    user = notification.recipient
    language = notification.language or user.language
    with translation.override(language):
        if notification.kind == "digest":
            groups: dict = {}
            for item in notification.items.order_by("kind", "pk"):
                groups.setdefault(str(kind_label(item.kind)), []).append(
                    {
                        "title": _title(item.payload, language),
                        "url": _link(item.payload.get("path", "/"), language),
                        "date": item.payload.get("date", ""),
                    }
                )
            count = sum(len(v) for v in groups.values())
            subject = ngettext(
                "Tata civic portal: %(count)d thing waiting for you",
                "Tata civic portal: %(count)d things waiting for you",
                count,
            ) % {"count": count}
            context = {"groups": groups, "count": count}
        else:
            payload = notification.payload
            subject = str(kind_label(notification.kind))
            context = {
                "headline": subject,
                "title": _title(payload, language),
                "url": _link(payload.get("path", "/"), language),
            }
        context.update(
            user=user,
            language=language,
            rtl=translation.get_language_bidi(),
            settings_url=_link("/my/notifications/", language),
        )
        template = "digest" if notification.kind == "digest" else "notice"
        text = render_to_string(f"notifications/{template}.txt", context)
        html = render_to_string(f"notifications/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={"Message-ID": f"<{notification.dedup_key.replace('|', '.')}@taata-portal>"},
    )
    message.attach_alternative(html, "text/html")
    return message


def _title(payload: dict, language: str) -> str:
    titles = payload.get("title") or {}
    return titles.get(language) or titles.get("ar") or ""


def notification_send(*, notification_id: int) -> bool:
    """Send it unless it was sent; True when this call sent it. Transient errors are recorded
    and raised again, so the task retries with backoff."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .get(pk=notification_id)
        )
        if notification.status == Notification.Status.SENT:
            return False
        try:
            _message(notification).send()
        except TRANSIENT as exc:
            failure = exc
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
