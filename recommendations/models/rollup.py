from django.db import models
from django.utils.translation import gettext_lazy as _

from recommendations.state.levels import Level
from recommendations.state.tally import Tally


class Rollup(models.Model):
    """The public figures of a part of the province, kept by the services in the same
    transaction as every write that changes them (recommendations.services.rollups), so pages
    read them instead of recomputing them.

    A cell is one commune (or none: bodies above the communes) × one recommendation; a commune,
    a recommendation and the province are sums of cells. Public commitments only.
    """

    class Scope(models.TextChoices):
        CELL = "cell", _("Commune and recommendation")
        COMMUNE = "commune", _("Commune")
        RECOMMENDATION = "recommendation", _("Recommendation")
        PROVINCE = "province", _("Province")

    key = models.CharField(max_length=40, unique=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    commune = models.ForeignKey(
        "territory.Commune",
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    active = models.PositiveIntegerField(_("active commitments"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn commitments"), default=0)
    progress_sum = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)
    limited = models.PositiveIntegerField(default=0)
    substantial = models.PositiveIntegerField(default=0)
    complete = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("roll-up")
        verbose_name_plural = _("roll-ups")
        indexes = [models.Index(fields=["scope", "commune"])]

    def __str__(self):
        return self.key

    @classmethod
    def key_for(cls, scope: str, commune_id: int | None = None, rec_id: int | None = None) -> str:
        part = "-" if commune_id is None else commune_id
        return {
            cls.Scope.CELL: f"cell:{part}:{rec_id}",
            cls.Scope.COMMUNE: f"commune:{commune_id}",
            cls.Scope.RECOMMENDATION: f"recommendation:{rec_id}",
            cls.Scope.PROVINCE: "province",
        }[scope]

    @property
    def tally(self) -> Tally:
        return Tally(
            active=self.active,
            withdrawn=self.withdrawn,
            progress_sum=self.progress_sum,
            levels={
                Level.NOT_STARTED: self.not_started,
                Level.LIMITED: self.limited,
                Level.SUBSTANTIAL: self.substantial,
                Level.COMPLETE: self.complete,
            },
        )

    def store(self, tally: Tally) -> None:
        self.active, self.withdrawn, self.progress_sum = (
            tally.active,
            tally.withdrawn,
            tally.progress_sum,
        )
        self.not_started = tally.levels[Level.NOT_STARTED]
        self.limited = tally.levels[Level.LIMITED]
        self.substantial = tally.levels[Level.SUBSTANTIAL]
        self.complete = tally.levels[Level.COMPLETE]
