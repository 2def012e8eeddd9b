"""An import file read into rows of plain values, or the reasons it cannot be read."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from text.lists import join_words

from .columns import MAX_ROWS, TABLES, Table

# An XLSX is a zip: its parts, unpacked, may not exceed this (a small file can unpack to
# gigabytes), nor hold more parts than a workbook needs.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_PARTS = 200


@dataclass
class Sheet:
    table: Table
    label: str  # the sheet's name as written, for messages
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (line, {column: value})


@dataclass
class ReadFile:
    sheets: list[Sheet] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _table_for(label: str, header: list[str]) -> Table | None:
    by_name = {t.name: t for t in TABLES}
    if label.strip().lower() in by_name:
        return by_name[label.strip().lower()]
    matches = [t for t in TABLES if t.required <= set(header)]
    return max(matches, key=lambda t: len(t.required)) if matches else None


def _header(values) -> list[str]:
    return [str(v).strip().lower() if v is not None else "" for v in values]


def _sheet(result: ReadFile, label: str, header: list[str], body, *, strict: bool = True) -> None:
    table = _table_for(label, header)
    if table is None and not strict:
        return  # another sheet of the workbook (notes, a pivot): not for importing
    if table is None:
        result.errors.append(
            _("“%(sheet)s”: the header row does not name the columns of any table.")
            % {"sheet": label}
        )
        return
    missing = table.required - set(header)
    unknown = [h for h in header if h and h not in table.keys]
    if missing:
        result.errors.append(
            _("“%(sheet)s”: missing columns: %(columns)s.")
            % {"sheet": label, "columns": join_words(sorted(missing))}
        )
    if unknown:
        result.errors.append(
            _("“%(sheet)s”: unknown columns: %(columns)s (see the template).")
            % {"sheet": label, "columns": join_words(unknown)}
        )
    if missing or unknown:
        return
    sheet = Sheet(table, label)
    for line, values in body:
        row = {key: _plain(value) for key, value in zip(header, values, strict=False) if key}
        if any(v not in ("", None) for v in row.values()):
            sheet.rows.append((line, row))
    result.sheets.append(sheet)


def _plain(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    return value


def _unpacked_size_ok(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            return len(parts) <= MAX_PARTS and sum(p.file_size for p in parts) <= MAX_UNPACKED_BYTES
    except zipfile.BadZipFile:
        return False


def _read_xlsx(data: bytes, result: ReadFile) -> None:
    if not _unpacked_size_ok(data):
        result.errors.append(_("This spreadsheet cannot be read: it is damaged or far too big."))
        return
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile):
        result.errors.append(_("This spreadsheet cannot be read: save it again as XLSX."))
        return
    for sheet in workbook.worksheets:
        if sheet.max_row - 1 > MAX_ROWS:
            result.errors.append(
                _("“%(sheet)s” has %(rows)d rows: import at most %(max)d at a time.")
                % {"sheet": sheet.title, "rows": sheet.max_row - 1, "max": MAX_ROWS}
            )
            continue
        if sheet.merged_cells.ranges:
            cells = join_words([str(r) for r in list(sheet.merged_cells.ranges)[:5]])
            result.errors.append(
                _("“%(sheet)s”: merged cells at %(cells)s. Unmerge them: one value per cell.")
                % {"sheet": sheet.title, "cells": cells}
            )
            continue
        formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        if formulas:
            result.errors.append(
                _("“%(sheet)s”: cells %(cells)s hold formulas. Type their values instead.")
                % {"sheet": sheet.title, "cells": join_words(formulas[:5])}
            )
            continue
        rows = sheet.iter_rows(values_only=True)
        header = _header(next(rows, ()))
        if not any(header):
            continue  # an empty sheet (the template's notes, a blank tab)
        _sheet(
            result,
            sheet.title,
            header,
            ((n, r) for n, r in enumerate(rows, start=2)),
            strict=len(workbook.worksheets) == 1,
        )


def _read_csv(data: bytes, result: ReadFile) -> None:
    for encoding in ("utf-8-sig", "cp1256"):  # what Excel writes for Arabic, when not UTF-8
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        result.errors.append(_("This CSV file cannot be read: save it as UTF-8."))
        return
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if len(rows) - 1 > MAX_ROWS:
        result.errors.append(
            _("The file has %(rows)d rows: import at most %(max)d at a time.")
            % {"rows": len(rows) - 1, "max": MAX_ROWS}
        )
        return
    if not rows:
        result.errors.append(_("The file is empty."))
        return
    _sheet(result, "CSV", _header(rows[0]), ((n, r) for n, r in enumerate(rows[1:], start=2)))


def read_import_file(data: bytes) -> ReadFile:
    result = ReadFile()
    if data.startswith(b"PK\x03\x04"):
        _read_xlsx(data, result)
    else:
        _read_csv(data, result)
    if not result.errors and not any(s.rows for s in result.sheets):
        result.errors.append(_("The file holds no row to import."))
    return result
