#!/usr/bin/env python3
"""Generate a large, deterministic process inventory as a Dutch Excel-style CSV.

The output looks like what a housing corporation exports from Excel ("CSV (gescheiden door
lijstscheidingsteken)", but in UTF-8 without BOM):

  * delimiter ';', CRLF line endings, header
    Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Bedrijfsfunctie;
    Levert dienst;Applicaties;Omschrijving;Opmerking
  * a three-level hierarchy: Bedrijfsproces -> Werkproces -> Processtap, the parent given by its
    Procescode in "Bovenliggend proces"; Procesgroep Sturend / Primair / Ondersteunend
  * Dutch names from the CORA 4.x reference model
  * about 5 % of all cells quoted and spanning several lines (CRLF inside the quotes), some of them
    also holding ';' or '""'
  * about 130 bytes per row on average (1,000,000 rows ~ 130 MB)

It streams (rows are written as they are made) and is deterministic: the same arguments give the same
bytes (fixed seed, Python's random.Random, no clock or environment input).

Usage: generate_inventory.py --rows N --out PATH [--seed S]
Only the Python 3 standard library is used.
"""

import argparse
import random
import sys

HEADER = ["Procescode", "Procesnaam", "Soort", "Procesgroep", "Bovenliggend proces", "Proceseigenaar",
          "Bedrijfsfunctie", "Levert dienst", "Applicaties", "Omschrijving", "Opmerking"]

# Share of multi-line cells. They are placed in Applicaties (only filled on business and work processes,
# about a quarter of the rows), Omschrijving and Opmerking. Per row that makes about
# 0.25 * 0.17 + 0.30 + 0.21 = 0.55 multi-line cells out of 11, i.e. 5 % of all cells.
P_MULTILINE_APPS = 0.17
P_MULTILINE_DESC = 0.30
P_MULTILINE_NOTE = 0.21
# Share of rows with a one-line description (on top of the multi-line ones).
P_SHORT_DESC = 0.08

