"""Public lists of commitments (a commune's, a recommendation's), as light rows.

A list shows per row a title, a level, a progress, a target date and what is late. Loading
model instances with their recommendation, body and commune joined cost more than the rest of
the page together; a row here is a plain record read from one query without joins, pointing at
the reference objects every process keeps (territory.selectors.bodies_by_id,
recommendations.selectors.recommendations), and flagged in Python by the same rules as
everywhere (state.flags.attach_flags).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from recommendations.models import Commitment, Recommendation
from recommendations.state.flags import attach_flags
from territory.models import Body, Commune
from territory.selectors import bodies_by_id
from text.languages import FALLBACK

from .recommendations import recommendations_by_id


@dataclass(slots=True, eq=False)
class ListedCommitment:
    pk: int
    title: str
    level: str
    progress: int
    target_date: datetime.date
    last_update_at: datetime.datetime | None
    created_at: datetime.datetime
    next_due: datetime.date | None
    is_demo: bool
    recommendation: Recommendation
    body: Body
    # Set by state.flags.attach_flags.
    is_stale: bool = False
    is_overdue: bool = False
    milestone_overdue: bool = False
    milestone_due_soon: bool = False
    is_late: bool = False


_STATE = ("level", "progress", "target_date", "last_update_at", "created_at", "next_due")


def _values(commitments: QuerySet) -> QuerySet:
    """What a row shows, as tuples; last, the title in the reader's language then in Arabic
    (once when the reader's language is Arabic)."""
    language = get_language() or FALLBACK
    titles = dict.fromkeys((f"title_{language}", f"title_{FALLBACK}"))
    return commitments.values_list(
        "pk", *_STATE, "is_demo", "recommendation_id", "body_id", *titles
    )


def _rows(values: Iterable[tuple]) -> list[ListedCommitment]:
    recommendations, bodies = recommendations_by_id(), bodies_by_id()
    rows = []
    for pk, *state, is_demo, rec_id, body_id, title, fallback in map(_with_two_titles, values):
        rows.append(
            ListedCommitment(
                pk,
                title or fallback or "",
                *state,
                is_demo,
                # A recommendation or body added since this process kept them: read it once.
                recommendations.get(rec_id) or Recommendation.objects.get(pk=rec_id),
                bodies.get(body_id) or Body.objects.select_related("commune").get(pk=body_id),
            )
        )
    return rows


_COLUMNS = 1 + len(_STATE) + 3


def _with_two_titles(row: tuple) -> tuple:
    return row if len(row) == _COLUMNS + 2 else (*row, "")


def _public() -> QuerySet:
    return Commitment.objects.filter(is_public=True)


def recommendation_commitments(*, recommendation: Recommendation) -> QuerySet:
    """A recommendation's public commitments, communes first (by code), then the other
    bodies, for a paginator; `listed(page)` makes a page's rows."""
    return _values(
        _public()
        .filter(recommendation=recommendation)
        .order_by("body__commune__code", "body__kind", "pk")
    )


def listed(page: Page) -> Page:
    """A page of a list, its rows made and flagged (late, due soon) for display."""
    page.object_list = attach_flags(_rows(page.object_list))
    return page


@dataclass(frozen=True)
class CommuneCommitments:
    rows: list[ListedCommitment]  # by recommendation, then target date: the list
    late: list[ListedCommitment]  # the most urgent late ones, at most LATE_SHOWN
    late_count: int


LATE_SHOWN = 10


def commune_commitments(
    *, commune: Commune, today: datetime.date | None = None
) -> "CommuneCommitments":
    """Every public commitment of the commune's bodies (the ones its roll-up counts), flagged,
    by recommendation then target date; and the most urgent of the late ones. One query: a
    commune has a few dozen commitments, a few hundred at the most."""
    # No order in SQL (the rows are sorted here); the bodies by a join, not from the ones the
    # process keeps, so that a body it does not know yet never hides its commitments.
    commitments = _public().filter(body__commune=commune).order_by()
    rows = attach_flags(_rows(_values(commitments)), today=today or timezone.localdate())
    rows.sort(key=lambda c: (c.recommendation.number, c.target_date, c.pk))
    late = [c for c in rows if c.is_late]
    # Most urgent first: past its target, then a milestone past due, then silence.
    late.sort(key=lambda c: (not c.is_overdue, not c.milestone_overdue, c.target_date, c.pk))
    return CommuneCommitments(rows=rows, late=late[:LATE_SHOWN], late_count=len(late))
