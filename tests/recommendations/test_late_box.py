"""A commune page's "what is late" box: the most urgent of the late commitments, past their
target first, then a milestone past due, then silence; and how many are late in all."""

import datetime

import pytest
from django.utils import timezone

from recommendations.models import Commitment, Recommendation
from recommendations.services.rollups import rollups_rebuild
from territory.models import Body

pytestmark = pytest.mark.django_db
TATA = "09.551.01.07"


def late_box(client) -> str:
    html = client.get(f"/ar/communes/{TATA}/").content.decode()
    return html.split('class="late-box"', 1)[1].split("</div>", 1)[0]


def test_the_box_shows_the_most_urgent_not_the_earliest_targets(client, reference_data):
    today = timezone.localdate()
    now = timezone.now()
    council = Body.objects.get(slug="council-09-551-01-07")
    recommendation = Recommendation.objects.get(number=3)

    def commitment(title, *, target, last_update, next_due=None):
        return Commitment(
            recommendation=recommendation,
            body=council,
            title_ar=title,
            start_date=datetime.date(2024, 1, 1),
            target_date=target,
            level="limited",
            progress=20,
            last_update_at=last_update,
            next_due=next_due,
        )

    silent = [
        commitment(
            f"صامت {i}",
            target=today + datetime.timedelta(days=30 + i),
            last_update=now - datetime.timedelta(days=90),
        )
        for i in range(10)
    ]
    # Its target is far, but a milestone is past due: more urgent than silence.
    milestone_late = commitment(
        "مرحلة متأخرة",
        target=today + datetime.timedelta(days=900),
        last_update=now - datetime.timedelta(days=2),
        next_due=today - datetime.timedelta(days=10),
    )
    overdue = commitment(
        "تجاوز أجله",
        target=today - datetime.timedelta(days=5),
        last_update=now - datetime.timedelta(days=1),
    )
    Commitment.objects.bulk_create([*silent, milestone_late, overdue])
    rollups_rebuild()
    box = late_box(client)
    assert "12" in box  # "the 10 most urgent of 12 late commitments"
    assert box.index("تجاوز أجله") < box.index("مرحلة متأخرة") < box.index("صامت 0")
    assert box.count('class="commitment ') == 10
    assert "صامت 7" in box and "صامت 8" not in box  # silence by target date, the last left out
