"""updates.csv, the open-data timeline: its columns and their order, and how it is streamed.

Rows come from the tracker's documented query (recommendations.selectors.public_timeline). On
PostgreSQL the database writes the CSV itself with COPY, which keeps the export within a small
factor of COPY's own time (BENCHMARKS.md); elsewhere Python writes the same rows in the same
dialect.
"""

import csv
import io
from collections.abc import Iterator

from django.db import connection
from django.db.models import QuerySet

from recommendations.selectors.public_timeline import public_timeline_entries
from reports.exporters.csv_export import BOM, csv_lines

from .copy_stream import copy_csv_chunks

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
CHUNK = 2000


def _rows() -> QuerySet:
    return public_timeline_entries().values_list(*UPDATE_COLUMNS)


def update_rows() -> Iterator[tuple]:
    """The rows of updates.csv as tuples, in column order, streamed in chunks."""
    return _rows().iterator(chunk_size=CHUNK)


def updates_copy_sql() -> str:
    """The query of updates.csv as one SQL text, for COPY (the benchmark COPYs it too)."""
    sql, params = _rows().query.sql_with_params()
    with connection.cursor() as cursor:
        return cursor.mogrify(sql, params).decode()


def updates_csv_chunks() -> Iterator[str]:
    """updates.csv as text chunks, header first (with a byte-order mark)."""
    if connection.vendor != "postgresql":
        yield from csv_lines(UPDATE_COLUMNS, update_rows(), clean=False)
        return
    header = io.StringIO()
    csv.writer(header).writerow(UPDATE_COLUMNS)
    yield BOM + header.getvalue()
    yield from copy_csv_chunks(updates_copy_sql())
