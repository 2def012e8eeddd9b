"""Recognising a resident's contact: a Moroccan phone number or an email address."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Moroccan numbers: 0 or +212 / 00212, then 5, 6, 7 or 8 and eight digits.
_PHONE = re.compile(r"^(?:\+212|00212|0)([5-8]\d{8})$")
_SEPARATORS = re.compile(r"[\s.\-()]")


def contact_parse(value: str) -> tuple[str, str] | None:
    """(kind, normalised value), or None when it is neither a phone number nor an email."""
    value = (value or "").strip()
    if not value:
        return None
    # Arabic-Indic digits typed on an Arabic keyboard are digits too.
    digits = value.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    match = _PHONE.match(_SEPARATORS.sub("", digits))
    if match:
        return "phone", "+212" + match.group(1)
    try:
        validate_email(value)
    except ValidationError:
        return None
    return "email", value.lower()


def contact_mask(kind: str, value: str) -> str:
    """What the follow page may show: enough to recognise one's own contact, no more."""
    if not value:
        return ""
    if kind == "phone":
        return value[:5] + "•" * (len(value) - 7) + value[-2:]
    local, _, domain = value.partition("@")
    return local[:1] + "•" * max(len(local) - 1, 2) + "@" + domain
