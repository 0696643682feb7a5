"""Writes Tests/CoraXLSXTests/Fixtures/read-openpyxl.xlsx with openpyxl: several sheets (one
hidden), merged cells, dates, codes as text, numbers, a formula (openpyxl stores no cached value)
and an error cell. Run by scripts/make-workbook-fixtures.sh."""
import datetime
import sys

from openpyxl import Workbook

out = sys.argv[1]
wb = Workbook()
ws = wb.active
ws.title = "Processen"
ws.append(["Bedrijfsproces", "Werkproces", "Code", "Datum", "Bedrag"])
ws.append(["Sturen", "Beleid maken", "01.10", datetime.date(2024, 3, 5), 1.1])
ws.append([None, "Plannen", "01.20", datetime.datetime(2024, 3, 6, 14, 30), 2])
ws.append(["Ondersteunen", None, "03", None, "=E2*2"])
ws.merge_cells("A2:A3")
ws.merge_cells("A4:B4")
ws["E3"].number_format = "0.00"
ws["D2"].number_format = "dd/mm/yyyy"
ws["D3"].number_format = "yyyy-mm-dd hh:mm"
ws["F2"] = "#N/A"
ws["F2"].data_type = "e"
ws.row_dimensions[3].hidden = True
second = wb.create_sheet("Stappen")
second.append(["Stap", "Volgorde"])
second.append(["Ontvangen", 1])
second.append(["Beoordelen", 1230000000000000000])
hidden = wb.create_sheet("Verborgen")
hidden.sheet_state = "hidden"
hidden["A1"] = "geheim"
wb.properties.creator = "cora tests"
wb.properties.created = datetime.datetime(2024, 1, 1)
wb.properties.modified = datetime.datetime(2024, 1, 1)
wb.save(out)
