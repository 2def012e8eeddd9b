"""Completion levels, after the Open Government Partnership's independent reporting."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def rank(cls, level: str) -> int:
        """Order of advancement; withdrawn stands outside it (-1)."""
        order = [cls.NOT_STARTED, cls.LIMITED, cls.SUBSTANTIAL, cls.COMPLETE]
        return order.index(level) if level in order else -1


# Levels whose raising needs evidence attached to the update.
LEVELS_NEEDING_EVIDENCE = (Level.SUBSTANTIAL, Level.COMPLETE)
# Levels that end the work: such a commitment is neither stale nor overdue.
CLOSED_LEVELS = (Level.COMPLETE, Level.WITHDRAWN)


# --- Bands: which level fits which progress ---------------------------------------------------
#
# Not started is 0%, complete is 100% (with every milestone done), and one setting,
# LEVEL_SUBSTANTIAL_FROM (50), splits the rest: limited 1-49%, substantial 50-99%. Withdrawn is a
# state of its own and fits any progress: it keeps the figure it had when it was withdrawn.


def substantial_from() -> int:
    return settings.LEVEL_SUBSTANTIAL_FROM


def band(level: str) -> tuple[int, int]:
    """The lowest and highest progress (inclusive) that fit an active level."""
    threshold = substantial_from()
    return {
        Level.NOT_STARTED: (0, 0),
        Level.LIMITED: (1, threshold - 1),
        Level.SUBSTANTIAL: (threshold, 99),
        Level.COMPLETE: (100, 100),
        Level.WITHDRAWN: (0, 100),
    }[level]


def level_for_progress(progress: int) -> str:
    """The one active level whose band holds this progress."""
    if progress <= 0:
        return Level.NOT_STARTED
    if progress >= 100:
        return Level.COMPLETE
    return Level.SUBSTANTIAL if progress >= substantial_from() else Level.LIMITED


def fits(level: str, progress: int) -> bool:
    low, high = band(level)
    return low <= progress <= high


def aligned_level(level: str, progress: int) -> str:
    """The level a commitment should have at this progress: its own if it fits, else the one
    whose band holds it. Withdrawn stays withdrawn."""
    return level if fits(level, progress) else level_for_progress(progress)


def is_raise(before: str, after: str) -> bool:
    return Level.rank(after) > Level.rank(before)


def needs_evidence(before: str, after: str) -> bool:
    """Raising the level to substantial or complete needs evidence, whoever or whatever raises
    it (an update, or a milestone tick that moves the progress across a band)."""
    return after in LEVELS_NEEDING_EVIDENCE and is_raise(before, after)


# Levels counted and averaged in totals (withdrawn is counted apart, never averaged).
ACTIVE_LEVELS = (Level.NOT_STARTED, Level.LIMITED, Level.SUBSTANTIAL, Level.COMPLETE)
