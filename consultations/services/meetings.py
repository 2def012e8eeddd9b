"""Committees, their members, meetings, minutes and decisions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.types import Actor
from consultations.models import (
    AgendaItem,
    Committee,
    Decision,
    Meeting,
    MeetingEvent,
    Member,
)
from consultations.permissions import can_manage_committees, can_manage_meeting
from consultations.services.attendance import attendance_check, attendance_write
from consultations.services.public_pages import commune_consultations_changed
from recommendations.selectors.commitments import commitment_of_commune
from recommendations.services.decisions import commitment_record_decision
from territory.models import Commune
from text.cleaning import checked_text, clean_text, has_bidi_controls
from uploads.checks import PDF, upload_check

# Lengths of the stored text, after cleaning (text.cleaning.checked_text): the columns' sizes for
# short texts, and bounds that keep a page readable for long ones.
NAME_MAX = 200
PERSON_MAX = 150
PLACE_MAX = 200
AGENDA_ITEM_MAX = 300
AGENDA_ITEMS_MAX = 50
MINUTES_MAX = 20_000
DECISION_MAX = 2_000
MILESTONE_TITLE_MAX = 250
LONG_MAX = 5_000


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
    names = {
        field: checked_text(
            value,
            field=field,
            errors=errors,
            max_length=NAME_MAX,
            missing=_("Give the committee a name in Arabic.") if field == "name_ar" else "",
        )
        for field, value in (("name_ar", name_ar), ("name_fr", name_fr), ("name_en", name_en))
    }
    mandate = checked_text(mandate_ar, field="mandate_ar", errors=errors, max_length=LONG_MAX)
    if errors:
        raise ValidationError(errors)
    commune_consultations_changed(commune)
    return Committee.objects.create(
        commune=commune, kind=kind, mandate_ar=mandate, is_demo=is_demo, **names
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
    sex: str = "",
    age_group: str = "",
) -> Member:
    committee = Committee.objects.select_related("commune").get(pk=committee_id)
    if not can_manage_committees(user, committee.commune):
        raise PermissionDenied
    errors = {}
    if has_bidi_controls(name):
        errors["name"] = _("Enter the member's name (without control characters).")
    name = checked_text(
        name,
        field="name",
        errors=errors,
        max_length=PERSON_MAX,
        missing=_("Enter the member's name (without control characters)."),
    )
    contact = checked_text(contact, field="contact", errors=errors, max_length=PERSON_MAX)
    if group not in Member.Group.values:
        errors["group"] = _("Choose a group from the list.")
    if role not in Member.Role.values:
        errors["role"] = _("Choose a role from the list.")
    if sex not in ("", *Member.Sex.values):
        errors["sex"] = _("Choose from the list, or leave it empty.")
    if age_group not in ("", *Member.AgeGroup.values):
        errors["age_group"] = _("Choose from the list, or leave it empty.")
    if not isinstance(since, datetime.date):
        errors["since"] = _("Enter a valid date.")
    if errors:
        raise ValidationError(errors)
    commune_consultations_changed(committee.commune)  # the composition, in aggregate
    return Member.objects.create(
        committee=committee,
        name=name,
        group=group,
        role=role,
        since=since,
        contact=contact,
        user=member_user,
        sex=sex,
        age_group=age_group,
    )


def _agenda_lines(agenda: str, errors: dict) -> list[str]:
    """One item per line; a line too long is refused, never cut."""
    if not isinstance(agenda, str):
        return []
    lines = [line for line in (clean_text(x) for x in agenda.splitlines()) if line]
    if len(lines) > AGENDA_ITEMS_MAX:
        errors["agenda"] = _("An agenda has at most %(max)d items.") % {"max": AGENDA_ITEMS_MAX}
    for number, line in enumerate(lines, start=1):
        if len(line) > AGENDA_ITEM_MAX:
            errors["agenda"] = _(
                "Item %(number)d of the agenda is too long: at most %(max)d characters."
            ) % {"number": number, "max": AGENDA_ITEM_MAX}
            break
    return lines


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
    errors = {}
    place = checked_text(
        place,
        field="place",
        errors=errors,
        max_length=PLACE_MAX,
        missing=_("Say where the meeting takes place."),
    )
    lines = _agenda_lines(agenda, errors)
    if not isinstance(starts_at, datetime.datetime):
        errors["starts_at"] = _("Enter a valid date and time.")
    if errors:
        raise ValidationError(errors)
    meeting = Meeting.objects.create(
        committee=committee,
        starts_at=starts_at,
        place=place,
        created_by=user,
        is_demo=is_demo,
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=i, title=line) for i, line in enumerate(lines, start=1)
    )
    MeetingEvent.objects.create(meeting=meeting, action=MeetingEvent.Action.SCHEDULED, actor=user)
    commune_consultations_changed(committee.commune)
    return meeting


@transaction.atomic
def meeting_record(
    *,
    user: Actor,
    meeting_id: int,
    status: str,
    minutes: str = "",
    minutes_pdf: UploadedFile | None = None,
    attendance: dict[int, str] | None = None,
    guests: dict[str, tuple[int, int]] | None = None,
) -> Meeting:
    """Record what happened: status, minutes (text and an optional PDF), who of the members
    came (present, excused, absent) and the guests by group (women, men). The meeting's
    totals of women and men present are worked out here, from those, and nowhere else."""
    meeting = (
        Meeting.objects.select_for_update().select_related("committee__commune").get(pk=meeting_id)
    )
    if not can_manage_meeting(user, meeting):
        raise PermissionDenied
    errors = {}
    if status not in Meeting.Status.values:
        errors["status"] = _("Choose a status from the list.")
    attendance, guests = attendance_check(meeting, attendance or {}, guests or {}, errors)
    minutes = checked_text(minutes, field="minutes", errors=errors, max_length=MINUTES_MAX)
    checked_pdf = None
    if minutes_pdf is not None:
        try:
            checked_pdf = upload_check(minutes_pdf, kinds=(PDF,))
        except ValidationError as exc:
            errors["minutes_pdf"] = exc.messages
    if errors:
        raise ValidationError(errors)
    meeting.status = status
    meeting.minutes = minutes
    if checked_pdf is not None:
        meeting.minutes_pdf = checked_pdf.content
    attendance_write(meeting, attendance, guests)
    meeting.save()
    MeetingEvent.objects.create(
        meeting=meeting, action=MeetingEvent.Action.RECORDED, actor=user, detail=status
    )
    commune_consultations_changed(meeting.committee.commune)
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
    text = checked_text(
        text,
        field="text",
        errors=errors,
        min_length=3,
        max_length=DECISION_MAX,
        missing=_("Write the decision."),
    )
    milestone_title = checked_text(
        milestone_title, field="milestone_title", errors=errors, max_length=MILESTONE_TITLE_MAX
    )
    commitment = None
    if commitment_id:
        commitment = commitment_of_commune(
            commitment_id=commitment_id, commune_id=meeting.committee.commune_id, public_only=True
        )
        if commitment is None:
            errors["commitment"] = _("Choose a public commitment of the meeting's commune.")
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
            milestone_title=milestone_title,
            milestone_due=milestone_due,
        )
        if entry.milestone_id:
            decision.milestone_id = entry.milestone_id
            decision.save(update_fields=["milestone"])
    commune_consultations_changed(meeting.committee.commune)
    return decision
