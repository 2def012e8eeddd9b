from django.http import FileResponse, Http404

from .audio import CONTENT_TYPES as AUDIO_TYPES

# Uploads are stored under names whose extension was set from their checked content.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    **AUDIO_TYPES,
}


def checked_file_response(field_file) -> FileResponse:
    """Serve an upload so that no browser runs or renders it as anything but what it is."""
    extension = field_file.name.rsplit(".", 1)[-1].lower()
    content_type = CONTENT_TYPES.get(extension)
    if content_type is None:
        raise Http404
    response = FileResponse(
        field_file.open("rb"),
        content_type=content_type,
        filename=field_file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"
    )
    return response
