"""One digest per person: the e-mail that gathers what is waiting for them."""

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from accounts.models import User
from notifications.models import Notification, ReminderItem

from .batches import BATCH, batched
from .periods import period_of


def digests_prepare(*, now: datetime.datetime) -> list[int]:
    """One digest per person with something new, email on, and their day (daily, or Monday for
    weekly); their waiting items go into it. Returns the digests still to send."""
    period = period_of(now)
    oldest = now - datetime.timedelta(days=8)
    frequencies = [User.DigestFrequency.DAILY]
    if timezone.localdate(now).weekday() == settings.REMINDER_WEEKLY_DAY:
        frequencies.append(User.DigestFrequency.WEEKLY)
    people = list(
        User.objects.filter(
            is_active=True,
            email_reminders=True,
            digest_frequency__in=frequencies,
            reminder_items__notification__isnull=True,
            reminder_items__created_at__gte=oldest,
        )
        .exclude(email="")
        .values_list("pk", "language")
        .distinct()
    )
    for chunk in batched(people, BATCH):
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient_id=pk,
                    kind="digest",
                    period=period,
                    language=language,
                    dedup_key=f"digest|{pk}|{period}",
                    created_at=now,
                )
                for pk, language in chunk
            ],
            ignore_conflicts=True,
        )
    _attach_items_to_digests(period=period, oldest=oldest)
    return list(
        Notification.objects.filter(
            kind="digest", period=period, status=Notification.Status.PENDING
        ).values_list("pk", flat=True)
    )


def _attach_items_to_digests(*, period: str, oldest: datetime.datetime) -> None:
    """One UPDATE … FROM for everyone (PostgreSQL, and SQLite since 3.33): the ORM's correlated
    subquery per row took 17 s for 2,000 people (BENCHMARKS.md)."""
    items, notifications = ReminderItem._meta.db_table, Notification._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {items} SET notification_id = n.id FROM {notifications} n "  # noqa: S608 - table names from the models
            f"WHERE n.recipient_id = {items}.recipient_id AND n.kind = %s AND n.period = %s "
            f"AND {items}.notification_id IS NULL AND {items}.created_at >= %s",
            ["digest", period, oldest],
        )
