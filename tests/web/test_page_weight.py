"""At ten times today's data (4,000 commitments), no public page passes 60 KB of HTML: long
lists are paginated, and the links to the rest work without JavaScript."""

import datetime
import re

import pytest

from recommendations.models import Commitment, Recommendation, StatusUpdate
from recommendations.services.rollups import rollups_rebuild
from territory.models import Body
from tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db
LIMIT = 60 * 1024


@pytest.fixture
def ten_times(reference_data):
    councils = list(Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).order_by("slug"))
    recommendations = list(Recommendation.objects.order_by("number"))
    commitments = Commitment.objects.bulk_create(
        Commitment(
            recommendation=recommendations[i % 9],
            body=councils[i % 20],
            title_ar=f"التزام الجماعة بتحسين الخدمات العمومية رقم {i}",
            title_fr=f"Engagement de la commune à améliorer les services publics n° {i}",
            start_date=datetime.date(2024, 1, 1),
            target_date=datetime.date(2026 + i % 3, 6, 30),
        )
        for i in range(4000)
    )
    rollups_rebuild()
    author = CouncillorFactory(body=councils[0])
    first = commitments[0]
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            commitment=first,
            author=author,
            level_before="not_started",
            level_after="not_started",
            progress_before=0,
            progress_after=0,
            version=v + 2,
            note="تم عقد اجتماع مع الساكنة لتتبع تقدم الأشغال " * 3,
        )
        for v in range(200)
    )
    return first


def test_no_public_page_passes_60_kb(client, ten_times):
    commune = ten_times.body.commune.code
    pages = [
        "/ar/",
        "/ar/matrix/",
        "/ar/recommendations/1/",
        f"/ar/communes/{commune}/",
        f"/ar/commitments/{ten_times.pk}/",
        "/fr/recommendations/1/",
        "/open-data/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(response.content) <= LIMIT, (path, len(response.content))


def test_the_rest_of_a_long_list_is_a_link_away(client, ten_times):
    page_one = client.get("/ar/recommendations/1/").content.decode()
    assert re.search(r'href="\?page=2"', page_one)
    listed = page_one.count('<li class="commitment ')
    page_two = client.get("/ar/recommendations/1/?page=2").content.decode()
    assert page_two.count('<li class="commitment ') == listed == 50
    assert page_one != page_two
    timeline = client.get(f"/ar/commitments/{ten_times.pk}/?page=3").content.decode()
    assert timeline.count('<li class="entry') == 20
