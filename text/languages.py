"""Text in the reader's language, else Arabic.

Arabic is the portal's reference language: every translated field and every message payload has
an Arabic value, and a missing translation falls back to it, never to another language.
"""

from collections.abc import Mapping

from django.conf import settings

FALLBACK = "ar"


def in_language(texts: Mapping[str, str] | None, language: str) -> str:
    """From {"ar": …, "fr": …}: the reader's language, else Arabic, else nothing."""
    texts = texts or {}
    return texts.get(language) or texts.get(FALLBACK) or ""


def field_in_language(obj, field: str, language: str) -> str:
    """A translated field of a model instance (or any object with `<field>_<lang>`)."""
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_{FALLBACK}", "") or ""


def row_in_language(row: Mapping, field: str, language: str) -> str:
    """The same for a row from `.values()`: keys `<field>_<lang>`."""
    return row.get(f"{field}_{language}") or row.get(f"{field}_{FALLBACK}") or ""


def every_language(get) -> dict[str, str]:
    """{"ar": …, "fr": …, …} for each interface language, from `get(language)` with the Arabic
    fallback applied: what messages carry so they render in their reader's language."""
    codes = [code for code, _name in settings.LANGUAGES]
    arabic = get(FALLBACK) or ""
    return {code: (get(code) or arabic) for code in codes}


def interface_languages() -> tuple[str, ...]:
    """The interface languages in the switcher's order: what translated fields and message
    payloads are read and written in."""
    return tuple(code for code, _name in settings.LANGUAGES)
