from django import template
from django.utils.translation import get_language

from consultations import rendering

register = template.Library()


@register.simple_tag
def meeting_rows(meetings):
    return rendering.meeting_rows(meetings, language=get_language())


@register.simple_tag
def feedback_items(items):
    return rendering.feedback_items(items, language=get_language())


@register.simple_tag
def committee_cards(committees):
    return rendering.committee_cards(committees, language=get_language())
