from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from recommendations.models import Recommendation


def recommendation_list() -> QuerySet:
    return Recommendation.objects.order_by("number")


def recommendation_get(*, number: int) -> Recommendation:
    """The recommendation with that number, or 404."""
    return get_object_or_404(Recommendation, number=number)


def recommendation_find(*, recommendation_id: int) -> Recommendation | None:
    return Recommendation.objects.filter(pk=recommendation_id).first()
