import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from consultations.models import Feedback
from consultations.services.meetings import meeting_schedule
from consultations.services.tracking_codes import ALPHABET
from recommendations.models import Recommendation
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db

CODE = re.compile(rf"^[{ALPHABET}]{{5}}-[{ALPHABET}]{{5}}$")


def form(place, **overrides):
    data = {
        "commune": place.pk,
        "kind": "complaint",
        "text": "الطريق المؤدية إلى المدرسة مقطوعة منذ أسبوع",
        "name": "",
        "contact": "",
        "website": "",
    }
    data.update(overrides)
    return data


def service_refusals(commune, **values) -> dict:
    """The feedback service's answer to these values, in Arabic: its field errors, or {} when
    it kept the feedback. A refusal stores nothing."""
    with translation.override("ar"):
        try:
            submit(commune, **values)
        except ValidationError as refused:
            assert not Feedback.objects.exists()
            return refused.message_dict
    return {}


def test_a_good_submission_in_arabic_gets_a_tracking_code(client, tata):
    response = client.post(
        "/ar/feedback/new/",
        form(tata, name="فاطمة", contact="06 12 34 56 78", consent_to_contact="on"),
    )
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert CODE.match(feedback.tracking_code)
    assert response["Location"] == f"/ar/feedback/{feedback.tracking_code}/?sent=1"
    assert (feedback.contact, feedback.contact_kind) == ("+212612345678", "phone")
    assert feedback.state == "received" and not feedback.is_published
    page = client.get(response["Location"]).content.decode()
    assert feedback.tracking_code in page
    assert f"/ar/feedback/{feedback.tracking_code}/" in page


def test_codes_are_distinct_and_unambiguous(tata):
    codes = {submit(tata).tracking_code for _ in range(30)}
    assert len(codes) == 30
    assert all(CODE.match(code) for code in codes)
    assert not set("01OILB5S") & set("".join(codes))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": "قصير"}, "text"),
        ({"text": "ا" * 5001}, "text"),
        ({"text": "     \n\n   "}, "text"),
        ({"text": "\u200f\u200b \u200e\ufeff"}, "text"),  # marks a reader cannot see: empty
        ({"text": "نص فيه حرف ممنوع \x00 هنا"}, "text"),
        ({"name": "محمد\u202eأحمد"}, "name"),
        ({"contact": "12345", "consent_to_contact": "on"}, "contact"),
        ({"contact": "+33612345678", "consent_to_contact": "on"}, "contact"),
        ({"contact": "0528 12 34 56", "consent_to_contact": "on"}, "contact"),  # a landline
        ({"contact": "fatima@", "consent_to_contact": "on"}, "contact"),
        ({"contact": "0612345678"}, "consent_to_contact"),
        ({"commune": 999999}, "commune"),
        ({"kind": "praise"}, "kind"),
    ],
)
def test_bad_input_gets_a_message_and_nothing_is_saved(client, tata, overrides, field):
    response = client.post("/fr/feedback/new/", form(tata, **overrides))
    assert response.status_code == 400
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert not Feedback.objects.exists()
    # The message is in the page's language, and what was typed comes back.
    html = response.content.decode()
    assert "This field" not in html
    if "text" in overrides and "\x00" not in overrides["text"] and overrides["text"].strip():
        assert overrides["text"][:20] in html


@pytest.mark.parametrize(
    ("length", "refusal"),
    [
        (9, "اكتبوا 10 أحرف على الأقل."),
        (10, None),
        (5000, None),
        (5001, "لا تتجاوزوا 5000 حرف."),
    ],
)
def test_the_service_takes_10_to_5000_characters_and_says_why_in_arabic(tata, length, refusal):
    # The rule is the service's, whoever calls it: the web form's own limit is only a first
    # screen (a message of 5,001 characters never reaches the service from the form).
    text = "ا" * length
    assert service_refusals(tata, text=text) == ({"text": [refusal]} if refusal else {})
    if refusal is None:
        assert Feedback.objects.get().text == text


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({"commune_id": 999999}, {"commune": ["اختاروا جماعة من القائمة."]}),
        ({"kind": "praise"}, {"kind": ["اختاروا: شكاية أو ملاحظة أو اقتراح."]}),
        (
            {"contact": "12345", "consent_to_contact": True},
            {"contact": ["أدخلوا رقم هاتف محمول مغربي مثل 0612345678، أو عنوان بريد إلكتروني."]},
        ),
        (
            {"contact": "0612345678"},  # no consent given
            {
                "consent_to_contact": [
                    "ضعوا علامة في الخانة للموافقة على التواصل معكم، أو اتركوا خانة وسيلة"
                    " الاتصال فارغة."
                ]
            },
        ),
    ],
)
def test_the_service_names_the_field_it_refuses_in_arabic(tata, overrides, refusal):
    # The web form screens communes and kinds first; the service answers any other caller.
    assert service_refusals(tata, **overrides) == refusal


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("ف" * 120, None),
        ("ف" * 121, "الاسم طويل جدا."),
        ("فاطمة\x00", "يتضمن الاسم رموزا غير مسموح بها."),
        ("فاطمة\u202eالزهراء", "يتضمن الاسم رموزا غير مسموح بها."),
    ],
)
def test_the_service_takes_a_name_of_up_to_120_characters_and_says_why_in_arabic(
    tata, name, refusal
):
    assert service_refusals(tata, name=name) == ({"name": [refusal]} if refusal else {})
    if refusal is None:
        assert Feedback.objects.get().name == name


