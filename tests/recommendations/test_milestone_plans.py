"""Planning a milestone: every bad plan is refused on its own field with the words the form
shows, nothing is kept; a good plan is stored as typed (cleaned), on the record with its author,
its time and, for a committee's decision, the meeting it came from."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from recommendations.models import Commitment, Milestone, StatusUpdate
from recommendations.services.decisions import commitment_record_decision
from recommendations.services.milestones import TITLE_MAX, milestone_create
from recommendations.state.levels import Level
from tests.factories import CouncillorFactory, MilestoneFactory, StaffFactory

pytestmark = pytest.mark.django_db
DUE = datetime.date(2027, 3, 31)

TITLE_MISSING = "Give the milestone a title in Arabic."
TITLE_LONG = "The title is too long."
BAD_DATE = "Enter a valid date."
BAD_WEIGHT = "The weight is a whole number from 1 to 100."
CLOSED = "This commitment is complete or withdrawn: plan no new step."


def refusal(commitment, **plan) -> dict:
    plan = {"title_ar": "مرحلة", "due_date": DUE, **plan}
    with pytest.raises(ValidationError) as refused:
        milestone_create(user=StaffFactory(), commitment_id=commitment.pk, **plan)
    assert not commitment.milestones.exists()
    assert not StatusUpdate.objects.filter(commitment=commitment).exists()
    return refused.value.message_dict


def said(message: str) -> list[str]:
    """The message as an Arabic reader gets it."""
    return [gettext(message)]


@pytest.mark.parametrize(
    ("plan", "field", "message"),
    [
        ({"title_ar": ""}, "title_ar", TITLE_MISSING),
        ({"title_ar": " \u200f\t "}, "title_ar", TITLE_MISSING),  # nothing once cleaned
        ({"title_ar": None}, "title_ar", TITLE_MISSING),
        ({"title_ar": 2026}, "title_ar", TITLE_MISSING),  # a number, not a title
        ({"title_ar": "م" * (TITLE_MAX + 1)}, "title_ar", TITLE_LONG),
        ({"due_date": "2027-03-31"}, "due_date", BAD_DATE),
        ({"due_date": datetime.datetime(2027, 3, 31, 9)}, "due_date", BAD_DATE),
        ({"due_date": None}, "due_date", BAD_DATE),
        ({"weight": 0}, "weight", BAD_WEIGHT),
        ({"weight": 101}, "weight", BAD_WEIGHT),
        ({"weight": -3}, "weight", BAD_WEIGHT),
        ({"weight": "5"}, "weight", BAD_WEIGHT),
        ({"weight": 2.0}, "weight", BAD_WEIGHT),
        ({"weight": True}, "weight", BAD_WEIGHT),
    ],
)
def test_a_bad_plan_is_refused_on_its_field_in_the_readers_words(commitment, plan, field, message):
    assert refusal(commitment, **plan) == {field: said(message)}


@pytest.mark.parametrize("level", [Level.COMPLETE, Level.WITHDRAWN])
def test_no_step_is_planned_on_a_closed_commitment(commitment, level):
    Commitment.objects.filter(pk=commitment.pk).update(
        level=level, progress=100 if level == Level.COMPLETE else 40
    )
    assert refusal(commitment) == {"commitment": said(CLOSED)}


def test_every_mistake_of_a_plan_is_named_at_once(commitment):
    Commitment.objects.filter(pk=commitment.pk).update(level=Level.WITHDRAWN)
    assert refusal(commitment, title_ar="", due_date="soon", weight=0) == {
        "title_ar": said(TITLE_MISSING),
        "due_date": said(BAD_DATE),
        "weight": said(BAD_WEIGHT),
        "commitment": said(CLOSED),
    }


@pytest.mark.parametrize(("title_length", "weight"), [(TITLE_MAX, 1), (1, 100)])
def test_the_limits_themselves_are_accepted(commitment, title_length, weight):
    milestone = milestone_create(
        user=StaffFactory(),
        commitment_id=commitment.pk,
        title_ar="م" * title_length,
        due_date=DUE,
        weight=weight,
    )
    assert len(milestone.title_ar) == title_length and milestone.weight == weight


def test_a_plan_is_stored_cleaned_and_on_the_record_with_its_author_and_time(commitment):
    staff = StaffFactory()
    at = datetime.datetime(2026, 2, 14, 9, 30, tzinfo=datetime.UTC)
    milestone = milestone_create(
        user=staff,
        commitment_id=commitment.pk,
        title_ar="  تهيئة   القاعة \u200b",
        title_fr="  Aménager   la salle ",
        title_en="É" * (TITLE_MAX + 20),
        due_date=DUE,
        weight=3,
        recorded_at=at,
        reference="row-7",
    )
    milestone.refresh_from_db()
    assert milestone.title_ar == "تهيئة   القاعة"  # trimmed; what is inside stays as typed
    assert milestone.title_fr == "Aménager   la salle"
    assert milestone.title_en == "É" * TITLE_MAX  # a translation too long is cut, not refused
    assert (milestone.due_date, milestone.weight, milestone.reference) == (DUE, 3, "row-7")
    entry = StatusUpdate.objects.get(milestone=milestone)
    assert entry.kind == StatusUpdate.Kind.PLAN
    assert entry.author == staff and entry.created_at == at
    assert entry.note == ""  # a plan says nothing more than its milestone


def test_a_plan_without_translations_keeps_them_empty_so_pages_fall_back_to_arabic(
    client, commitment
):
    milestone = milestone_create(
        user=StaffFactory(), commitment_id=commitment.pk, title_ar="تكوين الأعضاء", due_date=DUE
    )
    milestone.refresh_from_db()
    assert milestone.title_fr == "" and milestone.title_en == ""
    assert milestone.weight == 1
    html = client.get(f"/fr/commitments/{commitment.pk}/").content.decode()
    assert "تكوين الأعضاء" in html


def test_a_committee_decision_plans_a_step_of_weight_one_linked_to_its_meeting(commitment):
    councillor = CouncillorFactory(body=commitment.body)
    MilestoneFactory(commitment=commitment, weight=1, done_on=datetime.date(2026, 1, 5))
    MilestoneFactory(commitment=commitment, weight=1)
    entry = commitment_record_decision(
        author=councillor,
        commitment_id=commitment.pk,
        text="  قررت اللجنة   تنظيم لقاء ",
        source_url="/meetings/12/",
        milestone_title="\ufeff  لقاء تواصلي \u200b",
        milestone_due=DUE,
    )
    milestone = Milestone.objects.get(pk=entry.milestone_id)
    assert milestone.title_ar == "لقاء تواصلي" and milestone.title_fr == ""
    assert milestone.weight == 1
    assert entry.kind == StatusUpdate.Kind.DECISION
    assert entry.author == councillor
    assert entry.note == "قررت اللجنة   تنظيم لقاء"
    assert entry.source_url == "/meetings/12/"
    # One of three steps of equal weight done: a third of the way.
    assert Commitment.objects.get(pk=commitment.pk).progress == 33
