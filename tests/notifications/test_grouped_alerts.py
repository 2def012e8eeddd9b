"""A hundred stuck commitments make an escalation of a few lines: grouped by commune and kind,
with counts, the three most urgent, and a link to the full list."""

import datetime

import pytest
from django.core import mail

from notifications.models import ReminderItem
from notifications.services.daily_run import reminders_run
from tests.notifications.conftest import NOW, make_commitment

pytestmark = pytest.mark.django_db


def at(days=0):
    return NOW + datetime.timedelta(days=days)


def test_an_escalation_of_seventy_items_fits_a_phone_screen_or_two(
    django_capture_on_commit_callbacks, tata_councillor, akka_councillor, observatory
):
    for i in range(40):
        make_commitment(
            tata_councillor,
            last_update_days=45 + i,
            title_ar=f"التزام طاطا {i}",
            title_fr=f"Tata {i}",
        )
    for i in range(30):
        make_commitment(
            akka_councillor,
            last_update_days=60 + i,
            title_ar=f"التزام أقا {i}",
            title_fr=f"Akka {i}",
        )
    for day in (0, 1, 2):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            reminders_run(now=at(day))
    assert ReminderItem.objects.filter(kind="escalation").count() == 70
    (message,) = [m for m in mail.outbox if m.to == ["staff@observatory.example"]]
    text = message.body
    assert len(text.splitlines()) <= 40, text
    # Grouped by commune, with how many, and a link to all of one commune's.
    assert "Tata: 40" in text and "Akka: 30" in text
    assert "/fr/my/?commune=09.551.01.07" in text and "/fr/my/?commune=09.551.01.01" in text
    assert "37 de plus" in text and "27 de plus" in text
    # The three most urgent of Tata: the longest without an update.
    assert "- Tata 39 " in text and "- Tata 38 " in text and "- Tata 37 " in text
    assert "- Tata 0 " not in text


def test_the_list_it_links_to_shows_that_communes_late_commitments(
    client, observatory, tata_councillor, akka_councillor
):
    make_commitment(tata_councillor, last_update_days=90, title_ar="متأخر في طاطا")
    make_commitment(akka_councillor, last_update_days=90, title_ar="متأخر في أقا")
    client.force_login(observatory)
    html = client.get("/ar/my/", {"commune": "09.551.01.07"}).content.decode()
    assert "متأخر في طاطا" in html and "متأخر في أقا" not in html
