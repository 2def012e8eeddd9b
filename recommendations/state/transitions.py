"""What a commitment's state becomes after a timeline entry: one rule for updates, milestone
ticks and plans, committee decisions, staff edits and alignment."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from .levels import Level, band, level_for_progress
from .progress import milestones_progress


@dataclass(frozen=True)
class NextState:
    level: str
    progress: int
    next_due: datetime.date | None
    progress_from_milestones: bool


def next_state(
    *,
    level_now: str,
    progress_now: int,
    milestones: Iterable,
    requested_level: str | None = None,
    typed_progress: int | None = None,
) -> NextState:
    """The level, progress and next milestone date after an entry.

    Where there are milestones their weighted share is the progress, whatever was typed.
    Otherwise the typed figure, else the current one, except that a level whose band is a
    single figure (not started 0%, complete 100%) brings it. With no level requested (a tick, a
    plan, a decision) the level follows the progress across the bands; withdrawn stays
    withdrawn. A requested level is returned as asked: the caller checks that it fits.
    """
    milestones = list(milestones)
    from_milestones = milestones_progress(milestones)
    if from_milestones is not None:
        progress = from_milestones
    elif typed_progress is not None:
        progress = typed_progress
    elif requested_level in (Level.NOT_STARTED, Level.COMPLETE):
        progress = band(requested_level)[0]
    else:
        progress = progress_now
    if requested_level is not None:
        level = requested_level
    elif level_now == Level.WITHDRAWN:
        level = Level.WITHDRAWN
    else:
        level = level_for_progress(progress)
    next_due = min((m.due_date for m in milestones if m.done_on is None), default=None)
    return NextState(level, progress, next_due, from_milestones is not None)
