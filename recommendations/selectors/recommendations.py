from django.db.models import QuerySet
from django.http import Http404

from recommendations.models import Recommendation
from web.memo import per_epoch


def recommendation_list() -> QuerySet:
    return Recommendation.objects.order_by("number")


@per_epoch
def all_recommendations() -> tuple[Recommendation, ...]:
    """The nine by number, kept in the process until the epoch moves (web.memo): shared, never
    to be changed by a caller."""
    return tuple(recommendation_list())


@per_epoch
def recommendations_by_id() -> dict[int, Recommendation]:
    return {r.pk: r for r in all_recommendations()}


def recommendation_get(*, number: int) -> Recommendation:
    """The recommendation with that number, or 404."""
    found = next((r for r in all_recommendations() if r.number == number), None)
    if found is None:
        raise Http404("No such recommendation.")
    return found


def recommendation_find(*, recommendation_id: int) -> Recommendation | None:
    return Recommendation.objects.filter(pk=recommendation_id).first()
