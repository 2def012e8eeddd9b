"""The rules of commitment state (recommendations/state/), through the services that apply them."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from recommendations.models import Commitment, StatusUpdate
from recommendations.selectors.progress import (
    commune_tally,
    province_tally,
    recommendation_tally,
)
from recommendations.services.commitments import commitment_edit
from recommendations.services.milestones import milestone_create, milestone_mark_done
from recommendations.services.updates import commitment_record_update
from recommendations.state.flags import with_flags
from recommendations.state.levels import Level, fits, level_for_progress
from recommendations.state.progress import milestones_progress
from recommendations.state.rounding import average_percent, half_up
from tests.factories import (
    CommitmentFactory,
    CouncilFactory,
    CouncillorFactory,
    MilestoneFactory,
    RecommendationFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db
LINK = "https://example.org/evidence.pdf"


def flags(commitment):
    return with_flags(Commitment.objects.filter(pk=commitment.pk)).get()


def move(commitment, level, progress=None, **extra):
    """Post an update as the owner body's councillor (evidence attached for raises)."""
    commitment.refresh_from_db()
    author = CouncillorFactory(body=commitment.body)
    return commitment_record_update(
        user=author,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level=level,
        progress=progress,
        note="تحيين",
        evidence_link=LINK,
        **extra,
    )


class Weighted:
    def __init__(self, weight, done):
        self.weight, self.done_on = weight, datetime.date(2026, 1, 1) if done else None


def test_progress_is_the_weighted_share_of_milestones_done(councillor, commitment):
    heavy = MilestoneFactory(commitment=commitment, weight=3)
    MilestoneFactory(commitment=commitment, weight=1)
    assert milestones_progress(commitment.milestones.all()) == 0
    milestone_mark_done(user=councillor, milestone_id=heavy.pk, evidence_link=LINK)
    commitment.refresh_from_db()
    assert commitment.progress == 75
    assert commitment.updates.get().progress_after == 75


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([(1, True), (7, False)], 13),  # 12.5 rounds half up, not to the even 12
        ([(2, True), (1, False)], 67),  # 66.7 rounds to the nearest, not down
        ([(1, True), (2, False)], 33),
        ([(199, True), (1, False)], 99),  # just short of all is not complete
        ([(1, True), (299, False)], 1),  # a first small step is not "not started"
        ([(1, True), (1, True)], 100),
        ([(1, False)], 0),
    ],
)
def test_milestone_progress_rounds_to_the_nearest_and_keeps_its_ends(weights, expected):
    milestones = [Weighted(weight, done) for weight, done in weights]
    assert milestones_progress(milestones) == expected
    assert milestones_progress([]) is None


def test_one_rounding_half_up_everywhere():
    assert [half_up(x) for x in (0.5, 1.5, 2.5, 62.5, 62.4)] == [1, 2, 3, 63, 62]
    assert average_percent(25, 2) == 13  # 12.5
    assert average_percent(62, 5) == 12  # 12.4: down
    assert average_percent(0, 0) is None


@pytest.mark.parametrize(
    ("progress", "level"),
    [(0, "not_started"), (1, "limited"), (49, "limited"), (50, "substantial"), (99, "substantial")]
    + [(100, "complete")],
)
def test_every_progress_has_exactly_one_active_level(progress, level):
    assert level_for_progress(progress) == level
    fitting = [lvl for lvl in Level.values if lvl != Level.WITHDRAWN and fits(lvl, progress)]
    assert fitting == [level]
    assert fits(Level.WITHDRAWN, progress)


def test_the_band_split_is_one_setting(settings):
    settings.LEVEL_SUBSTANTIAL_FROM = 60
    assert level_for_progress(55) == Level.LIMITED and level_for_progress(60) == Level.SUBSTANTIAL


def test_without_milestones_progress_is_the_last_updates_figure(councillor, commitment):
    move(commitment, Level.LIMITED, 35)
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.LIMITED, 35)


def test_an_update_whose_level_is_outside_its_band_is_refused_naming_the_fitting_level(
    councillor, commitment
):
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        move(commitment, Level.LIMITED, 100)
    assert "fits is “Complete”" in str(exc.value.message_dict["level"])
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        move(commitment, Level.SUBSTANTIAL, 0)
    assert "fits is “Not started”" in str(exc.value.message_dict["level"])
    commitment.refresh_from_db()
    assert (commitment.level, commitment.version) == (Level.NOT_STARTED, 1)
    assert not StatusUpdate.objects.exists()


def test_where_milestones_set_progress_the_level_must_fit_theirs(councillor, commitment):
    MilestoneFactory(commitment=commitment, weight=1)
    done = MilestoneFactory(commitment=commitment, weight=1)
    milestone_mark_done(user=councillor, milestone_id=done.pk, evidence_link=LINK)  # 50%
    with pytest.raises(ValidationError) as exc:
        move(commitment, Level.LIMITED)
    assert "50%" in str(exc.value.message_dict["level"])
    with pytest.raises(ValidationError) as exc:  # a typed figure is refused, never dropped
        move(commitment, Level.SUBSTANTIAL, 10)
    assert "50%" in str(exc.value.message_dict["progress"])
    move(commitment, Level.SUBSTANTIAL)
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.SUBSTANTIAL, 50)


