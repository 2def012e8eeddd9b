import datetime

from django.utils import timezone

from notifications.registry import Reminder


def period_of(now: datetime.datetime) -> str:
    """The day a reminder belongs to, in the portal's time zone: a person, an item and a kind
    are stored once per period whatever the hour of the run."""
    return timezone.localdate(now).isoformat()


def dedup_key(reminder: Reminder, period: str) -> str:
    base = f"{reminder.recipient_id}|{reminder.kind}|{reminder.item_ref}"
    return base if reminder.once else f"{base}|{period}"
