"""The daily reminder run: collect what is waiting, store it once, escalate what is stuck, and
prepare one digest per person. Its cost is a fixed number of queries per batch of people,
whatever their number; the messages are then sent one task per person."""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from notifications.models import ReminderItem
from notifications.registry import Reminder, rules

from .batches import BATCH, batched
from .delivery import notifications_enqueue_on_commit
from .digests import digests_prepare
from .escalation import reminders_escalations
from .periods import dedup_key, period_of

# Past this many new rows the planner's statistics are refreshed (below).
ANALYZE_AFTER = 1000


def reminders_collect(*, now: datetime.datetime) -> list[Reminder]:
    """Ask every registered rule; one reminder per (person, kind, item)."""
    found = {}
    for rule in rules().values():
        for reminder in rule(now):
            found.setdefault(reminder, reminder)
    return list(found.values())


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
