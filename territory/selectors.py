import re

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from territory.models import Body, Commune
from text.folding import fold


def commune_list() -> QuerySet:
    return Commune.objects.order_by("code")


def commune_get(*, code: str) -> Commune:
    """The commune with that official code, or 404."""
    return get_object_or_404(Commune, code=code)


def body_list() -> QuerySet:
    return Body.objects.order_by("kind", "slug")


def commune_search(*, query: str) -> list[Commune]:
    """Communes any of whose names (Arabic, French, English, other spellings) holds what was
    typed, however it was typed (text.folding): "اقا", "أقا", "Akka" and "aqqa" find Akka."""
    wanted = fold(query)
    if not wanted:
        return list(commune_list())
    return [commune for commune in commune_list() if any(wanted in key for key in _keys(commune))]


def _keys(commune: Commune) -> list[str]:
    names = [commune.name_ar, commune.name_fr, commune.name_en, commune.code]
    names += re.split(r"[,،]", commune.aliases)  # a Latin or an Arabic comma
    return [fold(name) for name in names if name]
