"""Escalation: what stays stuck after repeated reminders goes to the observatory staff, once per
stall."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from notifications.models import ReminderItem
from notifications.registry import Reminder, register_kind

from .batches import BATCH, batched
from .periods import period_of

ESCALATION = "escalation"
register_kind(ESCALATION, _("Escalated to the observatory: reminded twice, nothing done since"))


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
