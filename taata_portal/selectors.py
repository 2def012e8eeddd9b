from django.shortcuts import get_object_or_404

from taata_portal.models import Commune


def commune_list():
    return Commune.objects.order_by("code")


def commune_get(*, code: str) -> Commune:
    """The commune with that official code, or 404."""
    return get_object_or_404(Commune, code=code)
