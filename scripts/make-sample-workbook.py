#!/usr/bin/env python3
"""Makes Samples/workbook/woonbron-noord.xlsx from Samples/niveaus/woonbron-noord.csv with openpyxl:
a sheet "Toelichting" of prose first (no mapping fits it), then the sheet "Processen" in the niveaus
layout as drawn in Excel: each Categorie, Niveau 1 and Niveau 2 value written once and its cell
merged down over the rows it stands for. The same input gives the same bytes (fixed document dates
and zip entry dates), so the sample can be made again and compared.

    .build/venv/bin/python scripts/make-sample-workbook.py [OUT.xlsx]     # needs openpyxl
"""
import csv
import datetime
import io
import os
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)


def save_stable(wb, path):
    """Saves `wb` as openpyxl does, but with fixed document dates and zip entry dates."""
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "Woonbron Noord"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))


def niveaus_rows(path):
    """The header and rows of the niveaus sample (UTF-8 with BOM, `;`)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    return rows[0], rows[1:]


def niveaus_sheet(ws, header, rows):
    """Writes the niveaus table on `ws` with Categorie (column A), Niveau 1 (B) and Niveau 2 (C)
    written once and merged down: a Categorie over its block, a Niveau 1 over its business process's
    rows, a Niveau 2 over its work process's steps."""
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append([value if value != "" else None for value in row])
    for number, row in enumerate(rows, start=2):
        for cell in ws[number]:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = len(rows) + 1

    def merge(column, starts_here):
        """Merges each filled cell of `column` down to the row before the next that `starts_here`."""
        start = None
        for number in range(2, last + 2):
            if number > last or starts_here(rows[number - 2]):
                if start is not None and number - 1 > start:
                    ws.merge_cells(start_row=start, end_row=number - 1, start_column=column, end_column=column)
                    ws.cell(start, column).alignment = Alignment(vertical="top")
                start = number if number <= last and rows[number - 2][column - 1] else None

    merge(1, lambda r: r[0] != "")
    merge(2, lambda r: r[0] != "" or r[1] != "")
    merge(3, lambda r: r[0] != "" or r[1] != "" or r[2] != "")
    for letter, width in zip("ABCDEFGH", (14, 32, 44, 40, 28, 20, 26, 50)):
        ws.column_dimensions[letter].width = width


def toelichting_sheet(ws):
    """A sheet of prose that no mapping fits, as inventories often open with."""
    ws.append(["Procesinventaris Woonbron Noord"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Dit werkboek beschrijft de processen van Woonbron Noord per niveau (bedrijfsproces, werkproces, processtap)."])
    ws.append(["De processen staan op het blad Processen; samengevoegde cellen gelden voor alle rijen die ze beslaan."])
    ws.append(["Vastgesteld door het MT; vragen aan de informatiemanager."])
    ws.column_dimensions["A"].width = 100


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Samples", "workbook", "woonbron-noord.xlsx")
    header, rows = niveaus_rows(os.path.join(ROOT, "Samples", "niveaus", "woonbron-noord.csv"))
    wb = openpyxl.Workbook()
    toelichting_sheet(wb.active)
    wb.active.title = "Toelichting"
    niveaus_sheet(wb.create_sheet("Processen"), header, rows)
    wb.properties.title = "Procesinventaris Woonbron Noord"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    save_stable(wb, out)


if __name__ == "__main__":
    main()
