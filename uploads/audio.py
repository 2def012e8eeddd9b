"""Voice messages checked by their content: the formats phones record (Opus or Vorbis in Ogg,
AAC in MP4/M4A, AMR, MP3, WebM, WAV), at most three minutes and 5 MB, kept under a random name.

Mutagen reads most of them; AMR (a 20 ms frame after a header) and WebM (an EBML tree, whose
duration phones often leave out while recording) are read here, as far as their length needs.
"""

import io
import struct
import uuid
from dataclasses import dataclass

import mutagen
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from .limits import upload_bytes

# Extension and content type by what mutagen recognised.
MUTAGEN_FORMATS = {
    OggOpus: ("ogg", "audio/ogg"),
    OggVorbis: ("ogg", "audio/ogg"),
    MP4: ("m4a", "audio/mp4"),
    MP3: ("mp3", "audio/mpeg"),
    WAVE: ("wav", "audio/wav"),
}
CONTENT_TYPES = {ext: ctype for ext, ctype in MUTAGEN_FORMATS.values()} | {
    "amr": "audio/amr",
    "webm": "audio/webm",
}
# AMR-NB and AMR-WB frame sizes in bytes by frame type (the speech frame, without its header).
AMR_NB_SIZES = [12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0]
AMR_WB_SIZES = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0]
AMR_NB_TYPES = {*range(9), 15}
AMR_WB_TYPES = {*range(10), 14, 15}


@dataclass(frozen=True)
class CheckedAudio:
    """The recording under a random name, and its length in whole seconds. The type it is
    served as goes with its extension (uploads.serving)."""

    content: ContentFile
    seconds: int


def _not_audio() -> ValidationError:
    return ValidationError(
        _("This file is not a voice recording we can read (Opus, AAC, AMR, MP3, WebM or WAV)."),
        code="audio_type",
    )


def _amr_seconds(data: bytes) -> float:
    wideband = data.startswith(b"#!AMR-WB\n")
    position, sizes = (9, AMR_WB_SIZES) if wideband else (6, AMR_NB_SIZES)
    frames = 0
    while position < len(data):
        header = data[position]
        # A stored frame's header is 0TTTTQ00: the first and the last two bits are always zero.
        # Speech and comfort-noise types, "speech lost" (wideband) and "no data" exist; the
        # others are reserved. Anything else is not AMR.
        frame_type = (header >> 3) & 0x0F
        if header & 0x83 or frame_type not in (AMR_WB_TYPES if wideband else AMR_NB_TYPES):
            raise _not_audio()
        position += 1 + sizes[frame_type]
        frames += 1
    if position != len(data) or not frames:
        raise _not_audio()
    return frames * 0.02


def _vint(data: bytes, position: int, *, keep_marker: bool) -> tuple[int, int]:
    first = data[position]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8:
        raise _not_audio()
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[position + 1 : position + length]:
        value = (value << 8) | byte
    return value, position + length


SEGMENT, CLUSTER, INFO = 0x18538067, 0x1F43B675, 0x1549A966
TIMECODE_SCALE, DURATION, CLUSTER_TIME, SIMPLE_BLOCK, BLOCK_GROUP, BLOCK = (
    0x2AD7B1,
    0x4489,
    0xE7,
    0xA3,
    0xA0,
    0xA1,
)


def _webm_seconds(data: bytes) -> float:
    """The declared duration, else the time of the last block (phones record without one)."""
    scale, duration, cluster_time, last = 1_000_000, None, 0, 0
    position = 0
    while position < len(data):
        element, position = _vint(data, position, keep_marker=True)
        size, position = _vint(data, position, keep_marker=False)
        # An unknown size (a recording still being written) runs to the end of the file.
        end = min(position + size, len(data))
        if element in (SEGMENT, CLUSTER, INFO, BLOCK_GROUP):
            continue  # a container: read on into its children
        body = data[position:end]
        if element == TIMECODE_SCALE:
            scale = int.from_bytes(body, "big")
        elif element == DURATION:
            # As declared: a double cut after four bytes is a truncated file, not a float.
            duration = struct.unpack(">f" if size == 4 else ">d", body)[0]
        elif element == CLUSTER_TIME:
            cluster_time = int.from_bytes(body, "big")
        elif element in (SIMPLE_BLOCK, BLOCK) and len(body) > 3:
            _track, offset = _vint(body, 0, keep_marker=False)
            relative = struct.unpack(">h", body[offset : offset + 2])[0]
            last = max(last, cluster_time + relative)
        position = end
    ticks = duration if duration is not None else last
    return ticks * scale / 1e9


def _read(data: bytes) -> tuple[float, str]:
    """(seconds, extension) of a recording, judged by its bytes."""
    if data.startswith(b"#!AMR"):
        return _amr_seconds(data), "amr"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" not in data[:64]:
            raise _not_audio()
        return _webm_seconds(data), "webm"
    try:
        parsed = mutagen.File(io.BytesIO(data))
    except mutagen.MutagenError:
        parsed = None
    if parsed is None or type(parsed) not in MUTAGEN_FORMATS or not parsed.info.length:
        raise _not_audio()
    return parsed.info.length, MUTAGEN_FORMATS[type(parsed)][0]


def audio_check(uploaded) -> CheckedAudio:
    data = upload_bytes(
        uploaded,
        limit=settings.VOICE_MAX_BYTES,
        too_big=_("The recording is too big: at most %(max)s MB."),
    )
    try:
        seconds, extension = _read(data)
    except (IndexError, struct.error, ValueError) as exc:  # a truncated or forged file
        raise _not_audio() from exc
    if seconds > settings.VOICE_MAX_SECONDS:
        raise ValidationError(
            _("The recording is too long: at most %(minutes)s minutes."),
            code="audio_length",
            params={"minutes": settings.VOICE_MAX_SECONDS // 60},
        )
    if seconds <= 0:
        raise _not_audio()
    name = f"{uuid.uuid4().hex}.{extension}"
    return CheckedAudio(ContentFile(data, name=name), round(seconds))
