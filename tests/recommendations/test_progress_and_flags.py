import datetime

import pytest
import time_machine
from django.utils import timezone

from recommendations.models import Commitment
from recommendations.selectors.flags import with_flags
from recommendations.selectors.progress import (
    commune_progress,
    province_progress,
    recommendation_list_with_progress,
)
from recommendations.services.milestones import milestone_mark_done
from recommendations.services.progress import milestones_progress
from recommendations.services.updates import commitment_record_update
from recommendations.state.levels import Level
from tests.factories import (
    CommitmentFactory,
    CouncilFactory,
    MilestoneFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def flags(commitment):
    return with_flags(Commitment.objects.filter(pk=commitment.pk)).get()


def set_state(commitment, level, progress):
    Commitment.objects.filter(pk=commitment.pk).update(level=level, progress=progress)


def test_progress_is_the_weighted_share_of_milestones_done(councillor, commitment):
    heavy = MilestoneFactory(commitment=commitment, weight=3)
    MilestoneFactory(commitment=commitment, weight=1)
    assert milestones_progress(commitment.milestones.all()) == 0
    milestone_mark_done(user=councillor, milestone_id=heavy.pk)
    commitment.refresh_from_db()
    assert commitment.progress == 75
    assert commitment.updates.get().progress_after == 75


def test_without_milestones_progress_is_the_last_updates_figure(councillor, commitment):
    assert milestones_progress([]) is None
    commitment_record_update(
        user=councillor,
        commitment_id=commitment.pk,
        expected_version=1,
        level=Level.LIMITED,
        progress=35,
        note="x",
    )
    commitment.refresh_from_db()
    assert commitment.progress == 35


def test_recommendation_rollup_leaves_withdrawn_out():
    recommendation = RecommendationFactory(number=4)
    a = CommitmentFactory(recommendation=recommendation)
    b = CommitmentFactory(recommendation=recommendation)
    c = CommitmentFactory(recommendation=recommendation)
    set_state(a, Level.LIMITED, 20)
    set_state(b, Level.COMPLETE, 100)
    set_state(c, Level.WITHDRAWN, 0)
    row = recommendation_list_with_progress().get(number=4)
    assert (row.progress, row.commitment_count) == (60, 2)


def test_commune_and_province_rollups():
    council = CouncilFactory()
    other = CouncilFactory()
    a = CommitmentFactory(body=council)
    b = CommitmentFactory(body=council)
    c = CommitmentFactory(body=other)
    set_state(a, Level.LIMITED, 10)
    set_state(b, Level.SUBSTANTIAL, 50)
    set_state(c, Level.COMPLETE, 90)
    assert commune_progress(commune=council.commune) == {"progress": 30, "count": 2}
    assert province_progress() == {"progress": 50, "count": 3}


def test_stale_after_thirty_days_without_update(councillor, commitment):
    with time_machine.travel(datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC), tick=False):
        commitment_record_update(
            user=councillor,
            commitment_id=commitment.pk,
            expected_version=1,
            level=Level.LIMITED,
            progress=10,
            note="x",
        )
    with time_machine.travel(datetime.datetime(2026, 1, 30, 12, tzinfo=datetime.UTC), tick=False):
        assert not flags(commitment).is_stale
    with time_machine.travel(datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), tick=False):
        assert flags(commitment).is_stale
        set_state(commitment, Level.COMPLETE, 100)
        assert not flags(commitment).is_stale  # complete work is never stale


def test_overdue_once_the_target_date_passed_unless_complete(commitment):
    target = commitment.target_date
    day_after = datetime.datetime.combine(target + datetime.timedelta(days=1), datetime.time(12))
    with time_machine.travel(timezone.make_aware(day_after), tick=False):
        assert flags(commitment).is_overdue
        set_state(commitment, Level.COMPLETE, 100)
        assert not flags(commitment).is_overdue
    on_target = datetime.datetime.combine(target, datetime.time(12))
    set_state(commitment, Level.LIMITED, 10)
    with time_machine.travel(timezone.make_aware(on_target), tick=False):
        assert not flags(commitment).is_overdue


def test_milestone_overdue_and_due_soon(commitment):
    MilestoneFactory(commitment=commitment, due_date=datetime.date(2026, 3, 10))
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC), tick=False):
        row = flags(commitment)
        assert row.milestone_due_soon and not row.milestone_overdue
    with time_machine.travel(datetime.datetime(2026, 3, 11, 12, tzinfo=datetime.UTC), tick=False):
        row = flags(commitment)
        assert row.milestone_overdue and not row.milestone_due_soon
    commitment.milestones.update(done_on=datetime.date(2026, 3, 9))
    with time_machine.travel(datetime.datetime(2026, 3, 11, 12, tzinfo=datetime.UTC), tick=False):
        assert not flags(commitment).milestone_overdue


def test_a_milestone_cannot_be_ticked_twice_or_in_the_future(councillor, commitment):
    from django.core.exceptions import ValidationError

    milestone = MilestoneFactory(commitment=commitment)
    with pytest.raises(ValidationError):
        milestone_mark_done(
            user=councillor,
            milestone_id=milestone.pk,
            done_on=timezone.localdate() + datetime.timedelta(days=3),
        )
    milestone_mark_done(user=councillor, milestone_id=milestone.pk)
    with pytest.raises(ValidationError):
        milestone_mark_done(user=councillor, milestone_id=milestone.pk)
    assert commitment.updates.count() == 1
