"""What a councillor (their body's commitments) or staff member (what is late everywhere) has to
do, each commitment with the one thing to say about it (state.flags.Signal): late first, the
latest at the top; then milestones due soon; then, for councillors, what is on track."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.permissions import is_observatory_staff
from accounts.types import Actor
from recommendations.models import Commitment
from recommendations.state.flags import Signal, signal_of
from recommendations.state.levels import CLOSED_LEVELS

from .commitments import commitment_list_for_user


@dataclass(frozen=True)
class WorkItem:
    commitment: Commitment
    signal: Signal


@dataclass
class MyWork:
    late: list[WorkItem] = field(default_factory=list)
    due_soon: list[WorkItem] = field(default_factory=list)
    on_track: list[WorkItem] = field(default_factory=list)
    staff: bool = False
    commune_code: str = ""


def commitment_signal(commitment: Commitment, today: datetime.date | None = None) -> Signal:
    """The one thing to say about a commitment, from milestones already loaded (the
    `open_milestones` prefetch of lists, or all of them on the commitment's page)."""
    today = today or timezone.localdate()
    open_milestones = getattr(commitment, "open_milestones", None)
    if open_milestones is None:
        open_milestones = [m for m in commitment.milestones.all() if m.done_on is None]
    return signal_of(
        level=commitment.level,
        last_activity=commitment.last_update_at or commitment.created_at,
        target_date=commitment.target_date,
        next_due=commitment.next_due,
        next_milestone=open_milestones[0].title if open_milestones else "",
        today=today,
    )


def my_work(*, user: Actor, today: datetime.date | None = None, commune_code: str = "") -> MyWork:
    """`commune_code` narrows it to one commune (where a grouped alert links)."""
    today = today or timezone.localdate()
    work = MyWork(staff=is_observatory_staff(user), commune_code=commune_code)
    commitments = commitment_list_for_user(user=user, commune_code=commune_code)
    for commitment in commitments:
        if commitment.level in CLOSED_LEVELS:
            continue
        item = WorkItem(commitment, commitment_signal(commitment, today))
        if item.signal.late:
            work.late.append(item)
        elif item.signal.kind == "due_soon":
            work.due_soon.append(item)
        else:
            work.on_track.append(item)
    work.late.sort(key=lambda i: (-i.signal.days, i.commitment.target_date, i.commitment.pk))
    work.due_soon.sort(key=lambda i: (i.signal.days, i.commitment.pk))
    work.on_track.sort(key=lambda i: (i.commitment.target_date, i.commitment.pk))
    return work
