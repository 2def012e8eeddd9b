"""Completion levels, after the Open Government Partnership's independent reporting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Completion levels after the Open Government Partnership's independent reporting."""

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