def test_a_tick_that_crosses_a_band_moves_the_level_on_the_timeline(councillor, commitment):
    first, second, third = (MilestoneFactory(commitment=commitment) for _ in range(3))
    milestone_mark_done(user=councillor, milestone_id=first.pk)  # 33%: limited, no evidence
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.LIMITED, 33)
    with pytest.raises(ValidationError) as exc:  # 67%: substantial needs evidence
        milestone_mark_done(user=councillor, milestone_id=second.pk)
    assert "evidence_file" in exc.value.message_dict
    second.refresh_from_db()
    assert second.done_on is None
    milestone_mark_done(user=councillor, milestone_id=second.pk, evidence_link=LINK)
    milestone_mark_done(user=councillor, milestone_id=third.pk, evidence_link=LINK)
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.COMPLETE, 100)
    entries = list(commitment.updates.order_by("version").values_list("level_after", flat=True))
    assert entries == [Level.LIMITED, Level.SUBSTANTIAL, Level.COMPLETE]


def test_a_new_milestone_lowers_the_progress_and_the_level_follows(councillor, commitment):
    move(commitment, Level.SUBSTANTIAL, 60)
    milestone_create(
        user=StaffFactory(),
        commitment_id=commitment.pk,
        title_ar="مرحلة جديدة",
        due_date=datetime.date(2027, 1, 1),
    )
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.NOT_STARTED, 0)


def test_withdrawn_keeps_its_last_progress_and_is_never_averaged(councillor, commitment):
    move(commitment, Level.LIMITED, 44)
    move(commitment, Level.WITHDRAWN)
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.WITHDRAWN, 44)
    tally = province_tally()
    assert (tally.active, tally.withdrawn, tally.progress) == (0, 1, None)


def _scene():
    """Two communes; in the first, three commitments under one recommendation (one withdrawn,
    one not public), and one under another; in the second, one."""
    council, other = CouncilFactory(), CouncilFactory()
    four, five = RecommendationFactory(number=4), RecommendationFactory(number=5)
    a = CommitmentFactory(body=council, recommendation=four)
    b = CommitmentFactory(body=council, recommendation=four)
    c = CommitmentFactory(body=council, recommendation=four)
    hidden = CommitmentFactory(body=council, recommendation=four, is_public=False)
    d = CommitmentFactory(body=council, recommendation=five)
    e = CommitmentFactory(body=other, recommendation=four)
    move(a, Level.LIMITED, 10)
    move(b, Level.LIMITED, 15)
    move(c, Level.LIMITED, 30)
    move(c, Level.WITHDRAWN)
    move(hidden, Level.COMPLETE, 100)
    move(d, Level.SUBSTANTIAL, 60)
    move(e, Level.COMPLETE, 100)
    return council, other, four, five


def test_withdrawn_and_non_public_commitments_are_left_out_of_every_roll_up():
    council, other, four, five = _scene()
    recommendation = recommendation_tally(recommendation=four)
    assert (recommendation.active, recommendation.withdrawn) == (3, 1)
    assert recommendation.progress == 42  # (10 + 15 + 100) / 3 = 41.67
    commune = commune_tally(commune=council.commune)
    assert (commune.active, commune.withdrawn) == (3, 1)
    assert commune.progress == 28  # (10 + 15 + 60) / 3 = 28.33
    province = province_tally()
    assert (province.active, province.withdrawn, province.total) == (4, 1, 5)
    assert province.progress == 46  # (10 + 15 + 60 + 100) / 4 = 46.25


def test_averages_round_half_up_from_their_fraction():
    council = CouncilFactory()
    a, b = CommitmentFactory(body=council), CommitmentFactory(body=council)
    move(a, Level.LIMITED, 10)
    move(b, Level.LIMITED, 15)
    tally = commune_tally(commune=council.commune)
    assert (tally.progress, str(tally.progress_exact)) == (13, "12.5")


def test_a_commitment_made_non_public_leaves_the_public_figures_at_once(commitment):
    move(commitment, Level.LIMITED, 20)
    assert province_tally().active == 1
    commitment_edit(user=StaffFactory(), commitment_id=commitment.pk, is_public=False)
    assert province_tally().total == 0


def test_a_commitment_moved_to_another_recommendation_is_counted_there_only(commitment):
    before = commitment.recommendation
    after = RecommendationFactory(number=before.number % 9 + 1)
    commitment_edit(user=StaffFactory(), commitment_id=commitment.pk, recommendation=after)
    assert recommendation_tally(recommendation=before).total == 0
    assert recommendation_tally(recommendation=after).total == 1
    edit = commitment.updates.get(kind=StatusUpdate.Kind.EDIT)
    assert edit.changes["recommendation"] == [before.pk, after.pk]


