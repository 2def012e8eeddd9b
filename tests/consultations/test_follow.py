"""Following one's feedback with its code, typed however a person types it."""

import pytest
from django.test import override_settings

from consultations.services.tracking_codes import tracking_code_readings

pytestmark = pytest.mark.django_db

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def typed_forms(code: str) -> list[str]:
    plain = code.replace("-", "")
    return [
        code.lower(),
        plain.lower(),
        f"  {plain[:3]} {plain[3:6]} {plain[6:]} ",
        code.translate(ARABIC_DIGITS).lower(),
        "".join(chr(ord(ch) + 0xFEE0) for ch in plain),  # full-width, as some keyboards type
    ]


def test_the_home_box_takes_the_code_as_typed_to_the_feedback(client, feedback):
    for typed in typed_forms(feedback.tracking_code):
        response = client.get("/ar/feedback/follow/", {"code": typed})
        assert response.status_code == 302, typed
        assert response["Location"] == f"/ar/feedback/{feedback.tracking_code}/"


def test_an_o_or_a_zero_read_for_a_d_or_a_q_still_finds_the_feedback(client, feedback):
    code = "D2DQ3-44444"
    feedback.tracking_code = code
    feedback.save(update_fields=["tracking_code"])
    assert code in tracking_code_readings("o2oo3 44444")
    response = client.get("/fr/feedback/follow/", {"code": "o2o03-44444"})
    assert response["Location"] == f"/fr/feedback/{code}/"


def test_the_box_is_on_the_home_page_the_confirmation_page_and_every_footer(client, feedback):
    home = client.get("/ar/").content.decode()
    sent = client.get(f"/ar/feedback/{feedback.tracking_code}/?sent=1").content.decode()
    about = client.get("/ar/communes/").content.decode()
    assert 'action="/ar/feedback/follow/"' in home.split("<footer", 1)[0]
    assert 'action="/ar/feedback/follow/"' in sent.split("<footer", 1)[0]
    assert 'action="/ar/feedback/follow/"' in about.split("<footer", 1)[1]


def test_an_unknown_code_gets_the_box_again_and_what_to_check_in_arabic(client, reference_data):
    response = client.get("/ar/feedback/follow/", {"code": "aaaaa-aaaaa"})
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="ar"' in html
    assert "لا توجد مراسلة بهذا الرمز" in html
    assert 'name="code"' in html and 'value="aaaaa-aaaaa"' in html
    assert "ما يجب التحقق منه" in html


def test_a_code_that_cannot_be_one_says_what_a_code_looks_like(client, reference_data):
    response = client.get("/fr/feedback/follow/", {"code": "123"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "ABCDE-23456" in html and 'value="123"' in html


def test_an_unknown_code_in_the_address_gets_the_same_page_not_a_bare_404(client, reference_data):
    response = client.get("/ar/feedback/AAAAA-AAAAA/")
    assert response.status_code == 404
    assert 'action="/ar/feedback/follow/"' in response.content.decode()


def test_a_code_in_the_address_typed_otherwise_goes_to_its_one_address(client, feedback):
    typed = feedback.tracking_code.lower().replace("-", "")
    response = client.get(f"/ar/feedback/{typed}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/feedback/{feedback.tracking_code}/"


def test_the_short_link_opens_the_follow_page_in_the_language_of_the_feedback(client, tata):
    from tests.consultations.conftest import submit

    feedback = submit(tata, language="fr")
    response = client.get(f"/f/{feedback.tracking_code.lower()}")
    assert response["Location"] == f"/fr/feedback/{feedback.tracking_code}/"


@override_settings(FOLLOW_RATE_LIMIT=5)
def test_look_ups_are_limited_per_address_with_a_clear_page(client, feedback):
    for i in range(5):
        client.get("/ar/feedback/follow/", {"code": f"AAAAA-AAA{i + 2}A"}, REMOTE_ADDR="10.1.1.1")
    response = client.get(
        "/ar/feedback/follow/", {"code": feedback.tracking_code}, REMOTE_ADDR="10.1.1.1"
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "محاولات كثيرة" in html
    assert f'value="{feedback.tracking_code}"' in html
    # Someone else, on another connection, is not held back.
    other = client.get(
        "/ar/feedback/follow/", {"code": feedback.tracking_code}, REMOTE_ADDR="10.1.1.2"
    )
    assert other.status_code == 302


@override_settings(FOLLOW_RATE_LIMIT=3)
def test_guessing_through_the_follow_address_counts_too(client, reference_data):
    statuses = [
        client.get(f"/ar/feedback/AAAAA-AAA{i + 2}A/", REMOTE_ADDR="10.1.1.3").status_code
        for i in range(5)
    ]
    assert statuses == [404, 404, 404, 429, 429]


def test_a_councillor_finds_a_feedback_by_the_code_a_resident_reads_out(
    client, feedback, councillor
):
    client.force_login(councillor)
    html = client.get("/ar/inbox/", {"q": feedback.tracking_code.lower()}).content.decode()
    assert f'href="/ar/inbox/{feedback.pk}/"' in html


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("abcde2fghj", "ABCDE-2FGHJ"),
        (" abcde - 2fghj ", "ABCDE-2FGHJ"),
        ("abc", "ABC"),  # too short to be a code: kept as typed, for the page to say so
        ("abcde2fghjk", "ABCDE2FGHJK"),
    ],
    ids=["lower-case", "spaces-and-dash", "too-short", "too-long"],
)
def test_a_typed_code_is_put_in_the_stored_form_only_when_it_has_the_length_of_one(typed, cleaned):
    from consultations.services.tracking_codes import tracking_code_clean

    assert tracking_code_clean(typed) == cleaned
