import re

from django.db.models import QuerySet
from django.http import Http404

from territory.models import Body, Commune
from text.folding import fold
from web.memo import per_epoch


def commune_list() -> QuerySet:
    return Commune.objects.order_by("code")


@per_epoch
def all_communes() -> tuple[Commune, ...]:
    """The communes by code, kept in the process until the epoch moves (web.memo): shared, never
    to be changed by a caller."""
    return tuple(commune_list())


@per_epoch
def communes_by_code() -> dict[str, Commune]:
    return {c.code: c for c in all_communes()}


@per_epoch
def bodies_by_id() -> dict[int, Body]:
    """Every body with its commune (one of `all_communes()`), kept like them."""
    by_id = {c.pk: c for c in all_communes()}
    bodies = {}
    for body in Body.objects.all():
        if body.commune_id is None:
            body.commune = None
        elif body.commune_id in by_id:  # else a commune added since: loaded when read
            body.commune = by_id[body.commune_id]
        bodies[body.pk] = body
    return bodies


def commune_get(*, code: str) -> Commune:
    """The commune with that official code, or 404."""
    commune = communes_by_code().get(code)
    if commune is None:
        raise Http404("No such commune.")
    return commune


def body_list() -> QuerySet:
    return Body.objects.order_by("kind", "slug")


def commune_search(*, query: str) -> list[Commune]:
    """Communes any of whose names (Arabic, French, English, other spellings) holds what was
    typed, however it was typed (text.folding): "اقا", "أقا", "Akka" and "aqqa" find Akka."""
    wanted = fold(query)
    if not wanted:
        return list(all_communes())
    return [commune for commune in all_communes() if any(wanted in key for key in _keys(commune))]


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
    found = [c for c in all_communes() if wanted in _keys(c)]
    return found[0] if len(found) == 1 else None


def body_by_slug(*, slug: str) -> Body | None:
    return Body.objects.filter(slug=slug.strip()).select_related("commune").first()


def council_of_commune(*, commune: Commune) -> Body | None:
    return Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL, commune=commune).first()
