"""Public meetings as iCalendar feeds a phone subscribes to, in the reader's language."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from consultations.services.meetings import meeting_schedule

pytestmark = pytest.mark.django_db


def events(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]


def test_a_communes_feed_lists_its_meetings_with_time_place_agenda_and_link(
    client, meeting, committee, councillor
):
    soon = meeting_schedule(
        user=councillor,
        committee_id=committee.pk,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        place="دار الشباب",
        agenda="ميزانية 2027",
    )
    feed = events(client.get("/calendar/09.551.01.07.ics", {"lang": "fr"}))
    assert len(feed) == 2
    upcoming = next(e for e in feed if str(e["uid"]) == f"meeting-{soon.pk}@taata-portal")
    assert str(upcoming["location"]) == "دار الشباب"
    assert "ميزانية 2027" in str(upcoming["description"])
    assert str(upcoming["url"]).endswith(f"/fr/meetings/{soon.pk}/")
    assert "Réunion" in str(upcoming["summary"])
    start = upcoming.decoded("dtstart")
    assert abs(start - soon.starts_at) < datetime.timedelta(seconds=1)


def test_the_feed_follows_the_phones_language(client, meeting):
    feed = events(client.get("/calendar/09.551.01.07.ics", HTTP_ACCEPT_LANGUAGE="ar"))
    assert "اجتماع" in str(feed[0]["summary"])


def test_a_committees_feed_and_an_unknown_commune(client, meeting, committee):
    assert len(events(client.get(f"/calendar/committee/{committee.pk}.ics"))) == 1
    assert client.get("/calendar/99.999.99.99.ics").status_code == 404


def test_commune_and_committee_pages_offer_the_subscription(client, committee):
    html = client.get("/ar/communes/09.551.01.07/").content.decode()
    assert "webcal://testserver/calendar/09.551.01.07.ics?lang=ar" in html
    html = client.get(f"/fr/committees/{committee.pk}/").content.decode()
    assert f"/calendar/committee/{committee.pk}.ics?lang=fr" in html
