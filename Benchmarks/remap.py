#!/usr/bin/env python3
"""remap.py: the excel-nl column remap as a Python user would write it, standard library only.

The baseline "a spreadsheet export plus a Python csv script" for the benchmark (Benchmarks/bench.py):
the same job as `cora convert FILE --mapping excel-nl --to csv -o OUT`, written plainly with the csv
module:

  * reads the whole file (csv.reader, ';', UTF-8 with or without BOM, quoted cells with line breaks)
  * finds the columns by their header (case-insensitive; the first name of each field in
    Mappings/excel-nl.yaml: Procescode, Procesnaam, Soort, Procesgroep, Bovenliggend proces, ...)
  * per row: trims every cell; collapses the name's whitespace; maps Soort to the canonical level and
    Procesgroep to the canonical category through dicts (case-insensitive); splits services and
    applications on their separators and joins them with '|'; derives the id from the code
  * the hierarchy: a dict code -> id over all rows, so each parent code becomes the parent's id; an
    empty category is inherited from the parent (as excel-nl's `inherit-category: true`)
  * writes the canonical CSV: the 15 canonical columns, then every unused source column (the
    properties, e.g. Opmerking); ',' and LF, quotes only where needed (csv.writer, QUOTE_MINIMAL)
  * a row with an unknown level or category or a parent code that matches no row is left out and
    counted on standard error (exit status 1), as cora leaves out rows with errors

Not done (cora does): encoding and delimiter detection, levels from the depth, prefix/suffix
stripping, unique ids, and the other validation rules (duplicate codes, cycles, nesting, mojibake, ...).
Python 3.11's csv.writer with lineterminator '\\n' does not quote a cell holding a lone CR (no LF);
the benchmark's inventories have none.

Usage: remap.py INPUT [-o OUTPUT] [--delimiter ;]
"""

import argparse
import csv
import re
import sys

CANONICAL = ["id", "code", "name", "level", "category", "parent", "order", "owner", "function",
             "services", "events", "applications", "next", "status", "description",
             "requirements", "steers", "reports-to", "pdca-phase"]  # canonical layout 2
# The source header of each canonical field taken from a column (excel-nl's first name).
SOURCE = {"code": "procescode", "name": "procesnaam", "level": "soort", "category": "procesgroep",
          "parent": "bovenliggend proces", "order": "volgorde", "owner": "proceseigenaar",
          "function": "bedrijfsfunctie", "services": "levert dienst", "events": "trigger",
          "applications": "applicaties", "next": "volgend proces", "status": "status",
          "description": "omschrijving"}
LEVELS = {"bedrijfsproces": "business-process", "werkproces": "work-process", "processtap": "process-step",
          "procesketen": "process-chain", "stuurscenario": "steering-scenario", "bp": "business-process",
          "wp": "work-process", "hoofdproces": "business-process", "deelproces": "work-process",
          "stap": "process-step", "": ""}
CATEGORIES = {"sturend": "steering", "primair": "primary", "ondersteunend": "supporting", "": ""}
SERVICES_SPLIT = re.compile(r"[;\n]")
APPLICATIONS_SPLIT = re.compile(r"[,;\n]")
VALID_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")


def join_values(pattern, text):
    """'A\\r\\nB; C' -> 'A|B|C' (cells only split when they hold a separator)."""
    if not text:
        return text
    parts = [part.strip() for part in pattern.split(text)]
    return "|".join(part for part in parts if part)


def derive_id(code):
    if VALID_ID.match(code):
        return code
    slug = NOT_ID.sub("-", code).strip("-")
    return slug if slug[:1].isalpha() else "p-" + slug if slug else ""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--delimiter", default=";")
    args = parser.parse_args(argv)

    with open(args.input, newline="", encoding="utf-8-sig") as source:
        reader = csv.reader(source, delimiter=args.delimiter, strict=True)
        header = next(reader)
        rows = [[cell.strip() for cell in record] for record in reader if record]

    lower = [name.strip().lower() for name in header]
    column = {field: lower.index(name) for field, name in SOURCE.items() if name in lower}
    used = set(column.values())
    properties = [index for index in range(len(header)) if index not in used]
    width = len(header)
    c_code, c_name, c_level, c_category = (column.get(f) for f in ("code", "name", "level", "category"))
    c_parent = column.get("parent")
    copied = [(CANONICAL.index(f), column.get(f)) for f in ("order", "owner", "function", "status",
                                                             "description")]

    # Pass 1: the hierarchy needs every row: code -> (id, category).
    by_code = {}
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        code = row[c_code] if c_code is not None else ""
        if code:
            by_code[code] = [derive_id(code), row[c_category] if c_category is not None else ""]

    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    rejected = 0
    try:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CANONICAL + [header[index].strip() for index in properties])
        for row in rows:
            code = row[c_code] if c_code is not None else ""
            level = LEVELS.get(row[c_level].lower()) if c_level is not None else ""
            category = row[c_category] if c_category is not None else ""
            parent = row[c_parent] if c_parent is not None else ""
            parent_id = ""
            if parent:
                found = by_code.get(parent)
                if found is None:
                    level = None
                else:
                    parent_id = found[0]
                    if not category:  # inherit-category (one level up; parents come first)
                        category = found[1]
                        if code:
                            by_code[code][1] = category
            category = CATEGORIES.get(category.lower())
            if level is None or category is None:
                rejected += 1
                continue
            record = [""] * len(CANONICAL)
            record[0] = derive_id(code) if code else ""
            record[1] = code
            record[2] = " ".join(row[c_name].split()) if c_name is not None else ""
            record[3] = level
            record[4] = category
            record[5] = parent_id
            for target, index in copied:
                if index is not None:
                    record[target] = row[index]
            if "services" in column:
                record[9] = join_values(SERVICES_SPLIT, row[column["services"]])
            if "events" in column:
                record[10] = join_values(SERVICES_SPLIT, row[column["events"]])
            if "applications" in column:
                record[11] = join_values(APPLICATIONS_SPLIT, row[column["applications"]])
            if "next" in column:
                record[12] = join_values(APPLICATIONS_SPLIT, row[column["next"]])
            record.extend(row[index] for index in properties)
            writer.writerow(record)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"rows={len(rows)} rejected={rejected}", file=sys.stderr)
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
