"""Public meetings as iCalendar feeds (RFC 5545), per commune and per committee, in the
reader's language: a resident or a councillor subscribes from a phone's calendar."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from consultations.models import Meeting

MEETING_HOURS = 2  # meetings have no end time recorded; calendars need one


def meetings_calendar(meetings, *, title: str, language: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Tata civic portal//taata//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(_event(meeting, language))
    return calendar.to_ical()


def _event(meeting: Meeting, language: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@taata-portal")
    event.add("dtstamp", timezone.now())
    start = timezone.localtime(meeting.starts_at)
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(hours=MEETING_HOURS))
    event.add("summary", f"{meeting.committee.name} — {_('Meeting')}")
    event.add("location", meeting.place)
    agenda = [item.title for item in meeting.agenda_items.all()]
    url = f"{settings.SITE_URL}/{language}/meetings/{meeting.pk}/"
    lines = [f"{i}. {title}" for i, title in enumerate(agenda, start=1)] + [url]
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    return event
