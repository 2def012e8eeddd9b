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
from consultations.services import meetings as services
from taata_portal.files import checked_file_response
from taata_portal.forms import add_service_errors
from taata_portal.permissions import refuse
from taata_portal.selectors import commune_get

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _form_page(request, form, title, *, back, status=200):
    context = {"form": form, "title": title, "back": back}
    return render(request, "consultations/form_page.html", context, status=status)


def _submit(request, form, call):
    """Run a service with the form's data; on a validation error keep the form as typed."""
    if not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


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
    }
    return render(request, "consultations/committee_detail.html", context)


@GET_POST
def committee_new(request, code: str):
    commune = commune_get(code=code)
    if not can_manage_committees(request.user, commune):
        return refuse(request)
    form = CommitteeForm(request.POST or None)
    if request.method == "POST":
        committee = _submit(
            request,
            form,
            lambda d: services.committee_create(user=request.user, commune_id=commune.pk, **d),
        )
        if committee:
            messages.success(request, _("Committee created."))
            return redirect("committee_detail", committee_id=committee.pk)
    return _form_page(
        request,
        form,
        _("New committee"),
        back=reverse("commune_detail", args=[commune.code]),
        status=400 if form.errors else 200,
    )


@GET_POST
def member_new(request, committee_id: int):
    committee = get_object_or_404(Committee.objects.select_related("commune"), pk=committee_id)
    if not can_manage_committees(request.user, committee.commune):
        return refuse(request)
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        member = _submit(
            request,
            form,
            lambda d: services.member_add(user=request.user, committee_id=committee.pk, **d),
        )
        if member:
            messages.success(request, _("Member added."))
            return redirect("committee_detail", committee_id=committee.pk)
    return _form_page(
        request,
        form,
        _("Add a member"),
        back=reverse("committee_detail", args=[committee.pk]),
        status=400 if form.errors else 200,
    )


@GET_POST
def meeting_new(request, committee_id: int):
    committee = get_object_or_404(Committee.objects.select_related("commune"), pk=committee_id)
    if not can_manage_committees(request.user, committee.commune):
        return refuse(request)
    form = MeetingScheduleForm(request.POST or None)
    if request.method == "POST":
        meeting = _submit(
            request,
            form,
            lambda d: services.meeting_schedule(user=request.user, committee_id=committee.pk, **d),
        )
        if meeting:
            messages.success(request, _("Meeting scheduled."))
            return redirect("meeting_detail", meeting_id=meeting.pk)
    return _form_page(
        request,
        form,
        _("Schedule a meeting"),
        back=reverse("committee_detail", args=[committee.pk]),
        status=400 if form.errors else 200,
    )


@require_safe
def meeting_detail(request, meeting_id: int):
    meeting = meeting_get(meeting_id=meeting_id)
    context = {"meeting": meeting, "can_manage": can_manage_meeting(request.user, meeting)}
    return render(request, "consultations/meeting_detail.html", context)


@require_safe
def meeting_minutes_pdf(request, meeting_id: int):
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    if not meeting.minutes_pdf:
        raise Http404
    return checked_file_response(meeting.minutes_pdf)


@GET_POST
def meeting_record(request, meeting_id: int):
    meeting = get_object_or_404(Meeting.objects.select_related("committee__commune"), pk=meeting_id)
    if not can_manage_meeting(request.user, meeting):
        return refuse(request)
    initial = {
        "status": meeting.status,
        "minutes": meeting.minutes,
        "attendance_women": meeting.attendance_women,
        "attendance_men": meeting.attendance_men,
    }
    form = MeetingRecordForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        saved = _submit(
            request,
            form,
            lambda d: services.meeting_record(user=request.user, meeting_id=meeting.pk, **d),
        )
        if saved:
            messages.success(request, _("Meeting record saved."))
            return redirect("meeting_detail", meeting_id=meeting.pk)
    return _form_page(
        request,
        form,
        _("Minutes and attendance"),
        back=reverse("meeting_detail", args=[meeting.pk]),
        status=400 if form.errors else 200,
    )


@GET_POST
def decision_new(request, meeting_id: int):
    meeting = get_object_or_404(Meeting.objects.select_related("committee__commune"), pk=meeting_id)
    if not can_manage_meeting(request.user, meeting):
        return refuse(request)
    commune = meeting.committee.commune
    form = DecisionForm(request.POST or None, commune=commune)
    if request.method == "POST":

        def call(d):
            return services.decision_record(
                user=request.user,
                meeting_id=meeting.pk,
                text=d["text"],
                commitment_id=d["commitment"].pk if d["commitment"] else None,
                milestone_title=d["milestone_title"],
                milestone_due=d["milestone_due"],
            )

        if _submit(request, form, call):
            messages.success(request, _("Decision recorded."))
            return redirect("meeting_detail", meeting_id=meeting.pk)
    return _form_page(
        request,
        form,
        _("Record a decision"),
        back=reverse("meeting_detail", args=[meeting.pk]),
        status=400 if form.errors else 200,
    )
