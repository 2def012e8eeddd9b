"""CSV in UTF-8 with a byte-order mark, so spreadsheet programs read Arabic right; streamed row
by row, so memory does not grow with the number of rows."""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from itertools import islice

from django.utils import translation

from reports.columns import headers, row_values

BOM = "\ufeff"


class _Line:
    """csv.writer writes into this and we hand the line straight on."""

    def write(self, value: str) -> str:
        return value


# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula
# (=HYPERLINK(...), +cmd|...): text that does is written with a leading apostrophe, which the
# spreadsheet shows as plain text. Numbers are numbers, never text, so a -5 stays -5.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return inert(value)
    return "" if value is None else value


CHUNK = 1000


def csv_lines(header: list[str], rows: Iterable[list], *, clean=True) -> Iterator[str]:
    """The BOM and header, then the rows a thousand at a time: memory stays bounded by a chunk,
    and the response is not slowed by one generator step per row. `clean=False` is for rows
    whose values are already strings and numbers."""
    yield BOM + csv.writer(_Line()).writerow(header)
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows([_cell(v) for v in row] for row in chunk) if clean else writer.writerows(
            chunk
        )
        yield buffer.getvalue()


def report_csv_lines(report) -> Iterator[str]:
    with translation.override(report.language):
        header = headers()
    return csv_lines(header, (row_values(r) for r in report.rows))


def report_csv_bytes(report) -> bytes:
    return "".join(report_csv_lines(report)).encode("utf-8")
