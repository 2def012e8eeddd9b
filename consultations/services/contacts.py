"""Recognising a resident's contact: a Moroccan phone number or an email address."""

from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Digits as an Arabic or Persian phone keyboard types them.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
PHONE_EXAMPLE = "0612345678"


@dataclass(frozen=True)
class Contact:
    kind: str  # "phone" or "email"
    value: str  # E.164 (+212612345678) or the address in lower case


def contact_parse(value: str) -> Contact | None:
    """The contact a resident typed, normalised; None when there is none. Raises
    ValidationError, with what to type instead, for a landline (answers go by SMS), a number
    that is not Moroccan or not a number, or an address that is not one."""
    value = (value or "").strip().translate(_DIGITS)
    if not value:
        return None
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                _("Enter an e-mail address like name@example.ma, or a mobile number."),
                code="email",
            ) from None
        return Contact("email", value.lower())
    try:
        number = phonenumbers.parse(value, "MA")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number) or number.country_code != 212:
        raise ValidationError(
            _("Enter a Moroccan mobile number like %(example)s, or an e-mail address."),
            code="phone",
            params={"example": PHONE_EXAMPLE},
        )
    if phonenumbers.number_type(number) not in MOBILE:
        raise ValidationError(
            _(
                "This is a landline: the answer is sent by SMS. Enter a mobile number (06… or "
                "07…) or an e-mail address."
            ),
            code="landline",
        )
    return Contact("phone", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def contact_mask(kind: str, value: str) -> str:
    """What the follow page may show: enough to recognise one's own contact, no more."""
    if not value:
        return ""
    if kind == "phone":
        return value[:5] + "•" * (len(value) - 7) + value[-2:]
    local, _, domain = value.partition("@")
    return local[:1] + "•" * max(len(local) - 1, 2) + "@" + domain