def test_stale_is_decided_by_the_day(councillor, commitment):
    with time_machine.travel(datetime.datetime(2026, 1, 1, 23, tzinfo=datetime.UTC), tick=False):
        move(commitment, Level.LIMITED, 10)  # 2 January, 00:00 in Casablanca (UTC+1)
    with time_machine.travel(datetime.datetime(2026, 2, 1, 7, tzinfo=datetime.UTC), tick=False):
        assert not flags(commitment).is_stale  # 30 days on: not yet
    with time_machine.travel(datetime.datetime(2026, 2, 2, 7, tzinfo=datetime.UTC), tick=False):
        assert flags(commitment).is_stale  # 31 days on, whatever the hour
        move(commitment, Level.COMPLETE, 100)
        assert not flags(commitment).is_stale  # complete work is never stale


def test_overdue_once_the_target_date_passed_unless_complete(councillor, commitment):
    target = commitment.target_date
    day_after = datetime.datetime.combine(target + datetime.timedelta(days=1), datetime.time(12))
    on_target = datetime.datetime.combine(target, datetime.time(12))
    with time_machine.travel(timezone.make_aware(on_target), tick=False):
        assert not flags(commitment).is_overdue
    with time_machine.travel(timezone.make_aware(day_after), tick=False):
        assert flags(commitment).is_overdue and flags(commitment).is_late
        move(commitment, Level.COMPLETE, 100)
        assert not flags(commitment).is_overdue


def test_milestone_overdue_and_due_soon(councillor, commitment):
    staff = StaffFactory()
    with time_machine.travel(datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), tick=False):
        milestone = milestone_create(
            user=staff,
            commitment_id=commitment.pk,
            title_ar="مرحلة",
            due_date=datetime.date(2026, 3, 10),
        )
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC), tick=False):
        assert not flags(commitment).milestone_due_soon  # 9 days ahead: not yet
    with time_machine.travel(datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC), tick=False):
        row = flags(commitment)
        assert row.milestone_due_soon and not row.milestone_overdue
    with time_machine.travel(datetime.datetime(2026, 3, 11, 12, tzinfo=datetime.UTC), tick=False):
        row = flags(commitment)
        assert row.milestone_overdue and not row.milestone_due_soon and row.is_late
        milestone_mark_done(
            user=councillor,
            milestone_id=milestone.pk,
            done_on=datetime.date(2026, 3, 9),
            evidence_link=LINK,
        )
        assert not flags(commitment).milestone_overdue


def test_a_milestone_cannot_be_ticked_twice_or_in_the_future(councillor, commitment):
    milestone = MilestoneFactory(commitment=commitment)
    MilestoneFactory(commitment=commitment)
    with pytest.raises(ValidationError):
        milestone_mark_done(
            user=councillor,
            milestone_id=milestone.pk,
            done_on=timezone.localdate() + datetime.timedelta(days=3),
        )
    milestone_mark_done(user=councillor, milestone_id=milestone.pk, evidence_link=LINK)
    with pytest.raises(ValidationError):
        milestone_mark_done(user=councillor, milestone_id=milestone.pk)


FLAG_DAY = datetime.date(2026, 3, 16)


def flags_on(day=FLAG_DAY, *, active_days_ago=1, hour=12, due_in=None, cutoffs=None):
    from recommendations.state.flags import flags_of

    activity = FLAG_DAY - datetime.timedelta(days=active_days_ago)
    return flags_of(
        level=Level.LIMITED,
        last_activity=timezone.make_aware(datetime.datetime.combine(activity, datetime.time(hour))),
        target_date=FLAG_DAY + datetime.timedelta(days=100),
        next_due=None if due_in is None else FLAG_DAY + datetime.timedelta(days=due_in),
        today=day,
        cutoffs=cutoffs,
    )


@pytest.mark.parametrize(
    ("case", "stale"),
    [
        ({"active_days_ago": 30, "hour": 0}, False),  # the 30th day before, from its first minute
        ({"active_days_ago": 31, "hour": 23}, True),  # the day before that, to its last hour
    ],
)
def test_stale_means_no_activity_on_any_of_the_last_30_days(settings, case, stale):
    settings.COMMITMENT_STALE_DAYS = 30
    assert flags_on(**case).stale is stale


@pytest.mark.parametrize(
    ("due_in", "overdue", "due_soon"),
    [(-1, True, False), (0, False, True), (7, False, True), (8, False, False)],
    ids=["yesterday", "today", "in-a-week", "in-eight-days"],
)
def test_a_milestone_is_late_from_the_day_after_it_was_due_and_due_soon_a_week_ahead(
    settings, due_in, overdue, due_soon
):
    settings.MILESTONE_DUE_SOON_DAYS = 7
    flags = flags_on(due_in=due_in)
    assert (flags.milestone_overdue, flags.milestone_due_soon) == (overdue, due_soon)


def test_cut_offs_worked_out_for_another_day_are_not_used(settings):
    from recommendations.state.flags import Cutoffs

    settings.COMMITMENT_STALE_DAYS = 30
    old = Cutoffs.on(FLAG_DAY - datetime.timedelta(days=60))
    assert flags_on(active_days_ago=40, cutoffs=old).stale is True
    assert flags_on(active_days_ago=40, cutoffs=Cutoffs.on(FLAG_DAY)).stale is True
