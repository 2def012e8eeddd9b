"""Residents' feedback after it is received: the lifecycle, moderation and erasure of
personal data. Every action is recorded as a FeedbackEvent (the audit trail)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.types import Actor
from consultations.models import Feedback, FeedbackEvent
from consultations.permissions import can_handle_feedback, can_moderate_feedback
from text.cleaning import clean_text

from .feedback_submission import TEXT_MAX
from .public_pages import answers_page_changed, commune_consultations_changed
from .resident_messages import resident_messages_cancel, resident_tell

# --- Lifecycle --------------------------------------------------------------------------------

S = Feedback.State
TRANSITIONS = {
    "acknowledge": ({S.RECEIVED}, S.ACKNOWLEDGED),
    "answer": ({S.RECEIVED, S.ACKNOWLEDGED}, S.ANSWERED),
    "close": ({S.ANSWERED}, S.CLOSED),
    "reject": ({S.RECEIVED, S.ACKNOWLEDGED}, S.REJECTED),
    # The resident said the answer did not help: back to those who handle it, once.
    "reopen": ({S.ANSWERED, S.CLOSED}, S.ACKNOWLEDGED),
}


def _locked(feedback_id: int) -> Feedback:
    return Feedback.objects.select_for_update().get(pk=feedback_id)


def _move(feedback: Feedback, action: str) -> str:
    """Move the feedback to its next state; returns the state it left."""
    allowed_from, to = TRANSITIONS[action]
    if feedback.state not in allowed_from:
        raise ValidationError(
            _("This feedback is %(state)s: it cannot be %(action)s now.")
            % {"state": feedback.get_state_display(), "action": _ACTION_LABELS[action]}
        )
    before, feedback.state = feedback.state, to
    return before


_ACTION_LABELS = {
    "acknowledge": _("acknowledged"),
    "answer": _("answered"),
    "close": _("closed"),
    "reject": _("rejected"),
}


# What the public sees of a feedback (on its commune's page) changes with these, or with any
# action on a feedback that is published.
SHOWN_CHANGES = (
    FeedbackEvent.Action.PUBLISHED,
    FeedbackEvent.Action.UNPUBLISHED,
    FeedbackEvent.Action.REJECTED,
)


def _record(
    feedback: Feedback, action: str, actor: Actor | None, detail: str = "", *, before: str = ""
) -> None:
    """The event, with the move it made (`before` → the feedback's state; none if no move)."""
    FeedbackEvent.objects.create(
        feedback=feedback,
        action=action,
        actor=actor,
        detail=detail,
        state_before=before or feedback.state,
        state_after=feedback.state,
    )
    if feedback.is_published or action in SHOWN_CHANGES:
        commune_consultations_changed(feedback.commune)
    answers_page_changed()  # its response figures count every move


@transaction.atomic
def feedback_acknowledge(*, user: Actor, feedback_id: int) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_handle_feedback(user, feedback):
        raise PermissionDenied
    before = _move(feedback, "acknowledge")
    feedback.acknowledged_at = timezone.now()
    feedback.save(update_fields=["state", "acknowledged_at"])
    _record(feedback, FeedbackEvent.Action.ACKNOWLEDGED, user, before=before)
    resident_tell(feedback, "acknowledged")
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
    before = _move(feedback, "answer")
    now = timezone.now()
    feedback.acknowledged_at = feedback.acknowledged_at or now
    feedback.answer, feedback.answered_by, feedback.answered_at = answer, user, now
    feedback.save(
        update_fields=["state", "acknowledged_at", "answer", "answered_by", "answered_at"]
    )
    _record(feedback, FeedbackEvent.Action.ANSWERED, user, before=before)
    resident_tell(feedback, "answered")
    return feedback


@transaction.atomic
def feedback_close(*, user: Actor, feedback_id: int) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_handle_feedback(user, feedback):
        raise PermissionDenied
    before = _move(feedback, "close")
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["state", "closed_at"])
    _record(feedback, FeedbackEvent.Action.CLOSED, user, before=before)
    return feedback


@transaction.atomic
def feedback_reject(*, user: Actor, feedback_id: int, reason: str) -> Feedback:
    feedback = _locked(feedback_id)
    if not can_moderate_feedback(user, feedback):
        raise PermissionDenied
    if reason not in Feedback.RejectReason.values:
        raise ValidationError({"reason": _("Choose a reason from the list.")})
    before = _move(feedback, "reject")
    feedback.reject_reason, feedback.is_published = reason, False
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["state", "reject_reason", "is_published", "closed_at"])
    _record(feedback, FeedbackEvent.Action.REJECTED, user, detail=reason, before=before)
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
    if published:
        resident_tell(feedback, "published")
    return feedback


# --- Personal data ----------------------------------------------------------------------------


def _erase(feedback: Feedback, *, detail: str) -> None:
    """Name, contact and voice recording go; so does every message not sent yet to them. No one
    acts: the sender asked, or the retention period ran out (`detail` says which)."""
    feedback.name = feedback.contact = feedback.contact_kind = ""
    feedback.consent_to_contact = False
    feedback.personal_data_erased_at = timezone.now()
    if feedback.voice:
        feedback.voice.delete(save=False)
    feedback.voice, feedback.voice_seconds = "", None
    feedback.save(
        update_fields=[
            "name",
            "contact",
            "contact_kind",
            "consent_to_contact",
            "personal_data_erased_at",
            "voice",
            "voice_seconds",
        ]
    )
    # What the resident wrote when saying the answer did not help may quote them: it goes too,
    # by the one change the event log's trigger allows (emptying a detail, db.append_only).
    if feedback.resident_reason:
        feedback.resident_reason = ""
        feedback.save(update_fields=["resident_reason"])
        feedback.events.filter(action=FeedbackEvent.Action.NOT_HELPED).exclude(detail="").update(
            detail=""
        )
    resident_messages_cancel(feedback)
    _record(feedback, FeedbackEvent.Action.ERASED, None, detail=detail)


@transaction.atomic
def feedback_erase_on_request(*, tracking_code: str) -> Feedback:
    """The sender, holding the code, asks for their name and contact to be erased at once."""
    feedback = Feedback.objects.select_for_update().get(tracking_code=tracking_code)
    if feedback.name or feedback.contact or feedback.voice:
        _erase(feedback, detail="sender's request")
    return feedback


def feedback_erase_expired(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Erase names and contacts from feedback closed (or rejected) more than `days` ago."""
    now = now or timezone.now()
    days = settings.FEEDBACK_PERSONAL_DATA_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    expired = Feedback.objects.filter(
        state__in=[S.CLOSED, S.REJECTED], closed_at__lt=cutoff, personal_data_erased_at__isnull=True
    ).exclude(name="", contact="", voice="")
    count = 0
    for pk in expired.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            _erase(_locked(pk), detail=f"closed more than {days} days ago")
            count += 1
    return count
