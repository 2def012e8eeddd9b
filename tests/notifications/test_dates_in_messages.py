"""A councillor's digest dates what is waiting as they write it: "10 مارس 2026" in Arabic,
"10 mars 2026" in French, kept in order by Unicode isolates in the plain text and by <bdi> in
the HTML; "my notifications" the same."""

import datetime

import pytest
from django.core import mail
from django.utils.html import strip_tags

from notifications.services.daily_run import reminders_run
from recommendations.models import Milestone
from tests.notifications.conftest import NOW, make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(django_capture_on_commit_callbacks, tata_councillor, akka_councillor):
    for owner in (tata_councillor, akka_councillor):
        Milestone.objects.create(
            commitment=make_commitment(owner, last_update_days=45),
            title_ar="المصادقة في دورة المجلس",
            title_fr="Adoption en session",
            due_date=datetime.date(2026, 3, 10),
        )
    with django_capture_on_commit_callbacks(execute=True):
        reminders_run(now=NOW)
    return {m.to[0]: m for m in mail.outbox}


def test_the_digest_dates_each_item_in_its_readers_language(waiting):
    arabic, french = waiting["fatima@tata.example"], waiting["youssef@akka.example"]
    assert "(\u206810 مارس 2026\u2069)" in arabic.body
    assert "(\u206810 mars 2026\u2069)" in french.body
    html = arabic.alternatives[0][0]
    assert "<bdi>(10 مارس 2026)</bdi>" in html
    assert "2026-03-10" not in arabic.body + strip_tags(html)


def test_my_notifications_dates_them_the_same_way(client, waiting, tata_councillor):
    client.force_login(tata_councillor)
    text = strip_tags(client.get("/ar/my/notifications/").content.decode())
    assert "10 مارس 2026" in text and "2026-03-10" not in text
