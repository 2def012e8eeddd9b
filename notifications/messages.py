"""Messages to an address (a resident's phone or e-mail) rather than to an account.

The app that asks for one names its templates (`payload["template"]`, e.g.
"consultations/messages/feedback_answered") and gives their context; the message is rendered
here, in the language stored with it: `<template>.sms.txt` for an SMS, `<template>.subject.txt`,
`.txt` and `.html` for an e-mail. So this app knows no other app's models.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from notifications.models import Notification


def _render(notification: Notification, suffix: str) -> str:
    payload = notification.payload
    with translation.override(notification.language):
        return render_to_string(f"{payload['template']}.{suffix}", payload.get("context", {}))


def sms_text(notification: Notification) -> str:
    """The SMS, on as few segments as its template allows (tested: two at most)."""
    return " ".join(_render(notification, "sms.txt").split())


def address_email(notification: Notification) -> EmailMultiAlternatives:
    subject = " ".join(_render(notification, "subject.txt").split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=_render(notification, "txt"),
        to=[notification.address],
        headers={"Message-ID": f"<{notification.dedup_key.replace('|', '.')}@taata-portal>"},
    )
    message.attach_alternative(_render(notification, "html"), "text/html")
    return message
