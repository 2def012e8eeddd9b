"""Dates and times as the reader's language writes them, from CLDR (Babel): in Arabic as
Morocco writes it (ar_MA: "5 غشت 2028", 24-hour "13:57"), in French as fr_MA, in Tamazight as
zgh. One helper for templates, e-mails, SMS and exports.

Formatting is memoised: a page lists many rows whose dates repeat, and Babel is not free.
"""

import datetime
from functools import lru_cache

from babel.dates import format_date, format_skeleton, format_time
from django.utils import timezone

LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "en": "en_GB", "zgh": "zgh"}


def _locale(language: str) -> str:
    return LOCALES.get(language, LOCALES["ar"])


@lru_cache(maxsize=8192)
def _day(day: datetime.date, language: str) -> str:
    return format_date(day, format="long", locale=_locale(language))


@lru_cache(maxsize=2048)
def _time(hour: int, minute: int, language: str) -> str:
    return format_time(datetime.time(hour, minute), format="short", locale=_locale(language))


def format_day(value: datetime.date | datetime.datetime | None, language: str) -> str:
    """ "5 غشت 2028" / "5 août 2028"; a moment is taken on its day in the portal's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return _day(value, language)


def format_moment(value: datetime.datetime | None, language: str) -> str:
    """ "5 غشت 2028، 13:57": the day, then the 24-hour time, in the portal's time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    separator = "، " if language == "ar" else ", "
    return f"{_day(local.date(), language)}{separator}{_time(local.hour, local.minute, language)}"


def format_stored(value: str | None, language: str) -> str:
    """A date or moment kept as ISO text (notification payloads, report filters), formatted for
    the reader; text that is not ISO is shown as it is rather than lost."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            return format_day(datetime.date.fromisoformat(value), language)
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return format_moment(moment, language)


@lru_cache(maxsize=512)
def format_month(value: str, language: str) -> str:
    """ "2025-08" → "غشت 2025" / "août 2025": a month of the updates chart."""
    try:
        year, month = (int(part) for part in value.split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        return value
    return format_skeleton("yMMMM", first, locale=_locale(language))
