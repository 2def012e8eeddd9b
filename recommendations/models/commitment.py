from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.state.levels import CLOSED_LEVELS, Level
from territory.models import Body

from .recommendation import Recommendation


class Commitment(models.Model):
    """A concrete pledge under one recommendation, owned by one body.

    `level`, `progress`, `last_update_at` and `version` are the current state: they are written
    only by the status-update service, in the same transaction as the update that sets them.
    """

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    body = models.ForeignKey(
        Body, verbose_name=_("owner body"), on_delete=models.PROTECT, related_name="commitments"
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner councillors"),
        blank=True,
        related_name="owned_commitments",
    )
    start_date = models.DateField(_("start date"))
    target_date = models.DateField(_("target date"))
    level = models.CharField(
        _("completion level"), max_length=20, choices=Level.choices, default=Level.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    is_public = models.BooleanField(_("public"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # The spreadsheet's own key for this row (recommendations.imports): importing the same file
    # again finds it and changes nothing.
    reference = models.CharField(_("import reference"), max_length=64, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_update_at = models.DateTimeField(
        _("last update"), null=True, blank=True, help_text=_("Time of the latest status update.")
    )
    # Kept by the timeline with every milestone planned or ticked, so flags need no join.
    next_due = models.DateField(
        _("next milestone due"),
        null=True,
        blank=True,
        help_text=_("Due date of the earliest milestone not done yet."),
    )

    class Meta:
        ordering = ["recommendation__number", "body__commune__code", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [
            models.Index(fields=["level", "last_update_at"]),
            models.Index(fields=["level", "next_due"]),
            models.Index(fields=["level", "target_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="one_commitment_per_reference",
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="progress_0_100"),
            # The ends of the bands hold whatever the setting that splits the middle says
            # (recommendations.state.levels): not started is 0%, complete is 100%, and 0% or
            # 100% is not started or complete (or withdrawn at that figure).
            models.CheckConstraint(
                condition=~models.Q(level=Level.NOT_STARTED) | models.Q(progress=0),
                name="not_started_at_0",
            ),
            models.CheckConstraint(
                condition=~models.Q(level=Level.COMPLETE) | models.Q(progress=100),
                name="complete_at_100",
            ),
            models.CheckConstraint(
                condition=~models.Q(progress=0)
                | models.Q(level__in=[Level.NOT_STARTED, Level.WITHDRAWN]),
                name="at_0_not_started",
            ),
            models.CheckConstraint(
                condition=~models.Q(progress=100)
                | models.Q(level__in=[Level.COMPLETE, Level.WITHDRAWN]),
                name="at_100_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(target_date__gte=models.F("start_date")),
                name="target_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.level in CLOSED_LEVELS
