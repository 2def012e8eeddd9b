"""The public figures pages show: read from the stored roll-ups (recommendations.models.Rollup),
never recomputed per request. Public commitments only; withdrawn ones counted apart."""

from dataclasses import dataclass

from recommendations.models import Recommendation, Rollup
from recommendations.state.levels import ACTIVE_LEVELS, Level
from recommendations.state.tally import Tally
from territory.models import Commune

S = Rollup.Scope


TALLY_FIELDS = ("active", "withdrawn", "progress_sum", *ACTIVE_LEVELS)


def public_tallies() -> dict[str, Tally]:
    """Every stored roll-up by key, in one query (plain values: a page reads a few hundred)."""
    return {
        key: Tally(active, withdrawn, progress_sum, dict(zip(ACTIVE_LEVELS, levels, strict=True)))
        for key, active, withdrawn, progress_sum, *levels in Rollup.objects.values_list(
            "key", *TALLY_FIELDS
        )
    }


def _get(tallies: dict[str, Tally], key: str) -> Tally:
    return tallies.get(key) or Tally()


def province_tally(tallies: dict[str, Tally] | None = None) -> Tally:
    tallies = public_tallies() if tallies is None else tallies
    return _get(tallies, Rollup.key_for(S.PROVINCE))


def commune_tally(*, commune: Commune) -> Tally:
    row = Rollup.objects.filter(key=Rollup.key_for(S.COMMUNE, commune.pk)).first()
    return row.tally if row else Tally()


def recommendation_tally(*, recommendation: Recommendation) -> Tally:
    row = Rollup.objects.filter(
        key=Rollup.key_for(S.RECOMMENDATION, rec_id=recommendation.pk)
    ).first()
    return row.tally if row else Tally()


def recommendation_cards(
    *, recommendations: list[Recommendation], tallies: dict[str, Tally]
) -> list[tuple[Recommendation, Tally]]:
    return [
        (r, _get(tallies, Rollup.key_for(S.RECOMMENDATION, rec_id=r.pk))) for r in recommendations
    ]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """A commune's public commitments under one recommendation: the figures of their tally,
    worked out once (a page shows 180 cells)."""

    recommendation: Recommendation
    count: int
    level: str | None
    progress: int | None

    @classmethod
    def of(cls, recommendation: Recommendation, tally: Tally) -> "MatrixCell":
        return cls(recommendation, tally.total, tally.level, tally.progress)

    @property
    def level_label(self) -> str:
        return Level(self.level).label if self.level else ""


def progress_matrix(
    *, communes: list[Commune], recommendations: list[Recommendation], tallies: dict[str, Tally]
) -> list[tuple[Commune, list[MatrixCell]]]:
    """Rows of (commune, [cell per recommendation]): each commune's public commitments."""
    return [
        (
            commune,
            [
                MatrixCell.of(r, _get(tallies, Rollup.key_for(S.CELL, commune.pk, r.pk)))
                for r in recommendations
            ],
        )
        for commune in communes
    ]


def commune_tallies(*, tallies: dict[str, Tally], communes: list[Commune]) -> dict[int, Tally]:
    return {c.pk: _get(tallies, Rollup.key_for(S.COMMUNE, c.pk)) for c in communes}
