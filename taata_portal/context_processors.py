from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request):
    """What the base layout needs on every page: the language switcher and the demo banner."""
    current = get_language()
    path = request.get_full_path()
    language_links = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": _path_in_language(path, code, current),
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


def _path_in_language(path: str, code: str, current: str) -> str:
    translated = translate_url(path, code)
    if translated == path and code != current:
        # The path resolves to nothing (a 404 page): offer that language's home instead.
        return f"/{code}/"
    return translated
