"""Planning milestones (staff) and ticking them (the owner body's councillors)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.models import Commitment, Milestone, StatusUpdate
from recommendations.permissions import can_manage_commitments, can_tick_milestone
from taata_portal.text import clean_text

from .timeline import timeline_append


def _check_plan(*, title_ar: str, due_date, weight: int) -> dict:
    errors = {}
    if not clean_text(title_ar):
        errors["title_ar"] = _("Give the milestone a title in Arabic.")
    if not isinstance(due_date, datetime.date):
        errors["due_date"] = _("Enter a valid date.")
    if not isinstance(weight, int) or not 1 <= weight <= 100:
        errors["weight"] = _("The weight is a whole number from 1 to 100.")
    return errors


@transaction.atomic
def milestone_create(
    *,
    user,
    commitment_id: int,
    title_ar: str,
    title_fr: str = "",
    title_en: str = "",
    due_date: datetime.date,
    weight: int = 1,
    note: str = "",
    source_url: str = "",
    author_is_system: bool = False,
    kind: str = StatusUpdate.Kind.PLAN,
    recorded_at=None,
) -> Milestone:
    """Add a milestone; the commitment's progress is recomputed and the plan change recorded.

    Staff call it directly; a committee decision calls it on behalf of the commune's
    councillors (`author_is_system` skips the staff check, the caller having checked).
    """
    if not author_is_system and not can_manage_commitments(user):
        raise PermissionDenied
    errors = _check_plan(title_ar=title_ar, due_date=due_date, weight=weight)
    if errors:
        raise ValidationError(errors)
    commitment = Commitment.objects.get(pk=commitment_id)
    milestone = Milestone.objects.create(
        commitment=commitment,
        title_ar=clean_text(title_ar),
        title_fr=clean_text(title_fr),
        title_en=clean_text(title_en),
        due_date=due_date,
        weight=weight,
    )
    timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind=kind,
        author=user,
        note=clean_text(note),
        milestone=milestone,
        source_url=source_url,
        recorded_at=recorded_at,
    )
    return milestone


@transaction.atomic
def milestone_mark_done(
    *,
    user,
    milestone_id: int,
    done_on: datetime.date | None = None,
    note: str = "",
    recorded_at=None,
) -> StatusUpdate:
    """Tick a milestone. Ticking is recorded on the timeline and moves the progress."""
    milestone = Milestone.objects.select_related("commitment").get(pk=milestone_id)
    if not can_tick_milestone(user, milestone):
        raise PermissionDenied
    today = timezone.localdate(recorded_at) if recorded_at else timezone.localdate()
    done_on = done_on or today
    if milestone.done_on is not None:
        raise ValidationError({"done_on": _("This milestone is already marked done.")})
    if done_on > today:
        raise ValidationError({"done_on": _("A milestone cannot be done in the future.")})
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return timeline_append(
        commitment_id=milestone.commitment_id,
        expected_version=None,
        kind=StatusUpdate.Kind.MILESTONE,
        author=user,
        note=clean_text(note),
        milestone=milestone,
        recorded_at=recorded_at,
    )
