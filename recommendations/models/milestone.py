from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .commitment import Commitment


class Milestone(models.Model):
    """A dated step of a commitment; done milestones, by weight, make the commitment's progress."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=250)
    due_date = models.DateField(_("due date"))
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How much this step counts towards the commitment's progress."),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    # The spreadsheet's own key for this row (recommendations.imports): importing the same file
    # again finds it and changes nothing.
    reference = models.CharField(_("import reference"), max_length=64, blank=True, default="")

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="milestone_weight_1"),
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="one_milestone_per_reference",
            ),
        ]

    def __str__(self):
        return self.title
