import datetime

import pytest
from django.utils import timezone

from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.services.rollups import rollups_rebuild
from recommendations.services.updates import commitment_record_update
from recommendations.state.levels import level_for_progress
from territory.models import Body
from tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db


def link_update(commitment, author, *, version, note):
    """A timeline entry with link evidence, for bulk-building pages to measure."""
    return StatusUpdate(
        commitment=commitment,
        author=author,
        level_before="limited",
        level_after="limited",
        progress_before=0,
        progress_after=10,
        version=version,
        note=note,
        evidence_kind="link",
        evidence_link="https://example.org/e",
    )


def build(scale: int) -> dict:
    """Reference data plus `scale` × 6 commitments, each with milestones and a few updates."""
    councils = list(Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).order_by("slug"))
    recommendations = list(Recommendation.objects.order_by("number"))
    author = CouncillorFactory(body=councils[0])
    now = timezone.now()
    commitments = Commitment.objects.bulk_create(
        Commitment(
            recommendation=recommendations[i % 9],
            body=councils[i % 3],
            title_ar=f"التزام {i}",
            start_date=datetime.date(2024, 1, 1),
            target_date=datetime.date(2025 + i % 3, 6, 30),
            level=level_for_progress((i * 7) % 101),
            progress=(i * 7) % 101,
            version=4,
            last_update_at=now - datetime.timedelta(days=i * 5),
        )
        for i in range(scale * 6)
    )
    Milestone.objects.bulk_create(
        Milestone(commitment=c, title_ar=f"مرحلة {k}", due_date=datetime.date(2026, k + 1, 1))
        for c in commitments
        for k in range(2)
    )
    StatusUpdate.objects.bulk_create(
        link_update(c, author, version=v + 1, note=f"ملاحظة {v}")
        for c in commitments
        for v in range(1, 4)
    )
    rollups_rebuild()  # what a bulk load must do (bench.data does the same)
    return {"commitment": commitments[0], "councillor": author}


def pages(data):
    c = data["commitment"]
    return [
        "/ar/",
        "/ar/matrix/",
        "/ar/recommendations/1/",
        f"/ar/communes/{c.body.commune.code}/",
        f"/ar/commitments/{c.pk}/",
        "/ar/my/",
    ]


