import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consultations.models import Decision
from consultations.services.meetings import decision_record, meeting_record
from recommendations.models import StatusUpdate

pytestmark = pytest.mark.django_db


def test_a_decision_linked_to_a_commitment_shows_on_its_timeline(
    client, meeting, councillor, commitment_in_tata
):
    meeting_record(
        user=councillor,
        meeting_id=meeting.pk,
        status="held",
        minutes="محضر الاجتماع",
        guests={"association": (4, 5)},
    )
    decision_record(
        user=councillor,
        meeting_id=meeting.pk,
        text="مطالبة المجلس بتقرير مرحلي",
        commitment_id=commitment_in_tata.pk,
    )
    entry = StatusUpdate.objects.get(commitment=commitment_in_tata)
    assert (
        entry.kind == StatusUpdate.Kind.DECISION and entry.source_url == f"/meetings/{meeting.pk}/"
    )
    html = client.get(f"/fr/commitments/{commitment_in_tata.pk}/").content.decode()
    assert "مطالبة المجلس بتقرير مرحلي" in html
    assert f'href="/fr/meetings/{meeting.pk}/"' in html
    meeting_html = client.get(f"/ar/meetings/{meeting.pk}/").content.decode()
    assert "محضر الاجتماع" in meeting_html and commitment_in_tata.title_ar in meeting_html


def test_a_decision_adding_a_milestone_shows_it(client, meeting, councillor, commitment_in_tata):
    due = datetime.date(2027, 3, 1)
    decision = decision_record(
        user=councillor,
        meeting_id=meeting.pk,
        text="إضافة لقاء تواصلي",
        commitment_id=commitment_in_tata.pk,
        milestone_title="لقاء تواصلي مع الساكنة",
        milestone_due=due,
    )
    milestone = commitment_in_tata.milestones.get()
    assert (milestone.title_ar, milestone.due_date) == ("لقاء تواصلي مع الساكنة", due)
    assert decision.milestone == milestone
    entry = StatusUpdate.objects.get(commitment=commitment_in_tata)
    assert entry.kind == "decision" and entry.milestone == milestone
    html = client.get(f"/ar/commitments/{commitment_in_tata.pk}/").content.decode()
    assert "لقاء تواصلي مع الساكنة" in html and "إضافة لقاء تواصلي" in html
    # Named in Arabic only: French and English readers see the Arabic name, nothing made up.
    assert (milestone.title_fr, milestone.title_en) == ("", "")
    for language in ("fr", "en"):
        page = client.get(f"/{language}/commitments/{commitment_in_tata.pk}/").content.decode()
        assert "لقاء تواصلي مع الساكنة" in page


def test_a_commitment_of_another_commune_is_refused(meeting, councillor, commitment_in_akka):
    with pytest.raises(ValidationError):
        decision_record(
            user=councillor, meeting_id=meeting.pk, text="قرار", commitment_id=commitment_in_akka.pk
        )
    assert not Decision.objects.exists() and not StatusUpdate.objects.exists()


def test_another_communes_councillor_cannot_record(meeting, other_councillor):
    with pytest.raises(PermissionDenied):
        decision_record(user=other_councillor, meeting_id=meeting.pk, text="قرار")


def test_minutes_pdf_must_be_a_pdf(meeting, councillor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        meeting_record(
            user=councillor,
            meeting_id=meeting.pk,
            status="held",
            minutes_pdf=SimpleUploadedFile("pv.pdf", b"MZ\x90\x00 not a pdf"),
        )
    meeting.refresh_from_db()
    assert meeting.status == "planned"
