import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Commitment, Recommendation
from recommendations.services.updates import commitment_record_update
from territory.models import Body
from tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, len(captured)


def test_anonymous_pages_come_from_the_cache_until_the_data_changes(
    client, reference_data, django_capture_on_commit_callbacks
):
    body = Body.objects.get(slug="council-09-551-01-07")
    councillor = CouncillorFactory(body=body)
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=4),
        body=body,
        title_ar="تكوين المستشارين",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    path = f"/ar/commitments/{commitment.pk}/"
    first, first_queries = queries(client, path)
    again, again_queries = queries(client, path)
    assert again.content == first.content and again_queries == 0 < first_queries

    with django_capture_on_commit_callbacks(execute=True):
        commitment_record_update(
            user=councillor,
            commitment_id=commitment.pk,
            expected_version=1,
            level="limited",
            progress=15,
            note="انطلاق الدورة الأولى",
        )
    fresh, _n = queries(client, path)
    assert "انطلاق الدورة الأولى" in fresh.content.decode()


def test_logged_in_people_and_languages_get_their_own_pages(client, reference_data):
    french = client.get("/fr/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert 'lang="fr"' in french and 'lang="ar"' in arabic
    client.force_login(CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07")))
    _response, logged_in_queries = queries(client, "/ar/")
    assert logged_in_queries > 0  # rendered for them, never from the anonymous cache
    assert "csrfmiddlewaretoken" in client.get("/ar/").content.decode()  # their logout form
