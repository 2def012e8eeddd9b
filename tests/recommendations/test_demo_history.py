import io

import pytest
from django.core.management import call_command
from django.db.models import Max, Min

from recommendations.models import Commitment, StatusUpdate
from recommendations.state.flags import with_flags
from recommendations.state.levels import Level
from territory.models import Body

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo history is built once for this module (it takes a few seconds)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            call_command("load_reference_data", stdout=io.StringIO())
            call_command("load_demo_data", "--allow-production", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


def test_demo_history_is_believable(demo):
    demo_commitments = Commitment.objects.filter(is_demo=True)
    councils = Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL)
    with_commitments = councils.filter(commitments__is_demo=True).distinct().count()
    assert with_commitments >= 15  # most communes
    assert demo_commitments.values("recommendation").distinct().count() == 9
    span = StatusUpdate.objects.aggregate(first=Min("created_at"), last=Max("created_at"))
    assert span["first"].year == 2022 and span["last"].year == 2026
    flagged = with_flags(demo_commitments)
    assert flagged.filter(is_stale=True).exists()
    assert flagged.filter(is_overdue=True).exists()
    assert demo_commitments.filter(level=Level.COMPLETE).exists()
    assert demo_commitments.filter(milestones__isnull=False).exists()


def test_demo_history_is_consistent_with_its_timeline(demo):
    for commitment in Commitment.objects.filter(is_demo=True).prefetch_related("updates"):
        updates = list(commitment.updates.order_by("version"))
        if not updates:
            assert commitment.version == 1
            continue
        last = updates[-1]
        assert (commitment.level, commitment.progress) == (last.level_after, last.progress_after)
        assert [u.version for u in updates] == list(range(2, commitment.version + 1))
        for earlier, later in zip(updates, updates[1:], strict=False):
            assert later.level_before == earlier.level_after
        # Raising to substantial or complete always carried evidence.
        for u in updates:
            if u.level_after in ("substantial", "complete") and u.level_before != u.level_after:
                assert u.has_evidence


def test_demo_data_loads_once(demo):
    count = Commitment.objects.count()
    call_command("load_demo_data", "--allow-production", stdout=io.StringIO())
    assert Commitment.objects.count() == count
