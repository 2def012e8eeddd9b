"""Progress roll-ups: recommendation, commune and province. Withdrawn commitments are left out."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet

from recommendations.models import Commitment, Recommendation
from recommendations.state.levels import Level
from territory.models import Body, Commune

COUNTED = Q(is_public=True) & ~Q(level=Level.WITHDRAWN)


def recommendation_list_with_progress() -> QuerySet:
    """The nine recommendations, each with `progress` (mean, or None) and `commitment_count`."""
    counted = Q(commitments__is_public=True) & ~Q(commitments__level=Level.WITHDRAWN)
    return Recommendation.objects.annotate(
        progress=Avg("commitments__progress", filter=counted),
        commitment_count=Count("commitments", filter=counted),
    ).order_by("number")


def commune_progress(*, commune: Commune) -> dict:
    return Commitment.objects.filter(
        COUNTED, body__commune=commune, body__kind=Body.Kind.COMMUNE_COUNCIL
    ).aggregate(progress=Avg("progress"), count=Count("pk"))


def province_progress() -> dict:
    return Commitment.objects.filter(COUNTED).aggregate(progress=Avg("progress"), count=Count("pk"))


@dataclass
class MatrixCell:
    recommendation: Recommendation
    levels: list = field(default_factory=list)
    progresses: list = field(default_factory=list)
    commitment_ids: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.levels)

    @property
    def level(self) -> str | None:
        """The least advanced of its active commitments: a cell is only as far as its
        slowest pledge. Withdrawn when nothing else is left."""
        active = [lvl for lvl in self.levels if lvl != Level.WITHDRAWN]
        if active:
            return min(active, key=Level.rank)
        return Level.WITHDRAWN if self.levels else None

    @property
    def progress(self) -> int | None:
        pairs = zip(self.progresses, self.levels, strict=True)
        counted = [p for p, lvl in pairs if lvl != Level.WITHDRAWN]
        return round(sum(counted) / len(counted)) if counted else None

    @property
    def level_label(self) -> str:
        return Level(self.level).label if self.level else ""


def progress_matrix(
    *, communes: list[Commune], recommendations: list[Recommendation]
) -> list[tuple]:
    """Rows of (commune, [cell per recommendation]) for commune councils' public commitments.

    One query whatever the size: the commitments' few columns, gathered in Python.
    """
    rows = Commitment.objects.filter(
        is_public=True, body__kind=Body.Kind.COMMUNE_COUNCIL
    ).values_list("body__commune_id", "recommendation_id", "level", "progress", "pk")
    cells: dict[tuple, MatrixCell] = {}
    by_id = {r.pk: r for r in recommendations}
    for commune_id, recommendation_id, level, progress, pk in rows:
        cell = cells.setdefault(
            (commune_id, recommendation_id), MatrixCell(by_id[recommendation_id])
        )
        cell.levels.append(level)
        cell.progresses.append(progress)
        cell.commitment_ids.append(pk)
    return [
        (commune, [cells.get((commune.pk, r.pk)) or MatrixCell(r) for r in recommendations])
        for commune in communes
    ]
