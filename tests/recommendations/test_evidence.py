import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.recommendations.conftest import MINIMAL_PDF, png_bytes
from uploads.checks import upload_check


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (16, 12), (10, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = {1: "N", 2: (29.0, 44.0, 30.0), 3: "W", 4: (7.0, 58.0, 12.0)}  # Tata
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_real_pdf_is_accepted():
    checked = upload_check(SimpleUploadedFile("pv.pdf", MINIMAL_PDF))
    assert checked.kind == "pdf"
    assert checked.content.read() == MINIMAL_PDF


def test_real_png_is_accepted_under_a_random_name():
    checked = upload_check(SimpleUploadedFile("my-house.png", png_bytes()))
    assert checked.kind == "image"
    assert checked.content.name.endswith(".png") and "house" not in checked.content.name
    assert Image.open(checked.content).format == "PNG"


def test_jpeg_with_gps_is_stored_without_it():
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the fixture really has GPS
    checked = upload_check(SimpleUploadedFile("IMG_0001.jpg", data))
    stored = Image.open(checked.content)
    assert stored.format == "JPEG"
    exif = stored.getexif()
    assert not exif.get_ifd(0x8825) and 0x010F not in exif
    assert b"PhoneMaker" not in checked.content.read()


@pytest.mark.parametrize(
    "payload",
    [
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100,  # an executable named .pdf
        b"MZ\x90\x00" + b"\x00" * 100,  # a Windows executable
        b"<html><script>alert(1)</script></html>",
        b"\x89PNG\r\n\x1a\n" + b"garbage" * 10,  # a PNG header and nothing valid behind it
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(payload):
    with pytest.raises(ValidationError):
        upload_check(SimpleUploadedFile("evidence.pdf", payload))


def test_size_limit(settings):
    settings.EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as exc:
        upload_check(SimpleUploadedFile("a.pdf", MINIMAL_PDF))
    assert exc.value.code == "too_big"


def test_a_small_file_declaring_a_huge_picture_is_refused():
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, "PNG")  # ~20 KB on disk, 144 megapixels
    with pytest.raises(ValidationError) as exc:
        upload_check(SimpleUploadedFile("big.png", out.getvalue()))
    assert exc.value.code == "upload_pixels"


def test_a_multi_picture_jpeg_from_a_phone_is_kept_as_a_jpeg():
    frames = [Image.new("RGB", (20, 10), c) for c in ((200, 0, 0), (0, 0, 200))]
    out = io.BytesIO()
    frames[0].save(out, "MPO", save_all=True, append_images=frames[1:])
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"
    checked = upload_check(SimpleUploadedFile("IMG.jpg", out.getvalue()))
    stored = Image.open(checked.content)
    assert stored.format == "JPEG" and stored.size == (20, 10)
