"""Evidence you can see: a photo as a small picture made on the server (no metadata, loaded
lazily in a fixed box), a PDF as a card saying what it is and how big."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from recommendations.services.updates import commitment_record_update

pytestmark = pytest.mark.django_db


def phone_photo() -> bytes:
    """A 4000 x 3000 JPEG with a GPS position in its EXIF, as a phone takes it."""
    image = Image.new("RGB", (4000, 3000), (30, 120, 60))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (29.0, 44.0, 0.0)}  # GPSInfo
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=80)
    return out.getvalue()


def post(councillor, commitment, upload):
    return commitment_record_update(
        user=councillor,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level="limited",
        progress=20,
        note="صور الأشغال",
        evidence_file=upload,
    )


def test_a_photo_shows_as_a_lazy_thumbnail_without_metadata(client, commitment, councillor):
    update = post(councillor, commitment, SimpleUploadedFile("IMG_2026.jpg", phone_photo()))
    html = client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    thumb = f"/ar/evidence/{update.pk}/thumbnail/"
    assert f'<a class="evidence-thumb" href="/ar/evidence/{update.pk}/"><img src="{thumb}"' in html
    assert 'loading="lazy"' in html and 'width="160" height="120"' in html
    response = client.get(thumb)
    assert response["Content-Type"] == "image/webp"
    data = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(data)) as small:
        assert small.size == (320, 240)
        assert not small.getexif()
    assert len(data) < 30_000
    # Made once: the second request serves the stored one.
    again = b"".join(client.get(thumb).streaming_content)
    assert again == data


def test_a_pdf_is_a_card_with_its_kind_and_size(client, commitment, councillor, pdf_upload):
    update = post(councillor, commitment, pdf_upload)
    html = client.get(f"/fr/commitments/{commitment.pk}/").content.decode()
    assert f'<a class="file-card" href="/fr/evidence/{update.pk}/">' in html
    assert "Document PDF" in html and "octets" in html
    assert client.get(f"/fr/evidence/{update.pk}/thumbnail/").status_code == 404


def test_a_private_commitments_thumbnail_is_private_too(client, commitment, councillor):
    update = post(councillor, commitment, SimpleUploadedFile("p.jpg", phone_photo()))
    commitment.is_public = False
    commitment.save(update_fields=["is_public"])
    assert client.get(f"/ar/evidence/{update.pk}/thumbnail/").status_code == 404
    client.force_login(councillor)
    assert client.get(f"/ar/evidence/{update.pk}/thumbnail/").status_code == 200
