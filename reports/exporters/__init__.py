"""One module per format. Each turns a Report into bytes (or a stream of them)."""

from . import csv_export, json_export, pdf_export, xlsx_export

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
WRITERS = {
    "csv": csv_export.report_csv_bytes,
    "json": json_export.report_json_bytes,
    "xlsx": xlsx_export.report_xlsx_bytes,
    "pdf": pdf_export.report_pdf_bytes,
}


def filename(report, fmt: str) -> str:
    return f"tata-progress-{report.filters.as_of.isoformat()}-{report.language}.{fmt}"
