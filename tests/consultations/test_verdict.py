"""Once answered, the resident says whether the answer helped; "no" reopens it once and tells
the observatory's staff."""

import pytest
from django.core import mail

from consultations.models import Feedback, FeedbackEvent
from consultations.services.feedback import feedback_answer
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(tata, staff, councillor):
    feedback = submit(tata, contact="0612345678", consent_to_contact=True)
    feedback_answer(user=councillor, feedback_id=feedback.pk, answer="ستُصلح الإنارة هذا الأسبوع.")
    return feedback


def verdict(client, feedback, helped, reason="", lang="ar"):
    return client.post(
        f"/{lang}/feedback/{feedback.tracking_code}/helped/", {"helped": helped, "reason": reason}
    )


def test_the_question_appears_only_once_there_is_an_answer(client, tata, staff):
    feedback = submit(tata)
    page = client.get(f"/ar/feedback/{feedback.tracking_code}/").content.decode()
    assert "هل يجيب هذا عن مراسلتكم؟" not in page
    assert verdict(client, feedback, "no").status_code == 400
    feedback.refresh_from_db()
    assert feedback.resident_verdict == "" and feedback.state == "received"


def test_this_answers_me_is_recorded_and_counted(client, answered):
    page = client.get(f"/ar/feedback/{answered.tracking_code}/").content.decode()
    assert "هل يجيب هذا عن مراسلتكم؟" in page
    response = verdict(client, answered, "yes")
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.resident_verdict == "helped" and answered.state == "answered"
    page = client.get(response["Location"]).content.decode()
    assert "قلتم إن هذا الجواب أفادكم" in page
    assert "هل يجيب هذا عن مراسلتكم؟" not in page


def test_this_does_not_answer_me_reopens_tells_staff_and_shows_on_the_timeline(
    client, answered, staff, django_capture_on_commit_callbacks
):
    staff.email = "observatoire@example.ma"
    staff.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        response = verdict(client, answered, "no", reason="الإنارة ما زالت معطلة")
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.state == "acknowledged" and answered.reopened_at is not None
    assert answered.resident_reason == "الإنارة ما زالت معطلة"
    actions = list(answered.events.values_list("action", flat=True))
    assert actions[-2:] == [FeedbackEvent.Action.NOT_HELPED, FeedbackEvent.Action.REOPENED]
    page = client.get(response["Location"]).content.decode()
    assert "أعيد فتح مراسلتكم" in page
    assert "أعيدت فتحها" in page or "أعيد فتحها" in page  # the timeline entry
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert answered.tracking_code in mail.outbox[0].subject + mail.outbox[0].body
    # Staff see why, in the inbox.
    client.force_login(staff)
    inbox = client.get(f"/ar/inbox/{answered.pk}/").content.decode()
    assert "الإنارة ما زالت معطلة" in inbox


def test_it_reopens_once_only(client, answered, councillor):
    verdict(client, answered, "no")
    feedback_answer(user=councillor, feedback_id=answered.pk, answer="أُصلحت الإنارة.")
    assert verdict(client, answered, "no").status_code == 302
    answered.refresh_from_db()
    assert answered.state == "answered" and answered.resident_verdict == "not_helped"
    assert answered.events.filter(action=FeedbackEvent.Action.REOPENED).count() == 1


def test_a_second_verdict_on_the_same_answer_is_refused(client, answered):
    verdict(client, answered, "yes")
    response = verdict(client, answered, "no")
    assert response.status_code == 400
    assert "سبق أن قلتم" in response.content.decode()
    answered.refresh_from_db()
    assert answered.resident_verdict == "helped"


def test_a_reason_of_100_kb_is_refused_and_kept_on_the_page(client, answered):
    reason = "لم يتغير شيء " * 8000
    response = verdict(client, answered, "no", reason=reason, lang="fr")
    assert response.status_code == 400
    html = response.content.decode()
    assert "1000" in html and 'lang="fr"' in html
    assert "لم يتغير شيء لم يتغير شيء" in html
    answered.refresh_from_db()
    assert answered.state == "answered" and answered.resident_verdict == ""
    assert not answered.events.filter(action=FeedbackEvent.Action.NOT_HELPED).exists()


def test_the_resident_is_told_the_second_answer_too(
    client, answered, councillor, settings, tmp_path, django_capture_on_commit_callbacks
):
    import json

    settings.SMS_URL = f"file://{tmp_path}"
    verdict(client, answered, "no")
    with django_capture_on_commit_callbacks(execute=True):
        feedback_answer(user=councillor, feedback_id=answered.pk, answer="أُصلحت الإنارة.")
    lines = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and answered.tracking_code in json.loads(lines[0])["text"]
    assert Feedback.objects.get(pk=answered.pk).state == "answered"


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("ما زال\x00معطلا", "يتضمن النص رموزا غير مسموح بها."),
        (None, "يتضمن النص رموزا غير مسموح بها."),  # not a text at all
        ("م" * 1001, "لا تتجاوزوا 1000 حرف."),
    ],
    ids=["nul", "not-text", "too-long"],
)
def test_a_reason_that_cannot_be_kept_is_refused_in_the_residents_words(answered, reason, message):
    from django.core.exceptions import ValidationError

    from consultations.services.feedback_verdict import feedback_resident_verdict

    with pytest.raises(ValidationError) as refused:
        feedback_resident_verdict(tracking_code=answered.tracking_code, helped=False, reason=reason)
    assert refused.value.message_dict == {"reason": [message]}
    answered.refresh_from_db()
    assert answered.state == "answered" and answered.resident_verdict == ""


def test_a_reason_of_exactly_1000_characters_is_kept(answered):
    from consultations.services.feedback_verdict import feedback_resident_verdict

    feedback_resident_verdict(tracking_code=answered.tracking_code, helped=False, reason="م" * 1000)
    answered.refresh_from_db()
    assert answered.resident_reason == "م" * 1000


def test_only_active_staff_and_admins_are_told_and_the_notice_links_to_the_feedback(
    client, answered, staff, councillor, django_capture_on_commit_callbacks
):
    from notifications.models import Notification
    from tests.factories import AdminFactory, StaffFactory

    admin = AdminFactory(email="admin@observatory.example", language="fr")
    StaffFactory(email="gone@observatory.example", is_active=False)
    for person, email in ((staff, "staff@observatory.example"), (councillor, "c@tata.example")):
        person.email = email
        person.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        verdict(client, answered, "no", reason="لم يتغير شيء")
    told = set(
        Notification.objects.filter(kind="feedback_reopened").values_list("recipient", flat=True)
    )
    assert told == {staff.pk, admin.pk}
    (notice,) = [m for m in mail.outbox if m.to == [admin.email]]
    assert f"/fr/inbox/{answered.pk}/" in notice.body
