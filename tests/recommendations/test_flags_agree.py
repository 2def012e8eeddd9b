"""The flags are written twice, for rows in Python and for querysets in SQL, side by side in
recommendations/state/flags.py: on any commitment, any day, they agree."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations.models import Commitment
from recommendations.state.flags import flags_of, with_flags
from recommendations.state.levels import Level, band
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 16)
STATES = st.tuples(
    st.sampled_from(Level.values),
    st.integers(-60, 60),  # last activity, days from DAY
    st.integers(0, 23),  # at this hour
    st.integers(-30, 30),  # target date, days from DAY
    st.one_of(st.none(), st.integers(-20, 20)),  # next milestone due, days from DAY
)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(states=st.lists(STATES, min_size=1, max_size=12))
def test_python_and_sql_flags_agree(states):
    Commitment.objects.all().delete()
    expected = {}
    for level, activity, hour, target, due in states:
        last = timezone.make_aware(
            datetime.datetime.combine(DAY + datetime.timedelta(days=activity), datetime.time(hour))
        )
        c = CommitmentFactory(
            level=level,
            progress=band(level)[0],
            last_update_at=last,
            start_date=DAY - datetime.timedelta(days=400),
            target_date=DAY + datetime.timedelta(days=target),
            next_due=None if due is None else DAY + datetime.timedelta(days=due),
        )
        expected[c.pk] = flags_of(
            level=level,
            last_activity=last,
            target_date=c.target_date,
            next_due=c.next_due,
            today=DAY,
        )
    for row in with_flags(Commitment.objects.all(), today=DAY):
        flags = expected[row.pk]
        assert (
            row.is_stale,
            row.is_overdue,
            row.milestone_overdue,
            row.milestone_due_soon,
            row.is_late,
        ) == (
            flags.stale,
            flags.overdue,
            flags.milestone_overdue,
            flags.milestone_due_soon,
            flags.late,
        )
