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


def amr(seconds: float = 2.0) -> bytes:
    """AMR-NB at 12.2 kbit/s: a frame of 31 bytes after its header byte every 20 ms."""
    frame = bytes([7 << 3 | 0x04]) + b"\x00" * 31
    return b"#!AMR\n" + frame * int(seconds / 0.02)


def _ebml(element: int, body: bytes) -> bytes:
    size = len(body) | (1 << 56)  # an 8-byte size
    ident = element.to_bytes((element.bit_length() + 7) // 8, "big")
    return ident + size.to_bytes(8, "big") + body


def webm(seconds: float = 2.0, *, declared: bool = True) -> bytes:
    """A WebM audio file; a recording still being written has no declared duration, only
    blocks (one per 20 ms of Opus)."""
    header = _ebml(0x1A45DFA3, _ebml(0x4282, b"webm"))
    info = _ebml(0x2AD7B1, (1_000_000).to_bytes(3, "big"))
    if declared:
        info += _ebml(0x4489, struct.pack(">d", seconds * 1000))
    blocks = b"".join(
        _ebml(0xA3, b"\x81" + struct.pack(">h", t) + b"\x80" + b"\x00" * 20)
        for t in range(0, int(seconds * 1000), 20)
    )
    cluster = _ebml(0x1F43B675, _ebml(0xE7, b"\x00") + blocks)
    return header + _ebml(0x18538067, _ebml(0x1549A966, info) + cluster)


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
