"""The timeline and the event logs are append-only in PostgreSQL itself: an UPDATE or DELETE
raises, whoever sends it. The one exception, emptying a feedback event's detail when personal
data is erased, changes nothing else."""

import pytest
from django.db import DatabaseError, connection, transaction

from consultations.models import FeedbackEvent, MeetingEvent
from consultations.services.feedback import feedback_answer, feedback_erase_on_request
from consultations.services.feedback_verdict import feedback_resident_verdict
from recommendations.models import StatusUpdate
from recommendations.services.updates import commitment_record_update


@pytest.fixture
def entry(require_postgres, councillor, commitment_in_tata):
    return commitment_record_update(
        user=councillor,
        commitment_id=commitment_in_tata.pk,
        expected_version=commitment_in_tata.version,
        level="limited",
        progress=10,
        note="بدأت الأشغال",
    )


def refused(sql: str, params: list) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as exc:
        return "append-only" in str(exc)
    return False


def test_a_timeline_entry_cannot_be_changed_or_deleted_even_in_sql(entry):
    table = StatusUpdate._meta.db_table
    assert refused(f"UPDATE {table} SET note = %s WHERE id = %s", ["معدل", entry.pk])
    assert refused(f"DELETE FROM {table} WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        StatusUpdate.objects.filter(pk=entry.pk).update(progress_after=99)
    assert StatusUpdate.objects.get(pk=entry.pk).note == "بدأت الأشغال"


def test_meeting_events_cannot_be_changed(require_postgres, meeting):
    event = MeetingEvent.objects.filter(meeting=meeting).first()
    table = MeetingEvent._meta.db_table
    assert refused(f"UPDATE {table} SET detail = %s WHERE id = %s", ["", event.pk])
    assert refused(f"DELETE FROM {table} WHERE id = %s", [event.pk])


def test_feedback_events_only_let_erasure_empty_a_detail(require_postgres, feedback, staff):
    feedback_answer(user=staff, feedback_id=feedback.pk, answer="الجواب")
    feedback_resident_verdict(
        tracking_code=feedback.tracking_code, helped=False, reason="اتصلوا بي على 0612345678"
    )
    said = FeedbackEvent.objects.get(feedback=feedback, action=FeedbackEvent.Action.NOT_HELPED)
    table = FeedbackEvent._meta.db_table
    assert refused(f"UPDATE {table} SET action = %s WHERE id = %s", ["helped", said.pk])
    assert refused(f"UPDATE {table} SET detail = %s WHERE id = %s", ["أي شيء", said.pk])
    assert refused(
        f"UPDATE {table} SET detail = '', at = now() WHERE id = %s", [said.pk]
    )  # emptying, but with another change
    assert refused(f"DELETE FROM {table} WHERE id = %s", [said.pk])
    feedback_erase_on_request(tracking_code=feedback.tracking_code)
    said.refresh_from_db()
    feedback.refresh_from_db()
    assert said.detail == "" and said.action == FeedbackEvent.Action.NOT_HELPED
    assert feedback.resident_reason == "" and feedback.contact == ""
