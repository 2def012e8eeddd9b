from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, get_language_info


def site(request):
    """What the base layout needs on every page: the language switcher and the demo banner."""
    current = get_language()
    language_links = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": _path_in_language(request, code, current),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "language_links": language_links,
        "show_demo_banner": settings.SHOW_DEMO_BANNER,
        "stale_days": settings.COMMITMENT_STALE_DAYS,
        "contact_email": settings.CONTACT_EMAIL,
        "tamazight_draft": current == "zgh" and not settings.TAMAZIGHT_REVIEWED,
    }


def _path_in_language(request, code: str, current: str) -> str:
    """This page in that language, its query kept: reversed from the URL already resolved for
    the request (resolving it again for each language cost more than the rest of the header)."""
    path = request.get_full_path()
    if code == current:
        return path
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name is None:
        # The path resolves to nothing (a 404 page): offer that language's home instead.
        return f"/{code}/"
    try:
        with translation.override(code):
            translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return f"/{code}/"
    if translated == request.path:  # a page of no language (open data): that language's home
        return f"/{code}/"
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))  # as get_full_path() gives it
    return f"{translated}?{query}" if query else translated
