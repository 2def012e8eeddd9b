"""Derived state of commitments, computed in the database so lists can sort and filter by it."""

import datetime

from django.conf import settings
from django.db.models import Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from db.flags import flag
from recommendations.state.levels import CLOSED_LEVELS

DUE_SOON_DAYS = 14


def with_flags(commitments: QuerySet, *, now: datetime.datetime | None = None) -> QuerySet:
    """Annotate is_stale, is_overdue, milestone_overdue and milestone_due_soon.

    Stale: no update for COMMITMENT_STALE_DAYS. Overdue: target date passed. Neither applies to
    complete or withdrawn commitments.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    stale_before = now - datetime.timedelta(days=settings.COMMITMENT_STALE_DAYS)
    still_open = ~Q(level__in=CLOSED_LEVELS)
    return commitments.annotate(
        last_activity=Coalesce("last_update_at", "created_at"),
        next_due=Min("milestones__due_date", filter=Q(milestones__done_on__isnull=True)),
    ).annotate(
        is_stale=flag(still_open & Q(last_activity__lt=stale_before)),
        is_overdue=flag(still_open & Q(target_date__lt=today)),
        milestone_overdue=flag(still_open & Q(next_due__lt=today)),
        milestone_due_soon=flag(
            still_open
            & Q(next_due__gte=today, next_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
        ),
    )


URGENCY_ORDER = ("-is_overdue", "-milestone_overdue", "-is_stale", "-milestone_due_soon")


def urgent_only(commitments: QuerySet) -> QuerySet:
    """Of flagged commitments, those that need someone now."""
    return commitments.filter(
        Q(is_overdue=True)
        | Q(milestone_overdue=True)
        | Q(is_stale=True)
        | Q(milestone_due_soon=True)
    )
