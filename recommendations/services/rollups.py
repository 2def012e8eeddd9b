"""Keeping the roll-ups the pages read (recommendations.models.Rollup) up to date.

Called inside the transaction of every write that changes what a roll-up counts: a timeline
entry (update, tick, plan, decision, edit, alignment) and the creation or move of a commitment.
The affected cells are counted again from their commitments with the one rule of
recommendations.state.tally; the commune, recommendation and province figures are sums of
cells. Rows are locked in key order, so two writes never interleave their sums.
"""

from collections.abc import Callable, Iterable

from django.db import transaction

from recommendations.models import Commitment, Rollup
from recommendations.state.tally import Tally, tally_of, tally_sum

Cell = tuple[int | None, int]  # (commune id or None, recommendation id)
S = Rollup.Scope


def cell_of(commitment: Commitment) -> Cell:
    return (commitment.body.commune_id, commitment.recommendation_id)


def _public_states(cell: Cell) -> list[tuple[str, int]]:
    commune_id, recommendation_id = cell
    # A commune of None (a body above the communes) is looked up as IS NULL.
    return list(
        Commitment.objects.filter(
            body__commune_id=commune_id, is_public=True, recommendation_id=recommendation_id
        ).values_list("level", "progress")
    )


def _rows(cells: set[Cell]) -> dict[str, Rollup]:
    """The rows these cells and their sums are stored in, created if missing, locked."""
    wanted = {Rollup.key_for(S.PROVINCE): Rollup(scope=S.PROVINCE)}
    for commune_id, recommendation_id in cells:
        key = Rollup.key_for(S.CELL, commune_id, recommendation_id)
        wanted[key] = Rollup(
            scope=S.CELL, commune_id=commune_id, recommendation_id=recommendation_id
        )
        key = Rollup.key_for(S.RECOMMENDATION, rec_id=recommendation_id)
        wanted[key] = Rollup(scope=S.RECOMMENDATION, recommendation_id=recommendation_id)
        if commune_id is not None:
            wanted[Rollup.key_for(S.COMMUNE, commune_id)] = Rollup(
                scope=S.COMMUNE, commune_id=commune_id
            )
    for key, row in wanted.items():
        row.key = key
    Rollup.objects.bulk_create(wanted.values(), ignore_conflicts=True)
    locked = Rollup.objects.select_for_update().filter(key__in=wanted).order_by("key")
    return {row.key: row for row in locked}


def _store(row: Rollup, tally: Tally) -> None:
    row.store(tally)
    row.save()


@transaction.atomic
def rollups_refresh(*, cells: Iterable[Cell]) -> None:
    _recount(set(cells), _public_states)


def _recount(cells: set[Cell], states_of: Callable[[Cell], list]) -> None:
    if not cells:
        return
    rows = _rows(cells)
    for cell in cells:
        _store(rows[Rollup.key_for(S.CELL, *cell)], tally_of(states_of(cell)))
    all_cells = list(Rollup.objects.filter(scope=S.CELL))
    for row in rows.values():
        if row.scope == S.COMMUNE:
            parts = [c for c in all_cells if c.commune_id == row.commune_id]
        elif row.scope == S.RECOMMENDATION:
            parts = [c for c in all_cells if c.recommendation_id == row.recommendation_id]
        elif row.scope == S.PROVINCE:
            parts = all_cells
        else:
            continue
        _store(row, tally_sum(c.tally for c in parts))


@transaction.atomic
def rollups_rebuild() -> None:
    """Count every cell again from every commitment: after a bulk load or a change of the band
    setting (align_levels). The same rule, one query for the commitments."""
    rows = Commitment.objects.filter(is_public=True).values_list(
        "body__commune_id", "recommendation_id", "level", "progress"
    )
    states: dict[Cell, list] = {}
    for commune_id, recommendation_id, level, progress in rows:
        states.setdefault((commune_id, recommendation_id), []).append((level, progress))
    known = set(Rollup.objects.filter(scope=S.CELL).values_list("commune_id", "recommendation_id"))
    # Cells left empty are counted again too (to zero).
    _recount(set(states) | known, lambda cell: states.get(cell, []))
