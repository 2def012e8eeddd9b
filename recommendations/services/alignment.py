"""Levels brought in line with their progress band, by the portal itself.

After a change of the band setting (LEVEL_SUBSTANTIAL_FROM), or on data loaded from elsewhere,
some levels may fall outside the band of their progress. Each such commitment gets a timeline
entry by the system actor saying the level was aligned by rule; nothing earlier is changed.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.system import SYSTEM
from accounts.types import Actor
from recommendations.models import Commitment, StatusUpdate
from recommendations.permissions import can_align_levels
from recommendations.state.levels import aligned_level

from .rollups import rollups_rebuild
from .timeline import timeline_append


@transaction.atomic
def commitments_align_levels(*, actor: Actor = SYSTEM) -> int:
    """Returns how many commitments were aligned."""
    if not can_align_levels(actor):
        raise PermissionDenied
    aligned = 0
    for pk, level, progress in Commitment.objects.values_list("pk", "level", "progress"):
        fitting = aligned_level(level, progress)
        if fitting != level:
            timeline_append(
                commitment_id=pk,
                expected_version=None,
                kind=StatusUpdate.Kind.ALIGN,
                author=actor,
                note="",
                level=fitting,
            )
            aligned += 1
    rollups_rebuild()
    return aligned
