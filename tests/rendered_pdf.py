"""A PDF seen as a reader sees it: its pages as pictures (poppler's pdftoppm) and the words
poppler reads on them, with where they sit. Needs poppler-utils (.ci/browser-deps installs it)."""

import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

from tests.conftest import service_missing

EMBEDDINGS = re.compile("[\u202a-\u202e]")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        service_missing("poppler-utils", f"{tool} renders the PDF as a reader sees it")
    return found


def page_image(data: bytes, page: int, dpi: int = 144) -> Image.Image:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        subprocess.run(
            [_poppler("pdftoppm"), "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray"]
            + ["-singlefile", "-png", str(source), str(Path(folder) / "page")],
            capture_output=True,
            check=True,
        )
        return Image.open(Path(folder) / "page.png").convert("L")


def page_text(data: bytes, page: int) -> str:
    """The text in reading order, as poppler rebuilds it from the glyphs drawn (without the
    embedding marks it adds around each run)."""
    text = subprocess.run(
        [_poppler("pdftotext"), "-f", str(page), "-l", str(page), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return EMBEDDINGS.sub("", text)


def page_words(data: bytes, page: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each word with its box in points; poppler lists right-to-left words letter by letter in
    the order they are drawn, left to right on the page."""
    xml = subprocess.run(
        [_poppler("pdftotext"), "-f", str(page), "-l", str(page), "-bbox", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [
        (unescape(m[4]), tuple(float(v) for v in m[:4]))
        for m in (match.groups() for match in WORD.finditer(xml))
    ]


def ink(image: Image.Image) -> Image.Image:
    """The part of a picture that has ink on it (dark on white)."""
    box = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
    return image.crop(box) if box else image


def difference(a: Image.Image, b: Image.Image) -> float:
    """0 for the same picture, 1 for opposite ones: the mean difference once both are brought
    to the size of the first."""
    b = b.resize(a.size)
    histogram = ImageChops.difference(a, b).histogram()
    return sum(value * count for value, count in enumerate(histogram)) / (255 * a.width * a.height)
