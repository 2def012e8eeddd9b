import csv
import io
from collections.abc import Iterator

from django.db import connection

from recommendations.selectors.open_data import public_timeline_rows
from recommendations.selectors.open_data_copy import public_timeline_csv_copy
from reports.exporters.csv_export import BOM, csv_lines

UPDATE_COLUMNS = [
    "commitment_id",
    "recommendation",
    "commune_code",
    "kind",
    "time",
    "level_before",
    "level_after",
    "progress_before",
    "progress_after",
    "evidence_kind",
]


def public_update_rows():
    """Rows for updates.csv: no author, no note, nothing personal."""
    return public_timeline_rows()


def updates_csv_chunks() -> Iterator[str]:
    """updates.csv as text chunks: PostgreSQL's own COPY where there is one (BENCHMARKS.md),
    rows written by Python elsewhere. Same columns, same order, same CSV dialect."""
    if connection.vendor != "postgresql":
        yield from csv_lines(UPDATE_COLUMNS, public_update_rows(), clean=False)
        return
    header = io.StringIO()
    csv.writer(header).writerow(UPDATE_COLUMNS)
    yield BOM + header.getvalue()
    yield from public_timeline_csv_copy()
