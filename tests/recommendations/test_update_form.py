"""The update form says what it does: where milestones set progress there is no figure to type,
only the milestones; withdrawing asks to be confirmed; every error is summarised on top."""

import pytest

from recommendations.models import Commitment, StatusUpdate
from recommendations.services.milestones import milestone_mark_done
from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def update_url(commitment) -> str:
    return f"/ar/commitments/{commitment.pk}/update/"


def test_where_milestones_set_progress_the_form_shows_them_instead_of_a_figure(
    client, commitment, councillor
):
    done = MilestoneFactory(commitment=commitment, title_ar="الدراسة", weight=1)
    MilestoneFactory(commitment=commitment, title_ar="الإنجاز", weight=2)
    milestone_mark_done(user=councillor, milestone_id=done.pk)
    client.force_login(councillor)
    html = client.get(update_url(commitment)).content.decode()
    assert 'name="progress"' not in html
    assert "المراحل هي التي تحدد نسبة التقدم: \u206833%\u2069." in html
    assert "الدراسة" in html and "الإنجاز" in html
    # Only the level that fits 33% (limited), or withdrawn, can be chosen.
    assert 'value="limited"' in html and 'value="withdrawn"' in html
    assert 'value="substantial"' not in html and 'value="complete"' not in html


def test_without_milestones_the_figure_is_typed(client, commitment, councillor):
    client.force_login(councillor)
    html = client.get(update_url(commitment)).content.decode()
    assert 'name="progress"' in html and "المراحل هي التي تحدد" not in html


def test_a_typed_figure_that_milestones_contradict_is_refused_and_said(
    client, commitment, councillor
):
    MilestoneFactory(commitment=commitment, weight=1)
    client.force_login(councillor)
    response = client.post(
        update_url(commitment),
        {"version": 1, "level": "not_started", "progress": "60", "note": "تقدم"},
    )
    html = response.content.decode()
    assert "المراحل هي التي تحدد نسبة تقدم هذا الالتزام (\u20680%\u2069)" in html
    assert not StatusUpdate.objects.exists()


def test_withdrawing_is_confirmed_on_a_second_send_and_keeps_what_was_typed(
    client, commitment, councillor
):
    client.force_login(councillor)
    sent = {"version": 1, "level": "withdrawn", "progress": "0", "note": "أُلغي المشروع"}
    first = client.post(update_url(commitment), sent)
    html = first.content.decode()
    assert 'name="confirm_withdrawal"' in html and "أُلغي المشروع" in html
    assert 'href="#id_confirm_withdrawal"' in html  # the summary leads to the box
    assert not StatusUpdate.objects.exists()
    second = client.post(update_url(commitment), {**sent, "confirm_withdrawal": "on"})
    assert second.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).level == "withdrawn"


def test_an_empty_form_names_each_missing_field_in_a_summary(client, commitment, councillor):
    client.force_login(councillor)
    html = client.post(update_url(commitment), {"version": 1}).content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert "autofocus" in html.split('class="error-summary"', 1)[0][-200:] + summary[:80]
    assert 'href="#id_level">اختاروا «مستوى الإنجاز».' in summary
    assert 'href="#id_note">املؤوا خانة «ما الذي تغيّر».' in summary
    assert "هذا الحقل مطلوب" not in html


def test_the_feedback_form_summary_links_to_the_first_radio(client, reference_data):
    html = client.post("/fr/feedback/new/", {"text": ""}).content.decode()
    assert 'href="#id_kind_0">Choisissez « Type ».' in html
    assert 'href="#id_commune">Choisissez « Commune ».' in html
