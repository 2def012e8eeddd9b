from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderItem(models.Model):
    """One thing waiting for one person on one day (or week): the in-app list, and the lines of
    their digest. The de-duplication key makes the daily job safe to run twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminder_items",
    )
    kind = models.CharField(_("kind"), max_length=40)
    item_ref = models.CharField(_("item"), max_length=60)
    period = models.CharField(_("period"), max_length=20)
    dedup_key = models.CharField(max_length=200, unique=True)
    # Titles in every language and the path to act, so the digest renders in the recipient's
    # language without reading the apps' tables.
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    notification = models.ForeignKey(
        "notifications.Notification",
        verbose_name=_("sent in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [
            models.Index(fields=["recipient", "notification"]),
            models.Index(fields=["kind", "item_ref"]),
        ]

    def __str__(self):
        return self.dedup_key


class Notification(models.Model):
    """One message to one person: a digest, or a single notice. Its log makes delivery exactly
    once: the unique key stops a second message, the status stops a second send."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("SMS")

    # A person with an account, or a resident known only by the address they gave (blanked, and
    # the message cancelled, when they erase it).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    address = models.CharField(_("address"), max_length=254, blank=True)
    kind = models.CharField(_("kind"), max_length=40)
    period = models.CharField(_("period"), max_length=20, blank=True)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.EMAIL
    )
    language = models.CharField(_("language"), max_length=5)
    dedup_key = models.CharField(max_length=200, unique=True)
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # After a failed attempt, the sweep waits until then (growing backoff) before trying again.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["status", "created_at"]),
            # The daily run attaches each person's items to their digest by this triple.
            models.Index(fields=["recipient", "kind", "period"]),
        ]

    def __str__(self):
        return self.dedup_key
