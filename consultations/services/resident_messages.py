"""Telling a resident what became of their feedback, by SMS or e-mail, in the language they
wrote in: when it is registered (with its code, which the resident then keeps on their phone),
taken up by the commune (acknowledged), answered, and published. Only with their consent and while
their contact is kept; through the outbox (after commit, exactly once, retried)."""

from django.conf import settings

from consultations.models import Feedback
from notifications.models import Notification
from notifications.services.delivery import notifications_cancel, notify_address
from text.languages import field_in_language

TEMPLATES = {
    "received": "consultations/messages/feedback_received",
    "acknowledged": "consultations/messages/feedback_acknowledged",
    "answered": "consultations/messages/feedback_answered",
    "published": "consultations/messages/feedback_published",
}


def _dedup_prefix(feedback: Feedback) -> str:
    return f"feedback|{feedback.pk}|"


def short_link(feedback: Feedback) -> str:
    """The follow page's address, short enough for an SMS (/f/<code> redirects)."""
    return f"{settings.SITE_URL}/f/{feedback.tracking_code}"


def resident_tell(feedback: Feedback, what: str) -> Notification | None:
    """`what` is received, acknowledged, answered or published. A second answer (after the
    resident said the first did not help) is a message of its own."""
    if not (feedback.consent_to_contact and feedback.contact):
        return None
    round_ = "2" if feedback.reopened_at else "1"
    channel = (
        Notification.Channel.SMS
        if feedback.contact_kind == Feedback.ContactKind.PHONE
        else Notification.Channel.EMAIL
    )
    return notify_address(
        address=feedback.contact,
        channel=channel,
        language=feedback.language,
        kind=f"feedback_{what}",
        dedup_key=f"{_dedup_prefix(feedback)}{what}|{round_}",
        payload={
            "template": TEMPLATES[what],
            "context": {
                "code": feedback.tracking_code,
                "link": short_link(feedback),
                "commune": field_in_language(feedback.commune, "name", feedback.language),
                "answer": feedback.answer if what == "answered" else "",
            },
        },
    )


def resident_messages_cancel(feedback: Feedback) -> int:
    """Their contact is erased: nothing more is sent to it, not even what was waiting."""
    return notifications_cancel(dedup_prefix=_dedup_prefix(feedback))