# (Procesgroep, letter, business process, [work processes], dienst, main owner, [functions])
BUSINESS_PROCESSES = [
    ("Sturend", "S", "Bepalen visie", ["Opstellen woonvisie", "Opstellen klantvisie"],
     "Visie", "Directeur-bestuurder", ["Besturing"]),
    ("Sturend", "S", "Opstellen portefeuilleplan",
     ["Uitvoeren marktscan", "Bepalen transformatieopgave", "Opstellen aankoop- en verkoopplan",
      "Opstellen tactisch voorraadplan"],
     "Portefeuilleplan", "Manager Vastgoed", ["Asset management", "Vastgoedtransactie"]),
    ("Sturend", "S", "Uitvoeren control",
     ["Opstellen maandrapportage", "Opstellen kwartaalrapportage", "Opstellen jaarrapportage"],
     "Control", "Controller", ["Control"]),
    ("Sturend", "S", "Verantwoorden bedrijfsvoering",
     ["Opstellen jaarverslag", "Opstellen jaarrekening", "Opstellen dPi", "Opstellen dVi"],
     "Verantwoording", "Directeur-bestuurder", ["Verantwoording"]),
    ("Sturend", "S", "Uitvoeren risicomanagement",
     ["Identificeren risico's", "Opstellen risicorapportage"],
     "Risicomanagement", "Controller", ["Risicomanagement"]),
    ("Primair", "P", "Inschrijven woningzoekenden", ["Registreren inschrijving", "Actualiseren woonwensen"],
     "Inschrijving", "Teamleider Verhuur", ["Klantbeheer", "Matching"]),
    ("Primair", "P", "Werven en selecteren kandidaten",
     ["Publiceren eenheid", "Opstellen kandidatenlijst", "Bepalen kandidaat"],
     "Gematchte eenheid", "Teamleider Verhuur", ["Vastgoedbemiddeling", "Matching"]),
    ("Primair", "P", "Verhuren eenheden", ["Verhuren eenheid", "Opleveren eenheid"],
     "Verhuurde eenheid", "Manager Wonen", ["Contracteren", "Vastgoedverhuur"]),
    ("Primair", "P", "Verrekenen service-/stookkosten", ["Verrekenen service-/stookcomponent"],
     "Verrekende service-/stookkosten", "Manager Financiën", ["Financiën primair"]),
    ("Primair", "P", "Uitvoeren reparatieonderhoud",
     ["Regisseren reparatieonderhoud", "Administratief afhandelen niet planmatig onderhoud"],
     "Onderhouden eenheid", "Manager Vastgoed", ["Vastgoedonderhoud", "Onderhoud"]),
    ("Primair", "P", "Uitvoeren mutatieonderhoud",
     ["Opnemen eenheid", "Administratief afhandelen niet planmatig onderhoud"],
     "", "Manager Vastgoed", ["Vastgoedonderhoud", "Onderhoud"]),
    ("Primair", "P", "Incasseren vorderingen",
     ["Pre-notificeren contractant", "Incasseren vordering minnelijke fase 1",
      "Afsluiten betalingsregeling", "Bewaken betalingsregeling"],
     "Voorkomen/beperken betaalachterstand", "Teamleider Incasso", ["Incasso"]),
    ("Primair", "P", "Voeren debiteurenbeheer",
     ["Bewaken inkomende betalingen", "Versturen factuur", "Verwerken betaling"],
     "Debiteurenbeheer", "Manager Financiën", ["Debiteurenbeheer"]),
    ("Primair", "P", "Afhandelen klantvragen", ["Intake klantvraag", "Afhandelen klacht", "Bewaken opvolging"],
     "Contactinformatie", "Manager Wonen", ["Klantbeheer", "Sociaal beheer"]),
    ("Primair", "P", "Managen klantwaardering", ["Uitvoeren KTO"],
     "Klanttevredenheidstoets", "Manager Wonen", ["Klantbeheer"]),
    ("Primair", "P", "(Her)ontwikkelen eenheden", ["Aanbesteden nieuwbouw/renovatieproject"],
     "(Her)ontwikkelde eenheid", "Manager Vastgoed", ["Vastgoedontwikkeling"]),
    ("Primair", "P", "Verkopen appartementsrechten", ["Verwerken terugkoop", "Aanvragen taxatie(s)"],
     "", "Manager Vastgoed", ["Vastgoedverkoop", "VvE-beheer"]),
    ("Ondersteunend", "O", "Leveren ICT-diensten", ["Leveren ICT middelen", "Opstellen informatieplan"],
     "ICT-diensten", "Manager Bedrijfsvoering", ["ICT"]),
    ("Ondersteunend", "O", "Leveren P&O-diensten", ["Leveren P&O diensten", "Opstellen personeelsplan"],
     "", "Manager Bedrijfsvoering", ["HRM"]),
    ("Ondersteunend", "O", "Leveren financiële diensten", ["Opstellen jaarbegroting", "Opstellen meerjarenbegroting"],
     "", "Manager Financiën", ["Financiën secundair"]),
    ("Ondersteunend", "O", "Inkopen producten en diensten", ["Inkopen service"],
     "", "Manager Bedrijfsvoering", ["Inkoop", "Juridisch advies"]),
    ("Ondersteunend", "O", "Voeren crediteurenbeheer", ["Verwerken factuur", "Betalen factuur"],
     "", "Manager Financiën", ["Financiën secundair"]),
]

# Process steps worked out in CORA; other work processes get generic steps (below).
CORA_STEPS = {
    "Verhuren eenheid": ["Voorbereiden verhuurdossier", "Aanmaken klant", "Opstellen huurovereenkomst",
                         "Ondertekenen huurovereenkomst"],
    "Opleveren eenheid": ["Controleren ontvangst eerste huurbetaling", "Ondertekenen staat van aanvaarding",
                          "Overhandigen sleutels", "Nazorg nieuwe huurder"],
    "Publiceren eenheid": ["Verzamelen en controleren publicatiegegevens", "Publiceren/adverteren",
                           "Aanvullen advertentiegegevens"],
}
STEP_VERBS = ["Ontvangen", "Controleren", "Beoordelen", "Vastleggen", "Afstemmen", "Accorderen", "Versturen",
              "Archiveren"]

# Extra qualifiers so the many repeated business processes read like a real, regional inventory.
REGIONS = ["Purmerend", "Zaandam", "Edam-Volendam", "Monnickendam", "Wormerland", "Oostzaan", "Landsmeer",
           "Ilpendam", "Marken", "Broek in Waterland"]
OWNERS = ["Teamleider Verhuur", "Verhuurconsulent", "Medewerker Klantcontact", "Wijkconsulent", "Opzichter",
          "Medewerker Incasso", "Medewerker Debiteuren", "Business controller", "Assetmanager",
          "Klachtencoördinator", "HR-adviseur", "Inkoopadviseur", "Informatiemanager"]
