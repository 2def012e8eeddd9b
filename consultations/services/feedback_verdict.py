"""The resident says whether the answer helped. "No" reopens the feedback once and tells the
observatory's staff; either way it is on the feedback's record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from consultations.models import Feedback, FeedbackEvent
from consultations.reminder_rules import REOPENED
from notifications.services.delivery import notify
from text.cleaning import clean_text
from text.languages import every_language

from .feedback import S, _move, _record

REASON_MAX = 1000


def _reason(reason: str) -> str:
    if not isinstance(reason, str) or "\x00" in reason:
        raise ValidationError({"reason": _("The text contains characters that are not allowed.")})
    reason = clean_text(reason)
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": _("Write at most %(max)d characters.") % {"max": REASON_MAX}}
        )
    return reason


def _tell_staff(feedback: Feedback) -> None:
    payload = {
        "title": every_language(lambda lang: feedback.tracking_code),
        "path": f"/inbox/{feedback.pk}/",
    }
    staff = User.objects.filter(role__in=[User.Role.STAFF, User.Role.ADMIN], is_active=True)
    for person in staff:
        notify(
            recipient=person,
            kind=REOPENED,
            dedup_key=f"reopened|{feedback.pk}|{person.pk}",
            payload=payload,
        )


@transaction.atomic
def feedback_resident_verdict(*, tracking_code: str, helped: bool, reason: str = "") -> Feedback:
    """Once the feedback is answered. Raises ValidationError when it is not, or when the
    reason cannot be kept; nothing changes then."""
    feedback = Feedback.objects.select_for_update().get(tracking_code=tracking_code)
    if feedback.state not in (S.ANSWERED, S.CLOSED):
        raise ValidationError(_("You can say whether the answer helped once there is one."))
    if feedback.resident_verdict:
        raise ValidationError(_("You have already said whether this answer helped. Thank you."))
    reason = _reason(reason)
    if helped:
        feedback.resident_verdict = Feedback.Verdict.HELPED
        feedback.save(update_fields=["resident_verdict"])
        _record(feedback, FeedbackEvent.Action.HELPED, None)
        return feedback
    feedback.resident_verdict, feedback.resident_reason = Feedback.Verdict.NOT_HELPED, reason
    fields = ["resident_verdict", "resident_reason"]
    _record(feedback, FeedbackEvent.Action.NOT_HELPED, None, detail=reason[:200])
    if feedback.reopened_at is None:
        before = _move(feedback, "reopen")
        # A new round: the resident may answer again after the next answer.
        feedback.reopened_at, feedback.resident_verdict = timezone.now(), ""
        fields += ["state", "reopened_at"]
        _record(feedback, FeedbackEvent.Action.REOPENED, None, before=before)
        _tell_staff(feedback)
    feedback.save(update_fields=fields)
    return feedback
