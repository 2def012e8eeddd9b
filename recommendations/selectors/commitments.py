from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from accounts.permissions import is_observatory_staff
from accounts.types import Actor
from recommendations.models import Commitment, Milestone, StatusUpdate
from recommendations.state.flags import (
    URGENCY_ORDER,
    attach_flags,
    only_late,
    urgent_only,
    with_flags,
)
from recommendations.state.levels import CLOSED_LEVELS
from territory.selectors import bodies_by_id

from .recommendations import recommendations_by_id

STAFF_LIST_LIMIT = 100


def commitment_list_for_user(*, user: Actor, commune_code: str = "") -> QuerySet:
    """What a councillor (their body's commitments) or staff (all, or one commune's) can act
    on, urgent first."""
    commitments = (
        with_flags(Commitment.objects.select_related("recommendation", "body", "body__commune"))
        .prefetch_related(_open_milestones())
        .order_by(*URGENCY_ORDER, "target_date", "pk")
    )
    if commune_code:
        commitments = commitments.filter(body__commune__code=commune_code)
    if is_observatory_staff(user):
        # Staff watch every commune: only what is late, or the list would be hundreds long.
        return urgent_only(commitments)[:STAFF_LIST_LIMIT]
    return commitments.filter(body_id=user.body_id)


def _open_milestones() -> Prefetch:
    return Prefetch(
        "milestones",
        queryset=Milestone.objects.filter(done_on__isnull=True).order_by("due_date", "pk"),
        to_attr="open_milestones",
    )


def commitment_get(*, commitment_id: int) -> Commitment:
    """One commitment with its flags and milestones, or 404 (private ones included: the view
    checks who may read them). Its recommendation, body and commune are the ones the process
    keeps (web.memo): shared, never to be changed through it."""
    commitment = get_object_or_404(Commitment, pk=commitment_id)
    _attach_milestones(commitment)
    recommendation = recommendations_by_id().get(commitment.recommendation_id)
    body = bodies_by_id().get(commitment.body_id)
    if recommendation is not None:  # else added since the process kept them: read when used
        commitment.recommendation = recommendation
    if body is not None:
        commitment.body = body
    return attach_flags([commitment])[0]


def _attach_milestones(commitment: Commitment) -> None:
    """Its milestones by due date, as `commitment.milestones.all()` (pages, forms and
    services read them so): what prefetch_related would store, from one plain query, without
    the prefetch machinery that cost more than the query itself."""
    milestones = commitment.milestones.order_by("due_date")
    milestones._result_cache = list(
        Milestone.objects.filter(commitment_id=commitment.pk).order_by("due_date")
    )
    milestones._prefetch_done = True
    commitment._prefetched_objects_cache = {"milestones": milestones}


def commitment_timeline(*, commitment: Commitment) -> QuerySet:
    return StatusUpdate.objects.filter(commitment=commitment).select_related(
        "author", "author__body", "milestone"
    )


def commitment_timeline_ids(*, commitment: Commitment) -> list[int]:
    """Every entry of its timeline, newest first, as ids: a page of them is drawn from the
    fragment cache (rendering.timeline), and only the entries missing from it are loaded. A
    timeline holds a few hundred entries at the most: counting them is the length."""
    return list(
        StatusUpdate.objects.filter(commitment=commitment)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
    )


def commitment_updates_since(*, commitment: Commitment, version: int) -> QuerySet:
    """What changed after a version someone saw: shown to the loser of an edit conflict."""
    return commitment_timeline(commitment=commitment).filter(version__gt=version)


def commitments_of_commune(
    *, commune_id: int, public_only: bool = False, open_only: bool = False, demo_only: bool = False
) -> QuerySet:
    """The commitments of a commune's bodies, by recommendation: what a committee's decision or
    a resident's feedback may be about."""
    commitments = Commitment.objects.filter(body__commune_id=commune_id)
    if public_only:
        commitments = commitments.filter(is_public=True)
    if open_only:
        commitments = commitments.exclude(level__in=CLOSED_LEVELS)
    if demo_only:
        commitments = commitments.filter(is_demo=True)
    return commitments.order_by("recommendation__number", "pk")


def commitment_of_commune(
    *, commitment_id: int, commune_id: int, public_only: bool = False
) -> Commitment | None:
    """That commitment if it belongs to that commune (and is public, if asked), else None."""
    return (
        commitments_of_commune(commune_id=commune_id, public_only=public_only)
        .filter(pk=commitment_id)
        .first()
    )


def late_counts_by_commune() -> dict[int, int]:
    """How many public commitments of each commune are late (state.flags), in one query."""
    late = only_late(Commitment.objects.filter(is_public=True, body__commune__isnull=False))
    # order_by(): the model's ordering (made explicit by modeltranslation) would otherwise join
    # the GROUP BY, one row per commitment, and every commune would count one.
    rows = (
        late.order_by()
        .values("body__commune_id")
        .annotate(n=Count("pk"))
        .values_list("body__commune_id", "n")
    )
    return dict(rows)
