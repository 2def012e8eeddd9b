from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        days = settings.COMMITMENT_STALE_DAYS
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
