import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Commitment, Recommendation, StatusUpdate
from reports.models import PublishedReport, ReportJob
from territory.models import Body
from tests.factories import AdminFactory, CouncillorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "resident", "councillor", "staff", "admin"])
def test_only_staff_reach_reports(client, dataset, staff, role):
    users = {
        "anonymous": None,
        "resident": UserFactory(),
        "councillor": dataset["tata"],
        "staff": staff,
        "admin": AdminFactory(),
    }
    if users[role]:
        client.force_login(users[role])
    for path in ("/ar/reports/", "/ar/reports/download/csv/"):
        response = client.get(path)
        if role in ("staff", "admin"):
            assert response.status_code == 200, path
        elif role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403


def grow(n):
    bodies = list(Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL))
    recommendations = list(Recommendation.objects.all())
    made = Commitment.objects.bulk_create(
        Commitment(
            recommendation=recommendations[i % 9],
            body=bodies[i % 20],
            title_ar=f"التزام {i}",
            start_date=datetime.date(2025, 1, 1),
            target_date=datetime.date(2026, 1, 1),
        )
        for i in range(n)
    )
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            commitment=c,
            level_before="not_started",
            level_after="limited",
            progress_before=0,
            progress_after=10,
            version=2,
            note="x",
        )
        for c in made
    )


def test_report_page_costs_the_same_queries_at_two_sizes(client, dataset, staff):
    client.force_login(staff)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ar/reports/", {"as_of": "2026-11-01"}).status_code == 200
        return len(captured)

    grow(10)
    small = count()
    grow(100)
    assert count() == small


def test_publishing_asks_first_then_keeps_the_file_and_its_hash(client, dataset, staff):
    client.force_login(staff)
    asked = {"as_of": "2025-12-31", "language": "fr", "format": "csv"}
    confirm = client.post("/fr/reports/publish/", asked)
    # Nothing is published before the second, confirmed step, which carries the same filters.
    assert confirm.status_code == 200 and not PublishedReport.objects.exists()
    html = confirm.content.decode()
    assert "Publier ce rapport ?" in html
    assert 'name="confirmed" value="yes"' in html and 'name="as_of" value="2025-12-31"' in html
    assert 'href="/fr/reports/?as_of=2025-12-31&amp;language=fr"' in html  # going back keeps them
    response = client.post("/fr/reports/publish/", {**asked, "confirmed": "yes"})
    assert response.status_code == 302
    published = PublishedReport.objects.get()
    page = client.get("/open-data/").content.decode()
    assert published.sha256 in page
    client.logout()
    data = b"".join(client.get(f"/open-data/published/{published.pk}/").streaming_content)
    assert hashlib.sha256(data).hexdigest() == published.sha256
    assert "Engagement interne" not in data.decode("utf-8-sig")  # published = public only


def test_a_big_pdf_is_built_in_the_background_and_offered_when_ready(
    client, dataset, staff, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_ASYNC_ROWS_PDF = 1
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/ar/reports/download/pdf/", {"as_of": "2025-12-31"})
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ar/reports/jobs/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    job.refresh_from_db()
    assert job.status == "done" and job.progress == 100  # without a broker it simply ran
    assert f"/ar/reports/jobs/{job.pk}/file/" in page
    pdf = b"".join(client.get(f"/ar/reports/jobs/{job.pk}/file/").streaming_content)
    assert pdf.startswith(b"%PDF")
    other = CouncillorFactory(body=dataset["tata"].body)
    client.force_login(other)
    assert client.get(f"/ar/reports/jobs/{job.pk}/file/").status_code == 403


def test_bad_filters_get_a_message_not_a_500(client, dataset, staff):
    client.force_login(staff)
    response = client.get("/fr/reports/", {"as_of": "2030-01-01", "communes": "nowhere"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "futur" in html and "future day" not in html
