"""Stale, overdue, milestone overdue, milestone due soon: what needs someone now.

Decided by the day in the portal's time zone, so that a page seen at 9:00 and a report "as of
today" made at 17:00 flag the same commitments. Each rule is written twice side by side, for
rows in Python (`flags_of`, used by reports as of any day and by digests) and for querysets
(`with_flags`, used by lists that sort and filter in the database), from the same thresholds;
a test checks that the two agree. Complete and withdrawn commitments are never flagged.
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from db.flags import flag

from .levels import CLOSED_LEVELS


def stale_days() -> int:
    return settings.COMMITMENT_STALE_DAYS


def due_soon_days() -> int:
    return settings.MILESTONE_DUE_SOON_DAYS


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def stale_before(today: datetime.date) -> datetime.datetime:
    """Last activity before this instant means stale: its day is more than `stale_days` ago."""
    return start_of_day(today - datetime.timedelta(days=stale_days()))


def due_soon_until(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=due_soon_days())


class Flags(NamedTuple):
    # A tuple: a list page and a report make one per commitment, thousands at 10x.
    stale: bool = False
    overdue: bool = False
    milestone_overdue: bool = False
    milestone_due_soon: bool = False

    @property
    def late(self) -> bool:
        """Late: past its target, a milestone past due, or no update for too long."""
        return self.stale or self.overdue or self.milestone_overdue


NO_FLAGS = Flags()


class Cutoffs(NamedTuple):
    """The day's thresholds, worked out once for a whole list rather than for every row."""

    today: datetime.date
    stale_before: datetime.datetime
    due_soon_until: datetime.date

    @classmethod
    def on(cls, today: datetime.date) -> "Cutoffs":
        return cls(today, stale_before(today), due_soon_until(today))


def flags_of(
    *,
    level: str,
    last_activity: datetime.datetime,
    target_date: datetime.date,
    next_due: datetime.date | None,
    today: datetime.date,
    cutoffs: Cutoffs | None = None,
) -> Flags:
    if level in CLOSED_LEVELS:
        return NO_FLAGS
    if cutoffs is None or cutoffs.today != today:
        cutoffs = Cutoffs.on(today)
    return Flags(
        stale=last_activity < cutoffs.stale_before,
        overdue=target_date < today,
        milestone_overdue=next_due is not None and next_due < today,
        milestone_due_soon=next_due is not None and today <= next_due <= cutoffs.due_soon_until,
    )


def _conditions(today: datetime.date) -> dict[str, Q]:
    """The rules as WHERE conditions on the stored dates (last_activity is annotated)."""
    still_open = ~Q(level__in=CLOSED_LEVELS)
    stale = still_open & Q(last_activity__lt=stale_before(today))
    overdue = still_open & Q(target_date__lt=today)
    milestone_overdue = still_open & Q(next_due__lt=today)
    return {
        "is_stale": stale,
        "is_overdue": overdue,
        "milestone_overdue": milestone_overdue,
        "milestone_due_soon": still_open
        & Q(next_due__gte=today, next_due__lte=due_soon_until(today)),
        "is_late": stale | overdue | milestone_overdue,
    }


def _with_last_activity(commitments: QuerySet) -> QuerySet:
    return commitments.annotate(last_activity=Coalesce("last_update_at", "created_at"))


def with_flags(commitments: QuerySet, *, today: datetime.date | None = None) -> QuerySet:
    """Annotate last_activity, is_stale, is_overdue, milestone_overdue, milestone_due_soon and
    is_late, from the stored dates (no join), for lists that sort or filter by them."""
    conditions = _conditions(today or timezone.localdate())
    return _with_last_activity(commitments).annotate(
        **{name: flag(condition) for name, condition in conditions.items()}
    )


def only_late(commitments: QuerySet, *, today: datetime.date | None = None) -> QuerySet:
    """The late ones, filtered in the database without computing every flag."""
    late = _conditions(today or timezone.localdate())["is_late"]
    return _with_last_activity(commitments).filter(late)


def attach_flags(commitments, *, today: datetime.date | None = None) -> list:
    """The same flags set on rows already loaded (a page of a list): cheaper than asking the
    database to compute them, and the same rules (flags_of)."""
    today = today or timezone.localdate()
    cutoffs = Cutoffs.on(today)
    rows = list(commitments)
    for c in rows:
        flags = flags_of(
            level=c.level,
            last_activity=c.last_update_at or c.created_at,
            target_date=c.target_date,
            next_due=c.next_due,
            today=today,
            cutoffs=cutoffs,
        )
        c.is_stale, c.is_overdue = flags.stale, flags.overdue
        c.milestone_overdue, c.milestone_due_soon = (
            flags.milestone_overdue,
            flags.milestone_due_soon,
        )
        c.is_late = flags.late
    return rows


URGENCY_ORDER = ("-is_overdue", "-milestone_overdue", "-is_stale", "-milestone_due_soon")


def urgent_only(commitments: QuerySet) -> QuerySet:
    """Of flagged commitments, those that need someone now (late, or a milestone due soon)."""
    return commitments.filter(Q(is_late=True) | Q(milestone_due_soon=True))


@dataclass(frozen=True)
class Signal:
    """The one thing to say about a commitment on a card: the worst of what is late, how many
    days late, and the milestone concerned; or a milestone due soon; or nothing."""

    kind: str  # "overdue", "milestone_overdue", "stale", "due_soon", or "" when on track
    days: int = 0  # days late; for "due_soon", days left
    milestone: str = ""

    @property
    def late(self) -> bool:
        return self.kind in ("overdue", "milestone_overdue", "stale")


# When two reasons are as many days late, the harder promise is named first.
_WEIGHT = {"overdue": 2, "milestone_overdue": 1, "stale": 0}


def signal_of(
    *,
    level: str,
    last_activity: datetime.datetime,
    target_date: datetime.date,
    next_due: datetime.date | None,
    next_milestone: str,
    today: datetime.date,
) -> Signal:
    flags = flags_of(
        level=level,
        last_activity=last_activity,
        target_date=target_date,
        next_due=next_due,
        today=today,
    )
    reasons = []
    if flags.overdue:
        reasons.append(Signal("overdue", (today - target_date).days))
    if flags.milestone_overdue:
        reasons.append(Signal("milestone_overdue", (today - next_due).days, next_milestone))
    if flags.stale:
        last_day = timezone.localtime(last_activity).date()
        reasons.append(Signal("stale", (today - last_day).days))
    if reasons:
        return max(reasons, key=lambda s: (s.days, _WEIGHT[s.kind]))
    if flags.milestone_due_soon:
        return Signal("due_soon", (next_due - today).days, next_milestone)
    return Signal("")
