"""Every refused upload tells the person, in their language, what is wrong and what to send
instead, with the error's code for the form (as the size and pixel refusals do)."""

import io
import struct
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from tests import audio_samples, pdf_samples
from tests.pdf_samples import pdf_with_javascript
from tests.recommendations.conftest import png_bytes
from uploads.audio import audio_check
from uploads.checks import PDF, upload_check

EXECUTABLE = b"MZ\x90\x00" + b"\x00" * 100


def refusal(data: bytes, language: str, **kwargs) -> ValidationError:
    with translation.override(language), pytest.raises(ValidationError) as caught:
        upload_check(SimpleUploadedFile("file.pdf", data), **kwargs)
    with translation.override(language):
        return caught.value.code, caught.value.messages


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "هذا الملف ليس ملف PDF أو JPEG أو PNG أو WebP صالحا."),
        ("fr", "Ce fichier n'est pas un fichier PDF, JPEG, PNG ou WebP valide."),
    ],
    ids=["ar", "fr"],
)
def test_a_file_that_is_not_evidence_is_named_for_what_is_accepted(language, message):
    assert refusal(EXECUTABLE, language) == ("upload_type", [message])
    broken_png = b"\x89PNG\r\n\x1a\n" + b"garbage" * 10
    assert refusal(broken_png, language) == ("upload_type", [message])


@pytest.mark.parametrize(
    ("language", "message"),
    [("ar", "يجب أن يكون الملف بصيغة PDF."), ("fr", "Le fichier doit être un PDF.")],
    ids=["ar", "fr"],
)
def test_minutes_must_be_a_pdf_and_a_photo_is_told_so(language, message):
    assert refusal(png_bytes(), language, kinds=(PDF,)) == ("upload_type", [message])
    assert refusal(EXECUTABLE, language, kinds=(PDF,)) == ("upload_type", [message])


def test_a_huge_picture_is_refused_naming_the_limit_in_megapixels():
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, "PNG")
    code, messages = refusal(out.getvalue(), "ar")
    assert code == "upload_pixels"
    assert messages == ["أبعاد الصورة كبيرة جدا: الحد الأقصى 60 ميغابكسل."]


def test_a_pdf_with_a_script_is_refused_saying_how_to_send_it_plainly():
    code, messages = refusal(pdf_with_javascript(), "ar")
    assert messages == [
        "لا يمكن قبول ملف PDF هذا: إما أنه تالف، أو يحتوي على برامج نصية أو إجراءات أو ملفات "
        "مرفقة. احفظوه من جديد كملف PDF عادي (الطباعة إلى PDF) ثم أرسلوه."
    ]
    assert code == "pdf_active"


@pytest.mark.parametrize(
    "make",
    [
        pdf_samples.pdf_with_a_script_behind_a_shared_object,
        pdf_samples.encrypted_pdf,
        pdf_samples.pdf_with_a_broken_index,
    ],
    ids=["script-behind-a-shared-object", "encrypted", "broken-index"],
)
def test_pdfs_that_hide_or_cannot_show_their_content_are_refused(make):
    code, _messages = refusal(make(), "fr")
    assert code == "pdf_active"


def test_a_pdf_made_of_more_objects_than_any_document_is_refused(monkeypatch):
    monkeypatch.setattr("uploads.pdfs.MAX_OBJECTS", 100)
    upload_check(SimpleUploadedFile("ok.pdf", pdf_samples.pdf_of_many_objects(10)))
    code, _messages = refusal(pdf_samples.pdf_of_many_objects(200), "fr")
    assert code == "pdf_active"


