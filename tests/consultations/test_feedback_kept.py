"""What a submission stores beyond the form's fields: a tracking code nobody else holds, the
language the resident wrote from, one "submitted" event."""

import pytest

from consultations.models import Feedback, FeedbackEvent
from consultations.services import feedback_submission
from notifications.models import Notification
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db


def codes_drawn(monkeypatch, codes):
    drawn = iter(codes)
    monkeypatch.setattr(feedback_submission, "tracking_code_new", lambda: next(drawn))


def test_a_tracking_code_already_given_is_drawn_again(monkeypatch, tata):
    first = submit(tata)
    codes_drawn(monkeypatch, [first.tracking_code, first.tracking_code, "DEFGH-JKMNP"])
    second = submit(tata, contact="0612345678", consent_to_contact=True)
    assert second.tracking_code == "DEFGH-JKMNP"
    assert Feedback.objects.count() == 2
    # The draws that failed left nothing behind: one event, one message to the resident. The
    # event is the first of the log that as-of reports read: from nothing to "received".
    event = FeedbackEvent.objects.get(feedback=second)
    assert (event.action, event.state_before, event.state_after) == ("submitted", "", "received")
    assert Notification.objects.filter(address="+212612345678").count() == 1


def test_after_five_codes_already_given_nothing_is_stored(monkeypatch, tata):
    first = submit(tata)
    codes_drawn(monkeypatch, [first.tracking_code] * 5 + ["DEFGH-JKMNP"])
    with pytest.raises(RuntimeError, match="^could not draw a unique tracking code$"):
        submit(tata)
    assert list(Feedback.objects.all()) == [first]


@pytest.mark.parametrize(
    ("written_in", "kept"), [("fr", "fr"), ("zgh", "zgh"), ("de", "ar"), ("", "ar")]
)
def test_the_residents_language_is_kept_and_an_unknown_one_is_arabic(tata, written_in, kept):
    # Later messages to the resident go out in this language.
    assert submit(tata, language=written_in).language == kept


def test_what_the_resident_did_not_give_is_stored_empty(tata):
    feedback = submit(tata)
    assert (feedback.name, feedback.contact, feedback.contact_kind) == ("", "", "")
    assert not feedback.consent_to_contact and not feedback.voice
    assert feedback.voice_seconds is None
    assert (feedback.recommendation, feedback.commitment, feedback.meeting) == (None, None, None)
    # Only the demo loader marks feedback as demo: a resident's counts in every figure.
    assert not feedback.is_demo


def test_feedback_submitted_as_demo_is_marked_so(tata):
    # What the demo loader sends, so that figures and pages can tell it from real feedback.
    assert submit(tata, is_demo=True).is_demo
