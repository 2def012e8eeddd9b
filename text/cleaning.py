"""Cleaning free text typed by people before it is stored."""

import re
import unicodedata

# Bidirectional embedding, override and isolate controls: in a name they can make text read
# differently from what is stored (e.g. hide a phone number); Arabic text never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Embeddings and overrides are dropped from any text; isolates (2066-2069) are harmless there.
_DROPPED = frozenset("\u202a\u202b\u202c\u202d\u202e")


def clean_text(value: str | None) -> str:
    """Normalise to NFC, drop NUL and other control characters (not newlines), trim white space
    and the invisible characters that mean nothing at the ends of a text (a zero-width space, a
    byte order mark). A text of nothing a reader can see (white space, right-to-left marks,
    zero-width characters) is empty. Marks and isolates inside or around words are kept: a
    writer types a right-to-left mark at the start of a note on purpose."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    kept = "".join(
        ch
        for ch in value
        if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _DROPPED)
    )
    if all(_unseen(ch) for ch in kept):
        return ""
    return _ENDS.sub("", kept)


# Format characters (Unicode Cf) are unseen, but for the signs Arabic writes before a number
# (U+0600 to U+0605, U+06DD), which show.
_SHOWN_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd")
_ENDS = re.compile("^[\\s\u200b\u2060\ufeff\u00ad]+|[\\s\u200b\u2060\ufeff\u00ad]+$")


def _unseen(ch: str) -> bool:
    return ch.isspace() or (unicodedata.category(ch) == "Cf" and ch not in _SHOWN_FORMAT)


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