def photo(size, kind="JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, kind)
    return out.getvalue()


@pytest.mark.parametrize(
    ("budget", "kept"),
    [
        (10_000_000, (2000, 1500)),  # fits: kept whole
        (4_000_000, (1000, 750)),  # 9 MB decoded: read at half size
        (1_000_000, (500, 375)),  # a quarter
        (100_000, (250, 188)),  # never below an eighth
    ],
)
def test_a_large_phone_photo_is_read_small_enough_to_fit_the_memory_budget(
    monkeypatch, budget, kept
):
    monkeypatch.setattr("uploads.images.DECODE_BUDGET_BYTES", budget)
    checked = upload_check(SimpleUploadedFile("photo.jpg", photo((2000, 1500))))
    assert Image.open(checked.content).size == kept


def test_a_png_too_big_to_decode_is_refused_naming_the_limit(monkeypatch):
    monkeypatch.setattr("uploads.images.DECODE_BUDGET_BYTES", 8_000_000)
    code, messages = refusal(photo((2000, 1500), "PNG"), "fr")
    assert code == "upload_pixels"
    assert messages == ["L'image est trop grande : 2 mégapixels au maximum."]
    upload_check(SimpleUploadedFile("small.png", photo((1000, 500), "PNG")))


def test_a_png_is_budgeted_at_three_bytes_a_pixel(monkeypatch):
    """A 1000 × 1000 colour PNG decodes to 3 MB: accepted under a 3.5 MB budget."""
    monkeypatch.setattr("uploads.images.DECODE_BUDGET_BYTES", 3_500_000)
    checked = upload_check(SimpleUploadedFile("square.png", photo((1000, 1000), "PNG")))
    assert Image.open(checked.content).size == (1000, 1000)


def test_a_picture_of_another_kind_is_told_what_is_accepted():
    code, messages = refusal(photo((40, 30), "GIF"), "ar")
    assert (code, messages) == (
        "upload_type",
        ["هذا الملف ليس ملف PDF أو JPEG أو PNG أو WebP صالحا."],
    )


MB = 1024 * 1024


def test_a_file_of_exactly_the_limit_is_read_whole_and_left_at_its_start():
    from uploads.limits import upload_bytes

    uploaded = SimpleUploadedFile("a.bin", b"x" * (2 * MB))
    data = upload_bytes(uploaded, limit=2 * MB, too_big="too big")
    assert len(data) == 2 * MB
    assert uploaded.tell() == 0  # whoever stores it next reads it from the start


def test_an_upload_lying_about_its_size_is_read_only_one_byte_past_the_limit():
    """A client that declares 1 KB and sends 16 MB costs the server 2 MB + 1 byte of memory."""
    from uploads.limits import upload_bytes

    sizes_read = []

    class Counted(io.BytesIO):
        def read(self, *args):
            data = super().read(*args)
            sizes_read.append(len(data))
            return data

    uploaded = SimpleUploadedFile("big.pdf", b"")
    uploaded.file, uploaded.size = Counted(b"x" * (16 * MB)), 1024
    with pytest.raises(ValidationError):
        upload_bytes(uploaded, limit=2 * MB, too_big="too big")
    assert sum(sizes_read) == 2 * MB + 1


@pytest.mark.parametrize("declared", ["honestly", "as smaller than it is"])
def test_one_byte_over_the_limit_is_refused_naming_the_limit_in_mb(settings, declared):
    settings.EVIDENCE_MAX_BYTES = 2 * MB
    uploaded = SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * (2 * MB - 4))
    if declared != "honestly":
        uploaded.size = 1000
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        upload_check(uploaded)
    with translation.override("fr"):
        assert caught.value.messages == ["Le fichier est trop volumineux : 2 Mo au maximum."]
    assert caught.value.code == "too_big"


def test_a_multi_picture_phone_photo_is_read_small_too(monkeypatch):
    monkeypatch.setattr("uploads.images.DECODE_BUDGET_BYTES", 1_000_000)
    frames = [Image.new("RGB", (2000, 1500), c) for c in ((200, 0, 0), (0, 0, 200))]
    out = io.BytesIO()
    frames[0].save(out, "MPO", save_all=True, append_images=frames[1:])
    checked = upload_check(SimpleUploadedFile("IMG_0002.jpg", out.getvalue()))
    assert Image.open(checked.content).size == (500, 375)


def test_a_jpeg_of_too_many_pixels_is_refused_naming_the_limit(monkeypatch):
    monkeypatch.setattr("uploads.images.MAX_JPEG_PIXELS", 2_000_000)
    code, messages = refusal(photo((2000, 1500)), "fr")
    assert (code, messages) == (
        "upload_pixels",
        ["L'image est trop grande : 2 mégapixels au maximum."],
    )


