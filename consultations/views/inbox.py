from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import is_observatory_staff
from consultations.forms import AnswerForm, InboxFilterForm, RejectForm
from consultations.permissions import (
    can_handle_feedback,
    can_moderate_feedback,
    can_see_personal_data,
    can_use_inbox,
)
from consultations.selectors.feedback import feedback_for_handling, feedback_inbox
from consultations.services import feedback as services
from uploads.serving import checked_file_response
from web.pagination import query_without_page
from web.refusal import refuse

PAGE_SIZE = 25


@require_safe
@login_required
def inbox(request):
    if not can_use_inbox(request.user):
        return refuse(request)
    filters = InboxFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    feedback = feedback_inbox(
        user=request.user,
        state=data.get("state", ""),
        kind=data.get("kind", ""),
        overdue=data.get("overdue", False),
        query=data.get("q", ""),
        commune_id=data["commune"].pk if data.get("commune") else None,
    )
    page = Paginator(feedback, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page": page,
        "is_staff": is_observatory_staff(request.user),
        "query_string": query_without_page(request.GET),
    }
    return render(request, "consultations/inbox.html", context)


@require_safe
@login_required
def inbox_detail(request, feedback_id: int):
    feedback = feedback_for_handling(feedback_id=feedback_id)
    if not can_handle_feedback(request.user, feedback):
        return refuse(request)
    return _render_detail(request, feedback, AnswerForm())


def _render_detail(request, feedback, answer_form, status=200):
    context = {
        "feedback": feedback,
        "events": feedback.events.select_related("actor").order_by("at", "pk"),
        "show_personal_data": can_see_personal_data(request.user, feedback),
        "can_moderate": can_moderate_feedback(request.user, feedback),
        "answer_form": answer_form,
        "reject_form": RejectForm(),
    }
    return render(request, "consultations/inbox_detail.html", context, status=status)


ACTIONS = {
    "acknowledge": lambda user, pk, post: services.feedback_acknowledge(user=user, feedback_id=pk),
    "close": lambda user, pk, post: services.feedback_close(user=user, feedback_id=pk),
    "publish": lambda user, pk, post: services.feedback_set_published(
        user=user, feedback_id=pk, published=True
    ),
    "unpublish": lambda user, pk, post: services.feedback_set_published(
        user=user, feedback_id=pk, published=False
    ),
    "answer": lambda user, pk, post: services.feedback_answer(
        user=user, feedback_id=pk, answer=post.get("answer", "")
    ),
    "reject": lambda user, pk, post: services.feedback_reject(
        user=user, feedback_id=pk, reason=post.get("reason", "")
    ),
}
DONE = {
    "acknowledge": _("The sender can see that their feedback was received."),
    "close": _("Closed."),
    "publish": _("Published on the commune page (without name or contact)."),
    "unpublish": _("Kept private."),
    "answer": _("Answer saved."),
    "reject": _("Rejected; the sender sees the reason."),
}


@require_POST
@login_required
def inbox_action(request, feedback_id: int, action: str):
    feedback = feedback_for_handling(feedback_id=feedback_id)
    allowed = (
        can_moderate_feedback(request.user, feedback)
        if action in ("publish", "unpublish", "reject")
        else can_handle_feedback(request.user, feedback)
    )
    if action not in ACTIONS or not allowed:
        return refuse(request)
    try:
        ACTIONS[action](request.user, feedback.pk, request.POST)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        if action == "answer":
            # Nothing typed is lost: the answer comes back in the form.
            form = AnswerForm({"answer": request.POST.get("answer", "")})
            return _render_detail(request, feedback, form, status=400)
    else:
        messages.success(request, DONE[action])
    return redirect("inbox_detail", feedback_id=feedback.pk)


@require_safe
@login_required
def inbox_voice(request, feedback_id: int):
    """A resident's voice message: personal data, heard only by those who may see it."""
    feedback = feedback_for_handling(feedback_id=feedback_id)
    if not can_see_personal_data(request.user, feedback):
        return refuse(request)
    if not feedback.voice:
        raise Http404
    return checked_file_response(feedback.voice)
