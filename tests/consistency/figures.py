"""What a reader sees on the pages, read back from the English HTML: counts, percentages,
levels. The parsers read visible text (and the level class a cell is coloured by)."""

import re
from dataclasses import dataclass

COUNTS = re.compile(r'<span class="counts">(\d+) active commitments?(?: · (\d+) withdrawn)?</span>')
FIGURE = re.compile(r'<(?:span|bdi) class="progress-figure">([^<]+)</(?:span|bdi)>')
CARD = re.compile(r'<li class="card" value="(\d+)">(.*?)</li>', re.S)
ROW = re.compile(r'<tr>\s*<th scope="row"><a href="/en/communes/([^/]+)/">.*?</tr>', re.S)
CELL = re.compile(
    r'<td (?:data-rec="\d+" )?class="(empty|level-[a-z_]+)"(?: data-rec="\d+")?>(.*?)</td>', re.S
)
CELL_FIGURE = re.compile(r"(\d+)%(?:</bdi>)?</a>|withdrawn(?:</span>)?</a>", re.I)
ITEM = re.compile(r'<li class="commitment level-([a-z_]+)">(.*?)</li>', re.S)
ITEM_FIGURE = re.compile(r'progress-figure">(\d+)%|stopped at (\d+)%')


@dataclass(frozen=True)
class Shown:
    """A figure as shown: active and withdrawn counts, and the percentage (None: "–")."""

    active: int
    withdrawn: int
    progress: int | None


def _percent(text: str) -> int | None:
    text = text.strip()
    return None if text in ("–", "") else int(text.rstrip("%"))


def shown(html: str) -> Shown:
    """The first figure-and-counts pair of a fragment."""
    counts = COUNTS.search(html)
    figure = FIGURE.search(html)
    return Shown(
        active=int(counts.group(1)) if counts else 0,
        withdrawn=int(counts.group(2) or 0) if counts else 0,
        progress=_percent(figure.group(1)) if figure else None,
    )


def home_province(html: str) -> Shown:
    start = html.index('class="province-progress"')
    return shown(html[start : html.index("</p>", start)])


def home_cards(html: str) -> dict[int, Shown]:
    return {int(number): shown(body) for number, body in CARD.findall(html)}


def matrix_cells(html: str, numbers: list[int]) -> dict[tuple[str, int], tuple[str, int | None]]:
    """(commune code, recommendation number) → (level, percent) for every non-empty cell."""
    cells = {}
    for row in ROW.finditer(html):
        code = row.group(1)
        for number, (css, body) in zip(numbers, CELL.findall(row.group(0)), strict=True):
            if css == "empty":
                continue
            figure = CELL_FIGURE.search(body)
            cells[(code, number)] = (
                css.removeprefix("level-"),
                int(figure.group(1)) if figure.group(1) else None,
            )
    return cells


def listed(html: str) -> list[tuple[str, int]]:
    """The commitments listed on a page: (level, percent shown)."""
    items = []
    for level, body in ITEM.findall(html):
        figure = ITEM_FIGURE.search(body)
        items.append((level, int(figure.group(1) or figure.group(2))))
    return items
