"""On /ar/, what a resident and a councillor read: "5 غشت 2028" and "13:57", never Eastern month
names, a 12-hour clock, slashes or a Latin comma inside Arabic."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from consultations.models import Feedback
from recommendations.services.updates import commitment_record_update

pytestmark = pytest.mark.django_db

LATIN_COMMA_IN_ARABIC = re.compile(r"[\u0600-\u06ff]\s*,|,\s*[\u0600-\u06ff]")
BAD_DATES = re.compile(
    r"\d{4}/\d\d/\d\d|\d\d?/\d\d?/\d{4}|نوفمبر|ديسمبر|أغسطس|سبتمبر|ظهرا|صباحا|مساء"
)


def visible(response) -> str:
    html = response.content.decode()
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return strip_tags(body)


def assert_reads_as_morocco_writes(text: str):
    assert not LATIN_COMMA_IN_ARABIC.findall(text)
    assert not BAD_DATES.findall(text)


def test_a_commitment_page_gives_its_dates_and_the_timeline_hours_the_moroccan_way(
    client, commitment_in_tata, councillor
):
    moment = timezone.make_aware(datetime.datetime(2026, 8, 5, 13, 57))
    commitment_record_update(
        user=councillor,
        commitment_id=commitment_in_tata.pk,
        expected_version=commitment_in_tata.version,
        level="limited",
        progress=20,
        note="بدأت الأشغال",
        recorded_at=moment,
    )
    text = visible(client.get(f"/ar/commitments/{commitment_in_tata.pk}/"))
    assert "1 يناير 2027" in text  # the target date
    assert "5 غشت 2026، 13:57" in text  # the update on the timeline
    assert_reads_as_morocco_writes(text)


def test_the_follow_page_dates_the_feedback_and_its_history(client, feedback):
    received = timezone.make_aware(datetime.datetime(2026, 12, 3, 16, 5))
    Feedback.objects.filter(pk=feedback.pk).update(created_at=received)
    text = visible(client.get(f"/ar/feedback/{feedback.tracking_code}/"))
    assert "3 دجنبر 2026، 16:05" in text
    assert_reads_as_morocco_writes(text)


def test_a_meeting_page_and_the_committee_counts(client, meeting, committee):
    text = visible(client.get(f"/ar/meetings/{meeting.pk}/"))
    local = timezone.localtime(meeting.starts_at)
    assert f"{local:%H:%M}" in text
    assert_reads_as_morocco_writes(text)
    text = visible(client.get(f"/ar/communes/{committee.commune.code}/"))
    assert_reads_as_morocco_writes(text)
