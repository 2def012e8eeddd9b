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


def commune_by_name(*, name: str) -> Commune | None:
    """The one commune whose code, or any of whose names or spellings, is `name` however it
    is written (text.folding); None when none is, or more than one."""
    wanted = fold(name)
    if not wanted:
        return None
    found = [c for c in commune_list() if wanted in _keys(c)]
    return found[0] if len(found) == 1 else None


def body_by_slug(*, slug: str) -> Body | None:
    return Body.objects.filter(slug=slug.strip()).select_related("commune").first()


def council_of_commune(*, commune: Commune) -> Body | None:
    return Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL, commune=commune).first()
