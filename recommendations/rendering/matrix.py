"""The communes × recommendations matrix body: 180 cells, built as strings.

Every word is escaped once per page (the labels) or per commune (its name); the rest are
numbers and fixed class names."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from text.lists import SEPARATORS

from .labels import GLYPHS, Labels


def _cell(cell, commune_href: str, levels: dict, empty: str, comma: str) -> str:
    # data-rec: the recommendation's number, shown above each cell on a phone (no header row).
    if not cell.count:
        return empty.replace("<td", f'<td data-rec="{cell.recommendation.number}"', 1)
    if cell.progress is None:  # only withdrawn commitments: the word says it all
        spoken, figure = "", f'<span class="cell-word">{levels["withdrawn"]}</span>'
    else:
        spoken, figure = (
            f'<span class="sr-only">{levels[cell.level]}{comma}</span> ',
            f"<bdi>{cell.progress}%</bdi>",
        )
    number = cell.recommendation.number
    return (
        f'<td class="level-{cell.level}" data-rec="{number}"><a href="{commune_href}'
        f'#recommendation-{number}"><span aria-hidden="true">{GLYPHS[cell.level]}</span> '
        f"{spoken}{figure}</a></td>"
    )


def matrix_rows(matrix, *, language: str) -> SafeString:
    words = Labels.current().escaped
    levels = words["levels"]
    # Read aloud as "limited, 35%": the comma as the language writes it (Arabic: "،").
    comma = SEPARATORS.get(language, ", ").strip()
    empty = f'<td class="empty"><span class="sr-only">{words["no_commitment"]}</span></td>'
    rows = []
    for commune, cells in matrix:
        href = escape(f"/{language}/communes/{commune.code}/")
        body = "".join(_cell(cell, href, levels, empty, comma) for cell in cells)
        rows.append(
            f'<tr><th scope="row"><a href="{href}">{escape(commune.name)}</a></th>{body}</tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308 - every text is escaped above
