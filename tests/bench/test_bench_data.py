import pytest
from django.db.models import Count, Max

from accounts.models import User
from bench.data import bench_data_generate
from consultations.models import Feedback, FeedbackEvent
from recommendations.models import Commitment, StatusUpdate

pytestmark = pytest.mark.django_db


def test_bench_data_has_the_volumes_and_the_shape_of_real_data(reference_data):
    counts = bench_data_generate(scale=1, divisor=100)
    assert counts == {
        "councillors": 20,
        "commitments": 4,
        "milestones": 40,
        "status_updates": 200,
        "meetings": 300,
        "feedback": 1000,
    }
    assert User.objects.filter(role="councillor").count() == 20
    for commitment in Commitment.objects.annotate(last=Max("updates__version")):
        last = commitment.updates.get(version=commitment.last)
        assert (commitment.level, commitment.progress, commitment.version) == (
            last.level_after,
            last.progress_after,
            last.version,
        )
    assert StatusUpdate.objects.count() == 200
    # Every feedback has its "submitted" event, so reports can rebuild its state as of a day.
    assert FeedbackEvent.objects.filter(action="submitted").count() == Feedback.objects.count()
    assert not Feedback.objects.annotate(n=Count("events")).filter(n=0).exists()
