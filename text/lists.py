"""Lists inside a sentence: Arabic separates with the Arabic comma "،", never a Latin one."""

from django.utils.translation import get_language

SEPARATORS = {"ar": "، "}


def join_words(words, language: str | None = None) -> str:
    language = language or get_language() or "ar"
    return SEPARATORS.get(language, ", ").join(words)
