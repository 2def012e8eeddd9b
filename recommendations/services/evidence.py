"""Checking evidence files by their content, and keeping photos without their metadata."""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# A phone photo is ~12-50 megapixels; far beyond that is a decompression bomb, not a photo.
MAX_IMAGE_PIXELS = 80_000_000
# Phones often write multi-picture JPEGs (MPO: the photo plus a depth map or preview); the first
# frame is the photo, kept as a plain JPEG.
IMAGE_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class CheckedEvidence:
    kind: str  # "pdf" or "image", as StatusUpdate.EvidenceKind
    content: ContentFile


def _random_name(extension: str) -> str:
    # Never the uploader's file name: it may carry personal data and must not be guessable.
    return f"{uuid.uuid4().hex}.{extension}"


def _strip_image(data: bytes) -> tuple[bytes, str]:
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; the size is checked here instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
        with probe:
            # Refuse huge canvases from the header, before any pixel is decoded: a small file
            # can declare a picture that would take gigabytes of memory.
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The picture is too large: at most %(mp)s megapixels."),
                    code="evidence_pixels",
                    params={"mp": MAX_IMAGE_PIXELS // 1_000_000},
                )
            probe.verify()  # a truncated or forged file fails here
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            if image_format not in IMAGE_FORMATS:
                raise ValidationError(_("Only PDF, JPEG, PNG or WebP files are accepted."))
            image.seek(0)
            # Turn the pixels the way the camera meant, since the orientation tag goes with
            # the rest of the metadata (GPS position, device, time).
            image = ImageOps.exif_transpose(image)
            if image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
            save_as = "JPEG" if image_format == "MPO" else image_format
            if save_as == "JPEG" and image.mode in ("RGBA", "LA"):
                image = image.convert("RGB")
            out = io.BytesIO()
            options = {"quality": 88} if save_as in ("JPEG", "WEBP") else {}
            image.save(out, format=save_as, **options)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not a valid PDF, JPEG, PNG or WebP file."), code="evidence_type"
        ) from exc
    return out.getvalue(), IMAGE_FORMATS[image_format]


def evidence_check(uploaded) -> CheckedEvidence:
    """Accept a PDF or an image judged by its bytes, not its name; at most 10 MB."""
    limit = settings.EVIDENCE_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too big: at most %(max)s MB."),
            code="evidence_size",
            params={"max": limit // (1024 * 1024)},
        )
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if data.startswith(b"%PDF-"):
        return CheckedEvidence("pdf", ContentFile(data, name=_random_name("pdf")))
    if not data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) and not (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    ):
        raise ValidationError(
            _("This file is not a valid PDF, JPEG, PNG or WebP file."), code="evidence_type"
        )
    stripped, extension = _strip_image(data)
    return CheckedEvidence("image", ContentFile(stripped, name=_random_name(extension)))
