"""A progress report: its rows, summaries and feedback counts, as of a day, in one language.

Reads both apps through their selectors. The same Report feeds the page, every file format and
the open data, so the figures never differ between them.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone, translation

from consultations.selectors.as_of import (
    feedback_counts_as_of,
    feedback_kind_label,
    feedback_state_label,
)
from recommendations.selectors.as_of import (
    CommitmentState,
    bodies_by_id,
    commitment_states_as_of,
    end_of_day,
    updates_per_month,
)
from recommendations.state.levels import Level
from recommendations.state.tally import tally_of
from reports.filters import ReportFilters
from territory.models import Body
from territory.selectors import commune_list
from text.languages import field_in_language

SCHEMA_VERSION = "1.1"


@dataclass
class Row:
    recommendation: int
    commune_code: str
    commune: str
    body: str
    commitment_id: int
    title: str
    level: str
    level_label: str
    progress: int
    target_date: datetime.date
    last_update: datetime.date | None
    stale: bool
    overdue: bool
    updates: int
    evidence: int
    public: bool
    # For the commune scorecard (reports.scorecard), not in the exported columns.
    milestone_late: bool = False
    last_activity: datetime.date | None = None


@dataclass
class Summary:
    """A group's figures, by the one rule of recommendations.state.tally: `commitments` is
    every commitment of the group (the length of its list), `active` those averaged, `withdrawn`
    those counted apart; `progress` the whole percentage every format shows, `progress_exact`
    the one decimal JSON adds (it rounds half up to `progress`)."""

    key: str
    label: str
    commitments: int = 0
    active: int = 0
    withdrawn: int = 0
    not_public: int = 0
    progress: int | None = None
    progress_exact: float | None = None
    levels: dict = field(default_factory=dict)
    stale: int = 0
    overdue: int = 0


@dataclass
class Report:
    filters: ReportFilters
    language: str
    generated_at: datetime.datetime
    rows: list[Row]
    totals: Summary
    by_recommendation: list[Summary]
    by_commune: list[Summary]
    feedback: list[dict]
    updates_per_month: list[tuple[str, int]]


def summary_of(key: str, label: str, members: list[Row]) -> Summary:
    tally = tally_of((r.level, r.progress) for r in members)
    exact = tally.progress_exact
    return Summary(
        key=key,
        label=label,
        commitments=tally.total,
        active=tally.active,
        withdrawn=tally.withdrawn,
        not_public=sum(not r.public for r in members),
        progress=tally.progress,
        progress_exact=None if exact is None else float(exact),
        levels=tally.level_counts(),
        stale=sum(r.stale for r in members),
        overdue=sum(r.overdue for r in members),
    )


def _summaries(
    rows: list[Row], key: Callable[[Row], object], label: Callable[[Row], str]
) -> list[Summary]:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return [
        summary_of(str(group_key), label(groups[group_key][0]), groups[group_key])
        for group_key in sorted(groups)  # recommendation numbers, or commune codes
    ]


def _keep(state: CommitmentState, body: Body, filters: ReportFilters) -> bool:
    commune_code = body.commune.code if body.commune else ""
    return not (
        (filters.public_only and not state.shown_publicly)
        or (filters.communes and commune_code not in filters.communes)
        or (filters.recommendations and state.recommendation_number not in filters.recommendations)
        or (filters.bodies and body.slug not in filters.bodies)
        or (filters.levels and state.level not in filters.levels)
    )


def report_build(*, filters: ReportFilters, language: str) -> Report:
    """A fixed number of queries whatever the size of the data."""
    bodies = bodies_by_id()
    states = commitment_states_as_of(as_of=filters.as_of)
    kept = [s for s in states if _keep(s, bodies[s.body_id], filters)]
    with translation.override(language):
        rows = sorted(
            (_row(state, bodies[state.body_id], language) for state in kept),
            key=lambda r: (r.recommendation, r.commune_code or "~", r.body, r.commitment_id),
        )
        by_recommendation = _summaries(
            rows, lambda r: r.recommendation, lambda r: str(r.recommendation)
        )
        by_commune = _summaries(
            [r for r in rows if r.commune_code], lambda r: r.commune_code, lambda r: r.commune
        )
        totals = summary_of("all", "", rows)
        feedback = _feedback(filters, language)
    months = updates_per_month(
        as_of=filters.as_of,
        commitment_ids=None if len(kept) == len(states) else [s.pk for s in kept],
    )
    start = filters.period_start.strftime("%Y-%m") if filters.period_start else None
    per_month = [(m, n) for m, n in months if start is None or m >= start]
    return Report(
        filters=filters,
        language=language,
        generated_at=timezone.now().replace(microsecond=0),
        rows=rows,
        totals=totals,
        by_recommendation=by_recommendation,
        by_commune=by_commune,
        feedback=feedback,
        updates_per_month=per_month,
    )


def _row(state: CommitmentState, body: Body, language: str) -> Row:
    commune = body.commune
    name = field_in_language(body, "name", language)
    return Row(
        recommendation=state.recommendation_number,
        commune_code=commune.code if commune else "",
        commune=field_in_language(commune, "name", language) if commune else "",
        body=name,
        commitment_id=state.pk,
        title=state.title(language),
        level=state.level,
        level_label=str(Level(state.level).label),
        progress=state.progress,
        target_date=state.target_date,
        last_update=timezone.localdate(state.last_owner_update)
        if state.last_owner_update
        else None,
        stale=state.is_stale,
        overdue=state.is_overdue,
        updates=state.updates,
        evidence=state.evidence,
        public=state.is_public,
        milestone_late=state.flags.milestone_overdue,
        last_activity=timezone.localdate(state.last_owner_update or state.created_at),
    )


def _feedback(filters: ReportFilters, language: str) -> list[dict]:
    """Counts by commune, kind and state: no text, name or contact ever enters a report.
    `feedback_counts_as_of` gives one count per commune, kind and state already."""
    communes = {c.pk: c for c in commune_list()}
    counts = [
        (communes[commune_id], kind, state, n)
        for commune_id, kind, state, n in feedback_counts_as_of(cutoff=end_of_day(filters.as_of))
    ]
    kept = [c for c in counts if not filters.communes or c[0].code in filters.communes]
    return [
        {
            "commune_code": commune.code,
            "commune": field_in_language(commune, "name", language),
            "kind": kind,
            "kind_label": feedback_kind_label(kind),
            "state": state,
            "state_label": feedback_state_label(state),
            "count": n,
        }
        for commune, kind, state, n in sorted(kept, key=lambda c: (c[0].code, c[1], c[2]))
    ]
