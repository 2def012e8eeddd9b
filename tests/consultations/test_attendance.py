"""Who came to a meeting, member by member, and guests by group; the shares of women and of
young people on committees and in meetings, in aggregate; the equality commission measured
against parity."""

import datetime

import pytest

from consultations.models import Attendance, Meeting
from consultations.services.meetings import committee_create, member_add

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("فاطمة", "female", "under_25"),
    ("خديجة", "female", "35_54"),
    ("محمد", "male", "25_34"),
    ("إبراهيم", "male", "55_plus"),
    ("سعيد", "", ""),
]


@pytest.fixture
def members(committee, councillor):
    return [
        member_add(
            user=councillor,
            committee_id=committee.pk,
            name=name,
            group="association",
            since=datetime.date(2024, 1, 1),
            sex=sex,
            age_group=age,
        )
        for name, sex, age in PEOPLE
    ]


def test_a_councillor_records_who_came_and_the_totals_follow(client, councillor, meeting, members):
    client.force_login(councillor)
    page = client.get(f"/ar/meetings/{meeting.pk}/record/").content.decode()
    assert all(name in page for name, _s, _a in PEOPLE)
    statuses = ["present", "present", "present", "excused", "absent"]
    data = {"status": "held", "minutes": "محضر الاجتماع"}
    data |= {f"member_{m.pk}": s for m, s in zip(members, statuses, strict=True)}
    data |= {"guests_youth_women": "2", "guests_youth_men": "1", "guests_women_women": "3"}
    response = client.post(f"/ar/meetings/{meeting.pk}/record/", data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    # Women: Fatima and Khadija present, 2 + 3 guests; men: Mohamed present, 1 guest.
    assert (meeting.attendance_women, meeting.attendance_men) == (7, 2)
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 3
    public = client.get(f"/fr/meetings/{meeting.pk}/").content.decode()
    assert "présents : 3 · excusés : 1 · absents : 1" in public
    assert "78%" in public  # 7 women of the 9 in the room whose sex is known


def test_the_public_meeting_page_never_names_members(client, councillor, meeting, members):
    client.force_login(councillor)
    data = {"status": "held", **{f"member_{m.pk}": "present" for m in members}}
    client.post(f"/ar/meetings/{meeting.pk}/record/", data)
    client.logout()
    public = client.get(f"/ar/meetings/{meeting.pk}/").content.decode()
    assert all(name not in public for name, _s, _a in PEOPLE)


def test_a_member_of_another_committee_cannot_be_marked(client, councillor, meeting, members):
    from consultations.services.meetings import meeting_record

    other = committee_create(
        user=councillor, commune_id=meeting.committee.commune_id, kind="other", name_ar="أخرى"
    )
    stranger = member_add(
        user=councillor,
        committee_id=other.pk,
        name="غريب",
        group="other",
        since=datetime.date(2024, 1, 1),
    )
    with pytest.raises(Exception) as exc:
        meeting_record(
            user=councillor,
            meeting_id=meeting.pk,
            status="held",
            attendance={stranger.pk: "present"},
        )
    assert "attendance" in exc.value.message_dict
    assert Meeting.objects.get(pk=meeting.pk).status != "held"


def test_committee_page_shows_shares_of_women_and_young_people(client, committee, members):
    html = client.get(f"/fr/committees/{committee.pk}/").content.decode()
    assert "50%" in html  # 2 women of the 4 whose sex is given
    assert "sexe pour 1" in html  # the one not given is counted apart
    assert all(name not in html for name, _s, _a in PEOPLE)


def test_the_equality_commission_is_measured_against_parity(client, councillor, tata):
    commission = committee_create(
        user=councillor, commune_id=tata.pk, kind="equality", name_ar="هيئة المساواة"
    )
    for name, sex in (("أ", "female"), ("ب", "male"), ("ج", "male"), ("د", "male")):
        member_add(
            user=councillor,
            committee_id=commission.pk,
            name=name,
            group="other",
            since=datetime.date(2024, 1, 1),
            sex=sex,
        )
    html = client.get(f"/fr/committees/{commission.pk}/").content.decode()
    assert "article 120" in html and "article 19" in html
    assert "25 % de femmes, pour 50 %" in html or "25% de femmes, pour 50%" in html


def test_member_sex_and_age_are_optional_and_checked(client, councillor, committee):
    client.force_login(councillor)
    url = f"/ar/committees/{committee.pk}/members/new/"
    ok = client.post(
        url, {"name": "نادية", "group": "women", "role": "member", "since": "2025-01-01"}
    )
    assert ok.status_code == 302
    bad = client.post(
        url,
        {
            "name": "نادية",
            "group": "women",
            "role": "member",
            "since": "2025-01-01",
            "sex": "other",
        },
    )
    assert bad.status_code == 400
