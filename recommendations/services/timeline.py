"""Appending to a commitment's timeline: the one place its current state changes.

Every entry (an update, a milestone ticked or planned, a committee decision, a staff edit)
bumps the commitment's version with a compare-and-swap under a row lock, so two people acting
on the same version cannot both win: the second gets `CommitmentVersionConflict` and nothing of
theirs is written.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.system import stored_author
from accounts.types import Actor
from recommendations.models import Commitment, Milestone, StatusUpdate
from recommendations.permissions import may_raise_without_evidence
from recommendations.state.levels import fits, needs_evidence
from recommendations.state.transitions import next_state
from uploads.checks import CheckedUpload

from .public_pages import commitment_pages_changed
from .rollups import cell_of, rollups_refresh

SOURCE_URL_MAX = 300
EVIDENCE_NEEDED = _(
    "Raising the level to substantial or complete needs evidence: a file or a link."
)


class CommitmentVersionConflict(Exception):
    """The commitment changed since the version the caller saw."""

    message = _(
        "Someone else updated this commitment while you were editing it. Nothing of yours was "
        "saved: check what changed below, then send your update again."
    )

    def __init__(self, commitment: Commitment, seen_version: int) -> None:
        super().__init__(
            f"commitment {commitment.pk}: saw v{seen_version}, now v{commitment.version}"
        )
        self.commitment = commitment
        self.seen_version = seen_version


def commitment_lock(commitment_id: int, *, expected_version: int | None = None) -> Commitment:
    """The commitment's row, locked until the transaction ends, at the version the caller saw.

    PostgreSQL locks the row; SQLite takes the database write lock when the transaction starts
    (settings: transaction_mode IMMEDIATE). Either way what is read here stays true until commit.
    """
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    if expected_version is not None and commitment.version != expected_version:
        raise CommitmentVersionConflict(commitment, seen_version=expected_version)
    return commitment


def _check_source(source_url: str) -> None:
    # Rendered as a link on public pages: only a path of this site, never a scheme.
    if source_url and (
        not source_url.startswith("/")
        or source_url.startswith("//")
        or len(source_url) > SOURCE_URL_MAX
    ):
        raise ValueError(f"source_url must be a local path: {source_url!r}")


@transaction.atomic
def timeline_append(
    *,
    commitment_id: int,
    expected_version: int | None,
    kind: str,
    author: Actor,
    note: str,
    level: str | None = None,
    progress: int | None = None,
    evidence: CheckedUpload | None = None,
    evidence_link: str = "",
    source_url: str = "",
    milestone: Milestone | None = None,
    changes: dict | None = None,
    recorded_at: datetime.datetime | None = None,
    reference: str = "",
) -> StatusUpdate:
    """Write the entry and the commitment's new state together, or neither.

    `expected_version` None means "whatever is current" (entries that do not rest on what
    someone saw). The new state follows recommendations.state.transitions: with no `level`
    the level follows the progress across its bands. A requested level must fit the progress,
    and a raise to substantial or complete must carry evidence (the callers check both first,
    to tell the user; this is the guard). The roll-ups the pages read are refreshed here too.
    """
    _check_source(source_url)
    commitment = commitment_lock(commitment_id, expected_version=expected_version)
    at = recorded_at or timezone.now()
    new = next_state(
        level_now=commitment.level,
        progress_now=commitment.progress,
        milestones=commitment.milestones.all(),
        requested_level=level,
        typed_progress=progress,
    )
    if not fits(new.level, new.progress):
        raise ValueError(f"{new.level} does not fit {new.progress}%")
    has_evidence = evidence is not None or bool(evidence_link)
    if (
        needs_evidence(commitment.level, new.level)
        and not has_evidence
        and not may_raise_without_evidence(author)
    ):
        raise ValidationError({"evidence_file": EVIDENCE_NEEDED})

    new_state = {
        "level": new.level,
        "progress": new.progress,
        "next_due": new.next_due,
        "version": F("version") + 1,
    }
    if kind in StatusUpdate.OWNER_KINDS:
        new_state["last_update_at"] = at
    # The compare-and-swap on the locked row: belt and braces should a caller ever reach here
    # without the lock.
    if not Commitment.objects.filter(pk=commitment.pk, version=commitment.version).update(
        **new_state
    ):
        raise CommitmentVersionConflict(
            Commitment.objects.get(pk=commitment.pk), seen_version=commitment.version
        )
    entry = StatusUpdate(
        commitment=commitment,
        kind=kind,
        author=stored_author(author),
        created_at=at,
        level_before=commitment.level,
        level_after=new.level,
        progress_before=commitment.progress,
        progress_after=new.progress,
        version=commitment.version + 1,
        note=note,
        evidence_link=evidence_link,
        source_url=source_url,
        milestone=milestone,
        changes=changes or {},
        reference=reference,
    )
    if evidence is not None:
        entry.evidence_kind = evidence.kind
        entry.evidence_file = evidence.content
    elif evidence_link:
        entry.evidence_kind = StatusUpdate.EvidenceKind.LINK
    entry.save(force_insert=True)
    rollups_refresh(cells=[cell_of(commitment)])
    commitment_pages_changed(commitment)
    return entry
