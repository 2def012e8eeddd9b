import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import (
    AdminFactory,
    CommitmentFactory,
    CouncilFactory,
    CouncillorFactory,
    StaffFactory,
    UserFactory,
)
from tests.pdf_samples import plain_pdf


@pytest.fixture
def council(db):
    return CouncilFactory()


@pytest.fixture
def commitment(council):
    return CommitmentFactory(body=council)


@pytest.fixture
def councillor(council):
    return CouncillorFactory(body=council)


@pytest.fixture
def other_councillor(db):
    return CouncillorFactory()  # sits on another commune's council


@pytest.fixture
def roles(councillor, other_councillor):
    """The grid of people every permission test walks through."""
    return {
        "anonymous": None,
        "resident": UserFactory(),
        "councillor": councillor,
        "other_councillor": other_councillor,
        "staff": StaffFactory(),
        "admin": AdminFactory(),
    }


def png_bytes(size=(8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def png_upload():
    return SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")


MINIMAL_PDF = plain_pdf()


@pytest.fixture
def pdf_upload():
    return SimpleUploadedFile("minutes.pdf", MINIMAL_PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
