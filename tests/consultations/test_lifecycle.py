import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from consultations.deadlines import with_deadlines
from consultations.models import Feedback, FeedbackEvent
from consultations.services import feedback as services
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db


def state(feedback):
    feedback.refresh_from_db()
    return feedback.state


def test_the_whole_path_received_acknowledged_answered_closed(feedback, councillor):
    services.feedback_acknowledge(user=councillor, feedback_id=feedback.pk)
    assert state(feedback) == "acknowledged"
    services.feedback_answer(user=councillor, feedback_id=feedback.pk, answer="سيتم الإصلاح غدا")
    assert state(feedback) == "answered" and feedback.answered_by == councillor
    services.feedback_close(user=councillor, feedback_id=feedback.pk)
    assert state(feedback) == "closed" and feedback.closed_at
    actions = list(feedback.events.values_list("action", "actor"))
    assert actions == [
        ("submitted", None),
        ("acknowledged", councillor.pk),
        ("answered", councillor.pk),
        ("closed", councillor.pk),
    ]
    # Staff read the history in the inbox: these steps carry no words of their own.
    assert set(feedback.events.values_list("detail", flat=True)) == {""}


def test_answering_straight_away_also_acknowledges(feedback, councillor):
    services.feedback_answer(user=councillor, feedback_id=feedback.pk, answer="جواب")
    feedback.refresh_from_db()
    assert feedback.acknowledged_at is not None


@pytest.mark.parametrize(
    ("setup", "action"),
    [
        ([], "close"),  # received cannot be closed
        (["acknowledge"], "acknowledge"),  # twice
        (["answer", "close"], "answer"),  # closed is final
        (["answer"], "reject"),  # answered cannot be rejected
        (["reject"], "acknowledge"),  # rejected is final
    ],
)
def test_refused_transitions_change_nothing(feedback, staff, setup, action):
    call = {
        "acknowledge": lambda: services.feedback_acknowledge(user=staff, feedback_id=feedback.pk),
        "answer": lambda: services.feedback_answer(
            user=staff, feedback_id=feedback.pk, answer="ok"
        ),
        "close": lambda: services.feedback_close(user=staff, feedback_id=feedback.pk),
        "reject": lambda: services.feedback_reject(
            user=staff, feedback_id=feedback.pk, reason="spam"
        ),
    }
    for step in setup:
        call[step]()
    before = Feedback.objects.filter(pk=feedback.pk).values().get()
    with pytest.raises(ValidationError):
        call[action]()
    assert Feedback.objects.filter(pk=feedback.pk).values().get() == before


def test_a_refused_step_says_the_feedbacks_state_and_the_step_in_the_readers_language(
    feedback, staff
):
    from django.utils import translation

    with pytest.raises(ValidationError) as exc:
        services.feedback_close(user=staff, feedback_id=feedback.pk)
    assert exc.value.messages == ["حالة هذه المراسلة «تم التوصل»، لذا لا يمكن إغلاقها الآن."]
    services.feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    assert exc.value.messages == [
        "Ce retour est à l'état « Accusé de réception » : "
        "on ne peut pas en accuser réception maintenant."
    ]


def test_rejection_carries_a_reason_the_sender_sees(client, feedback, staff):
    with pytest.raises(ValidationError):
        services.feedback_reject(user=staff, feedback_id=feedback.pk, reason="because")
    services.feedback_reject(user=staff, feedback_id=feedback.pk, reason="out_of_scope")
    html = client.get(f"/fr/feedback/{feedback.tracking_code}/").content.decode()
    from django.utils import translation

    with translation.override("fr"):
        feedback.refresh_from_db()
        reason, state_label = feedback.get_reject_reason_display(), feedback.get_state_display()
    assert reason != "Not the portal's business"  # really in French
    assert str(reason) in html and str(state_label) in html


def test_councillors_cannot_moderate_and_others_cannot_handle(
    feedback, councillor, other_councillor
):
    with pytest.raises(PermissionDenied):
        services.feedback_set_published(user=councillor, feedback_id=feedback.pk, published=True)
    with pytest.raises(PermissionDenied):
        services.feedback_reject(user=councillor, feedback_id=feedback.pk, reason="spam")
    with pytest.raises(PermissionDenied):
        services.feedback_acknowledge(user=other_councillor, feedback_id=feedback.pk)
    assert state(feedback) == "received"


def test_deadlines_acknowledge_15_days_answer_60_days(tata):
    start = datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        feedback = submit(tata)

    def flags(day):
        with time_machine.travel(start + datetime.timedelta(days=day), tick=False):
            row = with_deadlines(Feedback.objects.filter(pk=feedback.pk), now=timezone.now()).get()
            return row.acknowledge_overdue, row.answer_overdue

    assert flags(14) == (False, False)
    assert flags(16) == (True, False)
    assert flags(61) == (True, True)
    Feedback.objects.filter(pk=feedback.pk).update(state="acknowledged")
    assert flags(16) == (False, False)
    assert flags(61) == (False, True)
    Feedback.objects.filter(pk=feedback.pk).update(state="answered")
    assert flags(61) == (False, False)


def test_personal_data_erased_from_feedback_closed_long_ago(feedback, staff, tata):
    recent = submit(tata, name="سعيد", contact="0700000000", consent_to_contact=True)
    for item in (feedback, recent):
        services.feedback_answer(user=staff, feedback_id=item.pk, answer="جواب")
        services.feedback_close(user=staff, feedback_id=item.pk)
    Feedback.objects.filter(pk=feedback.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert services.feedback_erase_expired() == 1
    feedback.refresh_from_db()
    recent.refresh_from_db()
    assert (feedback.name, feedback.contact, feedback.contact_kind) == ("", "", "")
    assert feedback.text and feedback.answer  # only personal data goes
    assert recent.name == "سعيد"
    assert feedback.events.filter(action=FeedbackEvent.Action.ERASED).exists()
    assert services.feedback_erase_expired() == 0  # safe to run twice
