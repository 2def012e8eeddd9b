"""Answers in public: what staff published, without names or contacts, and how quickly each
commune responds."""

import datetime

import pytest
import time_machine

from consultations.models import Feedback
from consultations.services.feedback import (
    feedback_acknowledge,
    feedback_answer,
    feedback_set_published,
)
from consultations.services.feedback_verdict import feedback_resident_verdict
from tests.consultations.conftest import submit

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def handled(commune, staff, *, ack_days, answer_days, published=True, **submitted):
    with time_machine.travel(START, tick=False):
        feedback = submit(commune, **submitted)
    if ack_days is not None:
        with time_machine.travel(START + datetime.timedelta(days=ack_days), tick=False):
            feedback_acknowledge(user=staff, feedback_id=feedback.pk)
    if answer_days is not None:
        with time_machine.travel(START + datetime.timedelta(days=answer_days), tick=False):
            feedback_answer(
                user=staff, feedback_id=feedback.pk, answer=f"جواب بعد {answer_days} يوما"
            )
            if published:
                feedback_set_published(user=staff, feedback_id=feedback.pk, published=True)
    return feedback


@pytest.fixture
def history(tata, akka, staff):
    a = handled(
        tata,
        staff,
        ack_days=2,
        answer_days=10,
        name="فاطمة",
        contact="0612345678",
        consent_to_contact=True,
    )
    b = handled(tata, staff, ack_days=20, answer_days=70)
    c = handled(tata, staff, ack_days=4, answer_days=None)
    d = handled(akka, staff, ack_days=1, answer_days=30, published=False, kind="suggestion")
    feedback_resident_verdict(tracking_code=a.tracking_code, helped=True)
    feedback_resident_verdict(tracking_code=b.tracking_code, helped=True)
    return a, b, c, d


def row_of(html: str, commune_code: str) -> str:
    return html.split(f'href="/en/communes/{commune_code}/"', 1)[1].split("</tr>", 1)[0]


def cells(row: str) -> list[str]:
    import re

    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]


def test_response_figures_per_commune(client, history, tata, akka):
    html = client.get("/en/feedback/answers/").content.decode()
    # received, median days to acknowledge, acknowledged in 15 days, median to answer,
    # answered in 60 days (of the three whose 60 days are over, one: the unanswered counts),
    # helped
    assert cells(row_of(html, tata.code)) == ["3", "4.0", "67%", "40.0", "33%", "100% (2/2)"]
    assert cells(row_of(html, akka.code)) == ["1", "1.0", "100%", "30.0", "100%", "–"]


def test_published_answers_without_names_or_contacts(client, history):
    a, b, c, d = history
    html = client.get("/ar/feedback/answers/").content.decode()
    assert "جواب بعد 10 يوما" in html and "جواب بعد 70 يوما" in html
    assert "جواب بعد 30 يوما" not in html  # answered, not published
    assert "فاطمة" not in html and "612345678" not in html and "+212" not in html
    assert a.tracking_code not in html


def test_answers_filter_by_commune_kind_and_recommendation(client, history, akka, tata, staff):
    only_akka = client.get("/ar/feedback/answers/", {"commune": akka.pk}).content.decode()
    assert "جواب بعد 10 يوما" not in only_akka
    handled(akka, staff, ack_days=1, answer_days=3, kind="suggestion")
    by_kind = client.get("/ar/feedback/answers/", {"kind": "suggestion"}).content.decode()
    assert "جواب بعد 3 يوما" in by_kind and "جواب بعد 10 يوما" not in by_kind
    bad = client.get("/ar/feedback/answers/", {"commune": "%00", "kind": "x" * 500})
    assert bad.status_code == 200


def test_answers_are_paginated(client, tata, staff):
    for _ in range(25):
        handled(tata, staff, ack_days=1, answer_days=2)
    first = client.get("/ar/feedback/answers/").content.decode()
    assert first.count('class="feedback-item"') == 20
    second = client.get("/ar/feedback/answers/", {"page": 2}).content.decode()
    assert second.count('class="feedback-item"') == 5


def test_the_answers_page_is_a_fixed_number_of_queries(
    client, history, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get("/ar/feedback/answers/")


def test_rejected_feedback_is_not_counted(client, tata, staff):
    from consultations.services.feedback import feedback_reject

    spam = submit(tata)
    feedback_reject(user=staff, feedback_id=spam.pk, reason="spam")
    html = client.get("/en/feedback/answers/").content.decode()
    assert "No feedback yet." in html
    assert Feedback.objects.count() == 1


def test_feedback_counts_towards_a_deadline_once_handled_or_once_the_deadline_has_come(tata, staff):
    """Fresh feedback still waiting is in no share yet; handled early or waiting too long, it is."""
    from consultations.selectors.answers import response_figures

    now = START + datetime.timedelta(days=20)
    fresh = now - datetime.timedelta(days=3)
    with time_machine.travel(fresh, tick=False):
        submit(tata)  # waiting three days: its deadlines have not come
        acknowledged = submit(tata)
        feedback_acknowledge(user=staff, feedback_id=acknowledged.pk)
        answered = submit(tata)
        feedback_answer(user=staff, feedback_id=answered.pk, answer="جواب سريع")
    with time_machine.travel(START, tick=False):
        submit(tata)  # twenty days without acknowledgement: late
    with time_machine.travel(now, tick=False):
        (figures,) = response_figures()
    assert figures.received == 4
    assert (figures.due_acknowledgement, figures.acknowledged_in_time) == (3, 2)
    assert (figures.due_answer, figures.answered_in_time) == (1, 1)
