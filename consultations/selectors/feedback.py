from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.permissions import councillor_commune_id, is_observatory_staff
from accounts.types import Actor
from consultations.deadlines import with_deadlines
from consultations.models import Feedback
from consultations.services.tracking_codes import tracking_code_readings
from territory.models import Commune
from text.arabic import normalise

S = Feedback.State
PUBLIC_PAGE_SIZE = 20


def feedback_published_for_commune(*, commune: Commune) -> QuerySet:
    """Published feedback with its answer. Only fields without personal data are loaded."""
    return (
        Feedback.objects.filter(commune=commune, is_published=True)
        .exclude(state=S.REJECTED)
        .only("kind", "text", "answer", "state", "created_at", "answered_at", "commune_id")
        .order_by("-created_at")[:PUBLIC_PAGE_SIZE]
    )


def feedback_find_by_code(*, code: str) -> Feedback | None:
    """The feedback with that code, however it was typed (an O read for a D or a Q), or None."""
    readings = tracking_code_readings(code)
    if not readings:
        return None
    return (
        Feedback.objects.select_related("commune")
        .filter(tracking_code__in=readings)
        .order_by("pk")
        .first()
    )


def feedback_history(feedback: Feedback) -> QuerySet:
    """What happened to the feedback, in order, for its follow page: when and what, never who."""
    return feedback.events.only("feedback_id", "action", "at").order_by("at", "pk")


def feedback_search(feedback: QuerySet, query: str) -> QuerySet:
    """Arabic search: PostgreSQL full text with the `arabic` configuration over normalised text;
    elsewhere the same normalisation with a plain contains."""
    query = normalise(query.strip())
    if not query:
        return feedback
    if connection.vendor == "postgresql":
        return feedback.annotate(search=SearchVector("search_text", config="arabic")).filter(
            search=SearchQuery(query, config="arabic", search_type="websearch")
        )
    return feedback.filter(search_text__icontains=query)


def feedback_inbox(
    *,
    user: Actor,
    state: str = "",
    kind: str = "",
    overdue: bool = False,
    query: str = "",
    commune_id: int | None = None,
) -> QuerySet:
    """The feedback a councillor (their commune) or staff member (all, or one commune) handles."""
    feedback = Feedback.objects.select_related("commune")
    if not is_observatory_staff(user):
        feedback = feedback.filter(commune_id=councillor_commune_id(user))
    elif commune_id:
        feedback = feedback.filter(commune_id=commune_id)
    if state:
        feedback = feedback.filter(state=state)
    if kind:
        feedback = feedback.filter(kind=kind)
    feedback = with_deadlines(feedback, now=timezone.now())
    if overdue:
        feedback = feedback.filter(Q(acknowledge_overdue=True) | Q(answer_overdue=True))
    readings = tracking_code_readings(query) if query.strip() else []
    # A resident on the phone reads out their code: that finds their feedback at once.
    found = (
        feedback.filter(tracking_code__in=readings)
        if readings
        else feedback_search(feedback, query)
    )
    return found.order_by("-answer_overdue", "-acknowledge_overdue", "-created_at", "-pk")


def feedback_for_handling(*, feedback_id: int) -> Feedback:
    return get_object_or_404(
        with_deadlines(
            Feedback.objects.select_related("commune", "recommendation", "commitment", "meeting"),
            now=timezone.now(),
        ),
        pk=feedback_id,
    )
