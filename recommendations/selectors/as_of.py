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

from django.utils import timezone

from recommendations.models import Commitment, Recommendation, StatusUpdate
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
    update_months: list = field(default_factory=list)
    open_milestones: dict = field(default_factory=dict)  # id: due date, planned and not done
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
    entries = (
        StatusUpdate.objects.filter(created_at__lt=cutoff, commitment_id__in=states.keys())
        .order_by("commitment_id", "version")
        .values_list(
            "commitment_id",
            "kind",
            "created_at",
            "level_after",
            "progress_after",
            "evidence_kind",
            "milestone_id",
            "milestone__due_date",
        )
    )
    for row in entries.iterator(chunk_size=5000):
        commitment_id, kind, created_at, level, progress, evidence_kind, milestone, due = row
        state = states[commitment_id]
        state.level, state.progress = level, progress
        if milestone is not None and kind in PLANNED:
            state.open_milestones[milestone] = due
        elif milestone is not None and kind == StatusUpdate.Kind.MILESTONE:
            state.open_milestones.pop(milestone, None)
        if kind in StatusUpdate.OWNER_KINDS:
            state.last_owner_update = created_at
        if kind == StatusUpdate.Kind.UPDATE:
            state.updates += 1
            state.update_months.append(timezone.localtime(created_at).strftime("%Y-%m"))
        if evidence_kind:
            state.evidence += 1


def commitment_states_as_of(*, as_of: datetime.date) -> list[CommitmentState]:
    """Every commitment that existed at the end of `as_of`, as it stood then. Four queries."""
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
            next_due=min(state.open_milestones.values(), default=None),
            today=as_of,
        )
    return list(states.values())


def bodies_by_id() -> dict[int, Body]:
    return {b.pk: b for b in Body.objects.select_related("commune")}
