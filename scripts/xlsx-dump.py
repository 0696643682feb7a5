#!/usr/bin/env python3
"""Prints, as JSON, what openpyxl reads in workbooks: for each file given, its document properties
and its sheets in order, each with its state (visible, hidden), freeze pane, autofilter, column
widths, merged ranges and every cell's value, data type (openpyxl's: s text, n number, b logical,
d date, f formula, e error), number format and whether its font is bold. The tests compare that with
what cora meant to write.

    scripts/xlsx-dump.py a.xlsx b.xlsx > dump.json     # {"a.xlsx": {...}, "b.xlsx": {...}}
"""
import datetime
import json
import sys

import openpyxl


def value(cell):
    v = cell.value
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    return v


def cell(c):
    if c.value is None:
        return None
    return {"v": value(c), "t": c.data_type, "f": c.number_format, "b": bool(c.font is not None and c.font.b)}


def sheet(ws):
    rows = []
    for row in ws.iter_rows():
        cells = [cell(c) for c in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    widths = []
    for key, dimension in sorted(ws.column_dimensions.items(), key=lambda item: item[1].min or 0):
        if dimension.width and dimension.customWidth:
            widths.append({"min": dimension.min, "max": dimension.max, "width": dimension.width})
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "widths": widths,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "rows": rows,
    }


def workbook(path):
    wb = openpyxl.load_workbook(path)
    p = wb.properties
    return {
        "properties": {"title": p.title, "creator": p.creator,
                       "created": p.created.isoformat() if p.created else None,
                       "modified": p.modified.isoformat() if p.modified else None},
        "sheets": [sheet(ws) for ws in wb.worksheets],
    }


if __name__ == "__main__":
    json.dump({path: workbook(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
