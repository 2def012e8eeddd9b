"""A voice message instead of, or with, the text: checked by content, kept private, erased."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from consultations.models import Feedback
from consultations.services.feedback import feedback_erase_on_request
from tests import audio_samples
from tests.consultations.conftest import login
from uploads.audio import audio_check

pytestmark = pytest.mark.django_db


def voice_form(commune, recording, *, name="recording.bin", text="", **extra):
    return {
        "commune": commune.pk,
        "kind": "complaint",
        "text": text,
        "name": "",
        "contact": "",
        "website": "",
        "voice": SimpleUploadedFile(name, recording, content_type="application/octet-stream"),
        **extra,
    }


@pytest.mark.parametrize(
    ("make", "extension"),
    [
        (audio_samples.ogg_opus, "ogg"),
        (audio_samples.m4a, "m4a"),
        (audio_samples.amr, "amr"),
        (audio_samples.mp3, "mp3"),
        (audio_samples.webm, "webm"),
        (audio_samples.wav, "wav"),
    ],
)
def test_a_phone_recording_alone_is_enough(client, tata, make, extension):
    response = client.post("/ar/feedback/new/", voice_form(tata, make(12.0)))
    assert response.status_code == 302, response.context["form"].errors
    feedback = Feedback.objects.get()
    assert feedback.text == "" and feedback.voice_seconds == 12
    stored = feedback.voice.name.rsplit("/", 1)[1]
    assert stored.endswith(f".{extension}") and "recording" not in stored
    assert feedback.voice.storage.exists(feedback.voice.name)


def test_a_recording_still_being_written_without_a_declared_length_is_measured(client, tata):
    response = client.post(
        "/ar/feedback/new/", voice_form(tata, audio_samples.webm(30.0, declared=False))
    )
    assert response.status_code == 302
    assert Feedback.objects.get().voice_seconds == 30


def measured(recording: bytes) -> int:
    """The length kept for a recording, in whole seconds (what the inbox shows)."""
    return audio_check(SimpleUploadedFile("voice.bin", recording)).seconds


@pytest.mark.parametrize("pause", [0.0, 4.0], ids=["speech", "with-a-pause"])
@pytest.mark.parametrize("wideband", [False, True], ids=["narrowband", "wideband"])
def test_an_amr_recording_is_measured_narrowband_or_wideband_its_pauses_included(wideband, pause):
    """A phone writes a pause as comfort noise and "no data" frames: 20 ms each, like speech."""
    assert measured(audio_samples.amr(12.0, wideband=wideband, pause=pause)) == 12


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "still-being-written"])
@pytest.mark.parametrize("size_length", range(1, 9))
def test_a_webm_recording_is_measured_whatever_length_its_muxer_gives_each_size(
    size_length, declared
):
    """EBML lets a muxer write an element's size in 1 to 8 bytes; browsers use the shortest."""
    recording = audio_samples.webm(12.0, declared=declared, size_length=size_length)
    assert measured(recording) == 12


@pytest.mark.parametrize("seconds", [12.0, 95.0])
def test_a_browser_recording_of_unknown_size_is_measured_by_its_blocks_alone(seconds):
    """MediaRecorder writes the segment and its clusters before it knows their size, and names
    itself ("Chrome") in the file: the name's letters are no time."""
    assert measured(audio_samples.webm(seconds, browser=True, size_length=1)) == seconds


def test_blocks_stored_just_before_their_clusters_time_are_placed_before_it():
    """A cluster may start at a video keyframe and hold the sound of just before: its blocks'
    offsets are signed."""
    assert measured(audio_samples.webm(12.0, declared=False, cluster_lead=40)) == 12


@override_settings(VOICE_MAX_SECONDS=30)
def test_blocks_of_a_cluster_that_leaves_out_its_time_count_from_the_recordings_start():
    """To the millisecond: at an operator's 30-second limit, a recording whose last frame starts
    at 30 s is accepted."""
    recording = audio_samples.webm(30.02, declared=False, cluster_times=False)
    assert measured(recording) == 30


def test_an_upload_cut_inside_its_last_block_counts_that_block_once_its_header_arrived():
    """A block's header is its track, its time and its flags; its sound follows. Cut after that
    header, the recording's last block starts at 180.02 s: too long. Cut before its flags, that
    block is not there yet and the last one starts at 180 s: accepted."""
    recording = audio_samples.webm(180.04, declared=False)
    sound = 20  # bytes of Opus in each block
    assert measured(recording[: -sound - 1]) == 180  # the last block's flags did not arrive
    with pytest.raises(ValidationError) as caught:
        measured(recording[:-sound])
    assert caught.value.code == "audio_length"


