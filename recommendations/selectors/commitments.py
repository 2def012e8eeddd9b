from django.core.paginator import Page
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from accounts.permissions import is_observatory_staff
from accounts.types import Actor
from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.state.flags import (
    URGENCY_ORDER,
    attach_flags,
    only_late,
    urgent_only,
    with_flags,
)
from recommendations.state.levels import CLOSED_LEVELS
from territory.models import Commune
from text.languages import interface_languages

STAFF_LIST_LIMIT = 100


# What a row of a list shows (rendering.rows): loading only these keeps a long page cheap.
LISTED_FIELDS = (
    *(f"title_{language}" for language in interface_languages()),
    "level",
    "progress",
    "target_date",
    "last_update_at",
    "created_at",
    "next_due",
    "is_demo",
    "recommendation__number",
    *(f"recommendation__title_{language}" for language in interface_languages()),
    *(f"body__name_{language}" for language in interface_languages()),
    "body__commune__code",
    *(f"body__commune__name_{language}" for language in interface_languages()),
)


def _listed() -> QuerySet:
    """Public commitments for a list; the page flags its rows (state.flags.attach_flags)."""
    return (
        Commitment.objects.filter(is_public=True)
        .select_related("recommendation", "body", "body__commune")
        .only(*LISTED_FIELDS)
    )


def flagged(page: Page) -> Page:
    """A page of a list, its rows loaded and flagged (late, due soon) for display."""
    page.object_list = attach_flags(page.object_list)
    return page


def commitment_list_for_recommendation(*, recommendation: Recommendation) -> QuerySet:
    """Public commitments of a recommendation, communes first (by code), then other bodies."""
    return (
        _listed()
        .filter(recommendation=recommendation)
        .order_by("body__commune__code", "body__kind", "pk")
    )


def commitment_list_for_commune(*, commune: Commune) -> QuerySet:
    """Public commitments owned by the commune's bodies (its council), by recommendation,
    urgent first: the commitments its roll-up counts."""
    return (
        _listed()
        .filter(body__commune=commune)
        .order_by("recommendation__number", "target_date", "pk")
    )


LATE_SHOWN = 10


def commitments_late_for_commune(*, commune: Commune) -> tuple[list[Commitment], int]:
    """The most urgent of a commune's late commitments (at most LATE_SHOWN), and how many are
    late in all."""
    late = only_late(commitment_list_for_commune(commune=commune))
    shown = attach_flags(late.order_by("target_date", "pk")[:LATE_SHOWN])
    # Most urgent first: past its target, then a milestone past due, then silence.
    shown.sort(key=lambda c: (not c.is_overdue, not c.milestone_overdue, c.target_date, c.pk))
    return shown, late.count()


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
    checks who may read them)."""
    commitments = Commitment.objects.select_related(
        "recommendation", "body", "body__commune"
    ).prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due_date")))
    return attach_flags([get_object_or_404(commitments, pk=commitment_id)])[0]


def commitment_timeline(*, commitment: Commitment) -> QuerySet:
    return StatusUpdate.objects.filter(commitment=commitment).select_related(
        "author", "author__body", "milestone"
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
    rows = (
        late.values("body__commune_id").annotate(n=Count("pk")).values_list("body__commune_id", "n")
    )
    return dict(rows)