APPLICATIONS = ["Cegeka Tobias AX", "Empire", "Viewpoint", "Dynamics 365", "AFAS Profit", "SharePoint",
                "Woonmatch", "Ultimo", "TOPdesk", "Power BI", "Excel"]
SHORT_DESCRIPTIONS = [
    "Volgens de CORA-referentie.",
    "Uitgevoerd per complex.",
    "Vastgesteld door het MT.",
    "Binnen de wettelijke termijn.",
    "Jaarlijks geëvalueerd.",
    "Samen met de ketenpartner.",
]
LONG_DESCRIPTIONS = [
    ("Start na de melding van de huurder.", "Uitkomst vastleggen in het dossier."),
    ("Voorbereiding door het team; uitvoering door de ketenpartner.", "Binnen tien werkdagen."),
    ("Volgens het \"vier-ogen\"-principe.", "Afwijkingen melden aan de eigenaar."),
    ("Eerst controle op volledigheid.", "Bij twijfel; overleg met de teamleider."),
]
NOTES = [
    ("Herzien in 2025.", "Afstemmen met Financiën."),
    ("Let op: \"concept\";", "zie procesboek."),
    ("Actie: RACI aanvullen.", "Eigenaar onbekend."),
]


def cell(value):
    """Return value as a CSV cell: quoted (inner quotes doubled) only when it holds ; " CR or LF."""
    if ";" in value or '"' in value or "\r" in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


class InventoryGenerator:
    """Makes rows one at a time; all randomness comes from one seeded random.Random."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.sequence = {"S": 0, "P": 0, "O": 0}

    def applications(self):
        rng = self.rng
        r = rng.random()
        if r < P_MULTILINE_APPS:
            return "\r\n".join(rng.sample(APPLICATIONS, rng.randint(2, 3)))
        if r < 0.55:
            return rng.choice(APPLICATIONS)
        return ""

    def description(self):
        rng = self.rng
        r = rng.random()
        if r < P_MULTILINE_DESC:
            first, second = rng.choice(LONG_DESCRIPTIONS)
            return first + "\r\n" + second
        if r < P_MULTILINE_DESC + P_SHORT_DESC:
            return rng.choice(SHORT_DESCRIPTIONS)
        return ""

    def note(self):
        rng = self.rng
        if rng.random() < P_MULTILINE_NOTE:
            return "\r\n".join(rng.choice(NOTES))
        return ""

    def rows(self):
        """Yield rows (lists of 11 strings) forever, parents always before their children."""
        rng = self.rng
        while True:
            group, letter, bp_name, work_processes, dienst, bp_owner, functions = rng.choice(BUSINESS_PROCESSES)
            self.sequence[letter] += 1
            bp_code = f"{letter}{self.sequence[letter]:05d}"
            region = rng.choice(REGIONS)
            yield [bp_code, f"{bp_name} {region}", "Bedrijfsproces", group, "", bp_owner, "", dienst,
                   self.applications(), self.description(), self.note()]
            for wp_index, wp_name in enumerate(work_processes, 1):
                wp_code = f"{bp_code}.{wp_index:02d}"
                owner = rng.choice(OWNERS)
                yield [wp_code, wp_name, "Werkproces", group, bp_code, owner, rng.choice(functions),
                       "", self.applications(), self.description(), self.note()]
                steps = CORA_STEPS.get(wp_name)
                if steps is None:
                    noun = wp_name.split(" ", 1)[1] if " " in wp_name else wp_name
                    verbs = sorted(rng.sample(STEP_VERBS, rng.randint(3, 6)), key=STEP_VERBS.index)
                    steps = [f"{verb} {noun}" for verb in verbs]
                for step_index, step_name in enumerate(steps, 1):
                    yield [f"{wp_code}.{step_index:02d}", step_name, "Processtap", group, wp_code, owner,
                           "", "", "", self.description(), self.note()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="number of data rows (without header)")
    parser.add_argument("--out", required=True, help="output file ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=20250301, help="random seed (default 20250301)")
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("--rows must be >= 0")

    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    try:
        write = out.write
        write((";".join(HEADER) + "\r\n").encode("utf-8"))
        batch = []
        rows = InventoryGenerator(args.seed).rows()
        for _ in range(args.rows):
            batch.append(";".join(cell(value) for value in next(rows)))
            if len(batch) == 10000:
                write(("\r\n".join(batch) + "\r\n").encode("utf-8"))
                batch.clear()
        if batch:
            write(("\r\n".join(batch) + "\r\n").encode("utf-8"))
    finally:
        if out is not sys.stdout.buffer:
            out.close()


if __name__ == "__main__":
    main()