# A half rounds to the even second (Python's round): 13.5 s is kept as 14, as rounding a half up
# would.
@pytest.mark.parametrize(("seconds", "kept"), [(13.4, 13), (13.5, 14), (13.6, 14)])
@pytest.mark.parametrize("make", [audio_samples.amr, audio_samples.webm], ids=["amr", "webm"])
def test_the_length_kept_is_the_nearest_whole_second(make, seconds, kept):
    assert measured(make(seconds)) == kept


@pytest.mark.parametrize("make", [audio_samples.amr, audio_samples.webm], ids=["amr", "webm"])
def test_a_one_second_answer_is_kept(make):
    """A resident may only say "yes" or "naam" into the phone."""
    assert measured(make(1.0)) == 1


def test_the_form_opens_the_phones_recorder_without_javascript(client, reference_data):
    html = client.get("/ar/feedback/new/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and 'accept="audio/*"' in html and "capture" in html


@pytest.mark.parametrize(
    ("recording", "message"),
    [
        (b"%PDF-1.7 not a recording at all", "ليس تسجيلا صوتيا"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "ليس تسجيلا صوتيا"),
        (audio_samples.wav(181, rate=4000), "طويل جدا"),
        (audio_samples.amr(200), "طويل جدا"),
        (b"#!AMR\n\xff\xff\xff", "ليس تسجيلا صوتيا"),  # a header, then garbage
    ],
)
def test_what_is_not_a_short_recording_is_refused_and_the_text_kept(
    client, tata, recording, message
):
    typed = "الماء مقطوع عن الدوار منذ ثلاثة أيام"
    response = client.post(
        "/ar/feedback/new/", voice_form(tata, recording, name="voice.mp3", text=typed)
    )
    assert response.status_code == 400
    # Said beside the recording's field, where the resident looks.
    assert message in " ".join(response.context["form"].errors["voice"])
    html = response.content.decode()
    assert message in html and typed in html
    assert not Feedback.objects.exists()


@override_settings(VOICE_MAX_BYTES=64 * 1024)
def test_a_recording_too_big_is_refused(client, tata):
    response = client.post("/fr/feedback/new/", voice_form(tata, audio_samples.wav(10, 8000)))
    assert response.status_code == 400
    assert "trop lourd" in response.content.decode()


def test_without_text_or_recording_the_form_asks_for_one(client, tata):
    data = voice_form(tata, b"")
    data.pop("voice")
    response = client.post("/ar/feedback/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors.get("text")


@pytest.fixture
def spoken(tata):
    from consultations.services.feedback_submission import feedback_submit

    return feedback_submit(
        commune_id=tata.pk,
        kind="complaint",
        text="",
        voice=SimpleUploadedFile("v.bin", audio_samples.ogg_opus(8.0)),
        contact="0612345678",
        consent_to_contact=True,
    )


@pytest.mark.parametrize(
    ("role", "hears"),
    [
        ("anonymous", False),
        ("resident", False),
        ("other_councillor", False),
        ("councillor", True),
        ("staff", True),
    ],
)
def test_only_the_communes_councillors_and_staff_hear_it(client, roles, spoken, role, hears):
    login(client, roles, role)
    response = client.get(f"/ar/inbox/{spoken.pk}/voice/")
    assert (response.status_code == 200) is hears
    if hears:
        assert response["Content-Type"] == "audio/ogg"
        assert response["X-Content-Type-Options"] == "nosniff"
        page = client.get(f"/ar/inbox/{spoken.pk}/").content.decode()
        assert f'<audio controls preload="none" src="/ar/inbox/{spoken.pk}/voice/"' in page
        assert 'href="tel:+212612345678"' in page


def test_the_recording_is_never_at_a_public_address(client, spoken):
    assert client.get(f"/media/{spoken.voice.name}").status_code == 404
    assert (
        client.get(f"/ar/feedback/{spoken.tracking_code}/")
        .content.decode()
        .count(spoken.voice.name)
        == 0
    )


def test_erasing_on_request_deletes_the_recording(spoken, client, roles):
    storage, name = spoken.voice.storage, spoken.voice.name
    feedback_erase_on_request(tracking_code=spoken.tracking_code)
    assert not storage.exists(name)
    login(client, roles, "staff")
    assert client.get(f"/ar/inbox/{spoken.pk}/voice/").status_code == 404


def test_the_retention_rule_erases_the_recording_too(spoken, staff):
    import datetime

    from django.utils import timezone

    from consultations.services.feedback import (
        feedback_answer,
        feedback_close,
        feedback_erase_expired,
    )

    storage, name = spoken.voice.storage, spoken.voice.name
    feedback_answer(user=staff, feedback_id=spoken.pk, answer="جواب")
    feedback_close(user=staff, feedback_id=spoken.pk)
    Feedback.objects.filter(pk=spoken.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert feedback_erase_expired() == 1
    spoken.refresh_from_db()
    assert not spoken.voice and spoken.voice_seconds is None
    assert not storage.exists(name)
