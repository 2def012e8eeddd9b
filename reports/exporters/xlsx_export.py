"""Excel with openpyxl in write-only mode: right to left for Arabic, a styled frozen header with
filters, dates as dates and numbers as numbers, and summary sheets."""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from recommendations.state.levels import Level
from reports.columns import headers, row_values

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0F6B4F")
# Dates stay dates (they sort and filter), shown day month year in the reader's language: the
# locale tag makes Excel and LibreOffice use Morocco's month names (ar-MA 0x1801: "5 غشت 2028",
# fr-MA 0x180C, Tamazight in Tifinagh tzm-Tfng-MA 0x105F).
DATE_FORMATS = {
    "ar": "[$-1801]d mmmm yyyy",
    "fr": "[$-180C]d mmmm yyyy",
    "en": "d mmmm yyyy",
    "zgh": "[$-105F]d mmmm yyyy",
}


def _sheet(workbook, title: str, header: list[str], rows, rtl: bool, widths=None):
    sheet = workbook.create_sheet(title=title[:31])
    sheet.sheet_view.rightToLeft = rtl
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}1"
    cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    sheet.append(cells)
    date_format = DATE_FORMATS.get(translation.get_language(), DATE_FORMATS["ar"])
    count = 0
    for row in rows:
        out = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                # Text is text: openpyxl would store "=..." as a live formula.
                cell.data_type = "s"
            elif hasattr(value, "isoformat"):
                cell.number_format = date_format
            out.append(cell)
        sheet.append(out)
        count += 1
    # Filters over the whole table, now that its height is known.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    return sheet


def _summary_rows(summaries):
    for s in summaries:
        yield [
            s.label,
            s.commitments,
            s.active,
            s.withdrawn,
            s.progress,
            *[s.levels[lvl] for lvl in Level.values],
            s.stale,
            s.overdue,
        ]


def report_xlsx_bytes(report, progress=None) -> bytes:
    """`progress`, if given, is called with a percentage as sheets are written."""
    rtl = report.language == "ar"
    with translation.override(report.language):
        workbook = Workbook(write_only=True)
        widths = [8, 14, 18, 28, 10, 50, 14, 14, 10, 12, 12, 8, 8, 8, 10, 8]
        _sheet(
            workbook, _("Commitments"), headers(), (row_values(r) for r in report.rows), rtl, widths
        )
        if progress:
            progress(60)
        summary_header = [
            "",
            _("Commitments"),
            _("Active"),
            _("Withdrawn"),
            _("Average progress (%)"),
            *[str(label) for label in Level.labels],
            _("Stale"),
            _("Overdue"),
        ]
        _sheet(
            workbook,
            _("By recommendation"),
            [_("Recommendation"), *summary_header[1:]],
            _summary_rows(report.by_recommendation),
            rtl,
            [16, 12, 10, 10, 14],
        )
        _sheet(
            workbook,
            _("By commune"),
            [_("Commune"), *summary_header[1:]],
            _summary_rows(report.by_commune),
            rtl,
            [24, 12, 10, 10, 14],
        )
        _sheet(
            workbook,
            _("Feedback"),
            [_("Commune code"), _("Commune"), _("Kind"), _("State"), _("Count")],
            (
                [f["commune_code"], f["commune"], f["kind_label"], f["state_label"], f["count"]]
                for f in report.feedback
            ),
            rtl,
            [14, 20, 14, 16, 8],
        )
        out = io.BytesIO()
        workbook.save(out)
    if progress:
        progress(100)
    return out.getvalue()