def test_a_jpeg_of_exactly_the_pixel_limit_is_accepted(monkeypatch):
    monkeypatch.setattr("uploads.images.MAX_JPEG_PIXELS", 2000 * 1500)
    checked = upload_check(SimpleUploadedFile("photo.jpg", photo((2000, 1500))))
    assert Image.open(checked.content).size == (2000, 1500)
    code, _messages = refusal(photo((2000, 1501)), "fr")
    assert code == "upload_pixels"


def test_a_wide_picture_is_kept_at_4096_on_its_long_side():
    """A panorama within the memory budget, but wider than any screen or page needs."""
    checked = upload_check(SimpleUploadedFile("panorama.png", photo((6000, 900), "PNG")))
    with Image.open(checked.content) as kept:
        assert kept.size == (4096, 614)


def test_a_printers_cmyk_jpeg_is_kept_in_rgb_so_every_phone_shows_its_colours():
    out = io.BytesIO()
    Image.new("CMYK", (400, 300), (0, 200, 200, 0)).save(out, "JPEG")
    checked = upload_check(SimpleUploadedFile("scan.jpg", out.getvalue()))
    with Image.open(checked.content) as kept:
        assert kept.mode == "RGB" and kept.format == "JPEG"
        red, green, blue = kept.getpixel((200, 150))
        assert red > 200 and green < 90 and blue < 90  # the red the printer meant


def test_a_palette_png_is_kept_as_a_plain_colour_picture():
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 90, 200)).convert("P").save(out, "PNG")
    checked = upload_check(SimpleUploadedFile("chart.png", out.getvalue()))
    with Image.open(checked.content) as kept:
        assert kept.mode == "RGB"


def test_a_webp_photo_is_accepted_and_kept_as_webp():
    """What some Android phones send."""
    checked = upload_check(SimpleUploadedFile("IMG_0003.webp", photo((640, 480), "WEBP")))
    assert checked.content.name.endswith(".webp")
    with Image.open(checked.content) as kept:
        assert (kept.format, kept.size) == ("WEBP", (640, 480))


def test_a_png_of_exactly_the_memory_budget_is_accepted(monkeypatch):
    monkeypatch.setattr("uploads.images.DECODE_BUDGET_BYTES", 1000 * 1000 * 3)
    checked = upload_check(SimpleUploadedFile("square.png", photo((1000, 1000), "PNG")))
    assert Image.open(checked.content).size == (1000, 1000)


def test_a_transparent_png_keeps_its_transparent_background():
    """A logo or a screenshot cut out: made opaque, its background would turn black."""
    logo = Image.new("RGBA", (300, 200), (200, 30, 30, 255))
    logo.putpixel((0, 0), (0, 0, 0, 0))
    out = io.BytesIO()
    logo.save(out, "PNG")
    checked = upload_check(SimpleUploadedFile("logo.png", out.getvalue()))
    with Image.open(checked.content) as kept:
        assert kept.convert("RGBA").getpixel((0, 0))[3] == 0
        assert kept.convert("RGBA").getpixel((150, 100)) == (200, 30, 30, 255)


def test_a_transparent_palette_png_keeps_its_transparent_background():
    chart = Image.new("RGB", (300, 200), (20, 90, 200)).convert("P")
    chart.putpixel((0, 0), 0)
    out = io.BytesIO()
    chart.save(out, "PNG", transparency=0)
    checked = upload_check(SimpleUploadedFile("chart.png", out.getvalue()))
    with Image.open(checked.content) as kept:
        assert kept.mode == "RGBA"
        assert kept.getpixel((0, 0))[3] == 0
        assert kept.getpixel((150, 100))[3] == 255


