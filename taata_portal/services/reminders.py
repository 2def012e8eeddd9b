"""The daily reminder run: collect what is waiting, store it once, escalate what is stuck, and
prepare one digest per person. Its cost is a fixed number of queries per batch of people,
whatever their number; the messages are then sent one task per person."""

import datetime
from collections import defaultdict
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taata_portal.models import Notification, ReminderItem, User
from taata_portal.reminders import Reminder, register_kind, rules

from .notifications import notifications_enqueue_on_commit

# Rows per insert or update: within SQLite's 999 bound variables for the widest row (a
# Notification), so every database splits the work the same way. Queries grow by batch, not by
# person.
BATCH = 999 // len(Notification._meta.concrete_fields)


ANALYZE_AFTER = 1000


def batched(items, size):
    """itertools.batched arrives in Python 3.12; this portal runs on 3.11."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


ESCALATION = "escalation"
register_kind(ESCALATION, _("Escalated to the observatory: reminded twice, nothing done since"))


def period_of(now: datetime.datetime) -> str:
    return timezone.localdate(now).isoformat()


def dedup_key(reminder: Reminder, period: str) -> str:
    base = f"{reminder.recipient_id}|{reminder.kind}|{reminder.item_ref}"
    return base if reminder.once else f"{base}|{period}"


def reminders_collect(*, now: datetime.datetime) -> list[Reminder]:
    """Ask every registered rule; one reminder per (person, kind, item)."""
    found = {}
    for rule in rules().values():
        for reminder in rule(now):
            found.setdefault(reminder, reminder)
    return list(found.values())


def reminders_escalations(reminders: list[Reminder], *, now: datetime.datetime) -> list[Reminder]:
    """Items reminded on `REMINDER_ESCALATE_AFTER` earlier days since their last action, with
    nothing done, go to observatory staff — once per stall (the key names the last action)."""
    stuck = {(r.kind, r.item_ref): r for r in reminders if r.since is not None}
    if not stuck:
        return []
    today = period_of(now)
    earlier = defaultdict(set)
    refs = {ref for _kind, ref in stuck}
    for chunk in batched(sorted(refs), BATCH):
        rows = (
            ReminderItem.objects.filter(item_ref__in=chunk)
            .exclude(period=today)
            .values_list("kind", "item_ref", "period", "created_at")
        )
        for kind, ref, period, created_at in rows:
            reminder = stuck.get((kind, ref))
            if reminder is not None and created_at >= reminder.since:
                earlier[(kind, ref)].add(period)
    due = [
        stuck[key]
        for key, periods in earlier.items()
        if len(periods) >= settings.REMINDER_ESCALATE_AFTER
    ]
    if not due:
        return []
    staff = list(
        User.objects.filter(
            role__in=[User.Role.STAFF, User.Role.ADMIN], is_active=True
        ).values_list("pk", flat=True)
    )
    return [
        Reminder(
            recipient_id=staff_id,
            kind=ESCALATION,
            item_ref=f"{r.kind}:{r.item_ref}:{r.since:%Y%m%d%H%M}",
            payload={**r.payload, "escalated_kind": r.kind},
            once=True,
        )
        for r in due
        for staff_id in staff
    ]


def reminders_store(reminders: list[Reminder], *, now: datetime.datetime) -> int:
    """Insert what is new; a reminder already stored for this period is left alone."""
    period = period_of(now)
    before = ReminderItem.objects.filter(period=period).count()
    for chunk in batched(reminders, BATCH):
        ReminderItem.objects.bulk_create(
            [
                ReminderItem(
                    recipient_id=r.recipient_id,
                    kind=r.kind,
                    item_ref=r.item_ref,
                    period=period,
                    dedup_key=dedup_key(r, period),
                    payload=r.payload,
                    created_at=now,
                )
                for r in chunk
            ],
            ignore_conflicts=True,
        )
    added = ReminderItem.objects.filter(period=period).count() - before
    if added > ANALYZE_AFTER and connection.vendor == "postgresql":
        # A bulk load the planner has not seen yet: without fresh statistics it joins these
        # rows by scanning them once per person (13 s instead of 0.1 s for 2,000 people).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ReminderItem._meta.db_table}")
    return added


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


@transaction.atomic
def reminders_run(*, now: datetime.datetime | None = None) -> dict:
    """What the scheduled job does. Safe to run twice: the second run finds everything stored
    and every digest made; only digests not yet sent are enqueued again (and sending checks)."""
    now = now or timezone.now()
    reminders = reminders_collect(now=now)
    escalations = reminders_escalations(reminders, now=now)
    stored = reminders_store(reminders + escalations, now=now)
    digests = digests_prepare(now=now)
    notifications_enqueue_on_commit(digests)
    return {
        "reminders": len(reminders),
        "escalations": len(escalations),
        "new": stored,
        "digests": len(digests),
    }
