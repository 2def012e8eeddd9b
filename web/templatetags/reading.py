"""Dates, times and lists as the reader's language writes them, in every template without a
{% load %}: `{{ value|day }}` ("5 غشت 2028"), `{{ value|moment }}` ("5 غشت 2028، 13:57"),
`{{ items|spoken_list }}` ("أ، ب، ج"), `{{ share|percent }}` ("63%"). Django's own `date` filter
would give Eastern month names and a 12-hour clock in Arabic, so templates use these
(tests/web/test_moroccan_formats.py fails on a `date:` filter that shows a date to a reader).
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from text.bidi import isolated as isolate
from text.dates import format_day, format_moment, format_month, format_stored
from text.lists import join_words

register = template.Library()


@register.filter
def day(value):
    return format_day(value, get_language() or "ar")


@register.filter
def moment(value):
    return format_moment(value, get_language() or "ar")


@register.filter
def month(value):
    """ "2025-08" → "غشت 2025"."""
    return format_month(value, get_language() or "ar")


@register.filter
def stored_date(value):
    """A date kept as ISO text in a notification's payload, shown as the reader writes it."""
    return format_stored(value, get_language() or "ar")


@register.filter
def spoken_list(values):
    return join_words([str(v) for v in values], get_language() or "ar")


@register.filter
def isolated(value):
    """Plain-text e-mails: a date or code keeps its order in a sentence (HTML uses <bdi>)."""
    return isolate(str(value)) if value not in (None, "") else ""


@register.filter
def percent(value):
    """ "63%" the same way round on every page: isolated, so the sign stays after the figure
    whatever text surrounds it."""
    return format_html("<bdi>{}%</bdi>", value)
