"""Posting a status update on a commitment."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.types import Actor
from notifications.services.delivery import notify
from recommendations.models import Commitment, StatusUpdate
from recommendations.permissions import can_update_commitment
from recommendations.reminder_rules import UPDATE_POSTED
from recommendations.state.levels import Level, fits, level_for_progress, needs_evidence
from recommendations.state.transitions import NextState, next_state
from text.cleaning import clean_text
from text.languages import every_language, field_in_language

from .evidence import evidence_check
from .timeline import EVIDENCE_NEEDED, commitment_lock, timeline_append

NOTE_MAX_LENGTH = 5000


def level_mismatch(level: str, new: NextState) -> str:
    """Why a level does not fit the progress, naming the level that does."""
    params = {
        "progress": new.progress,
        "level": Level(level).label,
        "fitting": Level(level_for_progress(new.progress)).label,
    }
    if new.progress_from_milestones:
        return (
            _(
                "The milestones done put this commitment at %(progress)s%%: the level that "
                "fits is “%(fitting)s”, not “%(level)s”. Tick milestones to move it."
            )
            % params
        )
    return (
        _(
            "At %(progress)s%% the level that fits is “%(fitting)s”, not “%(level)s”. Change "
            "the level or the progress."
        )
        % params
    )


def _check_level_and_progress(
    commitment: Commitment, level: str, progress: int | None, errors: dict
) -> NextState | None:
    """Level and progress must tell the same story (recommendations.state.levels)."""
    if progress is not None and not (type(progress) is int and 0 <= progress <= 100):
        errors["progress"] = _("Progress is a whole number from 0 to 100.")
        return None
    if level not in Level.values:
        errors["level"] = _("Choose one of the listed levels.")
        return None
    new = next_state(
        level_now=commitment.level,
        progress_now=commitment.progress,
        milestones=commitment.milestones.all(),
        requested_level=level,
        typed_progress=progress,
    )
    if new.progress_from_milestones and progress is not None and progress != new.progress:
        # Never keep a figure other than the one typed without saying so.
        errors["progress"] = _(
            "The milestones set this commitment's progress (%(progress)s%%): it cannot be typed. "
            "Mark a milestone done to move it."
        ) % {"progress": new.progress}
        return None
    if not fits(level, new.progress):
        field = "level" if new.progress_from_milestones or progress is not None else "progress"
        errors[field] = level_mismatch(level, new)
        return None
    return new


@transaction.atomic
def commitment_record_update(
    *,
    user: Actor,
    commitment_id: int,
    expected_version: int,
    level: str,
    progress: int | None,
    note: str,
    evidence_file: UploadedFile | None = None,
    evidence_link: str = "",
    recorded_at: datetime.datetime | None = None,
    reference: str = "",
) -> StatusUpdate:
    """Check, validate, then write the update and the commitment's new state in one transaction.

    Everything is judged against the locked row at the version the user saw. Raises
    PermissionDenied, ValidationError (a dict of field errors, in the active language), or
    CommitmentVersionConflict when the commitment moved on since `expected_version`.
    """
    commitment = commitment_lock(commitment_id, expected_version=expected_version)
    if not can_update_commitment(user, commitment):
        raise PermissionDenied

    errors = {}
    new = _check_level_and_progress(commitment, level, progress, errors)
    note = clean_text(note) if isinstance(note, str) else ""
    if not note:
        errors["note"] = _("Write a note saying what changed.")
    elif len(note) > NOTE_MAX_LENGTH:
        errors["note"] = _("The note is too long: at most %(max)d characters.") % {
            "max": NOTE_MAX_LENGTH
        }
    evidence = evidence_check(file=evidence_file, link=evidence_link, errors=errors)
    if new and needs_evidence(commitment.level, new.level) and not evidence:
        errors.setdefault("evidence_file", EVIDENCE_NEEDED)
    if errors:
        raise ValidationError(errors)

    entry = timeline_append(
        commitment_id=commitment.pk,
        expected_version=expected_version,
        kind=StatusUpdate.Kind.UPDATE,
        author=user,
        note=note,
        level=new.level,
        progress=new.progress,
        evidence=evidence.file,
        evidence_link=evidence.link,
        recorded_at=recorded_at,
        reference=reference,
    )
    _notify_other_owners(commitment, entry, user)
    return entry


def _notify_other_owners(commitment: Commitment, entry: StatusUpdate, author: Actor) -> None:
    """The other owners hear of it; sent after commit, or by the sweep if the broker is down."""
    payload = {
        "title": every_language(lambda lang: field_in_language(commitment, "title", lang)),
        "path": f"/commitments/{commitment.pk}/",
    }
    for owner in commitment.owners.filter(is_active=True).exclude(pk=author.pk):
        notify(
            recipient=owner,
            kind=UPDATE_POSTED,
            dedup_key=f"update|{entry.pk}|{owner.pk}",
            payload=payload,
        )
