import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from recommendations.models import Commitment, StatusUpdate
from recommendations.services.timeline import CommitmentVersionConflict
from recommendations.services.updates import commitment_record_update
from recommendations.state.levels import Level
from tests.concurrency import run_together
from tests.factories import MilestoneFactory, StaffFactory

pytestmark = pytest.mark.django_db


def record(user, commitment, **overrides):
    values = dict(
        user=user,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level=Level.LIMITED,
        progress=20,
        note="بدأت الأشغال",
    )
    values.update(overrides)
    return commitment_record_update(**values)


def test_a_good_update_writes_the_entry_and_the_new_state(councillor, commitment):
    update = record(councillor, commitment)
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress, commitment.version) == (Level.LIMITED, 20, 2)
    assert commitment.last_update_at == update.created_at
    assert (update.level_before, update.level_after) == (Level.NOT_STARTED, Level.LIMITED)
    assert (update.progress_before, update.progress_after) == (0, 20)
    assert update.author == councillor and update.note == "بدأت الأشغال"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"progress": -1}, "progress"),
        ({"level": "finished"}, "level"),
        ({"note": ""}, "note"),
        ({"note": "   \n\t "}, "note"),
        ({"note": "\x00\x00"}, "note"),
        ({"evidence_link": "javascript:alert(1)"}, "evidence_link"),
        ({"evidence_link": "ftp://example.org/file.pdf"}, "evidence_link"),
        ({"level": Level.SUBSTANTIAL, "progress": 60}, "evidence_file"),
        ({"level": Level.COMPLETE, "progress": 100}, "evidence_file"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(councillor, commitment, overrides, field):
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, **overrides)
    assert field in exc.value.message_dict
    commitment.refresh_from_db()
    assert commitment.version == 1 and commitment.level == Level.NOT_STARTED
    assert not StatusUpdate.objects.exists()


def test_messages_are_in_the_active_language(councillor, commitment):
    from django.utils import translation

    with translation.override("ar"), pytest.raises(ValidationError) as exc:
        record(councillor, commitment, note=" ")
    assert "Write a note" not in " ".join(exc.value.messages)


@pytest.mark.parametrize("level", [Level.SUBSTANTIAL, Level.COMPLETE])
def test_raising_to_substantial_or_complete_with_a_link_is_accepted(councillor, commitment, level):
    progress = 100 if level == Level.COMPLETE else 60
    update = record(
        councillor, commitment, level=level, progress=progress, evidence_link="https://tata.ma/pv"
    )
    assert update.evidence_kind == StatusUpdate.EvidenceKind.LINK


def test_raising_with_a_file_is_accepted(councillor, commitment, pdf_upload):
    update = record(
        councillor, commitment, level=Level.SUBSTANTIAL, progress=55, evidence_file=pdf_upload
    )
    assert update.evidence_kind == StatusUpdate.EvidenceKind.PDF
    assert update.evidence_file.name.endswith(".pdf")
    assert "minutes" not in update.evidence_file.name  # stored under a random name


def test_staying_substantial_needs_no_new_evidence(councillor, commitment):
    record(
        councillor, commitment, level=Level.SUBSTANTIAL, progress=55, evidence_link="https://t.ma/a"
    )
    commitment.refresh_from_db()
    record(councillor, commitment, level=Level.SUBSTANTIAL, progress=60, note="تقدم")
    commitment.refresh_from_db()
    assert commitment.progress == 60


def test_a_withdrawn_commitment_taken_up_again_at_substantial_needs_evidence(
    councillor, commitment
):
    record(councillor, commitment, level=Level.WITHDRAWN, progress=None, note="أوقف المشروع")
    commitment.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, level=Level.SUBSTANTIAL, progress=55, note="استؤنف")
    assert exc.value.message_dict == {
        "evidence_file": ["رفع المستوى إلى «جوهري» أو «مكتمل» يتطلب إثباتا: ملفا أو رابطا."]
    }
    record(
        councillor,
        commitment,
        level=Level.SUBSTANTIAL,
        progress=55,
        note="استؤنف",
        evidence_link="https://t.ma/a",
    )
    commitment.refresh_from_db()
    assert (commitment.level, commitment.progress) == (Level.SUBSTANTIAL, 55)


def test_stale_version_is_refused_and_the_losers_data_is_not_written(councillor, commitment):
    seen = commitment.version
    record(councillor, commitment, note="الأول")
    with pytest.raises(CommitmentVersionConflict) as exc:
        record(councillor, commitment, expected_version=seen, progress=90, note="الثاني")
    assert exc.value.commitment.version == 2
    commitment.refresh_from_db()
    assert commitment.progress == 20
    assert list(StatusUpdate.objects.values_list("note", flat=True)) == ["الأول"]


def test_other_councillor_and_resident_are_refused(other_councillor, commitment, roles):
    for user in (other_councillor, roles["resident"]):
        with pytest.raises(PermissionDenied):
            record(user, commitment)
    assert not StatusUpdate.objects.exists()


