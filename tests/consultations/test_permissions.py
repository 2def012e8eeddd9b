"""The role grid for committees, meetings, moderation and answers."""

import pytest

from consultations.models import Committee, Decision, Feedback, Meeting, Member
from tests.consultations.conftest import login

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "councillor", "other_councillor", "staff", "admin"]
MANAGERS = {"councillor", "staff", "admin"}
MODERATORS = {"staff", "admin"}


def refused(role, response):
    if role == "anonymous":
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_create_committee(client, roles, tata, role):
    response = login(client, roles, role).post(
        f"/ar/communes/{tata.code}/committees/new/",
        {"kind": "civic", "name_ar": "لجنة جديدة", "name_fr": "", "name_en": "", "mandate_ar": ""},
    )
    if role in MANAGERS:
        assert (
            response.status_code == 302 and Committee.objects.filter(name_ar="لجنة جديدة").exists()
        )
    else:
        assert refused(role, response) and not Committee.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_add_member(client, roles, committee, role):
    response = login(client, roles, role).post(
        f"/ar/committees/{committee.pk}/members/new/",
        {"name": "عضو", "group": "youth", "role": "member", "since": "2025-01-01", "contact": ""},
    )
    assert (response.status_code == 302) if role in MANAGERS else refused(role, response)
    assert Member.objects.exists() == (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_schedule_meeting(client, roles, committee, role):
    response = login(client, roles, role).post(
        f"/ar/committees/{committee.pk}/meetings/new/",
        {"starts_at": "2026-12-10T10:00", "place": "مقر الجماعة", "agenda": "نقطة"},
    )
    assert (response.status_code == 302) if role in MANAGERS else refused(role, response)
    assert Meeting.objects.exists() == (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_record_minutes(client, roles, meeting, role):
    response = login(client, roles, role).post(
        f"/ar/meetings/{meeting.pk}/record/",
        {"status": "held", "minutes": "محضر", "guests_association_women": 3},
    )
    meeting.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and meeting.minutes == "محضر"
    else:
        assert refused(role, response) and meeting.minutes == ""


@pytest.mark.parametrize("role", ROLES)
def test_record_decision(client, roles, meeting, role):
    response = login(client, roles, role).post(
        f"/ar/meetings/{meeting.pk}/decisions/new/", {"text": "قرار اللجنة"}
    )
    assert (response.status_code == 302) if role in MANAGERS else refused(role, response)
    assert Decision.objects.exists() == (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_of_committee_and_meeting(client, roles, meeting, role):
    client = login(client, roles, role)
    assert client.get(f"/ar/meetings/{meeting.pk}/").status_code == 200
    assert client.get(f"/ar/committees/{meeting.committee_id}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_answer_feedback(client, roles, feedback, role):
    response = login(client, roles, role).post(
        f"/ar/inbox/{feedback.pk}/answer/", {"answer": "تم التدخل"}
    )
    feedback.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and feedback.state == "answered"
    else:
        assert refused(role, response) and feedback.state == "received"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["publish", "reject"])
def test_moderate_feedback(client, roles, feedback, role, action):
    response = login(client, roles, role).post(
        f"/ar/inbox/{feedback.pk}/{action}/", {"reason": "spam"}
    )
    feedback.refresh_from_db()
    changed = feedback.is_published if action == "publish" else feedback.state == "rejected"
    if role in MODERATORS:
        assert response.status_code == 302 and changed
    else:
        assert refused(role, response) and not changed


@pytest.mark.parametrize("role", ROLES)
def test_inbox_and_personal_data(client, roles, feedback, role):
    client = login(client, roles, role)
    listing = client.get("/ar/inbox/")
    detail = client.get(f"/ar/inbox/{feedback.pk}/")
    if role in MANAGERS:
        assert listing.status_code == detail.status_code == 200
        assert "فاطمة الزهراء" in detail.content.decode()
    elif role == "other_councillor":
        assert listing.status_code == 200 and feedback.tracking_code not in listing.content.decode()
        assert detail.status_code == 403
    else:
        assert refused(role, listing) and refused(role, detail)


def test_public_committee_page_shows_composition_not_names(client, committee, councillor):
    from consultations.services.meetings import member_add

    for name, group in (("خديجة", "women"), ("يوسف", "youth"), ("جمعية الأمل", "association")):
        member_add(
            user=councillor,
            committee_id=committee.pk,
            name=name,
            group=group,
            since=__import__("datetime").date(2025, 1, 1),
            contact="0611111111",
        )
    html = client.get(f"/ar/committees/{committee.pk}/").content.decode()
    assert "خديجة" not in html and "0611111111" not in html
    page = client.get(f"/ar/communes/{committee.commune.code}/").content.decode()
    assert "خديجة" not in page
    client.force_login(councillor)
    assert "خديجة" in client.get(f"/ar/committees/{committee.pk}/").content.decode()


def test_unknown_inbox_action_is_refused(client, feedback, staff):
    client.force_login(staff)
    assert client.post(f"/ar/inbox/{feedback.pk}/delete/").status_code == 403
    assert Feedback.objects.filter(pk=feedback.pk).exists()
