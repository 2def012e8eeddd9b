"""Residents' feedback: submission, the lifecycle, moderation and erasure of personal data."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.types import Actor
from consultations.models import Feedback, FeedbackEvent, Meeting
from consultations.permissions import can_handle_feedback, can_moderate_feedback
from recommendations.selectors.commitments import commitment_of_commune
from recommendations.selectors.recommendations import recommendation_find
from territory.models import Commune
from text.arabic import normalise
from text.cleaning import clean_text, has_bidi_controls

from .contacts import contact_parse
from .tracking_codes import tracking_code_new

TEXT_MIN, TEXT_MAX = 10, 5000
NAME_MAX = 120


def _check_text(text: str, errors: dict) -> str:
    if "\x00" in (text or ""):
        errors["text"] = _("The text contains characters that are not allowed.")
        return ""
    text = clean_text(text)
    if len(text) < TEXT_MIN:
        errors["text"] = _("Write at least %(min)d characters.") % {"min": TEXT_MIN}
    elif len(text) > TEXT_MAX:
        errors["text"] = _("Write at most %(max)d characters.") % {"max": TEXT_MAX}
    return text


def _check_name(name: str, errors: dict) -> str:
    if has_bidi_controls(name) or "\x00" in (name or ""):
        errors["name"] = _("The name contains characters that are not allowed.")
        return ""
    name = clean_text(name)
    if len(name) > NAME_MAX:
        errors["name"] = _("The name is too long.")
    return name


def _check_subject(
    commune_id: int,
    recommendation_id: int | None,
    commitment_id: int | None,
    meeting_id: int | None,
    errors: dict,
) -> dict:
    """What the feedback is about must exist, and a commitment or meeting must be the commune's."""
    subject = {}
    if recommendation_id:
        subject["recommendation"] = recommendation_find(recommendation_id=recommendation_id)
        if subject["recommendation"] is None:
            errors["recommendation"] = _("Choose a recommendation from the list.")
    if commitment_id:
        commitment = commitment_of_commune(
            commitment_id=commitment_id, commune_id=commune_id, public_only=True
        )
        if commitment is None:
            errors["commitment"] = _("This commitment is not one of the chosen commune's.")
        subject["commitment"] = commitment
    if meeting_id:
        meeting = Meeting.objects.filter(pk=meeting_id, committee__commune_id=commune_id).first()
        if meeting is None:
            errors["meeting"] = _("This meeting is not one of the chosen commune's.")
        subject["meeting"] = meeting
    return subject


def feedback_submit(
    *,
    commune_id: int,
    kind: str,
    text: str,
    name: str = "",
    contact: str = "",
    consent_to_contact: bool = False,
    recommendation_id: int | None = None,
    commitment_id: int | None = None,
    meeting_id: int | None = None,
    is_demo: bool = False,
) -> Feedback:
    """Validate everything, then store the feedback with a fresh tracking code.

    Raises ValidationError (a dict of field errors in the active language); nothing is stored
    then.
    """
    errors = {}
    if not Commune.objects.filter(pk=commune_id).exists():
        errors["commune"] = _("Choose a commune from the list.")
    if kind not in Feedback.Kind.values:
        errors["kind"] = _("Choose complaint, observation or suggestion.")
    text = _check_text(text, errors)
    name = _check_name(name, errors)
    parsed = contact_parse(contact)
    if (contact or "").strip() and parsed is None:
        errors["contact"] = _(
            "Enter a Moroccan phone number (06…, 07…, +212…) or an email address."
        )
    elif parsed and not consent_to_contact:
        errors["consent_to_contact"] = _(
            "Tick the box to agree to be contacted, or leave the contact empty."
        )
    subject = _check_subject(commune_id, recommendation_id, commitment_id, meeting_id, errors)
    if errors:
        raise ValidationError(errors)

    kind_of_contact, contact_value = parsed or ("", "")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                feedback = Feedback.objects.create(
                    tracking_code=tracking_code_new(),
                    commune_id=commune_id,
                    kind=kind,
                    text=text,
                    search_text=normalise(text),
                    name=name,
                    contact=contact_value,
                    contact_kind=kind_of_contact,
                    consent_to_contact=bool(parsed),
                    is_demo=is_demo,
                    **subject,
                )
                FeedbackEvent.objects.create(feedback=feedback, action="submitted")
                return feedback
        except IntegrityError:
            # A tracking code collision (vanishingly rare): draw another.
            continue
    raise RuntimeError("could not draw a unique tracking code")


# --- Lifecycle --------------------------------------------------------------------------------

S = Feedback.State
TRANSITIONS = {
    "acknowledge": ({S.RECEIVED}, S.ACKNOWLEDGED),
    "answer": ({S.RECEIVED, S.ACKNOWLEDGED}, S.ANSWERED),
    "close": ({S.ANSWERED}, S.CLOSED),
    "reject": ({S.RECEIVED, S.ACKNOWLEDGED}, S.REJECTED),
}


def _locked(feedback_id: int) -> Feedback:
    return Feedback.objects.select_for_update().get(pk=feedback_id)


