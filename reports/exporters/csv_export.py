"""CSV in UTF-8 with a byte-order mark, so spreadsheet programs read Arabic right; streamed row
by row, so memory does not grow with the number of rows."""

import csv
import datetime
from collections.abc import Iterable, Iterator

from django.utils import translation

from reports.columns import headers, row_values

BOM = "\ufeff"


class _Line:
    """csv.writer writes into this and we hand the line straight on."""

    def write(self, value: str) -> str:
        return value


def _cell(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(v) for v in row])


def report_csv_lines(report) -> Iterator[str]:
    with translation.override(report.language):
        header = headers()
    return csv_lines(header, (row_values(r) for r in report.rows))


def report_csv_bytes(report) -> bytes:
    return "".join(report_csv_lines(report)).encode("utf-8")
