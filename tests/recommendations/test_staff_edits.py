import datetime

import pytest
from django.core.exceptions import ValidationError

from recommendations.models import Commitment, StatusUpdate
from recommendations.services.commitments import commitment_edit
from recommendations.services.milestones import milestone_create, milestone_mark_done
from recommendations.services.timeline import timeline_append
from recommendations.state.flags import with_flags
from recommendations.state.levels import Level
from tests.factories import CouncillorFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_slipped_deadline_is_on_the_public_record(client, commitment):
    staff = StaffFactory()
    commitment_edit(user=staff, commitment_id=commitment.pk, target_date=datetime.date(2029, 6, 30))
    entry = StatusUpdate.objects.get(commitment=commitment)
    assert entry.kind == StatusUpdate.Kind.EDIT
    assert "2027-12-31" in entry.note and "2029-06-30" in entry.note
    assert "2029-06-30" in client.get(f"/en/commitments/{commitment.pk}/").content.decode()


def test_a_title_edit_is_not_a_timeline_event(commitment):
    commitment_edit(user=StaffFactory(), commitment_id=commitment.pk, title_fr="Nouveau titre")
    assert not StatusUpdate.objects.exists()


def test_owners_must_sit_on_the_owning_body(commitment, councillor, other_councillor):
    staff = StaffFactory()
    with pytest.raises(ValidationError):
        commitment_edit(user=staff, commitment_id=commitment.pk, owners=[other_councillor])
    commitment_edit(user=staff, commitment_id=commitment.pk, owners=[councillor])
    assert list(commitment.owners.all()) == [councillor]


def test_planning_by_staff_does_not_make_a_stale_commitment_fresh(commitment):
    Commitment.objects.filter(pk=commitment.pk).update(
        created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    milestone_create(
        user=StaffFactory(),
        commitment_id=commitment.pk,
        title_ar="مرحلة",
        due_date=datetime.date(2027, 1, 1),
    )
    assert with_flags(Commitment.objects.filter(pk=commitment.pk)).get().is_stale


def test_no_new_milestone_on_a_closed_commitment(commitment):
    Commitment.objects.filter(pk=commitment.pk).update(level=Level.WITHDRAWN)
    with pytest.raises(ValidationError):
        milestone_create(
            user=StaffFactory(),
            commitment_id=commitment.pk,
            title_ar="مرحلة",
            due_date=datetime.date(2027, 1, 1),
        )


@pytest.mark.parametrize(
    "bad",
    [
        {"title_ar": "م" * 300, "due_date": datetime.date(2027, 1, 1)},
        {"title_ar": "مرحلة", "due_date": datetime.datetime(2027, 1, 1, 10)},
        {"title_ar": "مرحلة", "due_date": "2027-01-01"},
        {"title_ar": "مرحلة", "due_date": datetime.date(2027, 1, 1), "weight": 0},
    ],
)
def test_bad_milestone_plans_are_refused(commitment, bad):
    with pytest.raises(ValidationError):
        milestone_create(user=StaffFactory(), commitment_id=commitment.pk, **bad)
    assert not commitment.milestones.exists()


def test_a_milestone_is_not_done_before_the_commitment_started(commitment):
    from tests.factories import MilestoneFactory

    councillor = CouncillorFactory(body=commitment.body)
    milestone = MilestoneFactory(commitment=commitment)
    with pytest.raises(ValidationError):
        milestone_mark_done(
            user=councillor, milestone_id=milestone.pk, done_on=datetime.date(1900, 1, 1)
        )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/x", "https://evil.example"])
def test_timeline_links_are_local_paths_only(commitment, url):
    with pytest.raises(ValueError):
        timeline_append(
            commitment_id=commitment.pk,
            expected_version=None,
            kind="decision",
            author=None,
            note="x",
            source_url=url,
        )
    assert not StatusUpdate.objects.exists()


def test_a_timeline_link_as_long_as_the_field_allows_is_kept(commitment):
    from recommendations.services.timeline import SOURCE_URL_MAX

    longest = "/meetings/" + "7" * (SOURCE_URL_MAX - len("/meetings/"))
    entry = timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind="decision",
        author=None,
        note="قرار",
        source_url=longest,
    )
    assert StatusUpdate.objects.get(pk=entry.pk).source_url == longest
    with pytest.raises(ValueError):
        timeline_append(
            commitment_id=commitment.pk,
            expected_version=None,
            kind="decision",
            author=None,
            note="قرار",
            source_url=longest + "7",
        )
