"""Cleaning free text typed by people before it is stored."""

import unicodedata

# Bidirectional embedding, override and isolate controls: in a name they can make text read
# differently from what is stored (e.g. hide a phone number); Arabic text never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Embeddings and overrides are dropped from any text; isolates (2066-2069) are harmless there.
_DROPPED = frozenset("\u202a\u202b\u202c\u202d\u202e")


def clean_text(value: str | None) -> str:
    """Normalise to NFC, drop NUL and other control characters (not newlines), trim."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    kept = (
        ch
        for ch in value
        if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _DROPPED)
    )
    return "".join(kept).strip()


def has_bidi_controls(value: str) -> bool:
    return any(ch in BIDI_CONTROLS for ch in value or "")