def _move(feedback: Feedback, action: str) -> None:
    allowed_from, to = TRANSITIONS[action]
    if feedback.state not in allowed_from:
        raise ValidationError(
            _("This feedback is %(state)s: it cannot be %(action)s now.")
            % {"state": feedback.get_state_display(), "action": _ACTION_LABELS[action]}
        )
    feedback.state = to


_ACTION_LABELS = {
    "acknowledge": _("acknowledged"),
    "answer": _("answered"),
    "close": _("closed"),
    "reject": _("rejected"),
}


def _record(feedback: Feedback, action: str, actor: Actor | None, detail: str = "") -> None:
    FeedbackEvent.objects.create(feedback=feedback, action=action, actor=actor, detail=detail)


@transaction.atomic
def feedback_acknowledge(*, user: Actor, feedback_id: int) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_handle_feedback(user, feedback):
        raise PermissionDenied
    _move(feedback, "acknowledge")
    feedback.acknowledged_at = timezone.now()
    feedback.save(update_fields=["state", "acknowledged_at"])
    _record(feedback, FeedbackEvent.Action.ACKNOWLEDGED, user)
    return feedback


@transaction.atomic
def feedback_answer(*, user: Actor, feedback_id: int, answer: str) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_handle_feedback(user, feedback):
        raise PermissionDenied
    answer = clean_text(answer)
    if len(answer) < 2:
        raise ValidationError({"answer": _("Write the answer.")})
    if len(answer) > TEXT_MAX:
        raise ValidationError(
            {"answer": _("Write at most %(max)d characters.") % {"max": TEXT_MAX}}
        )
    _move(feedback, "answer")
    now = timezone.now()
    feedback.acknowledged_at = feedback.acknowledged_at or now
    feedback.answer, feedback.answered_by, feedback.answered_at = answer, user, now
    feedback.save(
        update_fields=["state", "acknowledged_at", "answer", "answered_by", "answered_at"]
    )
    _record(feedback, FeedbackEvent.Action.ANSWERED, user)
    return feedback


@transaction.atomic
def feedback_close(*, user: Actor, feedback_id: int) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_handle_feedback(user, feedback):
        raise PermissionDenied
    _move(feedback, "close")
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["state", "closed_at"])
    _record(feedback, FeedbackEvent.Action.CLOSED, user)
    return feedback


@transaction.atomic
def feedback_reject(*, user: Actor, feedback_id: int, reason: str) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_moderate_feedback(user, feedback):
        raise PermissionDenied
    if reason not in Feedback.RejectReason.values:
        raise ValidationError({"reason": _("Choose a reason from the list.")})
    _move(feedback, "reject")
    feedback.reject_reason, feedback.is_published = reason, False
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["state", "reject_reason", "is_published", "closed_at"])
    _record(feedback, FeedbackEvent.Action.REJECTED, user, detail=reason)
    return feedback


@transaction.atomic
def feedback_set_published(*, user: Actor, feedback_id: int, published: bool) -> Feedback:
    """Publish the text (and the answer once there is one) — never the name or contact."""
    feedback = _locked(feedback_id)
    if not can_moderate_feedback(user, feedback):
        raise PermissionDenied
    if published and feedback.state == S.REJECTED:
        raise ValidationError(_("Rejected feedback cannot be published."))
    feedback.is_published = published
    feedback.save(update_fields=["is_published"])
    action = FeedbackEvent.Action.PUBLISHED if published else FeedbackEvent.Action.UNPUBLISHED
    _record(feedback, action, user)
    return feedback


# --- Personal data ----------------------------------------------------------------------------


def _erase(feedback: Feedback, actor: Actor | None = None, detail: str = "") -> None:
    feedback.name = feedback.contact = feedback.contact_kind = ""
    feedback.consent_to_contact = False
    feedback.personal_data_erased_at = timezone.now()
    feedback.save(
        update_fields=[
            "name",
            "contact",
            "contact_kind",
            "consent_to_contact",
            "personal_data_erased_at",
        ]
    )
    _record(feedback, FeedbackEvent.Action.ERASED, actor, detail=detail)


@transaction.atomic
def feedback_erase_on_request(*, tracking_code: str) -> Feedback:
    """The sender, holding the code, asks for their name and contact to be erased at once."""
    feedback = Feedback.objects.select_for_update().get(tracking_code=tracking_code)
    if feedback.name or feedback.contact:
        _erase(feedback, detail="sender's request")
    return feedback


def feedback_erase_expired(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Erase names and contacts from feedback closed (or rejected) more than `days` ago."""
    now = now or timezone.now()
    days = settings.FEEDBACK_PERSONAL_DATA_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    expired = Feedback.objects.filter(
        state__in=[S.CLOSED, S.REJECTED], closed_at__lt=cutoff, personal_data_erased_at__isnull=True
    ).exclude(name="", contact="")
    count = 0
    for pk in expired.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            _erase(_locked(pk), detail=f"closed more than {days} days ago")
            count += 1
    return count
