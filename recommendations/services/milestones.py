"""Planning milestones (staff, committee decisions) and ticking them (the owner body's
councillors)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.types import Actor
from recommendations.models import Commitment, Milestone, StatusUpdate
from recommendations.permissions import can_plan_milestone, can_tick_milestone
from recommendations.state.levels import Level, needs_evidence
from recommendations.state.transitions import next_state
from text.cleaning import clean_text

from .evidence import evidence_check
from .timeline import commitment_lock, timeline_append

TITLE_MAX = Milestone._meta.get_field("title").max_length


def _is_date(value: object) -> bool:
    # A datetime is a date subclass, and would compare wrongly with dates.
    return type(value) is datetime.date


def _check_plan(*, commitment: Commitment, title_ar: str, due_date: object, weight: int) -> dict:
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
    user: Actor,
    commitment_id: int,
    title_ar: str,
    title_fr: str = "",
    title_en: str = "",
    due_date: datetime.date,
    weight: int = 1,
    recorded_at: datetime.datetime | None = None,
    reference: str = "",
) -> Milestone:
    """Staff plan a milestone; the commitment's progress is recomputed and the plan recorded."""
    commitment = commitment_lock(commitment_id)
    if not can_plan_milestone(user, commitment):
        raise PermissionDenied
    return milestone_add(
        commitment=commitment,
        author=user,
        title_ar=title_ar,
        title_fr=title_fr,
        title_en=title_en,
        due_date=due_date,
        weight=weight,
        recorded_at=recorded_at,
        reference=reference,
    )


def milestone_add(
    *,
    commitment: Commitment,
    author: Actor,
    title_ar: str,
    title_fr: str = "",
    title_en: str = "",
    due_date: datetime.date,
    weight: int = 1,
    note: str = "",
    source_url: str = "",
    kind: str = StatusUpdate.Kind.PLAN,
    recorded_at: datetime.datetime | None = None,
    reference: str = "",
) -> Milestone:
    """Add a milestone to a commitment the caller has locked, on behalf of an author whose right
    the calling service has checked with its own predicate (a plan by staff, a committee's
    decision). Not for views: they call the services that check."""
    errors = _check_plan(commitment=commitment, title_ar=title_ar, due_date=due_date, weight=weight)
    if errors:
        raise ValidationError(errors)
    milestone = Milestone.objects.create(
        commitment=commitment,
        title_ar=clean_text(title_ar),
        title_fr=clean_text(title_fr)[:TITLE_MAX],
        title_en=clean_text(title_en)[:TITLE_MAX],
        reference=reference,
        due_date=due_date,
        weight=weight,
    )
    timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind=kind,
        author=author,
        note=clean_text(note),
        milestone=milestone,
        source_url=source_url,
        recorded_at=recorded_at,
    )
    return milestone


@transaction.atomic
def milestone_mark_done(
    *,
    user: Actor,
    milestone_id: int,
    done_on: datetime.date | None = None,
    note: str = "",
    evidence_file: UploadedFile | None = None,
    evidence_link: str = "",
    recorded_at: datetime.datetime | None = None,
) -> StatusUpdate:
    """Tick a milestone. Ticking is recorded on the timeline and moves the progress, and the
    level with it when the progress crosses into another band: a tick that raises the level to
    substantial or complete needs evidence, as an update would.

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
    errors = {}
    if not _is_date(done_on):
        errors["done_on"] = _("Enter a valid date.")
    elif done_on > today:
        errors["done_on"] = _("A milestone cannot be done in the future.")
    elif done_on < commitment.start_date:
        errors["done_on"] = _("A milestone cannot be done before the commitment started.")
    evidence = evidence_check(file=evidence_file, link=evidence_link, errors=errors)
    milestones = [
        m
        if m.pk != milestone.pk
        else Milestone(weight=m.weight, due_date=m.due_date, done_on=today)
        for m in commitment.milestones.all()
    ]
    new = next_state(
        level_now=commitment.level, progress_now=commitment.progress, milestones=milestones
    )
    if needs_evidence(commitment.level, new.level) and not evidence:
        errors.setdefault(
            "evidence_file",
            _(
                "This milestone brings the commitment to %(progress)s%%, “%(level)s”: raising "
                "the level needs evidence, a file or a link."
            )
            % {"progress": new.progress, "level": Level(new.level).label},
        )
    if errors:
        raise ValidationError(errors)
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind=StatusUpdate.Kind.MILESTONE,
        author=user,
        note=clean_text(note),
        milestone=milestone,
        evidence=evidence.file,
        evidence_link=evidence.link,
        recorded_at=recorded_at,
    )