def test_staff_may_post_anywhere(commitment):
    record(StaffFactory(), commitment)
    assert StatusUpdate.objects.count() == 1


def test_progress_typed_where_milestones_set_it_is_refused_not_ignored(councillor, commitment):
    MilestoneFactory(commitment=commitment, weight=1)
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, level=Level.NOT_STARTED, progress=80)
    assert "0%" in str(exc.value.message_dict["progress"])
    assert not StatusUpdate.objects.exists()
    # The same figure as the milestones', or none, is fine.
    assert record(councillor, commitment, level=Level.NOT_STARTED, progress=0).progress_after == 0


def test_updates_are_append_only(councillor, commitment):
    update = record(councillor, commitment)
    update.note = "edited"
    with pytest.raises(PermissionDenied):
        update.save()
    with pytest.raises(PermissionDenied):
        update.delete()
    assert StatusUpdate.objects.get().note == "بدأت الأشغال"


def test_renamed_executable_is_refused(councillor, commitment):
    elf = SimpleUploadedFile("report.pdf", b"\x7fELF\x02\x01\x01" + b"\0" * 200)
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, level=Level.SUBSTANTIAL, evidence_file=elf)
    assert "evidence_file" in exc.value.message_dict
    assert not StatusUpdate.objects.exists()


def test_file_too_big_is_refused(councillor, commitment, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, evidence_file=big)
    assert "evidence_file" in exc.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_two_councillors_at_once_one_wins(require_postgres, councillor, commitment):
    """Two threads post from the same version at the same moment: exactly one is saved."""
    results = run_together(
        *(
            lambda n=n: record(councillor, commitment, note=n, progress=len(n))
            for n in ("أولى", "الثانية")
        )
    )
    assert sorted(type(r).__name__ for r in results) == [
        "CommitmentVersionConflict",
        "StatusUpdate",
    ]
    assert StatusUpdate.objects.count() == 1
    winner = StatusUpdate.objects.get()
    assert Commitment.objects.get(pk=commitment.pk).progress == len(winner.note)
    assert connection.vendor == "postgresql"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"level": Level.COMPLETE, "progress": 40, "evidence_link": "https://t.ma/a"}, "level"),
        ({"level": Level.NOT_STARTED, "progress": 30}, "level"),
        ({"progress": True}, "progress"),
        ({"evidence_link": "https://t.ma/" + "a" * 600}, "evidence_link"),
    ],
)
def test_level_and_progress_must_agree(councillor, commitment, overrides, field):
    with pytest.raises(ValidationError) as exc:
        record(councillor, commitment, **overrides)
    assert field in exc.value.message_dict
    assert not StatusUpdate.objects.exists()


def test_complete_without_a_figure_means_100(councillor, commitment):
    update = record(
        councillor, commitment, level=Level.COMPLETE, progress=None, evidence_link="https://t.ma/a"
    )
    assert update.progress_after == 100


def test_complete_needs_every_milestone_ticked(councillor, commitment):
    MilestoneFactory(commitment=commitment)
    with pytest.raises(ValidationError) as exc:
        record(
            councillor,
            commitment,
            level=Level.COMPLETE,
            progress=None,
            evidence_link="https://t.ma/a",
        )
    assert "level" in exc.value.message_dict


def test_bidi_overrides_are_dropped_from_notes(councillor, commitment):
    update = record(councillor, commitment, note="تقدم \u202eمهم\u202c في الأشغال")
    assert "\u202e" not in update.note and "مهم" in update.note


def test_a_link_and_a_file_are_both_kept_and_shown(client, councillor, commitment, pdf_upload):
    update = record(
        councillor,
        commitment,
        level=Level.SUBSTANTIAL,
        progress=50,
        evidence_file=pdf_upload,
        evidence_link="https://tata.ma/pv",
    )
    html = client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    assert f"/ar/evidence/{update.pk}/" in html and "https://tata.ma/pv" in html


@pytest.mark.django_db(transaction=True)
def test_two_ticks_at_once_give_one_entry(require_postgres, councillor, commitment):
    from recommendations.services.milestones import milestone_mark_done

    milestone = MilestoneFactory(commitment=commitment)
    link = "https://example.org/pv.pdf"  # the tick completes the commitment: evidence with it

    def tick():
        return milestone_mark_done(user=councillor, milestone_id=milestone.pk, evidence_link=link)

    results = run_together(tick, tick)
    assert sorted(type(r).__name__ for r in results) == ["StatusUpdate", "ValidationError"]
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1
    assert Commitment.objects.get(pk=commitment.pk).version == 2


@pytest.mark.django_db(transaction=True)
def test_two_updates_at_once_on_sqlite_give_a_conflict_not_an_error(
    councillor, commitment, tmp_path
):
    """`make run` uses SQLite: concurrent writers wait for the lock and lose cleanly."""
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant is test_two_councillors_at_once_one_wins")
    results = run_together(*(lambda n=n: record(councillor, commitment, note=n) for n in "أب"))
    names = sorted(type(r).__name__ for r in results)
    assert names == ["CommitmentVersionConflict", "StatusUpdate"], results
