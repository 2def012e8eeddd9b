from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Length, Replace
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.permissions import councillor_commune_id, is_observatory_staff
from accounts.types import Actor
from consultations.deadlines import with_deadlines
from consultations.models import Feedback
from consultations.services.tracking_codes import tracking_code_readings
from territory.models import Commune
from text.search_keys import query_keys

S = Feedback.State
PUBLIC_PAGE_SIZE = 20
MAX_SEARCH_WORDS = 8


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
    """Feedback holding every word of the query as a reader means it (text.search_keys: article
    and particles, singular and plural, broken plurals), most mentions first. One query for
    PostgreSQL and SQLite: whole keys matched in the stored keys, so both give the same."""
    # A search box, not a document: the first words are enough, and each adds to the query.
    keys = query_keys(query)[:MAX_SEARCH_WORDS]
    if not keys:
        return feedback
    for key in keys:
        feedback = feedback.filter(search_text__contains=f" {key} ")
    mentions = [
        (Length("search_text") - Length(Replace("search_text", Value(f" {key} "), Value(""))))
        / (len(key) + 2)
        for key in keys
    ]
    ranked = feedback.annotate(search_rank=sum(mentions[1:], mentions[0]))
    return ranked.order_by("-search_rank", "-created_at", "-pk")


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
    if readings:
        found, ranked = feedback.filter(tracking_code__in=readings), ()
    else:
        found = feedback_search(feedback, query)
        ranked = ("-search_rank",) if "search_rank" in found.query.annotations else ()
    return found.order_by(*ranked, "-answer_overdue", "-acknowledge_overdue", "-created_at", "-pk")


def feedback_for_handling(*, feedback_id: int) -> Feedback:
    return get_object_or_404(
        with_deadlines(
            Feedback.objects.select_related("commune", "recommendation", "commitment", "meeting"),
            now=timezone.now(),
        ),
        pk=feedback_id,
    )
