from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from territory.models import Commune


class Feedback(models.Model):
    """A resident's complaint, observation or suggestion about a commune.

    `name` and `contact` are personal data: shown only to staff and the commune's councillors,
    never in exports, and erased when the feedback has been closed long enough or on request.
    """

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        OBSERVATION = "observation", _("Observation")
        SUGGESTION = "suggestion", _("Suggestion")

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        REJECTED = "rejected", _("Rejected")

    class RejectReason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSIVE = "abusive", _("Abusive content")
        OUT_OF_SCOPE = "out_of_scope", _("Not the portal's business")

    class Verdict(models.TextChoices):
        HELPED = "helped", _("Yes, it answers me")
        NOT_HELPED = "not_helped", _("No, it does not answer me")

    class ContactKind(models.TextChoices):
        NONE = "", _("None")
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")

    tracking_code = models.CharField(_("tracking code"), max_length=16, unique=True)
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="feedback"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
    )
    commitment = models.ForeignKey(
        "recommendations.Commitment",
        verbose_name=_("commitment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
    )
    meeting = models.ForeignKey(
        "consultations.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
    )
    text = models.TextField(_("text"), blank=True)
    # The language the resident wrote in: the messages about their feedback are in it.
    language = models.CharField(_("language"), max_length=5, default="ar")
    # A voice message instead of (or with) the text: personal data, never public, erased with
    # the name and contact.
    voice = models.FileField(_("voice message"), upload_to="voice/%Y/", blank=True)
    voice_seconds = models.PositiveSmallIntegerField(_("voice length (s)"), null=True, blank=True)
    # Kept normalised for Arabic search (see consultations.search).
    search_text = models.TextField(editable=False, blank=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    contact_kind = models.CharField(
        _("contact kind"), max_length=10, choices=ContactKind.choices, blank=True, default=""
    )
    consent_to_contact = models.BooleanField(_("consents to be contacted"), default=False)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.RECEIVED
    )
    reject_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectReason.choices, blank=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # What the resident said of the answer, once; "no" reopens the feedback, once.
    resident_verdict = models.CharField(
        _("the answer helped"), max_length=12, choices=Verdict.choices, blank=True
    )
    resident_reason = models.TextField(_("why not"), blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        indexes = [
            models.Index(fields=["commune", "state", "created_at"]),
            models.Index(fields=["is_published", "commune"]),
        ]

    def __str__(self):
        return self.tracking_code


class FeedbackEvent(models.Model):
    """Who did what to a feedback, and when: the record staff actions are audited by."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Kept private")
        ERASED = "erased", _("Personal data erased")
        HELPED = "helped", _("The resident said the answer helped")
        NOT_HELPED = "not_helped", _("The resident said the answer did not help")
        REOPENED = "reopened", _("Reopened")

    # PROTECT: the record outlives nothing it records (append-only, enforced by PostgreSQL).
    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    # The move it made ("" before the first): counting moves in and out of each state gives
    # the counts as of any day by aggregation (consultations.selectors.as_of).
    state_before = models.CharField(
        _("state before"), max_length=20, choices=Feedback.State.choices, blank=True
    )
    state_after = models.CharField(
        _("state after"), max_length=20, choices=Feedback.State.choices, blank=True
    )

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["at"])]
        verbose_name = _("feedback event")
        verbose_name_plural = _("feedback events")

    def __str__(self):
        return f"{self.feedback_id} {self.action}"
