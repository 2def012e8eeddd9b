"""The e-mails: a digest of what waits for someone, or a single notice, in their language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from notifications.models import Notification
from notifications.registry import kind_label
from text.languages import in_language


def _link(path: str, language: str) -> str:
    return f"{settings.SITE_URL}/{language}{path}"


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    user = notification.recipient
    language = notification.language or user.language
    with translation.override(language):
        if notification.kind == "digest":
            groups: dict = {}
            for item in notification.items.order_by("kind", "pk"):
                groups.setdefault(str(kind_label(item.kind)), []).append(
                    {
                        "title": _title(item.payload, language),
                        "url": _link(item.payload.get("path", "/"), language),
                        "date": item.payload.get("date", ""),
                    }
                )
            count = sum(len(v) for v in groups.values())
            subject = ngettext(
                "Tata civic portal: %(count)d thing waiting for you",
                "Tata civic portal: %(count)d things waiting for you",
                count,
            ) % {"count": count}
            context = {"groups": groups, "count": count}
        else:
            payload = notification.payload
            subject = str(kind_label(notification.kind))
            context = {
                "headline": subject,
                "title": _title(payload, language),
                "url": _link(payload.get("path", "/"), language),
            }
        context.update(
            user=user,
            language=language,
            rtl=translation.get_language_bidi(),
            settings_url=_link("/my/notifications/", language),
        )
        template = "digest" if notification.kind == "digest" else "notice"
        text = render_to_string(f"notifications/{template}.txt", context)
        html = render_to_string(f"notifications/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={"Message-ID": f"<{notification.dedup_key.replace('|', '.')}@taata-portal>"},
    )
    message.attach_alternative(html, "text/html")
    return message


def _title(payload: dict, language: str) -> str:
    return in_language(payload.get("title"), language)
