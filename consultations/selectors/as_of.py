"""Feedback counts as they stood at the end of a past day, from the feedback event log."""

import datetime

from django.db.models import Count, OuterRef, Subquery

from consultations.models import Feedback, FeedbackEvent

# The event that sets each state; "submitted" means received.
STATE_OF_ACTION = {
    FeedbackEvent.Action.SUBMITTED: Feedback.State.RECEIVED,
    FeedbackEvent.Action.ACKNOWLEDGED: Feedback.State.ACKNOWLEDGED,
    FeedbackEvent.Action.ANSWERED: Feedback.State.ANSWERED,
    FeedbackEvent.Action.CLOSED: Feedback.State.CLOSED,
    FeedbackEvent.Action.REJECTED: Feedback.State.REJECTED,
}


def feedback_counts_as_of(*, cutoff: datetime.datetime) -> list[tuple[int, str, str, int]]:
    """(commune id, kind, state, count) for feedback received before `cutoff`. One query; no
    text, name or contact is read."""
    last_action = (
        FeedbackEvent.objects.filter(
            feedback=OuterRef("pk"), at__lt=cutoff, action__in=list(STATE_OF_ACTION)
        )
        .order_by("-at", "-pk")
        .values("action")[:1]
    )
    rows = (
        Feedback.objects.filter(created_at__lt=cutoff)
        .annotate(last_action=Subquery(last_action))
        .values("commune_id", "kind", "last_action")
        .annotate(n=Count("pk"))
        .order_by("commune_id", "kind", "last_action")
    )
    return [
        (
            row["commune_id"],
            row["kind"],
            STATE_OF_ACTION.get(row["last_action"], Feedback.State.RECEIVED),
            row["n"],
        )
        for row in rows
    ]


def feedback_kind_label(kind: str) -> str:
    return str(Feedback.Kind(kind).label)


def feedback_state_label(state: str) -> str:
    return str(Feedback.State(state).label)
