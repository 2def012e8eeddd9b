"""Progress from milestones: the weighted share of those done."""

from collections.abc import Iterable
from decimal import Decimal

from .rounding import half_up


def milestones_progress(milestones: Iterable) -> int | None:
    """Weighted share of milestones done, a whole percentage rounded half up; None when there
    are no milestones.

    100 means every milestone is done and 0 that none is: a share just short of all (199 of 200)
    shows 99, not 100, and a first small step (1 of 300) shows 1, not 0, so the level that fits
    the progress never calls a commitment complete or not started when it is not.
    """
    total = done = 0
    for milestone in milestones:
        total += milestone.weight
        if milestone.done_on is not None:
            done += milestone.weight
    if total == 0:
        return None
    if done == total:
        return 100
    if done == 0:
        return 0
    return min(99, max(1, half_up(Decimal(100 * done) / Decimal(total))))
