"""Checking uploaded files by their content, never by their name or declared type.

Evidence of a status update (a PDF or a photo) and the minutes of a meeting (a PDF) pass here;
what is kept is stored under a random name.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from .images import image_without_metadata, looks_like_image, not_an_image
from .limits import upload_bytes
from .pdfs import pdf_check

PDF, IMAGE = "pdf", "image"


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # PDF or IMAGE
    content: ContentFile


def _random_name(extension: str) -> str:
    # Never the uploader's file name: it may carry personal data and must not be guessable.
    return f"{uuid.uuid4().hex}.{extension}"


def _wrong_type(kinds: tuple[str, ...]) -> ValidationError:
    if kinds == (PDF,):
        return ValidationError(_("The file must be a PDF."), code="upload_type")
    return not_an_image()


def upload_check(uploaded, *, kinds: tuple[str, ...] = (PDF, IMAGE)) -> CheckedUpload:
    """Accept a PDF or an image judged by its bytes, at most EVIDENCE_MAX_BYTES (10 MB)."""
    data = upload_bytes(
        uploaded,
        limit=settings.EVIDENCE_MAX_BYTES,
        too_big=_("The file is too big: at most %(max)s MB."),
    )
    if PDF in kinds and data.startswith(b"%PDF-"):
        pdf_check(data)
        return CheckedUpload(PDF, ContentFile(data, name=_random_name("pdf")))
    if IMAGE not in kinds or not looks_like_image(data):
        raise _wrong_type(kinds)
    stripped, extension = image_without_metadata(data)
    return CheckedUpload(IMAGE, ContentFile(stripped, name=_random_name(extension)))
