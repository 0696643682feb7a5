#!/usr/bin/env python3
"""Derives References/vera.csv, the reference model `vera`, from a VERA release in the ArchiMate
Open Exchange Format (Aedes-datastandaarden/VERA-Domeinmodellen, "VERA 4.3.1.xml").

    scripts/make-vera-reference.py VERA-4.3.1.xml [-o References/vera.csv]

What it takes from the release (References/README.md says the same for the reader):
- process chains: the BusinessInteraction elements; a Grouping named "Ketenproces ..." that no
  interaction stands for is a chain of its own (its id, its name without "Ketenproces ").
- business processes: the BusinessProcess elements a chain's grouping composes or aggregates, or
  named "BP ..."; work processes: the BusinessProcess elements a kept process composes or
  aggregates (the first such relation in the file is the parent, as `cora convert` reads it).
  A business process may be in several chains: it keeps no parent, and its chains are named in
  the property column "Procesketens" (separated by "|").
- functions: VERA's chain views colour each work process like a business function in the view's
  legend ("Legenda bedrijfsfuncties"). A process gets a function when the functions whose legend
  colour its fill matches, intersected over every view that draws it coloured so, leave one.
- categories: VERA has none; CATEGORIES below is cora's reading, by element id. A work process
  takes the category of its business process.
- names: the prefixes "BP " and "WP " stripped, runs of spaces collapsed, nothing else;
  descriptions exactly as VERA's documentation.
- left out: the metamodel placeholders of PLACEHOLDERS; anything else unplaced is reported.

The output is cora's canonical CSV (layout 2, `cora convert --to csv`): `,`, LF, minimal quoting.
Python 3 standard library only. Exit 1 when the release has a chain or business process that
CATEGORIES does not sort: decide its category and add it.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

ARCHIMATE = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"

# The category of each chain and business process: cora's reading of CORA's three categories
# (../shared/domain/CORA.md), not VERA's. Keyed by VERA's id; the name is there to read and is
# checked (a renamed process is reported, its category kept).
CATEGORIES = {
    # process chains
    "id-8cf9c92f899d477abeef50cf2f19e5ed": ("primair", "Verhuren Eenheden"),
    "id-14b48b1a226a4daa9065181ff0fc7d53": ("primair", "Woonruimteverdeling"),
    "id-14044c7d515a4b90b25ea9d6830fe35a": ("primair", "Onderhoud"),
    "id-62fdcbeb451a41ac88512f57f872a5d4": ("primair", "Projectontwikkeling"),
    "id-238b81a34c2842868bc74321dd7b26d7": ("primair", "Incasso"),
    "id-4f06316101e441de9c3d5262716335dc": ("primair", "Kwaliteitsmanagement"),  # CORA: klantwaardering (KTO) is primair
    "id-c78a03a1e08443f99ed553c6bc567958": ("primair", "Ketenproces Bepalen Energieprestatie"),
    "id-2baaf236-7bed-4eb2-bcc6-a552d38877ec": ("ondersteunend", "Beheer overeenkomstgegevens"),
    "id-2d1fdbef-6278-4b2c-8b6b-f5fa5c235ab2": ("ondersteunend", "Beheer financiële gegevens"),
    "id-ad4b9ddc159f4dd4bcb88c2091561801": ("ondersteunend", "Beheer vastgoedgegevens"),
    "id-b91a3a33431e48c798254e00f320a1ef": ("ondersteunend", "Beheer relatiegegevens"),
    "id-43f5c64f-3c36-4cf0-bbbc-133aeb35368d": ("ondersteunend", "Beheren Dossiers"),
    # business processes: steering (plans and steers the property and its maintenance)
    "id-46ee46340c3d452e92320b5eedf33028": ("sturend", "BP Sturing Vastgoed"),
    "id-bd880dd7860149d9ba8a41d1b8c2dc72": ("sturend", "BP Vaststellen Onderhoudsplan"),
    # business processes: primary (renting, allocating, maintaining, developing, selling, the
    # customer, collecting rent)
    "id-2884d518037d4a088794e2e1152283e1": ("primair", "BP Verhuren Eenheden"),
    "id-c88f9d2852a449c383e77840cfa4ee68": ("primair", "BP Matchen Eenheden"),
    "id-ddb69f0ba7144e42b14b03aa5d538953": ("primair", "BP Registreren Punten"),
    "id-e55fedb9e578419f94ea8e1968bf082f": ("primair", "BP Afhandelen klacht en bezwaar"),
    "id-357696c944f346bc9b43b488e5b0d6bc": ("primair", "BP Beheren Overeenkomsten"),
    "id-9c6633ec6aac4074979a2e52c119b3b4": ("primair", "BP Verkopen Eenheden"),
    "id-2943d6fba3044b279cba1ef20aad5733": ("primair", "BP Ontwikkelen Eenheden"),
    "id-a077984e913b45718dad790b6fa10ea7": ("primair", "BP Uitvoeren Projectontwikkeling"),
    "id-b21211ad88f047ffae181a41ecaa5141": ("primair", "BP Aanbesteden Opdracht"),
    "id-bbdac381d01749d3b163827cf96afcec": ("primair", "BP Coördineren Project"),
    "id-6932b3ea7af6465582d82da9182dd97c": ("primair", "BP Regisseren Onderhoud"),
    "id-dd59a6fe350c4c7ab4dfadcc93ac9e23": ("primair", "BP Uitvoeren Onderhoudsorder"),
    "id-3210b3bb02fb41d7914eaa7552244ef0": ("primair", "BP Inspecteren Bouwdelen"),
    "id-a6de887b920047a086a65f4076042e55": ("primair", "BP Bediening Klant"),
    "id-f0ac7436477b4038a078eadd1bd913fe": ("primair", "BP Beheren Caseload"),
    "id-7c475d1afa994c3eb632a44ce1549da2": ("primair", "BP Meten Kwaliteit"),
    "id-c3a657ec2aa44485bbd5545a22951d2e": ("primair", "BP Uitvoeren Onderzoek"),
    "id-1f057cf3c42344f9adf4b2bc986ea171": ("primair", "BP Incasseren Vorderingen"),
    "id-3c53d74fb63c4dca829b76b01e469d2a": ("primair", "BP Incasseren Vorderingen Deurwaarder"),
    "id-b2b35e8023f24de0a3d412db5f236124": ("primair", "BP Beheren Debiteuren"),
    "id-ff8f5bef4faa459fbf0321586f7c4046": ("primair", "BP Beheren Energieprestatie"),
    "id-30bd305cad344d509c4c172baff68b0a": ("primair", "BP Monitoren energieprestaties"),
    # business processes: supporting (registration of master data, dossiers, finance, payments)
    "id-c0bacb9667c84941bfe978a60d6ac0dc": ("ondersteunend", "BP Beheren Vastgoedgegevens"),
    "id-6b39ed17d0534699b0d7ebc7521b107d": ("ondersteunend", "BP Registreren Eenheden"),
    "c52e9587-62a1-44d4-b080-c027bd57cba8": ("ondersteunend", "BP Beheren Relatiegegevens"),
    "id-00312b09-1d77-4831-965b-cdfd0860f411": ("ondersteunend", "BP Beheren Financiële Gegevens"),
    "id-dc636dbc60ef4675a5bd4b7359a9c537": ("ondersteunend", "BP Beheren Dossier"),
    "id-f3d0e013f1124fab87cf1d67b963ebcd": ("ondersteunend", "BP Leveren Financiële Diensten"),
    "id-e90ff978b5284d1199dd5f4993c398c2": ("ondersteunend", "BP Leveren betaaldiensten"),
}

CANONICAL_CATEGORY = {"sturend": "steering", "primair": "primary", "ondersteunend": "supporting"}

# BusinessProcess elements that stand for a kind of process, not for a process: the metamodel in
# the views "Processen" and "Procesberichten", and the stand-in for "any business process of the
# corporation" that asks the chain Kwaliteitsmanagement for a measurement.
PLACEHOLDERS = {
    "Processtap": "metamodel placeholder (views Processen, Procesberichten)",
    "Werkproces": "metamodel placeholder (views Processen, Procesberichten)",
    "Bedrijfsproces": "metamodel placeholder (views Processen, Procesberichten)",
    "Ketenproces": "metamodel placeholder (views Processen, Procesberichten)",
    "Stuurproces": "metamodel placeholder (views Processen, Procesberichten)",
    "Bedrijfsproces corporatie": "stands for any business process that asks for a quality measurement (view Kwaliteitsmanagement)",
}

CHAIN_GROUPING_PREFIX = "Ketenproces "
FUNCTION_LEGEND = "Legenda bedrijfsfuncties"
CHAINS_PROPERTY = "Procesketens"
PART_OF = ("Composition", "Aggregation")

HEADER = ["id", "code", "name", "level", "category", "parent", "order", "owner", "function",
          "services", "events", "applications", "next", "status", "description",
          "requirements", "steers", "reports-to", "pdca-phase", CHAINS_PROPERTY]


def clean_name(name):
    """VERA's name as a user expects it: no "BP "/"WP " prefix, no runs of spaces."""
    for prefix in ("BP ", "WP "):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return re.sub(" {2,}", " ", name)


