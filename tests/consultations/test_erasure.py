"""What erasure takes away: the name, the contact and its consent, the voice recording, and
what the resident wrote when saying an answer did not help (it may quote them) — on request at
once, and by the retention rule for every kind of personal data a closed feedback still holds."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations.models import Feedback, FeedbackEvent
from consultations.services.feedback import (
    feedback_answer,
    feedback_close,
    feedback_erase_expired,
    feedback_erase_on_request,
    feedback_reject,
)
from consultations.services.feedback_verdict import feedback_resident_verdict
from tests import audio_samples
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db

QUOTE = "أنا فاطمة من حي السلام، ولم يصلح أحد العمود أمام منزلي"


def test_erasing_on_request_takes_the_reason_given_with_a_verdict_too(tata, staff):
    feedback = submit(tata, name="فاطمة", contact="0612345678", consent_to_contact=True)
    feedback_answer(user=staff, feedback_id=feedback.pk, answer="سيُصلح العمود.")
    feedback_resident_verdict(tracking_code=feedback.tracking_code, helped=False, reason=QUOTE)
    other = submit(tata, contact="0700000000", consent_to_contact=True)
    feedback_answer(user=staff, feedback_id=other.pk, answer="جواب")
    feedback_resident_verdict(tracking_code=other.tracking_code, helped=False, reason="لم يفد")

    feedback_erase_on_request(tracking_code=feedback.tracking_code)

    feedback.refresh_from_db()
    assert (feedback.name, feedback.contact, feedback.consent_to_contact) == ("", "", False)
    assert feedback.resident_reason == ""
    details = list(feedback.events.values_list("action", "detail"))
    assert not [d for _a, d in details if QUOTE[:20] in d]
    assert feedback.events.get(action=FeedbackEvent.Action.NOT_HELPED).detail == ""
    assert (FeedbackEvent.Action.ERASED, "sender's request") in details
    erased = feedback.events.get(action=FeedbackEvent.Action.ERASED)
    assert erased.actor is None
    # Another resident's words stay theirs.
    other.refresh_from_db()
    assert other.resident_reason == "لم يفد"
    assert other.events.filter(action=FeedbackEvent.Action.NOT_HELPED, detail="لم يفد").exists()


def closed_long_ago(feedback, staff, *, days=400, reject=False):
    if reject:
        feedback_reject(user=staff, feedback_id=feedback.pk, reason=Feedback.RejectReason.values[0])
    else:
        feedback_answer(user=staff, feedback_id=feedback.pk, answer="جواب")
        feedback_close(user=staff, feedback_id=feedback.pk)
    Feedback.objects.filter(pk=feedback.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=days)
    )
    return feedback


def test_the_retention_rule_erases_a_name_a_contact_or_a_voice_alone(tata, staff, settings):
    only_name = closed_long_ago(submit(tata, name="سعيد"), staff)
    only_contact = closed_long_ago(
        submit(tata, contact="0612345678", consent_to_contact=True), staff, reject=True
    )
    only_voice = closed_long_ago(
        submit(tata, text="", voice=SimpleUploadedFile("v.bin", audio_samples.ogg_opus(3.0))),
        staff,
    )
    nothing_personal = closed_long_ago(submit(tata), staff)

    assert feedback_erase_expired() == 3

    for item in (only_name, only_contact, only_voice):
        item.refresh_from_db()
        assert (item.name, item.contact, item.voice.name or "") == ("", "", "")
        assert item.personal_data_erased_at is not None
        event = item.events.get(action=FeedbackEvent.Action.ERASED)
        assert event.detail == f"closed more than {settings.FEEDBACK_PERSONAL_DATA_DAYS} days ago"
    assert not nothing_personal.events.filter(action=FeedbackEvent.Action.ERASED).exists()


def test_the_retention_period_given_is_the_one_applied(tata, staff, settings):
    settings.FEEDBACK_PERSONAL_DATA_DAYS = 365
    month_old = closed_long_ago(submit(tata, name="سعيد"), staff, days=40)
    assert feedback_erase_expired() == 0
    assert feedback_erase_expired(days=30) == 1
    month_old.refresh_from_db()
    assert month_old.name == ""
    erased = month_old.events.get(action=FeedbackEvent.Action.ERASED)
    assert erased.detail == "closed more than 30 days ago"


def test_feedback_reopened_after_closing_keeps_its_data_until_closed_again(tata, staff):
    feedback = closed_long_ago(
        submit(tata, name="سعيد", contact="0612345678", consent_to_contact=True), staff
    )
    feedback_resident_verdict(tracking_code=feedback.tracking_code, helped=False, reason="لا")
    feedback.refresh_from_db()
    assert feedback.state != "closed"
    assert feedback_erase_expired() == 0
    feedback.refresh_from_db()
    assert feedback.name == "سعيد"
