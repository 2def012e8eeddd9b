"""Committees, their members, meetings, minutes and decisions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.types import Actor
from consultations.models import AgendaItem, Committee, Decision, Meeting, MeetingEvent, Member
from consultations.permissions import can_manage_committees, can_manage_meeting
from consultations.services.public_pages import commune_pages_changed
from recommendations.selectors.commitments import commitment_of_commune
from recommendations.services.decisions import commitment_record_decision
from territory.models import Commune
from text.cleaning import clean_text, has_bidi_controls
from uploads.checks import PDF, upload_check


@transaction.atomic
def committee_create(
    *,
    user: Actor,
    commune_id: int,
    kind: str,
    name_ar: str,
    name_fr: str = "",
    name_en: str = "",
    mandate_ar: str = "",
    is_demo: bool = False,
) -> Committee:
    commune = Commune.objects.get(pk=commune_id)
    if not can_manage_committees(user, commune):
        raise PermissionDenied
    errors = {}
    if kind not in Committee.Kind.values:
        errors["kind"] = _("Choose a kind from the list.")
    if not clean_text(name_ar):
        errors["name_ar"] = _("Give the committee a name in Arabic.")
    if errors:
        raise ValidationError(errors)
    commune_pages_changed(commune)
    return Committee.objects.create(
        commune=commune,
        kind=kind,
        name_ar=clean_text(name_ar),
        name_fr=clean_text(name_fr),
        name_en=clean_text(name_en),
        mandate_ar=clean_text(mandate_ar),
        is_demo=is_demo,
    )


@transaction.atomic
def member_add(
    *,
    user: Actor,
    committee_id: int,
    name: str,
    group: str,
    role: str = Member.Role.MEMBER,
    since: datetime.date,
    contact: str = "",
    member_user: User | None = None,
) -> Member:
    committee = Committee.objects.select_related("commune").get(pk=committee_id)
    if not can_manage_committees(user, committee.commune):
        raise PermissionDenied
    errors = {}
    if has_bidi_controls(name) or not clean_text(name):
        errors["name"] = _("Enter the member's name (without control characters).")
    if group not in Member.Group.values:
        errors["group"] = _("Choose a group from the list.")
    if role not in Member.Role.values:
        errors["role"] = _("Choose a role from the list.")
    if not isinstance(since, datetime.date):
        errors["since"] = _("Enter a valid date.")
    if errors:
        raise ValidationError(errors)
    commune_pages_changed(committee.commune)  # the composition, in aggregate
    return Member.objects.create(
        committee=committee,
        name=clean_text(name),
        group=group,
        role=role,
        since=since,
        contact=clean_text(contact),
        user=member_user,
    )


def _agenda_lines(agenda: str) -> list[str]:
    return [line for line in (clean_text(x) for x in (agenda or "").splitlines()) if line]


@transaction.atomic
def meeting_schedule(
    *,
    user: Actor,
    committee_id: int,
    starts_at: datetime.datetime,
    place: str,
    agenda: str = "",
    is_demo: bool = False,
) -> Meeting:
    committee = Committee.objects.select_related("commune").get(pk=committee_id)
    if not can_manage_committees(user, committee.commune):
        raise PermissionDenied
    if not clean_text(place):
        raise ValidationError({"place": _("Say where the meeting takes place.")})
    meeting = Meeting.objects.create(
        committee=committee,
        starts_at=starts_at,
        place=clean_text(place),
        created_by=user,
        is_demo=is_demo,
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=i, title=line[:300])
        for i, line in enumerate(_agenda_lines(agenda), start=1)
    )
    MeetingEvent.objects.create(meeting=meeting, action=MeetingEvent.Action.SCHEDULED, actor=user)
    commune_pages_changed(committee.commune)
    return meeting


@transaction.atomic
def meeting_record(
    *,
    user: Actor,
    meeting_id: int,
    status: str,
    minutes: str = "",
    minutes_pdf: UploadedFile | None = None,
    attendance_women: int = 0,
    attendance_men: int = 0,
) -> Meeting:
    """Record what happened: status, minutes (text and an optional PDF), attendance."""
    meeting = (
        Meeting.objects.select_for_update().select_related("committee__commune").get(pk=meeting_id)
    )
    if not can_manage_meeting(user, meeting):
        raise PermissionDenied
    errors = {}
    if status not in Meeting.Status.values:
        errors["status"] = _("Choose a status from the list.")
    for field, value in (
        ("attendance_women", attendance_women),
        ("attendance_men", attendance_men),
    ):
        if not isinstance(value, int) or not 0 <= value <= 1000:
            errors[field] = _("Enter a number from 0 to 1000.")
    checked_pdf = None
    if minutes_pdf is not None:
        try:
            checked_pdf = upload_check(minutes_pdf, kinds=(PDF,))
        except ValidationError as exc:
            errors["minutes_pdf"] = exc.messages
    if errors:
        raise ValidationError(errors)
    meeting.status = status
    meeting.minutes = clean_text(minutes)
    meeting.attendance_women, meeting.attendance_men = attendance_women, attendance_men
    if checked_pdf is not None:
        meeting.minutes_pdf = checked_pdf.content
    meeting.save()
    MeetingEvent.objects.create(
        meeting=meeting, action=MeetingEvent.Action.RECORDED, actor=user, detail=status
    )
    commune_pages_changed(meeting.committee.commune)
    return meeting


def _without_language(path: str) -> str:
    """`/ar/meetings/5/` → `/meetings/5/`: the timeline adds the reader's language."""
    return "/" + path.lstrip("/").split("/", 1)[1]


@transaction.atomic
def decision_record(
    *,
    user: Actor,
    meeting_id: int,
    text: str,
    commitment_id: int | None = None,
    milestone_title: str = "",
    milestone_due: datetime.date | None = None,
) -> Decision:
    """Record a decision; if it points at a commitment, it goes on that commitment's timeline
    and may add a dated milestone to it."""
    meeting = Meeting.objects.select_related("committee__commune").get(pk=meeting_id)
    if not can_manage_meeting(user, meeting):
        raise PermissionDenied
    errors = {}
    text = clean_text(text)
    if len(text) < 3:
        errors["text"] = _("Write the decision.")
    commitment = None
    if commitment_id:
        commitment = commitment_of_commune(
            commitment_id=commitment_id, commune_id=meeting.committee.commune_id
        )
        if commitment is None:
            errors["commitment"] = _("This commitment is not one of the meeting's commune.")
    if milestone_title and not commitment_id:
        errors["milestone_title"] = _("A milestone can only be added to a commitment.")
    if milestone_title and not isinstance(milestone_due, datetime.date):
        errors["milestone_due"] = _("Give the milestone a due date.")
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(meeting=meeting, text=text, commitment=commitment)
    MeetingEvent.objects.create(
        meeting=meeting, action=MeetingEvent.Action.DECISION, actor=user, detail=text[:200]
    )
    if commitment is not None:
        entry = commitment_record_decision(
            author=user,
            commitment_id=commitment.pk,
            text=text,
            source_url=_without_language(reverse("meeting_detail", args=[meeting.pk])),
            milestone_title=clean_text(milestone_title),
            milestone_due=milestone_due,
        )
        if entry.milestone_id:
            decision.milestone_id = entry.milestone_id
            decision.save(update_fields=["milestone"])
    commune_pages_changed(meeting.committee.commune)
    return decision