def text_of(element, tag):
    child = element.find(ARCHIMATE + tag)
    return child.text or "" if child is not None else ""


def csv_cell(value):
    """As cora's canonical writer quotes: only when a reader would not give the text back."""
    if value and (value[0] in " \t" or value[-1] in " \t" or any(c in value for c in ',"\n\r')):
        return '"' + value.replace('"', '""') + '"'
    return value


class Release:
    """The elements, relations and views of one exchange document."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.elements = {}  # id -> (type, name, documentation), in document order
        for element in root.find(ARCHIMATE + "elements"):
            self.elements[element.get("identifier")] = (
                element.get(XSI_TYPE), text_of(element, "name"), text_of(element, "documentation"))
        self.relations = [(r.get(XSI_TYPE), r.get("source"), r.get("target"))
                          for r in root.find(ARCHIMATE + "relationships")]
        self.views = []  # per view: [(element id, fill colour)] of every node, nested ones too
        diagrams = root.find(ARCHIMATE + "views").find(ARCHIMATE + "diagrams")
        for view in diagrams:
            nodes = []
            stack = list(view.findall(ARCHIMATE + "node"))
            while stack:
                node = stack.pop(0)
                if node.get("elementRef"):
                    nodes.append((node.get("elementRef"), fill_colour(node)))
                stack[0:0] = node.findall(ARCHIMATE + "node")
            self.views.append(nodes)

    def type(self, identifier):
        return self.elements.get(identifier, (None,))[0]

    def name(self, identifier):
        return self.elements[identifier][1]


def fill_colour(node):
    style = node.find(ARCHIMATE + "style")
    fill = style.find(ARCHIMATE + "fillColor") if style is not None else None
    return None if fill is None else (fill.get("r"), fill.get("g"), fill.get("b"))


def derive(release, log):
    """The reference's rows (dicts of the canonical fields), or raises SystemExit."""
    elements, relations = release.elements, release.relations

    # Chains: each interaction, and each chain grouping no interaction stands for.
    chains = {}  # chain id -> name
    grouping_chain = {}  # grouping id -> chain id
    for identifier, (kind, name, _) in elements.items():
        if kind == "BusinessInteraction":
            chains[identifier] = clean_name(name)
    for kind, source, target in relations:
        if kind not in PART_OF:
            continue
        for interaction, grouping in ((source, target), (target, source)):
            if release.type(interaction) == "BusinessInteraction" and release.type(grouping) == "Grouping" \
                    and release.name(grouping).startswith(CHAIN_GROUPING_PREFIX):
                grouping_chain[grouping] = interaction
    for identifier, (kind, name, _) in elements.items():
        if kind == "Grouping" and name.startswith(CHAIN_GROUPING_PREFIX) and identifier not in grouping_chain:
            grouping_chain[identifier] = identifier
            chains[identifier] = clean_name(name[len(CHAIN_GROUPING_PREFIX):])
    # Order the chains as their elements stand in the file.
    chains = {identifier: chains[identifier] for identifier in elements if identifier in chains}

    placeholders = [identifier for identifier, (kind, name, _) in elements.items()
                    if kind == "BusinessProcess" and name in PLACEHOLDERS]
    processes = [identifier for identifier, (kind, _, _) in elements.items()
                 if kind == "BusinessProcess" and identifier not in placeholders]

    # Chain membership of business processes.
    member_of = {}  # process id -> [chain id]
    for kind, source, target in relations:
        if kind in PART_OF and target in processes:
            chain = grouping_chain.get(source) or (source if source in chains else None)
            if chain and chain not in member_of.setdefault(target, []):
                member_of[target].append(chain)

    # Parents among processes: the first part-of relation in the file.
    parent = {}
    for kind, source, target in relations:
        if kind in PART_OF and source in processes and target in processes and target not in parent:
            parent[target] = source

    def depth(identifier):
        seen = 0
        while identifier in parent:
            identifier = parent[identifier]
            seen += 1
            if seen > 10:
                sys.exit(f"error: the processes above {identifier} form a cycle")
        return seen, identifier

    level = {}
    left_out = []
    for identifier in processes:
        steps, top = depth(identifier)
        if top in member_of or release.name(top).startswith("BP "):
            level[identifier] = ("business-process", "work-process", "process-step")[min(steps, 2)]
        else:
            left_out.append((identifier, "in no chain, no business process, no \"BP \" name"))

    # Functions from the colour legends of the views.
    candidates = {}  # process id -> set of function names, intersected over the views
    for nodes in release.views:
        legend = {}
        for identifier, colour in nodes:
            if release.type(identifier) == "BusinessFunction" and colour is not None:
                legend.setdefault(colour, set()).add(release.name(identifier))
        for identifier, colour in nodes:
            if identifier in level and colour in legend:
                candidates[identifier] = candidates.get(identifier, legend[colour]) & legend[colour]
    function = {identifier: next(iter(names)) for identifier, names in candidates.items() if len(names) == 1}

    # Categories.
    missing = []
    category = {}
    for identifier in list(chains) + [p for p in processes if level.get(p) == "business-process"]:
        entry = CATEGORIES.get(identifier)
        name = chains.get(identifier) or release.name(identifier)
        if entry is None:
            missing.append(f"  \"{identifier}\": (\"?\", \"{name}\"),")
            continue
        if clean_name(entry[1].removeprefix(CHAIN_GROUPING_PREFIX)) != clean_name(name):
            log(f"note: {identifier} is \"{name}\" in this release, \"{entry[1]}\" in CATEGORIES; its category is kept")
        category[identifier] = CANONICAL_CATEGORY[entry[0]]
    if missing:
        log("error: CATEGORIES has no category for these chains and business processes; decide them and add:")
        for line in missing:
            log(line)
        raise SystemExit(1)

    def category_of(identifier):
        while identifier not in category and identifier in parent:
            identifier = parent[identifier]
        return category.get(identifier, "")

    rows = []

    def row(identifier, name, level_name, parent_id, description):
        return {"id": identifier, "name": name, "level": level_name, "category": category_of(identifier),
                "parent": parent_id, "function": function.get(identifier, ""), "description": description,
                CHAINS_PROPERTY: "|".join(chains[c] for c in member_of.get(identifier, []) if level_name == "business-process")}

    for identifier, name in chains.items():
        rows.append(row(identifier, name, "process-chain", "", elements[identifier][2]))
    children = {}
    for identifier in processes:
        if identifier in level and identifier in parent:
            children.setdefault(parent[identifier], []).append(identifier)

    def add(identifier):
        rows.append(row(identifier, clean_name(release.name(identifier)), level[identifier],
                        parent.get(identifier, ""), elements[identifier][2]))
        for child in children.get(identifier, []):
            add(child)

    for identifier in processes:
        if level.get(identifier) == "business-process":
            add(identifier)

    for identifier in placeholders:
        log(f"left out: {identifier} \"{release.name(identifier)}\": {PLACEHOLDERS[release.name(identifier)]}")
    for identifier, why in left_out:
        log(f"left out: {identifier} \"{release.name(identifier)}\": {why}")
    counts = {}
    for r in rows:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    log("wrote " + ", ".join(f"{counts[k]} {k}" for k in ("process-chain", "business-process", "work-process", "process-step") if k in counts)
        + f"; {sum(1 for r in rows if r['function'])} with a function")
    return rows


def render(rows):
    lines = [",".join(HEADER)]
    for r in rows:
        lines.append(",".join(csv_cell(r.get(column, "")) for column in HEADER))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Derives References/vera.csv from a VERA release (ArchiMate exchange XML).")
    parser.add_argument("release", help="the release, e.g. ../shared/realworld/vera-domeinmodellen/VERA-4.3.1.xml")
    parser.add_argument("-o", "--output", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "References", "vera.csv"),
                        help="where to write the CSV; - for standard output (default: References/vera.csv)")
    arguments = parser.parse_args()
    rows = derive(Release(arguments.release), lambda message: print(message, file=sys.stderr))
    text = render(rows).encode("utf-8")
    if arguments.output == "-":
        sys.stdout.buffer.write(text)
    else:
        with open(arguments.output, "wb") as output:
            output.write(text)


if __name__ == "__main__":
    main()
