from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from recommendations.state.levels import Level

# A shape per level, so the matrix reads without colour too (the legend repeats them).
GLYPHS = {
    Level.NOT_STARTED: "○",
    Level.LIMITED: "◔",
    Level.SUBSTANTIAL: "◑",
    Level.COMPLETE: "●",
    Level.WITHDRAWN: "✕",
}


@dataclass(frozen=True)
class Labels:
    """Every word a list needs, translated once for the active language."""

    levels: dict
    overdue: str
    milestone_overdue: str
    stale: str
    due_soon: str
    sample: str
    target: str
    withdrawn_at: str
    recommendation: str
    no_commitment: str

    @classmethod
    def current(cls) -> "Labels":
        """The labels in the active language, translated once per process (the catalogues do
        not change while it runs; the setting they show is part of the key)."""
        key = (get_language(), settings.COMMITMENT_STALE_DAYS)
        labels = _kept.get(key)
        if labels is None:
            labels = _kept[key] = cls._translated(settings.COMMITMENT_STALE_DAYS)
        return labels

    @classmethod
    def _translated(cls, days: int) -> "Labels":
        return cls(
            levels={level.value: str(level.label) for level in Level},
            overdue=_("Overdue"),
            milestone_overdue=_("Milestone overdue"),
            stale=ngettext("No update for %(days)s day", "No update for %(days)s days", days)
            % {"days": days},
            due_soon=_("Milestone due soon"),
            sample=_("Sample"),
            target=_("Target"),
            withdrawn_at=_("stopped at %(progress)s%%"),
            recommendation=_("Recommendation %(number)s"),
            no_commitment=_("No commitment"),
        )

    @cached_property
    def escaped(self) -> dict:
        """Every label a row uses, escaped for HTML."""
        return {
            "overdue": escape(self.overdue),
            "milestone_overdue": escape(self.milestone_overdue),
            "stale": escape(self.stale),
            "due_soon": escape(self.due_soon),
            "sample": escape(self.sample),
            "target": escape(self.target),
            "no_commitment": escape(self.no_commitment),
            "levels": {level: escape(label) for level, label in self.levels.items()},
        }


_kept: dict[tuple[str, int], Labels] = {}
