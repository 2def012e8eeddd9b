"""Commitments as they stood at the end of a past day, rebuilt from the append-only timeline.

Level and progress are those of the last entry up to that day; staff edits made since
(recommendation, owner, dates, visibility) are rolled back from the before-values their entries
keep. So a report as of 31 March comes out the same whenever it is made. Flags and totals follow
recommendations.state, as the pages do. Titles are today's: they are wording, not figures.

Visibility: `is_public` is the commitment's visibility on that day, `public_now` today's. A
public output shows a commitment only if both are true: what was hidden since stays hidden in
everything published now, whatever its as-of day.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.state.flags import Flags, flags_of
from recommendations.state.levels import Level
from territory.models import Body
from text.languages import in_language


@dataclass
class CommitmentState:
    pk: int
    recommendation_id: int
    titles: dict
    body_id: int
    start_date: datetime.date
    target_date: datetime.date
    is_public: bool
    public_now: bool
    created_at: datetime.datetime
    recommendation_number: int = 0
    level: str = Level.NOT_STARTED
    progress: int = 0
    last_owner_update: datetime.datetime | None = None
    updates: int = 0
    evidence: int = 0
    next_due: datetime.date | None = None  # the earliest milestone planned and not done then
    flags: Flags = field(default_factory=Flags)

    def title(self, language: str) -> str:
        return in_language(self.titles, language)

    @property
    def shown_publicly(self) -> bool:
        return self.is_public and self.public_now

    @property
    def is_stale(self) -> bool:
        return self.flags.stale

    @property
    def is_overdue(self) -> bool:
        return self.flags.overdue


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant after `day`, in the portal's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )


def _roll_back(states: dict, cutoff: datetime.datetime) -> None:
    edits = (
        StatusUpdate.objects.filter(kind=StatusUpdate.Kind.EDIT, created_at__gte=cutoff)
        .order_by("-created_at", "-pk")
        .values_list("commitment_id", "changes")
    )
    for commitment_id, changes in edits:
        state = states.get(commitment_id)
        if state is None:
            continue
        for name, (before, _after) in (changes or {}).items():
            if name == "recommendation":
                state.recommendation_id = before
            elif name == "body":
                state.body_id = before
            elif name in ("start_date", "target_date"):
                setattr(state, name, datetime.date.fromisoformat(before))
            elif name == "is_public":
                state.is_public = before


PLANNED = (StatusUpdate.Kind.PLAN, StatusUpdate.Kind.DECISION)


def _replay(states: dict, cutoff: datetime.datetime) -> None:
    """Each commitment's state at `cutoff` from its timeline, aggregated by the database (a
    fixed number of queries, whatever the length of the timelines)."""
    before = StatusUpdate.objects.filter(created_at__lt=cutoff)
    last = before.filter(commitment_id=OuterRef("pk")).order_by("-version")
    latest = Commitment.objects.filter(pk__in=states.keys()).values_list(
        "pk", Subquery(last.values("level_after")[:1]), Subquery(last.values("progress_after")[:1])
    )
    for pk, level, progress in latest:
        if level is not None:
            states[pk].level, states[pk].progress = level, progress
    counts = (
        before.values("commitment_id")
        .annotate(
            updates=Count("pk", filter=Q(kind=StatusUpdate.Kind.UPDATE)),
            evidence=Count("pk", filter=~Q(evidence_kind="")),
            last_owner=Max("created_at", filter=Q(kind__in=StatusUpdate.OWNER_KINDS)),
        )
        .values_list("commitment_id", "updates", "evidence", "last_owner")
    )
    for pk, updates, evidence, last_owner in counts:
        if pk in states:
            state = states[pk]
            state.updates, state.evidence, state.last_owner_update = updates, evidence, last_owner
    ticked = before.filter(milestone_id=OuterRef("pk"), kind=StatusUpdate.Kind.MILESTONE)
    planned = before.filter(milestone_id=OuterRef("pk"), kind__in=PLANNED)
    open_milestones = (
        # order_by(): a translated model's ordering (modeltranslation makes it explicit) would
        # otherwise join the GROUP BY, one row per milestone, and the last would win.
        Milestone.objects.filter(Exists(planned), ~Exists(ticked))
        .order_by()
        .values("commitment_id")
        .annotate(next_due=Min("due_date"))
        .values_list("commitment_id", "next_due")
    )
    for pk, next_due in open_milestones:
        if pk in states:
            states[pk].next_due = next_due


def updates_per_month(
    *, as_of: datetime.date, commitment_ids: list[int] | None = None
) -> list[tuple[str, int]]:
    """Status updates per month up to the end of `as_of` ("2026-03", n), for these commitments
    (None: all). Months are the portal's time zone's."""
    updates = StatusUpdate.objects.filter(
        kind=StatusUpdate.Kind.UPDATE, created_at__lt=end_of_day(as_of)
    )
    if commitment_ids is None:
        return _by_month(updates)
    counts: dict[str, int] = {}
    for start in range(0, len(commitment_ids), 900):  # within SQLite's bound variables
        chunk = commitment_ids[start : start + 900]
        for month, n in _by_month(updates.filter(commitment_id__in=chunk)):
            counts[month] = counts.get(month, 0) + n
    return sorted(counts.items())


def _by_month(updates: QuerySet) -> list[tuple[str, int]]:
    rows = (
        updates.annotate(month=TruncMonth("created_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return sorted((month.strftime("%Y-%m"), n) for month, n in rows)


def commitment_states_as_of(*, as_of: datetime.date) -> list[CommitmentState]:
    """Every commitment that existed at the end of `as_of`, as it stood then. Six queries."""
    cutoff = end_of_day(as_of)
    rows = Commitment.objects.filter(created_at__lt=cutoff).values_list(
        "pk",
        "recommendation_id",
        "title_ar",
        "title_fr",
        "title_en",
        "body_id",
        "start_date",
        "target_date",
        "is_public",
        "created_at",
    )
    states = {
        pk: CommitmentState(
            pk=pk,
            recommendation_id=recommendation_id,
            titles={"ar": ar, "fr": fr, "en": en},
            body_id=body_id,
            start_date=start,
            target_date=target,
            is_public=public,
            public_now=public,
            created_at=created,
        )
        for pk, recommendation_id, ar, fr, en, body_id, start, target, public, created in rows
    }
    _roll_back(states, cutoff)
    _replay(states, cutoff)
    numbers = dict(Recommendation.objects.values_list("pk", "number"))
    for state in states.values():
        state.recommendation_number = numbers[state.recommendation_id]
        state.flags = flags_of(
            level=state.level,
            last_activity=state.last_owner_update or state.created_at,
            target_date=state.target_date,
            next_due=state.next_due,
            today=as_of,
        )
    return list(states.values())


def bodies_by_id() -> dict[int, Body]:
    return {b.pk: b for b in Body.objects.select_related("commune")}
