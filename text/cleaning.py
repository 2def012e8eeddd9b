"""Cleaning free text typed by people before it is stored."""

import unicodedata

# Bidirectional embedding, override and isolate controls: in a name they can make text read
# differently from what is stored (e.g. hide a phone number); Arabic text never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Embeddings and overrides are dropped from any text; isolates (2066-2069) are harmless there.
_DROPPED = frozenset("\u202a\u202b\u202c\u202d\u202e")


def clean_text(value: str | None) -> str:
    """Normalise to NFC, drop NUL and other control characters (not newlines), trim white space
    and invisible marks (a right-to-left mark, a zero-width space) at both ends: a title of
    nothing but such marks is empty, as the reader sees it."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    kept = "".join(
        ch
        for ch in value
        if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _DROPPED)
    )
    return _trim(kept)


def _trim(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return text[start:end]


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def has_bidi_controls(value: str) -> bool:
    return any(ch in BIDI_CONTROLS for ch in value or "")


def checked_text(
    value: object,
    *,
    field: str,
    errors: dict,
    max_length: int,
    min_length: int = 0,
    missing: str = "",
) -> str:
    """`value` cleaned, then measured: a length is the stored text's, after normalisation (a
    character such as U+FB2C becomes three). Problems go into `errors[field]` in the reader's
    language; the cleaned text is returned either way, for the form to show again."""
    from django.utils.translation import gettext as _

    if value is not None and not isinstance(value, str):
        errors[field] = _("Enter text.")
        return ""
    text = clean_text(value)
    if not text and (missing or min_length):
        errors[field] = missing or _("Write at least %(min)d characters.") % {"min": min_length}
    elif len(text) < min_length:
        errors[field] = _("Write at least %(min)d characters.") % {"min": min_length}
    elif len(text) > max_length:
        errors[field] = _("Write at most %(max)d characters (this text has %(length)d).") % {
            "max": max_length,
            "length": len(text),
        }
    return text