def query_counts(client, data, *, warm: bool) -> list[int]:
    """Queries per page: `warm`, with the reference data and fragments kept from a first
    request (the usual render after a write); else from nothing kept at all (a new worker)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from web.memo import forget_all

    client.force_login(data["councillor"])
    counts = []
    for path in pages(data):
        if warm:
            client.get(path)
        else:
            forget_all()
            cache.clear()
            client.force_login(data["councillor"])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        counts.append(len(captured))
    return counts


def grow_timeline(commitment, author, n):
    """More entries and milestones on the very commitment whose page is measured."""
    first = commitment.updates.order_by("-version").values_list("version", flat=True).first()
    StatusUpdate.objects.bulk_create(
        link_update(commitment, author, version=first + v + 1, note=f"إضافة {v}") for v in range(n)
    )
    Milestone.objects.bulk_create(
        Milestone(
            commitment=commitment, title_ar=f"مرحلة إضافية {k}", due_date=datetime.date(2027, 1, 1)
        )
        for k in range(n // 3)
    )


def test_pages_cost_the_same_queries_at_two_sizes(client, reference_data):
    data = build(1)
    small = query_counts(client, data, warm=True), query_counts(client, data, warm=False)
    build(9)  # ten times the commitments, milestones and updates
    grow_timeline(data["commitment"], data["councillor"], 30)
    large = query_counts(client, data, warm=True), query_counts(client, data, warm=False)
    assert small == large
    warm, cold = small
    # Kept between requests: the communes, bodies and recommendations (web.memo), the commune
    # page's committees, meetings and feedback (a fragment of their own).
    assert max(warm) <= 7, warm
    assert max(cold) <= 12, cold


@pytest.mark.parametrize("path", ["/ar/", "/ar/matrix/"])
def test_home_and_matrix_fixed_ceiling(client, reference_data, django_assert_max_num_queries, path):
    build(10)
    with django_assert_max_num_queries(4):
        client.get(path)


def test_home_shows_nine_progress_bars_and_the_matrix(client, reference_data):
    build(2)
    html = client.get("/ar/").content.decode()
    assert html.count("<progress") >= 9
    assert '<table class="matrix">' in html and "<caption" in html
    assert html.count('<th scope="row">') == 20
    assert 'class="legend"' in html


def test_notes_are_shown_escaped(client, reference_data, councillor_of_tata):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=3),
        body=councillor_of_tata.body,
        title_ar="التزام",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2026, 1, 1),
    )
    commitment_record_update(
        user=councillor_of_tata,
        commitment_id=commitment.pk,
        expected_version=1,
        level="limited",
        progress=5,
        note="<script>alert('x')</script>",
    )
    html = client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


@pytest.fixture
def councillor_of_tata(reference_data):
    return CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))


def test_conflict_shows_what_changed_and_keeps_the_losers_text(client, councillor_of_tata):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=5),
        body=councillor_of_tata.body,
        title_ar="نشر الميزانية",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    other = CouncillorFactory(body=councillor_of_tata.body)
    commitment_record_update(
        user=other,
        commitment_id=commitment.pk,
        expected_version=1,
        level="limited",
        progress=30,
        note="نشرنا ميزانية 2026",
    )
    client.force_login(councillor_of_tata)
    response = client.post(
        f"/ar/commitments/{commitment.pk}/update/",
        {"version": 1, "level": "limited", "progress": 50, "note": "نصي الذي كتبته بعناية"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "نشرنا ميزانية 2026" in html  # what changed
    assert "نصي الذي كتبته بعناية" in html  # the loser's text, still in the form
    assert 'name="version" value="2"' in html  # a resend is deliberate, on the new version
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1


def test_bad_form_input_gets_messages_in_the_page_language(client, councillor_of_tata):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=5),
        body=councillor_of_tata.body,
        title_ar="x",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    client.force_login(councillor_of_tata)
    response = client.post(
        f"/fr/commitments/{commitment.pk}/update/",
        {"version": 1, "level": "substantial", "progress": 150, "note": "  "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required" not in html
    # The summary names the field and what to do, and links to it.
    assert 'class="error-summary"' in html
    assert 'href="#id_note">Remplissez « Ce qui a changé ».' in html
    assert not StatusUpdate.objects.exists()


def test_my_page_lists_the_councillors_commitments_most_urgent_first(client, councillor_of_tata):
    body = councillor_of_tata.body
    recommendation = Recommendation.objects.get(number=2)
    calm = Commitment.objects.create(
        recommendation=recommendation,
        body=body,
        title_ar="هادئ",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2030, 1, 1),
        last_update_at=timezone.now(),
    )
    late = Commitment.objects.create(
        recommendation=recommendation,
        body=body,
        title_ar="متأخر",
        start_date=datetime.date(2020, 1, 1),
        target_date=datetime.date(2021, 1, 1),
    )
    Commitment.objects.create(
        recommendation=recommendation,
        body=Body.objects.get(slug="council-09-551-01-01"),
        title_ar="ليس لي",
        start_date=datetime.date(2020, 1, 1),
        target_date=datetime.date(2021, 1, 1),
    )
    client.force_login(councillor_of_tata)
    html = client.get("/ar/my/").content.decode()
    assert html.index("متأخر") < html.index("هادئ")
    assert "ليس لي" not in html
    assert f'href="/ar/commitments/{late.pk}/update/"' in html
    assert f'href="/ar/commitments/{calm.pk}/update/"' in html


def test_my_page_needs_a_login(client):
    response = client.get("/ar/my/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_evidence_is_served_with_its_checked_type(client, councillor_of_tata, png_upload):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=5),
        body=councillor_of_tata.body,
        title_ar="x",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    update = commitment_record_update(
        user=councillor_of_tata,
        commitment_id=commitment.pk,
        expected_version=1,
        level="substantial",
        progress=50,
        note="صورة",
        evidence_file=png_upload,
    )
    response = client.get(f"/ar/evidence/{update.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        "attachment" in response["Content-Disposition"]
        or "inline" in response["Content-Disposition"]
    )
    html = client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    assert f"/ar/evidence/{update.pk}/" in html


def test_a_date_that_is_not_a_date_gets_a_message_and_changes_nothing(client, councillor_of_tata):
    from tests.factories import MilestoneFactory

    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=5),
        body=councillor_of_tata.body,
        title_ar="x",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    milestone = MilestoneFactory(commitment=commitment)
    client.force_login(councillor_of_tata)
    response = client.post(
        f"/fr/milestones/{milestone.pk}/done/", {"done_on": "31/02/2026"}, follow=True
    )
    assert "Saisissez une date valide" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.done_on is None and not StatusUpdate.objects.exists()


def test_staff_my_page_lists_only_what_is_late_everywhere(client, reference_data):
    from tests.factories import StaffFactory

    recommendation = Recommendation.objects.get(number=2)
    for slug, title, target in (
        ("council-09-551-01-01", "متأخر في أقا", datetime.date(2021, 1, 1)),
        ("council-09-551-01-07", "في الموعد", datetime.date(2030, 1, 1)),
    ):
        Commitment.objects.create(
            recommendation=recommendation,
            body=Body.objects.get(slug=slug),
            title_ar=title,
            start_date=datetime.date(2020, 1, 1),
            target_date=target,
            last_update_at=timezone.now(),
        )
    client.force_login(StaffFactory())
    html = client.get("/ar/my/").content.decode()
    assert "متأخر في أقا" in html and "في الموعد" not in html
