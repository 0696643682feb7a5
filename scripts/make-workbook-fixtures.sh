#!/usr/bin/env bash
# Regenerates the workbooks made by real spreadsheet software that the CoraXLSX tests read
# (Tests/CoraXLSXTests/Fixtures/read-*.xlsx): by LibreOffice (headless, from a CSV and from a flat
# OpenDocument file with merged cells) and by openpyxl (from PyPI, in a venv under .build).
# The sources are in scripts/workbook-fixtures/. Needs soffice and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
src=scripts/workbook-fixtures
out=Tests/CoraXLSXTests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# LibreOffice: a CSV (`;`, UTF-8, Dutch locale: `1,5` is a number) and the flat ODS.
cp "$src/read-libreoffice.csv" "$src/read-libreoffice-merged.fods" "$work/"
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="CSV:59,34,76,1,,1043" \
  --convert-to xlsx --outdir "$work" "$work/read-libreoffice.csv" >/dev/null
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to xlsx --outdir "$work" "$work/read-libreoffice-merged.fods" >/dev/null
cp "$work/read-libreoffice.xlsx" "$work/read-libreoffice-merged.xlsx" "$out/"

# openpyxl, in the venv the tests use.
python=$(scripts/python-venv.sh)
"$python" "$src/read-openpyxl.py" "$out/read-openpyxl.xlsx"
ls -l "$out"/read-*.xlsx
