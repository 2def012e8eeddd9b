"""Photos checked by their pixels and kept without their metadata (GPS position, device, time)."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Memory is the budget, judged from the header before any pixel is decoded: a 231 KB PNG can
# declare 8,900 x 8,900 pixels and take 670 MB to open. JPEG (what phones send) is decoded at a
# reduced scale by libjpeg itself (draft), so a 50-megapixel photo costs what a 12-megapixel one
# does; PNG and WebP cannot be, and must fit the budget as they are.
DECODE_BUDGET_BYTES = 64 * 1024 * 1024
MAX_JPEG_PIXELS = 60_000_000
KEPT_LONG_SIDE = 4096  # evidence is read on screens and paper: no need for more
# Phones often write multi-picture JPEGs (MPO: the photo plus a depth map or preview); the first
# frame is the photo, kept as a plain JPEG.
IMAGE_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS  # Pillow's own guard, for any other caller


def looks_like_image(data: bytes) -> bool:
    return data.startswith(IMAGE_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def not_an_image() -> ValidationError:
    """The refusal of a file that is none of the accepted kinds (here and in uploads.checks)."""
    return ValidationError(
        _("This file is not a valid PDF, JPEG, PNG or WebP file."), code="upload_type"
    )


def _too_large(megapixels: int) -> ValidationError:
    return ValidationError(
        _("The picture is too large: at most %(mp)s megapixels."),
        code="upload_pixels",
        params={"mp": megapixels},
    )


def _decoded_bytes(image: Image.Image) -> int:
    width, height = image.size
    return width * height * max(len(image.getbands()), 3)


def _open_within_budget(data: bytes) -> Image.Image:
    """The first frame, opened and loaded without exceeding DECODE_BUDGET_BYTES."""
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:  # past twice Pillow's own cap, from the header alone
        raise _too_large(MAX_JPEG_PIXELS // 1_000_000) from None
    if image.format not in IMAGE_FORMATS:
        raise not_an_image()
    width, height = image.size
    if image.format in ("JPEG", "MPO"):
        if width * height > MAX_JPEG_PIXELS:
            raise _too_large(MAX_JPEG_PIXELS // 1_000_000)
        # Decode at 1/2, 1/4 or 1/8 scale when the full picture would not fit.
        scale = 1
        while width * height * 3 // (scale * scale) > DECODE_BUDGET_BYTES and scale < 8:
            scale *= 2
        if scale > 1:
            image.draft("RGB", (width // scale, height // scale))
    elif _decoded_bytes(image) > DECODE_BUDGET_BYTES:
        raise _too_large(DECODE_BUDGET_BYTES // 4 // 1_000_000)
    image.load()
    return image


def image_without_metadata(data: bytes) -> tuple[bytes, str]:
    try:
        with warnings.catch_warnings():
            # Pillow warns near its limit; the budget above is checked instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = _open_within_budget(data)
        with image:
            image_format = image.format
            image.seek(0)
            # Turn the pixels the way the camera meant, since the orientation tag goes with
            # the rest of the metadata (GPS position, device, time).
            image = ImageOps.exif_transpose(image)
            if max(image.size) > KEPT_LONG_SIDE:
                image.thumbnail((KEPT_LONG_SIDE, KEPT_LONG_SIDE))
            # Plain colour (or grey) pixels every phone shows alike: CMYK scans and palettes
            # become RGB, keeping a transparent background (a palette PNG's too). A JPEG never
            # has one, so a JPEG always ends in RGB or L.
            if image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA" if image.has_transparency_data else "RGB")
            save_as = "JPEG" if image_format == "MPO" else image_format
            out = io.BytesIO()
            options = {"quality": 88} if save_as in ("JPEG", "WEBP") else {}
            image.save(out, format=save_as, **options)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise not_an_image() from exc
    return out.getvalue(), IMAGE_FORMATS[image_format]
