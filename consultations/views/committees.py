from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from consultations.forms import (
    CommitteeForm,
    DecisionForm,
    MeetingRecordForm,
    MeetingScheduleForm,
    MemberForm,
)
from consultations.models import Committee, Meeting
from consultations.permissions import (
    can_manage_committees,
    can_manage_meeting,
    can_see_member_contacts,
)
from consultations.selectors.committees import committee_get, committee_members, meeting_get
from consultations.selectors.parity import (
    committee_parity,
    current_members,
    meeting_attendance,
    meeting_attendance_by_member,
    meeting_guests_by_group,
)
from consultations.services import meetings as services
from recommendations.permissions import can_read_commitment
from territory.selectors import commune_get
from uploads.serving import checked_file_response
from web.forms import add_service_errors
from web.refusal import refuse

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def service_form(
    request, form, *, call, done, success, title, back, template="consultations/form_page.html"
):
    """The shape every management form shares: on POST run the service with the form's data
    and go to `done(result)`; otherwise, or on a validation error, show the form as typed (with
    a 400 when it carries errors)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = call(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(done(result))
    context = {"form": form, "title": title, "back": back}
    status = 400 if form.errors else 200
    return render(request, template, context, status=status)


@require_safe
def committee_detail(request, committee_id: int):
    committee = committee_get(committee_id=committee_id)
    can_manage = can_manage_committees(request.user, committee.commune)
    context = {
        "committee": committee,
        "can_manage": can_manage,
        "members": committee_members(committee=committee)
        if can_see_member_contacts(request.user, committee)
        else None,
        "meetings": committee.meetings.order_by("-starts_at")[:20],
        "parity": committee_parity(committee=committee),
    }
    return render(request, "consultations/committee_detail.html", context)


@GET_POST
def committee_new(request, code: str):
    commune = commune_get(code=code)
    if not can_manage_committees(request.user, commune):
        return refuse(request)
    return service_form(
        request,
        CommitteeForm(request.POST or None),
        call=lambda d: services.committee_create(user=request.user, commune_id=commune.pk, **d),
        done=lambda committee: reverse("committee_detail", args=[committee.pk]),
        success=_("Committee created."),
        title=_("New committee"),
        back=reverse("commune_detail", args=[commune.code]),
    )


def _managed_committee(request, committee_id: int):
    committee = get_object_or_404(Committee.objects.select_related("commune"), pk=committee_id)
    return committee, can_manage_committees(request.user, committee.commune)


@GET_POST
def member_new(request, committee_id: int):
    committee, allowed = _managed_committee(request, committee_id)
    if not allowed:
        return refuse(request)
    return service_form(
        request,
        MemberForm(request.POST or None),
        call=lambda d: services.member_add(user=request.user, committee_id=committee.pk, **d),
        done=lambda _member: reverse("committee_detail", args=[committee.pk]),
        success=_("Member added."),
        title=_("Add a member"),
        back=reverse("committee_detail", args=[committee.pk]),
    )


@GET_POST
def meeting_new(request, committee_id: int):
    committee, allowed = _managed_committee(request, committee_id)
    if not allowed:
        return refuse(request)
    return service_form(
        request,
        MeetingScheduleForm(request.POST or None),
        call=lambda d: services.meeting_schedule(user=request.user, committee_id=committee.pk, **d),
        done=lambda meeting: reverse("meeting_detail", args=[meeting.pk]),
        success=_("Meeting scheduled."),
        title=_("Schedule a meeting"),
        back=reverse("committee_detail", args=[committee.pk]),
    )


@require_safe
def meeting_detail(request, meeting_id: int):
    meeting = meeting_get(meeting_id=meeting_id)
    # A decision names its commitment only to those who may read it (recommendations'
    # can_read_commitment: public, or theirs to update): a commitment made non-public since the
    # decision keeps its title out of this public page.
    decisions = [
        (
            d,
            d.commitment
            if d.commitment and can_read_commitment(request.user, d.commitment)
            else None,
        )
        for d in meeting.decisions.all()
    ]
    context = {
        "meeting": meeting,
        "decisions": decisions,
        "attendance": meeting_attendance(meeting=meeting),
        "can_manage": can_manage_meeting(request.user, meeting),
    }
    return render(request, "consultations/meeting_detail.html", context)


@require_safe
def meeting_minutes_pdf(request, meeting_id: int):
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    if not meeting.minutes_pdf:
        raise Http404
    return checked_file_response(meeting.minutes_pdf)


def _managed_meeting(request, meeting_id: int):
    meeting = get_object_or_404(Meeting.objects.select_related("committee__commune"), pk=meeting_id)
    return meeting, can_manage_meeting(request.user, meeting)


@GET_POST
def meeting_record(request, meeting_id: int):
    meeting, allowed = _managed_meeting(request, meeting_id)
    if not allowed:
        return refuse(request)
    initial = {"status": meeting.status, "minutes": meeting.minutes}
    form = MeetingRecordForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        members=current_members(meeting.committee).order_by("name"),
        attendance=meeting_attendance_by_member(meeting=meeting),
        guests=meeting_guests_by_group(meeting=meeting),
    )
    return service_form(
        request,
        form,
        call=lambda d: services.meeting_record(user=request.user, meeting_id=meeting.pk, **d),
        done=lambda _meeting: reverse("meeting_detail", args=[meeting.pk]),
        success=_("Meeting record saved."),
        title=_("Minutes and attendance"),
        back=reverse("meeting_detail", args=[meeting.pk]),
        template="consultations/meeting_record.html",
    )


@GET_POST
def decision_new(request, meeting_id: int):
    meeting, allowed = _managed_meeting(request, meeting_id)
    if not allowed:
        return refuse(request)
    return service_form(
        request,
        DecisionForm(request.POST or None, commune=meeting.committee.commune),
        call=lambda d: services.decision_record(
            user=request.user,
            meeting_id=meeting.pk,
            text=d["text"],
            commitment_id=d["commitment"].pk if d["commitment"] else None,
            milestone_title=d["milestone_title"],
            milestone_due=d["milestone_due"],
        ),
        done=lambda _decision: reverse("meeting_detail", args=[meeting.pk]),
        success=_("Decision recorded."),
        title=_("Record a decision"),
        back=reverse("meeting_detail", args=[meeting.pk]),
    )
