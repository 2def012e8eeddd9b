"""Feedback counts as they stood at the end of a past day, from the feedback event log."""

import datetime
from collections import Counter

from django.db.models import Count, F

from consultations.models import Feedback, FeedbackEvent


def feedback_counts_as_of(*, cutoff: datetime.datetime) -> list[tuple[int, str, str, int]]:
    """(commune id, kind, state, count) for feedback received before `cutoff`. No text, name or
    contact is read.

    Every event records the move it made (state before → after): the feedback in a state at
    `cutoff` are those received, plus the moves into the state, less the moves out of it,
    before then. Three aggregations, whatever the number of feedback."""
    totals: Counter = Counter()
    received = (
        Feedback.objects.filter(created_at__lt=cutoff)
        .values_list("commune_id", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for commune_id, kind, n in received:
        totals[(commune_id, kind, Feedback.State.RECEIVED)] += n
    moves = FeedbackEvent.objects.filter(
        at__lt=cutoff, feedback__created_at__lt=cutoff, state_before__gt=""
    ).exclude(state_before=F("state_after"))
    for field, sign in (("state_after", 1), ("state_before", -1)):
        rows = (
            moves.values_list("feedback__commune_id", "feedback__kind", field)
            .annotate(n=Count("pk"))
            .order_by()
        )
        for commune_id, kind, state, n in rows:
            totals[(commune_id, kind, state)] += sign * n
    return sorted((*key, n) for key, n in totals.items() if n)


def feedback_kind_label(kind: str) -> str:
    return str(Feedback.Kind(kind).label)


def feedback_state_label(state: str) -> str:
    return str(Feedback.State(state).label)