def test_a_commitment_of_another_commune_is_refused(client, tata, commitment_in_akka):
    response = client.post("/ar/feedback/new/", form(tata, commitment=commitment_in_akka.pk))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_commitment_of_the_commune_is_accepted(client, tata, commitment_in_tata):
    client.post("/ar/feedback/new/", form(tata, commitment=commitment_in_tata.pk))
    assert Feedback.objects.get().commitment == commitment_in_tata


def test_feedback_about_a_recommendation_and_a_meeting_of_the_commune_keeps_both(
    client, tata, meeting, committee, councillor
):
    next_one = meeting_schedule(
        user=councillor,
        committee_id=committee.pk,
        starts_at=meeting.starts_at + datetime.timedelta(days=30),
        place="دار الشباب",
        agenda="الميزانية",
    )
    for number, about in ((7, meeting), (3, next_one)):
        recommendation = Recommendation.objects.get(number=number)
        response = client.post(
            "/ar/feedback/new/", form(tata, recommendation=recommendation.pk, meeting=about.pk)
        )
        assert response.status_code == 302, response.context["form"].errors
        feedback = Feedback.objects.latest("pk")
        assert (feedback.recommendation, feedback.meeting) == (recommendation, about)


def test_honeypot_filled_is_refused(client, tata):
    response = client.post("/ar/feedback/new/", form(tata, website="http://spam.example"))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_rate_limit_answers_429_in_the_visitors_language_and_keeps_the_text(client, tata):
    for i in range(5):
        assert (
            client.post("/fr/feedback/new/", form(tata, text=f"message numéro {i} ici")).status_code
            == 302
        )
    response = client.post("/fr/feedback/new/", form(tata, text="le sixième message, gardé"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "le sixième message, gardé" in html
    assert "Too many messages" not in html and 'lang="fr"' in html
    assert Feedback.objects.count() == 5


def test_rate_limit_counts_per_address(client, tata):
    for i in range(5):
        client.post(
            "/ar/feedback/new/", form(tata, text=f"رسالة رقم {i} من هنا"), REMOTE_ADDR="10.0.0.1"
        )
    ok = client.post("/ar/feedback/new/", form(tata), REMOTE_ADDR="10.0.0.2")
    assert ok.status_code == 302


def test_follow_page_shows_state_and_answer_but_never_the_name_or_full_contact(client, feedback):
    html = client.get(f"/ar/feedback/{feedback.tracking_code}/").content.decode()
    assert "فاطمة الزهراء" not in html
    assert "+212612345678" not in html and "0612345678" not in html
    assert "+2126" in html and "78" in html  # masked
    assert feedback.get_state_display() in html


def test_sender_can_erase_their_contact_at_once(client, feedback):
    response = client.post(f"/ar/feedback/{feedback.tracking_code}/erase/")
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.name, feedback.contact) == ("", "")
    assert feedback.personal_data_erased_at is not None
    assert feedback.text  # the message itself stays


def test_no_name_or_contact_on_any_public_page(client, feedback, staff):
    from consultations.services.feedback import feedback_answer, feedback_set_published

    feedback_answer(user=staff, feedback_id=feedback.pk, answer="تم إصلاح الإنارة")
    feedback_set_published(user=staff, feedback_id=feedback.pk, published=True)
    for language in ("ar", "fr", "en"):
        html = client.get(f"/{language}/communes/{feedback.commune.code}/").content.decode()
        assert "الإنارة العمومية معطلة" in html and "تم إصلاح الإنارة" in html
        assert "فاطمة" not in html and "612345678" not in html


def test_notice_on_the_form_says_what_data_is_for(client, reference_data):
    html = client.get("/fr/feedback/new/").content.decode()
    assert "09-08" in html
    assert 'name="website"' in html  # honeypot present but hidden


@pytest.mark.parametrize(
    ("about", "field", "message"),
    [
        ("recommendation", "recommendation", "اختاروا توصية من القائمة."),
        ("commitment", "commitment", "هذا الالتزام لا يخص الجماعة المختارة."),
        ("meeting", "meeting", "هذا الاجتماع لا يخص الجماعة المختارة."),
    ],
)
def test_what_a_feedback_is_about_must_exist_and_be_the_communes(
    request, akka, about, field, message
):
    """Named on its field in the resident's words; nothing is stored."""
    subject = {
        "recommendation": lambda: {"recommendation_id": 99},
        "commitment": lambda: {"commitment_id": request.getfixturevalue("commitment_in_tata").pk},
        "meeting": lambda: {"meeting_id": request.getfixturevalue("meeting").pk},  # Tata's
    }[about]()
    assert service_refusals(akka, **subject) == {field: [message]}


def test_a_text_with_a_nul_byte_is_refused_not_silently_cleaned(tata):
    refusal = service_refusals(tata, text="الطريق مقطوعة\x00 منذ أسبوع")
    assert refusal == {"text": ["يتضمن النص رموزا غير مسموح بها."]}
