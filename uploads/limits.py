"""Reading an upload within a size limit, before anything judges its content."""

from django.core.exceptions import ValidationError


def upload_bytes(uploaded, *, limit: int, too_big) -> bytes:
    """The upload's bytes; `too_big` (a message with %(max)s in MB) when it exceeds `limit`.
    At most limit + 1 bytes are read, whatever size the client declared."""
    if uploaded.size > limit:
        raise ValidationError(too_big, code="too_big", params={"max": limit // (1024 * 1024)})
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    if len(data) > limit:
        raise ValidationError(too_big, code="too_big", params={"max": limit // (1024 * 1024)})
    return data
