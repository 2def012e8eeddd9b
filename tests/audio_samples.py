"""Small recordings in the formats phones produce, built byte by byte for the tests."""

import io
import struct
import wave


def wav(seconds: float = 2.0, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(seconds * rate))
    return out.getvalue()


def _amr_frame(kind: int, size: int) -> bytes:
    # Its header byte is 0TTTTQ00: the frame's type, and Q set for a good frame.
    return bytes([kind << 3 | 0x04]) + b"\x00" * size


def amr(seconds: float = 2.0, *, wideband: bool = False, pause: float = 0.0) -> bytes:
    """AMR as phones record it: one frame every 20 ms after the file's header. Narrowband speech
    at 12.2 kbit/s is type 7 (31 bytes), wideband at 12.65 kbit/s type 2 (32 bytes). The last
    `pause` seconds are silence as discontinuous transmission writes it: a comfort-noise frame
    (type 8 narrowband, 9 wideband; 5 bytes) every eighth frame, "no data" (type 15) between."""
    magic, speech, comfort = (b"#!AMR-WB\n", (2, 32), 9) if wideband else (b"#!AMR\n", (7, 31), 8)
    quiet = round(pause / 0.02)
    spoken = _amr_frame(*speech) * (round(seconds / 0.02) - quiet)
    silence = (_amr_frame(comfort, 5) if i % 8 == 0 else _amr_frame(15, 0) for i in range(quiet))
    return magic + spoken + b"".join(silence)


def _ebml(element: int, body: bytes, *, size_length: int = 8, unknown: bool = False) -> bytes:
    """An EBML element: its ID, its body's size in `size_length` bytes (more if the size needs
    them; all ones when `unknown`, as a recorder writes before it knows), then the body."""
    length = size_length
    while len(body) >= (1 << 7 * length) - 1:  # all ones is kept for "unknown"
        length += 1
    size = (1 << 7 * length + 1) - 1 if unknown else len(body) | 1 << 7 * length
    ident = element.to_bytes((element.bit_length() + 7) // 8, "big")
    return ident + size.to_bytes(length, "big") + body


def webm(
    seconds: float = 2.0,
    *,
    declared: bool = True,
    duration_bytes: int = 8,
    timecode_scale: bool = True,
    size_length: int = 8,
    cluster_times: bool = True,
    cluster_lead: int = 0,
    browser: bool = False,
) -> bytes:
    """A WebM audio file: a block per 20 ms Opus frame, the last starting 20 ms before the end,
    in clusters of 10 s. A recording still being written has no declared duration, only blocks.

    duration_bytes: the duration as an 8- or 4-byte float (libwebm writes 4).
    timecode_scale: written, or left to its default of a millisecond.
    size_length: the bytes each element's size takes (1 to 8), more where the size needs them.
    cluster_times: each cluster's time written, or left out (the blocks then count from 0).
    cluster_lead: each cluster's time that many ms after its first block, whose offset is then
        negative (as when a cluster starts at a video keyframe).
    browser: as MediaRecorder writes while recording: the segment and clusters of unknown size,
        the muxing and writing application named, no duration.
    """

    def element(ident: int, body: bytes, *, unknown: bool = False) -> bytes:
        return _ebml(ident, body, size_length=size_length, unknown=unknown)

    declared = declared and not browser
    info = element(0x2AD7B1, (1_000_000).to_bytes(3, "big")) if timecode_scale else b""
    if declared:
        info += element(
            0x4489, struct.pack(">d" if duration_bytes == 8 else ">f", round(seconds * 1000))
        )
    if browser:
        info += element(0x4D80, b"Chrome") + element(0x5741, b"Chrome")
    opus = element(0xD7, b"\x01") + element(0x83, b"\x02") + element(0x86, b"A_OPUS")
    tracks = element(0x1654AE6B, element(0xAE, opus))
    clusters = b""
    frames = range(0, round(seconds * 1000), 20)
    for start in range(0, len(frames), 500):
        times = frames[start : start + 500]
        at = times[0] + cluster_lead if cluster_times else 0
        blocks = b"".join(
            # Track 1, the time from the cluster's, a keyframe, the Opus frame.
            element(0xA3, b"\x81" + struct.pack(">h", t - at) + b"\x80" + b"\x00" * 20)
            for t in times
        )
        time = element(0xE7, at.to_bytes(4, "big")) if cluster_times else b""
        clusters += element(0x1F43B675, time + blocks, unknown=browser)
    header = element(0x1A45DFA3, element(0x4282, b"webm"))
    segment = element(0x1549A966, info) + tracks + clusters
    return header + element(0x18538067, segment, unknown=browser)


def mp3(seconds: float = 2.0) -> bytes:
    """MPEG-1 Layer III frames at 32 kbit/s and 32 kHz, mono: 144 bytes, 36 ms each."""
    header = bytes([0xFF, 0xFB, 0x18, 0xC4])  # MPEG-1 L3, 32 kbit/s, 32 kHz, mono
    frame = header + b"\x00" * (144 * 32000 // 32000 - 4)
    return frame * int(seconds / 0.036)


def ogg_opus(seconds: float = 2.0) -> bytes:
    """An Ogg Opus stream (what Android's recorder and WhatsApp produce): its length is the
    last page's granule position at 48 kHz."""
    from mutagen.ogg import OggPage

    def page(packets, sequence, granule, *, first=False, last=False):
        p = OggPage()
        p.serial, p.sequence, p.position, p.packets = 1, sequence, granule, packets
        p.first, p.last = first, last
        return p.write()

    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", 312, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    audio = [b"\xf8\xff\xfe"] * 10  # a few silent 20 ms frames; the granule says how long
    return (
        page([head], 0, 0, first=True)
        + page([tags], 1, 0)
        + page(audio, 2, 312 + int(seconds * 48000), last=True)
    )


def _atom(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def m4a(seconds: float = 2.0) -> bytes:
    """An AAC recording in an MP4 box tree (iPhone's Voice Memos): the audio track's media
    header holds its time scale and duration."""
    scale = 44100
    mvhd = _atom(b"mvhd", b"\x00" * 4 + struct.pack(">IIII", 0, 0, scale, int(seconds * scale)))
    mdhd = _atom(
        b"mdhd", b"\x00" * 4 + struct.pack(">IIIIHH", 0, 0, scale, int(seconds * scale), 0, 0)
    )
    hdlr = _atom(b"hdlr", b"\x00" * 4 + b"\x00" * 4 + b"soun" + b"\x00" * 12 + b"\x00")
    mdia = _atom(b"mdia", mdhd + hdlr)
    trak = _atom(b"trak", mdia)
    moov = _atom(b"moov", mvhd + trak)
    ftyp = _atom(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom")
    return ftyp + moov + _atom(b"mdat", b"\x00" * 64)


def flac(seconds: float = 2.0, rate: int = 16000) -> bytes:
    """A FLAC header that mutagen reads (a format phones do not record, and not accepted)."""
    # STREAMINFO: block sizes (16 bits each), frame sizes (24 bits each), then the sample rate
    # (20 bits), channels - 1 (3), bits per sample - 1 (5) and the number of samples (36).
    packed = (rate << 44) | (15 << 36) | int(seconds * rate)
    info = struct.pack(">HH", 4096, 4096) + bytes(6) + packed.to_bytes(8, "big") + bytes(16)
    return b"fLaC" + bytes([0x80, 0, 0, len(info)]) + info
