import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.services.meetings import (
    committee_create,
    decision_record,
    meeting_record,
    meeting_schedule,
    member_add,
)
from tests.consultations.conftest import TATA, submit

pytestmark = pytest.mark.django_db


def grow(commune, councillor, staff, commitment, n):
    """n committees, each with members and meetings with decisions; 5n feedback, some published."""
    from consultations.services.feedback import feedback_answer, feedback_set_published

    for i in range(n):
        committee = committee_create(
            user=councillor, commune_id=commune.pk, kind="civic", name_ar=f"لجنة {i}"
        )
        for group in ("women", "youth", "association"):
            member_add(
                user=councillor,
                committee_id=committee.pk,
                name=f"عضو {group}",
                group=group,
                since=datetime.date(2025, 1, 1),
            )
        for day in (-30, 10):
            meeting = meeting_schedule(
                user=councillor,
                committee_id=committee.pk,
                starts_at=timezone.now() + datetime.timedelta(days=day),
                place="القاعة",
                agenda="بند أول\nبند ثان",
            )
            if day < 0:
                meeting_record(
                    user=councillor, meeting_id=meeting.pk, status="held", minutes="محضر"
                )
                decision_record(
                    user=councillor, meeting_id=meeting.pk, text="قرار", commitment_id=commitment.pk
                )
        for j in range(5):
            item = submit(
                commune,
                text=f"ملاحظة رقم {i}-{j} حول الجماعة",
                name="اسم",
                contact="0600000000",
                consent_to_contact=True,
            )
            if j % 2 == 0:
                feedback_answer(user=staff, feedback_id=item.pk, answer="جواب")
                feedback_set_published(user=staff, feedback_id=item.pk, published=True)
    return meeting


def counts(client, paths):
    """Queries per page once a first request has loaded the reference data each process keeps
    (web.memo), and after a consultation write of Tata: the commune page's committees, meetings
    and feedback are rendered again (their fragment is made anew), everything else as usual."""
    from consultations.services.public_pages import consultations_scope
    from web.page_cache import pages_changed

    result = []
    for path in paths:
        client.get(path)
        pages_changed(consultations_scope(TATA))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        result.append(len(captured))
    return result


def test_commune_meeting_and_inbox_pages_fixed_queries(
    client, tata, councillor, staff, commitment_in_tata
):
    meeting = grow(tata, councillor, staff, commitment_in_tata, 1)
    paths = [
        f"/ar/communes/{tata.code}/",
        f"/ar/meetings/{meeting.pk}/",
        f"/ar/committees/{meeting.committee_id}/",
        "/ar/inbox/",
        "/ar/inbox/?state=answered&kind=complaint&q=الجماعة",
    ]
    client.force_login(councillor)
    small = counts(client, paths)
    grow(tata, councillor, staff, commitment_in_tata, 9)
    large = counts(client, paths)
    assert small == large
    assert max(small) <= 12, small
    client.force_login(staff)
    assert counts(client, paths) == counts(client, paths)


def test_commune_page_shows_committees_meetings_and_published_feedback(
    client, tata, councillor, staff, commitment_in_tata
):
    grow(tata, councillor, staff, commitment_in_tata, 1)
    html = client.get(f"/ar/communes/{tata.code}/").content.decode()
    assert "لجنة 0" in html
    assert html.count("ملاحظة رقم 0-") == 3  # the published ones only
    assert "اسم" not in html.replace("الاسم", "")
