"""The role grid: anonymous, resident, councillor of the owning body, councillor of another body,
staff and admin × read, post an update, tick a milestone, create a commitment."""

import pytest

from recommendations.models import Commitment, StatusUpdate
from tests.factories import MilestoneFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

ALLOWED = {"councillor", "staff", "admin"}
ROLES = ["anonymous", "resident", "councillor", "other_councillor", "staff", "admin"]


def client_for(client, roles, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_a_public_commitment(client, roles, commitment, role):
    response = client_for(client, roles, role).get(f"/en/commitments/{commitment.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_private_commitment_hidden_from_the_public(client, roles, commitment, role):
    Commitment.objects.filter(pk=commitment.pk).update(is_public=False)
    response = client_for(client, roles, role).get(f"/en/commitments/{commitment.pk}/")
    assert response.status_code == (200 if role in ALLOWED else 404)


def expected_refusal(role, response):
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_post_update(client, roles, commitment, role):
    data = {"version": 1, "level": "limited", "progress": 10, "note": "تحيين"}
    response = client_for(client, roles, role).post(
        f"/ar/commitments/{commitment.pk}/update/", data
    )
    if role in ALLOWED:
        assert response.status_code == 302
        assert response["Location"] == f"/ar/commitments/{commitment.pk}/"
        assert StatusUpdate.objects.count() == 1
    else:
        expected_refusal(role, response)
        assert not StatusUpdate.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_update_form_page(client, roles, commitment, role):
    response = client_for(client, roles, role).get(f"/ar/commitments/{commitment.pk}/update/")
    if role in ALLOWED:
        assert response.status_code == 200
    else:
        expected_refusal(role, response)


@pytest.mark.parametrize("role", ROLES)
def test_tick_milestone(client, roles, commitment, role):
    milestone = MilestoneFactory(commitment=commitment)
    MilestoneFactory(commitment=commitment)  # one of two: 50%, a raise that needs evidence
    evidence = {"evidence_link": "https://example.org/pv.pdf"}
    path = f"/fr/milestones/{milestone.pk}/done/"
    response = client_for(client, roles, role).post(path, evidence)
    milestone.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302 and milestone.done_on is not None
    else:
        expected_refusal(role, response)
        assert milestone.done_on is None


@pytest.mark.parametrize("role", ROLES)
def test_create_commitment_in_the_admin(client, roles, council, role):
    recommendation = RecommendationFactory(number=3)
    data = {
        "recommendation": recommendation.pk,
        "body": council.pk,
        "title_ar": "رقمنة الحالة المدنية",
        "title_fr": "",
        "title_en": "",
        "description_ar": "",
        "description_fr": "",
        "description_en": "",
        "start_date": "2026-01-01",
        "target_date": "2026-12-31",
        "is_public": "on",
    }
    client = client_for(client, roles, role)
    response = client.post("/admin/recommendations/commitment/add/", data)
    if role in ("staff", "admin"):
        assert response.status_code == 302, response.content.decode()[:2000]
        created = Commitment.objects.get(title_ar="رقمنة الحالة المدنية")
        assert (created.level, created.progress, created.version) == ("not_started", 0, 1)
    else:
        assert response.status_code in (302, 403)
        assert "/admin/login/" in response.get("Location", "/admin/login/")
        assert not Commitment.objects.filter(title_ar="رقمنة الحالة المدنية").exists()


def test_admin_refuses_a_target_before_the_start(client, roles, council):
    client.force_login(roles["staff"])
    data = {
        "recommendation": RecommendationFactory(number=2).pk,
        "body": council.pk,
        "title_ar": "التزام",
        "start_date": "2026-06-01",
        "target_date": "2026-01-01",
        "is_public": "on",
    }
    response = client.post("/admin/recommendations/commitment/add/", data)
    assert response.status_code == 200
    assert not Commitment.objects.filter(title_ar="التزام").exists()


@pytest.mark.parametrize("role", ROLES)
def test_committee_decisions_on_a_commitment_are_recorded_by_its_communes_councillors_and_staff(
    roles, commitment, role
):
    """A decision may add a milestone: only the commune's own councillors and staff."""
    from recommendations.permissions import can_record_decision

    user = roles[role]
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    assert can_record_decision(user, commitment) is (role in {"councillor", "staff", "admin"})


def test_a_councillor_of_a_body_without_commune_records_no_decision(commitment):
    """A provincial council's member is no commune's councillor."""
    from recommendations.permissions import can_record_decision
    from territory.models import Body
    from tests.factories import CouncillorFactory

    provincial = Body.objects.create(slug="province-x", kind="provincial_council", name_ar="إقليم")
    outsider = CouncillorFactory(body=provincial)
    assert can_record_decision(outsider, commitment) is False
