"""The import template: one sheet per table with its header row, lists where a column takes a
few values, and a sheet explaining every column in Arabic and in French."""

import io

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from recommendations.state.levels import Level

from .columns import COMMITMENTS, TABLES, UPDATES

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0F6B4F")
LISTS = {
    (COMMITMENTS.name, "recommendation"): "1,2,3,4,5,6,7,8,9",
    (COMMITMENTS.name, "public"): "yes,no",
    (UPDATES.name, "level"): ",".join(Level.values),
}


def _explained(language: str) -> dict[tuple[str, str], str]:
    with translation.override(language):
        return {(t.name, c.key): str(c.help) for t in TABLES for c in t.columns} | {
            (t.name, ""): str(t.title) for t in TABLES
        }


def import_template_xlsx() -> bytes:
    workbook = Workbook()
    notes = workbook.active
    notes.title = "read me - اقرأ"
    notes.sheet_view.rightToLeft = False
    arabic, french = _explained("ar"), _explained("fr")
    notes.append(["sheet / column", "العربية", "Français"])
    for cell in notes[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for table in TABLES:
        notes.append([table.name, arabic[(table.name, "")], french[(table.name, "")]])
        notes.cell(notes.max_row, 1).font = Font(bold=True)
        for column in table.columns:
            mark = " *" if column.required else ""
            notes.append(
                [
                    f"  {column.key}{mark}",
                    arabic[(table.name, column.key)],
                    french[(table.name, column.key)],
                ]
            )
    notes.append([])
    notes.append(["*", "خانة إلزامية", "colonne obligatoire"])
    for letter, width in (("A", 22), ("B", 60), ("C", 60)):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for table in TABLES:
        sheet = workbook.create_sheet(table.name)
        sheet.append(table.keys)
        for index, cell in enumerate(sheet[1], start=1):
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            sheet.column_dimensions[cell.column_letter].width = 18 if index > 1 else 16
        sheet.freeze_panes = "A2"
        for (name, key), values in LISTS.items():
            if name == table.name:
                letter = sheet.cell(1, table.keys.index(key) + 1).column_letter
                rule = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True)
                rule.add(f"{letter}2:{letter}5001")
                sheet.add_data_validation(rule)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
