"""The e-mails: a digest of what waits for someone, or a single notice, in their language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from notifications.grouping import grouped
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
            items = list(notification.items.order_by("kind", "pk").values_list("kind", "payload"))
            groups, more_groups = grouped(items, language)
            count = len(items)
            subject = ngettext(
                "Tata civic portal: %(count)d thing waiting for you",
                "Tata civic portal: %(count)d things waiting for you",
                count,
            ) % {"count": count}
            context = {"groups": groups, "count": count, "more_groups": more_groups}
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
            settings_url=_link("/my/preferences/", language),
            notifications_url=_link("/my/notifications/", language),
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
