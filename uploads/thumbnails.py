"""Small pictures of photo evidence for timelines: made once from the stored (already cleaned)
photo, on first request, and kept beside it. A new picture carries no metadata."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

THUMBNAIL_BOX = (320, 240)  # twice the size shown, for sharp phone screens


def thumbnail_name(original: str) -> str:
    folder, _sep, base = original.rpartition("/")
    return f"{folder}/thumbs/{base.rsplit('.', 1)[0]}.webp"


def thumbnail_of(field_file) -> str:
    """The stored thumbnail's name, made now if it does not exist yet."""
    storage, name = field_file.storage, thumbnail_name(field_file.name)
    if storage.exists(name):
        return name
    with field_file.open("rb") as original, Image.open(original) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail(THUMBNAIL_BOX)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "WEBP", quality=70)
    if storage.exists(name):  # made meanwhile by another request
        return name
    return storage.save(name, ContentFile(out.getvalue()))
