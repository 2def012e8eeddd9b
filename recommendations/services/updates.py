"""Posting a status update on a commitment."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.types import Actor
from notifications.services.delivery import notify
from recommendations.models import Commitment, StatusUpdate
from recommendations.permissions import can_update_commitment
from recommendations.reminder_rules import UPDATE_POSTED
from recommendations.state.levels import LEVELS_NEEDING_EVIDENCE, Level
from text.cleaning import clean_text
from text.languages import every_language, field_in_language
from uploads.checks import upload_check

from .progress import milestones_progress
from .timeline import commitment_lock, timeline_append

NOTE_MAX_LENGTH = 5000
LINK_MAX_LENGTH = 500
_http_only = URLValidator(schemes=["http", "https"])


def _validated_link(link: str, errors: dict) -> str:
    link = (link or "").strip()
    if not link:
        return ""
    try:
        if len(link) > LINK_MAX_LENGTH:
            raise ValidationError("too long")
        _http_only(link)
    except ValidationError:
        errors["evidence_link"] = _("Enter a link that starts with http:// or https://.")
    return link


def _check_level_and_progress(
    commitment: Commitment, level: str, progress: int | None, errors: dict
) -> int | None:
    """Level and progress must tell the same story; returns the progress to record."""
    if progress is not None and not (type(progress) is int and 0 <= progress <= 100):
        errors["progress"] = _("Progress is a whole number from 0 to 100.")
        return None
    from_milestones = milestones_progress(commitment.milestones.all())
    effective = from_milestones if from_milestones is not None else progress
    if level == Level.COMPLETE:
        if from_milestones is not None and from_milestones < 100:
            errors["level"] = _("Tick every milestone before marking the commitment complete.")
        elif from_milestones is None and progress is None:
            effective = 100
        elif effective is not None and effective < 100:
            errors["progress"] = _("A complete commitment is at 100%.")
    elif level == Level.NOT_STARTED and effective:
        errors["progress"] = _("A commitment that has not started is at 0%.")
    return effective if from_milestones is None else None


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
    if level not in Level.values:
        errors["level"] = _("Choose one of the listed levels.")
    progress = _check_level_and_progress(commitment, level, progress, errors)
    note = clean_text(note) if isinstance(note, str) else ""
    if not note:
        errors["note"] = _("Write a note saying what changed.")
    elif len(note) > NOTE_MAX_LENGTH:
        errors["note"] = _("The note is too long: at most %(max)d characters.") % {
            "max": NOTE_MAX_LENGTH
        }
    evidence_link = _validated_link(evidence_link, errors)
    evidence = None
    if evidence_file:
        try:
            evidence = upload_check(evidence_file)
        except ValidationError as exc:
            errors["evidence_file"] = exc.messages
    raising = level in Level.values and Level.rank(level) > Level.rank(commitment.level)
    has_evidence = evidence is not None or (evidence_link and "evidence_link" not in errors)
    if raising and level in LEVELS_NEEDING_EVIDENCE and not has_evidence:
        errors.setdefault(
            "evidence_file",
            _("Raising the level to substantial or complete needs evidence: a file or a link."),
        )
    if errors:
        raise ValidationError(errors)

    entry = timeline_append(
        commitment_id=commitment.pk,
        expected_version=expected_version,
        kind=StatusUpdate.Kind.UPDATE,
        author=user,
        note=note,
        level=level,
        progress=progress,
        evidence=evidence,
        evidence_link=evidence_link,
        recorded_at=recorded_at,
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
