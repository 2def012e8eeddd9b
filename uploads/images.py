"""Photos checked by their pixels and kept without their metadata (GPS position, device, time)."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# A phone photo is ~12-50 megapixels; far beyond that is a decompression bomb, not a photo.
MAX_IMAGE_PIXELS = 80_000_000
# Phones often write multi-picture JPEGs (MPO: the photo plus a depth map or preview); the first
# frame is the photo, kept as a plain JPEG.
IMAGE_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def looks_like_image(data: bytes) -> bool:
    return data.startswith(IMAGE_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def image_without_metadata(data: bytes) -> tuple[bytes, str]:
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
                    code="upload_pixels",
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
            _("This file is not a valid PDF, JPEG, PNG or WebP file."), code="upload_type"
        ) from exc
    return out.getvalue(), IMAGE_FORMATS[image_format]
