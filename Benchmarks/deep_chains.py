#!/usr/bin/env python3
"""Times `cora` on deep chains (issue 13, item 17), to show that the work grows linearly with the
length of a chain: Markdown of a parent chain (with and without a business process on top), the
Archi export of a chain whose processes have a category, an Archi set of one long aggregation
chain (import and export), and an Archi set of relations on relations whose last link has a
missing end.

    python3 Benchmarks/deep_chains.py [--cora .build/release/cora] [--sizes 1000,10000,50000,100000]
                                      [--timeout 300] [--cases md-top,md-flat,archi-out,archi-chain,archi-relations]

Prints a Markdown table: seconds (wall clock) and output bytes per case and size; a run that
exceeds --timeout shows as "> N s". Every run raises --max-depth above the chain's length.
"""
import argparse
import os
import subprocess
import tempfile
import time

HEADER = "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description\n"


def table_chain(path, count, top_level="", category="", every_category=False):
    with open(path, "w") as out:
        out.write(HEADER)
        for index in range(1, count + 1):
            level = top_level if index == 1 else ""
            cat = category if (index == 1 or every_category) else ""
            parent = "" if index == 1 else f"p{index - 1}"
            out.write(f"p{index},,Stap {index},{level},{cat},{parent},,,,,,,,,\n")


def quoted(fields):
    return ",".join('"' + field.replace('"', '""') + '"' for field in fields) + "\r\n"


def archi_set(folder, elements, relations, properties):
    os.makedirs(folder, exist_ok=True)
    for name, header, rows in [
        ("elements.csv", ["ID", "Type", "Name", "Documentation", "Specialization"], elements),
        ("relations.csv", ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"], relations),
        ("properties.csv", ["ID", "Key", "Value"], properties),
    ]:
        with open(os.path.join(folder, name), "w") as out:
            out.write(quoted(header))
            for row in rows:
                out.write(quoted(row))


def archi_chain(folder, count):
    elements = [["g", "Grouping", "Primaire processen", "", ""]] + [[f"e{i}", "BusinessProcess", f"Stap {i}", "", ""] for i in range(1, count + 1)]
    relations = [["rg", "AggregationRelationship", "", "", "g", "e1", ""]] + [
        [f"r{i}", "CompositionRelationship", "", "", f"e{i - 1}", f"e{i}", ""] for i in range(2, count + 1)]
    properties = [[f"e{i}", "CORA-concepttype", ""] for i in range(1, count + 1)]
    archi_set(folder, elements, relations, properties)


def archi_relations(folder, count):
    elements = [["o", "BusinessObject", "Huurcontract", "", ""]]
    relations = [[f"r{i}", "AssociationRelationship", "", "", "gone" if i == count else f"r{i + 1}", "o", ""] for i in range(1, count + 1)]
    archi_set(folder, elements, relations, [])


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, name)) for name in os.listdir(path))
    return os.path.getsize(path) if os.path.exists(path) else 0


def run(cora, arguments, output, timeout, cwd):
    start = time.monotonic()
    try:
        subprocess.run([cora] + arguments + ["-o", output], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout} s", ""
    seconds = time.monotonic() - start
    return f"{seconds:.2f} s", f"{size_of(os.path.join(cwd, output)):,}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cora", default=".build/release/cora")
    parser.add_argument("--sizes", default="1000,10000,50000,100000")
    parser.add_argument("--timeout", type=int, default=300)
    parser.add_argument("--cases", default="md-top,md-flat,archi-out,archi-chain,archi-relations")
    options = parser.parse_args()
    cora = os.path.abspath(options.cora)
    sizes = [int(size) for size in options.sizes.split(",")]
    cases = options.cases.split(",")
    print("| case | " + " | ".join(f"{size:,}" for size in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for case in cases:
        cells = []
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                depth = ["--max-depth", str(size * 2)]
                if case == "md-top":
                    table_chain(os.path.join(folder, "in.csv"), size, top_level="business-process", category="primary")
                    seconds, written = run(cora, ["convert", "in.csv", "--to", "md"] + depth, "out.md", options.timeout, folder)
                elif case == "md-flat":
                    table_chain(os.path.join(folder, "in.csv"), size)
                    seconds, written = run(cora, ["convert", "in.csv", "--to", "md"] + depth, "out.md", options.timeout, folder)
                elif case == "archi-out":
                    table_chain(os.path.join(folder, "in.csv"), size, category="primary", every_category=True)
                    seconds, written = run(cora, ["convert", "in.csv", "--to", "archi"] + depth, "out", options.timeout, folder)
                elif case == "archi-chain":
                    archi_chain(os.path.join(folder, "set"), size)
                    seconds, written = run(cora, ["convert", "set", "--mapping", "archi", "--to", "archi"] + depth, "out",
                                           options.timeout, folder)
                elif case == "archi-relations":
                    archi_relations(os.path.join(folder, "set"), size)
                    seconds, written = run(cora, ["convert", "set", "--mapping", "archi", "--to", "archi"] + depth, "out",
                                           options.timeout, folder)
                else:
                    raise SystemExit(f"unknown case {case}")
                cells.append(f"{seconds}, {written} B" if written else seconds)
        print(f"| {case} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
