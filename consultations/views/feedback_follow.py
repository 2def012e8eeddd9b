"""Following one's feedback with its code: the box anyone can type a code into, the follow page,
the short link sent by SMS, erasing one's contact, and saying whether the answer helped.

Look-ups by code are limited per address (FOLLOW_RATE_LIMIT per ten minutes): a code cannot be
guessed by trying many."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from consultations.forms import FollowForm, VerdictForm
from consultations.selectors.feedback import feedback_find_by_code, feedback_history
from consultations.services.contacts import contact_mask
from consultations.services.feedback import feedback_erase_on_request
from consultations.services.feedback_verdict import feedback_resident_verdict
from consultations.services.tracking_codes import tracking_code_clean
from web.forms import add_service_errors
from web.ratelimit import client_address, limit_count, limit_reached

FOLLOW_WINDOW = 600


def _follow_url(code: str, language: str | None = None) -> str:
    path = reverse("feedback_follow", kwargs={"code": code})
    if language:  # the short link: the follow page in the language the feedback was sent in
        path = f"/{language}/" + path.lstrip("/").split("/", 1)[1]
    return path


def _limited(request) -> bool:
    """Counts this look-up; True once the address has made too many."""
    address = client_address(request)
    limit = settings.FOLLOW_RATE_LIMIT
    if limit_reached("follow", address, limit=limit, window=FOLLOW_WINDOW):
        return True
    limit_count("follow", address, window=FOLLOW_WINDOW)
    return False


def _lookup_page(request, form, *, status: int):
    context = {"form": form, "limited": status == 429}
    return render(request, "consultations/feedback_lookup.html", context, status=status)


@require_safe
def feedback_lookup(request):
    """The follow box: a code as typed (lower case, no dash, spaces, Arabic digits) goes to its
    feedback's page; an unknown one gets the box again, and what to check."""
    form = FollowForm(request.GET or None)
    if not request.GET:
        return _lookup_page(request, form, status=200)
    if _limited(request):
        return _lookup_page(request, form, status=429)
    if not form.is_valid():
        return _lookup_page(request, form, status=400)
    feedback = feedback_find_by_code(code=form.cleaned_data["code"])
    if feedback is None:
        form.add_error(
            "code",
            _(
                "No feedback has this code. Check it against the message you received: ten "
                "letters and digits, such as ABCDE-23456."
            ),
        )
        return _lookup_page(request, form, status=404)
    return redirect(_follow_url(feedback.tracking_code))


def _feedback_or_lookup(request, code: str):
    """The feedback, or the look-up page to answer with (limited or unknown code)."""
    if _limited(request):
        return None, _lookup_page(request, FollowForm({"code": code}), status=429)
    feedback = feedback_find_by_code(code=code)
    if feedback is None:
        form = FollowForm({"code": code})
        form.is_valid()
        form.add_error(
            "code", _("No feedback has this code. Check it against the message you received.")
        )
        return None, _lookup_page(request, form, status=404)
    return feedback, None


def _follow_page(request, feedback, *, verdict_form=None, status=200):
    context = {
        "feedback": feedback,
        "history": feedback_history(feedback),
        "just_sent": request.GET.get("sent") == "1",
        "masked_contact": contact_mask(feedback.contact_kind, feedback.contact),
        "verdict_form": verdict_form or VerdictForm(),
        "follow_form": FollowForm(),
    }
    return render(request, "consultations/feedback_follow.html", context, status=status)


@require_safe
def feedback_follow(request, code: str):
    feedback, refusal = _feedback_or_lookup(request, code)
    if refusal:
        return refusal
    if feedback.tracking_code != code:  # typed in another form: the page has one address
        return redirect(_follow_url(feedback.tracking_code))
    return _follow_page(request, feedback)


@require_safe
def feedback_short_link(request, code: str):
    """/f/<code>, sent by SMS: the follow page in the language the feedback was written in."""
    feedback, refusal = _feedback_or_lookup(request, tracking_code_clean(code))
    if refusal:
        raise Http404
    return redirect(_follow_url(feedback.tracking_code, feedback.language))


@require_http_methods(["GET", "HEAD", "POST"])
def feedback_erase_contact(request, code: str):
    """A confirmation first (GET), then the erasure (POST): one click never erases."""
    feedback, refusal = _feedback_or_lookup(request, code)
    if refusal:
        return refusal
    if request.method == "POST":
        feedback_erase_on_request(tracking_code=feedback.tracking_code)
        messages.success(request, _("Your name, contact and recording have been erased."))
        return redirect(_follow_url(feedback.tracking_code))
    return render(request, "consultations/feedback_erase_confirm.html", {"feedback": feedback})


@require_POST
def feedback_verdict(request, code: str):
    feedback, refusal = _feedback_or_lookup(request, code)
    if refusal:
        return refusal
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            feedback_resident_verdict(
                tracking_code=feedback.tracking_code,
                helped=form.cleaned_data["helped"] == "yes",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: your answer is recorded."))
            return redirect(_follow_url(feedback.tracking_code))
    return _follow_page(request, feedback, verdict_form=form, status=400)
