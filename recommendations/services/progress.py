from collections.abc import Iterable


def milestones_progress(milestones: Iterable) -> int | None:
    """Weighted share of milestones done, 0-100; None when there are no milestones."""
    total = done = 0
    for milestone in milestones:
        total += milestone.weight
        if milestone.done_on is not None:
            done += milestone.weight
    if total == 0:
        return None
    return round(100 * done / total)
