"""Commitments as they stood at the end of a past day, rebuilt from the append-only timeline.

Level and progress are those of the last entry up to that day; staff edits made since (owner,
dates, visibility) are rolled back from the before-values their entries keep. So a report as of
31 March comes out the same whenever it is made. Titles are today's: they are wording, not
figures, and are not versioned.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from recommendations.models import Commitment, StatusUpdate
from recommendations.state.levels import CLOSED_LEVELS, Level
from territory.models import Body
from text.languages import in_language

EDITED_FIELDS = ("body", "start_date", "target_date", "is_public")


@dataclass
class CommitmentState:
    pk: int
    recommendation_number: int
    titles: dict
    body_id: int
    start_date: datetime.date
    target_date: datetime.date
    is_public: bool
    created_at: datetime.datetime
    level: str = Level.NOT_STARTED
    progress: int = 0
    last_owner_update: datetime.datetime | None = None
    updates: int = 0
    evidence: int = 0
    update_months: list = field(default_factory=list)
    is_stale: bool = False
    is_overdue: bool = False

    def title(self, language: str) -> str:
        return in_language(self.titles, language)


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
            if name == "body":
                state.body_id = before
            elif name in ("start_date", "target_date"):
                setattr(state, name, datetime.date.fromisoformat(before))
            elif name == "is_public":
                state.is_public = before


def _replay(states: dict, cutoff: datetime.datetime) -> None:
    entries = (
        StatusUpdate.objects.filter(created_at__lt=cutoff, commitment_id__in=states.keys())
        .order_by("commitment_id", "version")
        .values_list(
            "commitment_id", "kind", "created_at", "level_after", "progress_after", "evidence_kind"
        )
    )
    for commitment_id, kind, created_at, level, progress, evidence_kind in entries.iterator(
        chunk_size=5000
    ):
        state = states[commitment_id]
        state.level, state.progress = level, progress
        if kind in StatusUpdate.OWNER_KINDS:
            state.last_owner_update = created_at
        if kind == StatusUpdate.Kind.UPDATE:
            state.updates += 1
            state.update_months.append(timezone.localtime(created_at).strftime("%Y-%m"))
        if evidence_kind:
            state.evidence += 1


def commitment_states_as_of(*, as_of: datetime.date) -> list[CommitmentState]:
    """Every commitment that existed at the end of `as_of`, as it stood then. Three queries."""
    cutoff = end_of_day(as_of)
    rows = Commitment.objects.filter(created_at__lt=cutoff).values_list(
        "pk",
        "recommendation__number",
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
            recommendation_number=number,
            titles={"ar": ar, "fr": fr, "en": en},
            body_id=body_id,
            start_date=start,
            target_date=target,
            is_public=public,
            created_at=created,
        )
        for pk, number, ar, fr, en, body_id, start, target, public, created in rows
    }
    _roll_back(states, cutoff)
    _replay(states, cutoff)
    stale_before = cutoff - datetime.timedelta(days=settings.COMMITMENT_STALE_DAYS)
    for state in states.values():
        still_open = state.level not in CLOSED_LEVELS
        last = state.last_owner_update or state.created_at
        state.is_stale = still_open and last < stale_before
        state.is_overdue = still_open and state.target_date < as_of
    return list(states.values())


def bodies_by_id() -> dict[int, Body]:
    return {b.pk: b for b in Body.objects.select_related("commune")}
