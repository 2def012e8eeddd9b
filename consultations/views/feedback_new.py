import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from consultations.forms import FeedbackForm
from consultations.services.feedback_submission import feedback_submit
from territory.models import Commune
from web.forms import add_service_errors
from web.ratelimit import client_address, limit_count, limit_reached

RATE_WINDOW = 3600
COMMUNE_CODE = re.compile(r"\d{2}\.\d{3}\.\d{2}\.\d{2}")  # the official code, 09.551.01.07


@require_http_methods(["GET", "HEAD", "POST"])
def feedback_new(request):
    address = client_address(request)
    limit = settings.FEEDBACK_RATE_LIMIT
    if request.method == "POST":
        form = FeedbackForm(request.POST, request.FILES)
        if limit_reached("feedback", address, limit=limit, window=RATE_WINDOW):
            # The message comes back in the form: nothing typed is lost.
            context = {"form": form, "rate_limited": True}
            return render(request, "consultations/feedback_new.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                feedback = feedback_submit(
                    commune_id=data["commune"].pk,
                    kind=data["kind"],
                    text=data["text"],
                    name=data["name"],
                    contact=data["contact"],
                    consent_to_contact=data["consent_to_contact"],
                    recommendation_id=data["recommendation"].pk if data["recommendation"] else None,
                    commitment_id=data["commitment"],
                    meeting_id=data["meeting"],
                    voice=data["voice"],
                    language=request.LANGUAGE_CODE,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                limit_count("feedback", address, window=RATE_WINDOW)
                return redirect(f"{_follow_url(feedback.tracking_code)}?sent=1")
        status = 400
    else:
        form = FeedbackForm(initial=_initial_from_query(request.GET))
        status = 200
    return render(request, "consultations/feedback_new.html", {"form": form}, status=status)


def _initial_from_query(query) -> dict:
    """Links from a commune, commitment or meeting page preselect what the feedback is about."""
    initial = {}
    code = query.get("commune", "")
    if COMMUNE_CODE.fullmatch(code):
        initial["commune"] = Commune.objects.filter(code=code).first()
    for key in ("commitment", "meeting"):
        value = query.get(key, "")
        if value.isascii() and value.isdigit() and len(value) < 10:
            initial[key] = int(value)
    return initial


def _follow_url(code: str) -> str:
    return reverse("feedback_follow", kwargs={"code": code})
