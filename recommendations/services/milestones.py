"""Planning milestones (staff, committee decisions) and ticking them (the owner body's
councillors)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.models import Milestone, StatusUpdate
from recommendations.permissions import can_manage_commitments, can_tick_milestone
from taata_portal.text import clean_text

from .timeline import commitment_lock, timeline_append

TITLE_MAX = Milestone._meta.get_field("title").max_length


def _is_date(value) -> bool:
    # A datetime is a date subclass, and would compare wrongly with dates.
    return type(value) is datetime.date


def _check_plan(*, commitment, title_ar: str, due_date, weight: int) -> dict:
    errors = {}
    title = clean_text(title_ar) if isinstance(title_ar, str) else ""
    if not title:
        errors["title_ar"] = _("Give the milestone a title in Arabic.")
    elif len(title) > TITLE_MAX:
        errors["title_ar"] = _("The title is too long.")
    if not _is_date(due_date):
        errors["due_date"] = _("Enter a valid date.")
    if type(weight) is not int or not 1 <= weight <= 100:
        errors["weight"] = _("The weight is a whole number from 1 to 100.")
    if commitment.is_closed:
        errors["commitment"] = _("This commitment is complete or withdrawn: plan no new step.")
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
    commitment = commitment_lock(commitment_id)
    errors = _check_plan(commitment=commitment, title_ar=title_ar, due_date=due_date, weight=weight)
    if errors:
        raise ValidationError(errors)
    milestone = Milestone.objects.create(
        commitment=commitment,
        title_ar=clean_text(title_ar),
        title_fr=clean_text(title_fr)[:TITLE_MAX],
        title_en=clean_text(title_en)[:TITLE_MAX],
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
    """Tick a milestone. Ticking is recorded on the timeline and moves the progress.

    The commitment is locked first, then the milestone re-read: two people ticking at once give
    one tick and one "already done", never two entries.
    """
    commitment_id = (
        Milestone.objects.filter(pk=milestone_id).values_list("commitment_id", flat=True).get()
    )
    commitment = commitment_lock(commitment_id)
    milestone = Milestone.objects.select_for_update().get(pk=milestone_id)
    milestone.commitment = commitment
    if not can_tick_milestone(user, milestone):
        raise PermissionDenied
    today = timezone.localdate(recorded_at) if recorded_at else timezone.localdate()
    done_on = done_on or today
    if milestone.done_on is not None:
        raise ValidationError({"done_on": _("This milestone is already marked done.")})
    if not _is_date(done_on):
        raise ValidationError({"done_on": _("Enter a valid date.")})
    if done_on > today:
        raise ValidationError({"done_on": _("A milestone cannot be done in the future.")})
    if done_on < commitment.start_date:
        raise ValidationError(
            {"done_on": _("A milestone cannot be done before the commitment started.")}
        )
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind=StatusUpdate.Kind.MILESTONE,
        author=user,
        note=clean_text(note),
        milestone=milestone,
        recorded_at=recorded_at,
    )
