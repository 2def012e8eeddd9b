from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.state.levels import Level

from .commitment import Commitment


class StatusUpdate(models.Model):
    """One entry of a commitment's public timeline. Append-only: never edited, never deleted.

    Besides updates posted by councillors and staff, the timeline holds milestone ticks and the
    decisions of consultation committees, so that it reads only this app's tables.
    """

    class Kind(models.TextChoices):
        UPDATE = "update", _("Status update")
        MILESTONE = "milestone", _("Milestone done")
        PLAN = "plan", _("Milestone planned")
        DECISION = "decision", _("Committee decision")
        EDIT = "edit", _("Commitment edited by staff")
        ALIGN = "align", _("Level aligned with progress by rule")

    # Entries by the owners themselves: only these count as "an update" for staleness. A plan
    # change by staff or a committee decision does not make a forgotten commitment fresh.
    OWNER_KINDS = (Kind.UPDATE, Kind.MILESTONE)

    class EvidenceKind(models.TextChoices):
        NONE = "", _("None")
        PDF = "pdf", _("PDF document")
        IMAGE = "image", _("Photo")
        LINK = "link", _("Link")

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.PROTECT, related_name="updates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_updates",
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    level_before = models.CharField(_("level before"), max_length=20, choices=Level.choices)
    level_after = models.CharField(_("level after"), max_length=20, choices=Level.choices)
    progress_before = models.PositiveSmallIntegerField(_("progress before"))
    progress_after = models.PositiveSmallIntegerField(_("progress after"))
    version = models.PositiveIntegerField(_("version after the update"))
    note = models.TextField(_("note"), blank=True)
    evidence_kind = models.CharField(
        _("evidence"), max_length=10, choices=EvidenceKind.choices, blank=True, default=""
    )
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/%Y/", blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    milestone = models.ForeignKey(
        "recommendations.Milestone",
        verbose_name=_("milestone"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timeline_entries",
    )
    # For staff edits: {"field": [before, after]} as plain JSON values, so a report "as of" an
    # earlier date can roll the commitment back to what it was then.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # What the note refers to outside this app (a committee meeting), kept as plain data so that
    # this app never imports consultations.
    source_url = models.CharField(_("source"), max_length=300, blank=True)
    # The spreadsheet's own key for this row (recommendations.imports): importing the same file
    # again finds it and changes nothing.
    reference = models.CharField(_("import reference"), max_length=64, blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "version"], name="one_update_per_version"
            ),
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="one_update_per_reference",
            ),
            models.CheckConstraint(
                condition=models.Q(progress_before__lte=100, progress_after__lte=100),
                name="update_progress_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.commitment_id} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise PermissionDenied("Status updates are append-only; record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Status updates are never deleted.")

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_kind)
