"""A resident who left a contact and agreed is told: acknowledged, answered, published; by SMS
to a mobile number, by e-mail to an address; in the language they wrote in; once."""

import json

import pytest
from django.core import mail
from django.test import override_settings

from consultations.services.feedback import (
    feedback_acknowledge,
    feedback_answer,
    feedback_erase_on_request,
    feedback_set_published,
)
from notifications.models import Notification
from notifications.services.delivery import notification_send, notifications_sweep
from tests.consultations.conftest import submit
from tests.servers import SmsGateway

pytestmark = pytest.mark.django_db

# A realistic production address, so the length test means something.
SITE = "https://tata-participation.ma"
UCS2_TWO_SEGMENTS = 134  # 2 x 67 characters once a long message is split


@pytest.fixture
def sms_file(tmp_path, settings):
    settings.SMS_URL = f"file://{tmp_path}"
    settings.SITE_URL = SITE
    path = tmp_path / "sms.jsonl"

    def read() -> list[dict]:
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return read


def lifecycle(feedback, staff, capture):
    with capture(execute=True):
        feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    with capture(execute=True):
        feedback_answer(
            user=staff, feedback_id=feedback.pk, answer="تم إصلاح الإنارة يوم الاثنين الماضي."
        )
    with capture(execute=True):
        feedback_set_published(user=staff, feedback_id=feedback.pk, published=True)


def test_an_arabic_resident_gets_each_sms_with_code_and_link_in_two_segments(
    tata, staff, sms_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = submit(tata, contact="06 12 34 56 78", consent_to_contact=True, language="ar")
    lifecycle(feedback, staff, django_capture_on_commit_callbacks)
    messages = sms_file()
    assert [m["to"] for m in messages] == ["+212612345678"] * 4
    texts = [m["text"] for m in messages]
    assert "سُجلت مراسلتكم" in texts[0]  # registered: the code is now on the phone
    assert "تكفلت الجماعة" in texts[1]
    assert "أجيب عن مراسلتكم" in texts[2]
    assert "نُشرت مراسلتكم" in texts[3]
    for text in texts:
        assert feedback.tracking_code in text
        assert f"{SITE}/f/{feedback.tracking_code}" in text
        assert len(text) <= UCS2_TWO_SEGMENTS, (len(text), text)
    assert mail.outbox == []


def test_a_french_resident_is_told_in_french(
    tata, staff, sms_file, django_capture_on_commit_callbacks
):
    feedback = submit(tata, contact="+212 7 00 11 22 33", consent_to_contact=True, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    (message,) = sms_file()
    assert message["to"] == "+212700112233"
    assert message["text"].startswith("Portail Tata")


def test_an_email_contact_gets_emails_with_the_answer_and_the_link(
    tata, staff, sms_file, django_capture_on_commit_callbacks
):
    feedback = submit(tata, contact="Fatima@Example.ma", consent_to_contact=True, language="ar")
    lifecycle(feedback, staff, django_capture_on_commit_callbacks)
    assert sms_file() == []
    assert [m.to for m in mail.outbox] == [["fatima@example.ma"]] * 3
    answered = mail.outbox[1]  # submitted outside a callback capture: its receipt never left
    assert feedback.tracking_code in answered.subject
    assert "تم إصلاح الإنارة" in answered.body
    assert f"{SITE}/f/{feedback.tracking_code}" in answered.body
    html = answered.alternatives[0][0]
    assert 'dir="rtl"' in html and "تم إصلاح الإنارة" in html


def test_without_consent_or_contact_nothing_is_sent(
    tata, staff, sms_file, django_capture_on_commit_callbacks
):
    lifecycle(submit(tata), staff, django_capture_on_commit_callbacks)
    assert sms_file() == [] and mail.outbox == []
    assert not Notification.objects.filter(recipient__isnull=True).exists()


def test_a_message_not_yet_sent_is_never_sent_once_the_contact_is_erased(
    tata, staff, sms_file, django_capture_on_commit_callbacks
):
    feedback = submit(tata, contact="0612345678", consent_to_contact=True)
    feedback_acknowledge(user=staff, feedback_id=feedback.pk)  # its task never ran
    waiting = Notification.objects.get(kind="feedback_acknowledged")
    assert waiting.address == "+212612345678"
    feedback_erase_on_request(tracking_code=feedback.tracking_code)
    waiting.refresh_from_db()
    assert waiting.status == Notification.Status.CANCELLED and waiting.address == ""
    with django_capture_on_commit_callbacks(execute=True):
        notifications_sweep(older_than_minutes=0)
        feedback_answer(user=staff, feedback_id=feedback.pk, answer="جواب بعد المحو")
    assert sms_file() == []


@pytest.fixture
def gateway(settings):
    server = SmsGateway().start()
    settings.SMS_URL = server.url
    settings.SMS_TIMEOUT_SECONDS = 0.5
    settings.SITE_URL = SITE
    yield server
    server.stop()


def test_the_http_gateway_gets_the_number_the_text_and_its_own_parameters(
    tata, gateway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = submit(tata, contact="0612345678", consent_to_contact=True)
    (message,) = gateway.messages
    assert message["to"] == "+212612345678"
    assert message["account"] == "tata" and message["sender"] == "TATA"
    assert feedback.tracking_code in message["text"]


@pytest.mark.parametrize("failure", ["503", "timeout"])
def test_a_gateway_that_fails_twice_gets_one_message_not_three(
    tata, gateway, django_capture_on_commit_callbacks, failure
):
    if failure == "timeout":
        gateway.hang(2)
    else:
        gateway.fail(2, status=503)
    with django_capture_on_commit_callbacks(execute=True):
        feedback = submit(tata, contact="0612345678", consent_to_contact=True)
    assert gateway.requests == 3
    assert len(gateway.messages) == 1
    sent = Notification.objects.get(kind="feedback_received")
    assert sent.status == Notification.Status.SENT and sent.attempts == 3
    assert feedback.tracking_code in gateway.messages[0]["text"]
    # A later sweep or a duplicate task does not send it again.
    with django_capture_on_commit_callbacks(execute=True):
        notifications_sweep(older_than_minutes=0)
    assert notification_send(notification_id=sent.pk) is False
    assert len(gateway.messages) == 1


def test_a_gateway_that_refuses_a_number_is_not_asked_again(
    tata, gateway, django_capture_on_commit_callbacks
):
    gateway.fail(5, status=400)
    with django_capture_on_commit_callbacks(execute=True):
        submit(tata, contact="0612345678", consent_to_contact=True)
    assert gateway.requests == 1
    refused = Notification.objects.get(kind="feedback_received")
    assert refused.status == Notification.Status.FAILED


def test_a_gateway_down_for_long_keeps_the_message_for_the_sweep(
    tata, gateway, django_capture_on_commit_callbacks
):
    gateway.fail(4, status=502)  # the task's own retries (1 + 3) all fail
    with django_capture_on_commit_callbacks(execute=True):
        submit(tata, contact="0612345678", consent_to_contact=True)
    waiting = Notification.objects.get(kind="feedback_received")
    assert waiting.status == Notification.Status.PENDING and gateway.messages == []
    Notification.objects.filter(pk=waiting.pk).update(next_attempt_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        notifications_sweep(older_than_minutes=0)
    assert len(gateway.messages) == 1


@override_settings(SMS_URL="console://")
def test_the_console_backend_prints_the_message(
    tata, staff, capsys, django_capture_on_commit_callbacks
):
    feedback = submit(tata, contact="0612345678", consent_to_contact=True)
    with django_capture_on_commit_callbacks(execute=True):
        feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    assert feedback.tracking_code in capsys.readouterr().out
