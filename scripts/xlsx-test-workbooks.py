#!/usr/bin/env python3
"""Makes, with openpyxl, the workbooks the tests read with cora (Tests/CoraCLITests/WorkbookInputTests.swift):

- inventaris.xlsx: a sheet "Toelichting" of prose, "Processen" with the rows of
  Samples/excel-nl/woningstichting-de-polder.csv (row 14's Soort made "hoofd", a level no mapping
  knows), and a hidden sheet "Oud" in canonical layout that auto must not choose;
- typen.xlsx: one sheet "Processen" in canonical layout with codes stored as numbers (1.1, and 2.1
  shown with the format 0.00), as text ('1.10', '0012'), the order as numbers and a column
  "Laatst herzien" of dates shown as d-m-yyyy;
- bom.xlsx: a zip bomb, a workbook whose sheet part is 50 MB of zeros deflated to about 50 KB;
- document.docx.xlsx: a zip that is a Word document, not a workbook.

    .build/venv/bin/python scripts/xlsx-test-workbooks.py OUT_DIR
"""
import csv
import datetime
import importlib.util
import os
import sys
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("sample", os.path.join(ROOT, "scripts", "make-sample-workbook.py"))
sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample)

CANONICAL = ["id", "code", "name", "level", "category", "parent", "order", "owner", "function", "services", "events",
             "applications", "next", "status", "description", "requirements", "steers", "reports-to", "pdca-phase"]


def inventaris(path):
    with open(os.path.join(ROOT, "Samples", "excel-nl", "woningstichting-de-polder.csv"), encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    rows[13][2] = "hoofd"
    wb = openpyxl.Workbook()
    sample.toelichting_sheet(wb.active)
    wb.active.title = "Toelichting"
    ws = wb.create_sheet("Processen")
    for row in rows:
        ws.append([value if value != "" else None for value in row])
    old = wb.create_sheet("Oud")
    old.append(CANONICAL)
    old.append(["oud", "9", "Oud proces", "business-process", "steering", None, 1])
    old.sheet_state = "hidden"
    sample.save_stable(wb, path)


def typen(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Processen"
    ws.append(CANONICAL + ["Laatst herzien"])
    rows = [
        ("a", 1.1, "Verhuren eenheden", 1, datetime.datetime(2026, 12, 5)),
        ("b", "1.10", "Innen huur", 2, datetime.datetime(2025, 1, 14)),
        ("c", 2.1, "Beheren sleutels", 3, None),
        ("d", "0012", "Plannen onderhoud", 4, None),
    ]
    for number, (id, code, name, order, date) in enumerate(rows, start=2):
        ws.append([id, code, name, "business-process", "steering", None, order] + [None] * 12 + [date])
        if date is not None:
            ws.cell(number, 20).number_format = "d-m-yyyy"
    ws["B4"].number_format = "0.00"
    sample.save_stable(wb, path)


def bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Processen" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            zeros = bytes(1 << 20)
            for _ in range(50):
                part.write(zeros)


def document(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Processen</w:t></w:r></w:p></w:body></w:document>')


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    inventaris(os.path.join(out, "inventaris.xlsx"))
    typen(os.path.join(out, "typen.xlsx"))
    bomb(os.path.join(out, "bom.xlsx"))
    document(os.path.join(out, "document.docx.xlsx"))
