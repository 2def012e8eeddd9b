from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from territory.models import Body, Commune


def commune_list() -> QuerySet:
    return Commune.objects.order_by("code")


def commune_get(*, code: str) -> Commune:
    """The commune with that official code, or 404."""
    return get_object_or_404(Commune, code=code)


def body_list() -> QuerySet:
    return Body.objects.order_by("kind", "slug")
