"""Appending to a commitment's timeline: the one place its current state changes.

Every entry (an update, a milestone ticked, a committee decision) bumps the commitment's version
with a compare-and-swap, so two people acting on the same version cannot both win: the second
gets `CommitmentVersionConflict` and nothing of theirs is written.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.models import Commitment, StatusUpdate

from .progress import milestones_progress


class CommitmentVersionConflict(Exception):
    """The commitment changed since the version the caller saw."""

    message = _(
        "Someone else updated this commitment while you were editing it. Nothing of yours was "
        "saved: check what changed below, then send your update again."
    )

    def __init__(self, commitment: Commitment, seen_version: int):
        super().__init__(
            f"commitment {commitment.pk}: saw v{seen_version}, now v{commitment.version}"
        )
        self.commitment = commitment
        self.seen_version = seen_version


def commitment_lock(commitment_id: int) -> Commitment:
    """The commitment's row, locked until the transaction ends (PostgreSQL; SQLite serialises)."""
    return Commitment.objects.select_for_update().get(pk=commitment_id)


@transaction.atomic
def timeline_append(
    *,
    commitment_id: int,
    expected_version: int | None,
    kind: str,
    author,
    note: str,
    level: str | None = None,
    progress: int | None = None,
    evidence=None,
    evidence_link: str = "",
    source_url: str = "",
    milestone=None,
    recorded_at=None,
) -> StatusUpdate:
    """Write the entry and the commitment's new state together, or neither.

    `level` and `progress` default to the current ones. Where the commitment has milestones its
    progress is always theirs, whatever the caller typed.
    """
    commitment = commitment_lock(commitment_id)
    if expected_version is None:
        # Entries that do not rest on what someone saw (a tick, a plan change, a committee
        # decision) apply to the current version.
        expected_version = commitment.version
    if commitment.version != expected_version:
        raise CommitmentVersionConflict(commitment, seen_version=expected_version)
    at = recorded_at or timezone.now()
    new_level = level or commitment.level
    from_milestones = milestones_progress(commitment.milestones.all())
    if from_milestones is not None:
        new_progress = from_milestones
    else:
        new_progress = commitment.progress if progress is None else progress
    new_version = expected_version + 1

    # The compare-and-swap: only the caller who saw the current version moves it on. The lock
    # above already settles it on PostgreSQL; on SQLite, where it is a no-op, the loser's
    # UPDATE matches no row since the winner changed `version` first.
    moved = Commitment.objects.filter(pk=commitment.pk, version=expected_version).update(
        level=new_level,
        progress=new_progress,
        version=F("version") + 1,
        last_update_at=at,
    )
    if not moved:
        raise CommitmentVersionConflict(
            Commitment.objects.get(pk=commitment.pk), seen_version=expected_version
        )
    entry = StatusUpdate(
        commitment=commitment,
        kind=kind,
        author=author,
        created_at=at,
        level_before=commitment.level,
        level_after=new_level,
        progress_before=commitment.progress,
        progress_after=new_progress,
        version=new_version,
        note=note,
        evidence_link=evidence_link,
        source_url=source_url,
        milestone=milestone,
    )
    if evidence is not None:
        entry.evidence_kind = evidence.kind
        entry.evidence_file = evidence.content
    elif evidence_link:
        entry.evidence_kind = StatusUpdate.EvidenceKind.LINK
    entry.save(force_insert=True)
    return entry