def _saved(image: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "MPO"])
def test_a_photo_is_kept_at_quality_88_fine_enough_to_read_a_sign(kind):
    """Quality 88, not Pillow's 75: the JPEG's quantisation tables say which was used."""
    picture = Image.effect_noise((320, 240), 60).convert("RGB")
    # A phone's MPO: the photo and a second picture (a depth map or a preview).
    extra = {"save_all": True, "append_images": [picture.resize((80, 60))]} if kind == "MPO" else {}
    sent = _saved(picture, kind, **extra)
    assert Image.open(io.BytesIO(sent)).format == kind
    checked = upload_check(SimpleUploadedFile("IMG.jpg", sent))
    reference = Image.open(io.BytesIO(_saved(picture, "JPEG", quality=88)))
    with Image.open(checked.content) as kept:
        assert kept.format == "JPEG"
        assert kept.quantization == reference.quantization


def test_a_webp_photo_is_kept_at_quality_88():
    sent = _saved(Image.effect_noise((320, 240), 60).convert("RGB"), "WEBP")
    checked = upload_check(SimpleUploadedFile("IMG.webp", sent))
    expected = _saved(Image.open(io.BytesIO(sent)), "WEBP", quality=88)
    assert checked.content.read() == expected


def voice_refusal(data: bytes, language: str) -> tuple[str, list[str]]:
    with translation.override(language), pytest.raises(ValidationError) as caught:
        audio_check(SimpleUploadedFile("voice.m4a", data))
    with translation.override(language):
        return caught.value.code, caught.value.messages


def _webm_cut_inside_its_duration(kept: int) -> bytes:
    recording = audio_samples.webm(2.0)
    return recording[: recording.index(struct.pack(">d", 2000)) + kept]


NOT_A_RECORDING = {
    "ar": "هذا الملف ليس تسجيلا صوتيا يمكننا قراءته (Opus أو AAC أو AMR أو MP3 أو WebM أو WAV).",
    "fr": "Ce fichier n'est pas un enregistrement vocal lisible "
    "(Opus, AAC, AMR, MP3, WebM ou WAV).",
}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize(
    "recording",
    [
        pytest.param(b"#!AMR\n", id="amr-header-alone"),
        # Types 9 to 14 are reserved in narrowband AMR: no phone writes them.
        pytest.param(b"#!AMR\n" + bytes([9 << 3 | 0x04]) * 500, id="amr-frames-of-a-reserved-type"),
        pytest.param(audio_samples.amr(2.0)[:-10], id="amr-cut-inside-a-frame"),
        pytest.param(_webm_cut_inside_its_duration(3), id="webm-cut-inside-its-duration"),
        # Four bytes of an eight-byte duration are not a four-byte one.
        pytest.param(_webm_cut_inside_its_duration(4), id="webm-cut-halfway-its-duration"),
        pytest.param(audio_samples.webm(0.0, declared=False), id="webm-stopped-before-a-sound"),
        # Read by the library, with a length, but of a kind the portal does not take.
        pytest.param(audio_samples.flac(5.0), id="flac"),
        # No EBML element starts with a zero byte: a damaged copy.
        pytest.param(audio_samples.webm(2.0) + b"\x00" * 16, id="webm-then-zeros"),
    ],
)
def test_a_file_that_only_looks_like_a_recording_is_refused_naming_what_is_read(
    recording, language
):
    assert voice_refusal(recording, language) == ("audio_type", [NOT_A_RECORDING[language]])


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "التسجيل طويل جدا: الحد الأقصى 3 دقائق."),
        ("fr", "L'enregistrement est trop long : 3 minutes au plus."),
    ],
    ids=["ar", "fr"],
)
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(audio_samples.amr, id="amr"),
        pytest.param(partial(audio_samples.amr, wideband=True), id="amr-wideband"),
        pytest.param(audio_samples.webm, id="webm"),
        # libwebm writes the duration as a 4-byte float.
        pytest.param(partial(audio_samples.webm, duration_bytes=4), id="webm-4-byte-duration"),
        # Without a timecode scale, WebM counts in milliseconds.
        pytest.param(partial(audio_samples.webm, timecode_scale=False), id="webm-default-scale"),
    ],
)
def test_three_minutes_are_accepted_and_a_frame_more_refused_in_the_readers_language(
    make, language, message
):
    accepted = audio_check(SimpleUploadedFile("voice.bin", make(180.0)))
    assert accepted.seconds == 180
    assert voice_refusal(make(180.02), language) == ("audio_length", [message])
