#!/usr/bin/env python3
"""Time `cora diff` and `cora coverage` on two large models, and check the pairs they make.

The old model is the benchmark inventory (generate_inventory.py, Dutch Excel layout, mapping
excel-nl), its repeated business process names numbered. The new model is made from it as a migration would: every code renumbered (`P00001` ->
`N-P00001`, parents too), so that no id and no code pairs and every pair comes from the names and
the places; 2 % of the work processes and steps removed, 5 % renamed (a word changed or added), 2 %
with another owner, 1 % added. Because the new model is made from the old, the right partner of each
process is known, and the pairs `cora diff --write-pairs` writes are counted as right or wrong.

`cora coverage NEW --reference OLD` is timed on the same two models (when this cora has the command).

Usage: compare.py [--rows 10000,100000] [--cora .build/release/cora] [--output Benchmarks/comparison.md]
Only the Python 3 standard library is used; peak memory is read with GNU time (/usr/bin/time).
"""

import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def log(message):
    print(message, file=sys.stderr, flush=True)


def number_namesakes(path):
    """Numbers business processes that repeat a name (`Bepalen visie Landsmeer 2`): the generator
    repeats its templates, an inventory does not, and namesakes cora rightly refuses to pair by guess."""
    with open(path, newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source, delimiter=";"))
    seen = {}
    for row in rows[1:]:
        if row[2] == "Bedrijfsproces":
            seen[row[1]] = seen.get(row[1], 0) + 1
            if seen[row[1]] > 1:
                row[1] = f"{row[1]} {seen[row[1]]}"
    with open(path, "w", newline="", encoding="utf-8") as target:
        csv.writer(target, delimiter=";", lineterminator="\r\n").writerows(rows)


def derive(old_path, new_path, seed=7):
    """Writes the new model; returns the number of processes removed, renamed, changed and added."""
    rng = random.Random(seed)
    counts = {"removed": 0, "renamed": 0, "owner": 0, "added": 0}
    with open(old_path, newline="", encoding="utf-8") as source, open(new_path, "w", newline="", encoding="utf-8") as target:
        reader = csv.reader(source, delimiter=";")
        writer = csv.writer(target, delimiter=";", lineterminator="\r\n")
        header = next(reader)
        writer.writerow(header)
        removed = set()
        for row in reader:
            draw = rng.random()
            if row[2] != "Bedrijfsproces" and (draw < 0.02 or row[4] in removed):
                removed.add(row[0])
                counts["removed"] += 1
                continue
            if draw < 0.07:
                words = row[1].split(" ")
                if len(words) > 2:
                    words[-1] = words[-1] + "s" if not words[-1].endswith("s") else words[-1][:-1]
                else:
                    words.append("nieuw")
                row[1] = " ".join(words)
                counts["renamed"] += 1
            elif draw < 0.09:
                row[5] = row[5] + " (nieuw)"
                counts["owner"] += 1
            row[0] = "N-" + row[0]
            if row[4]:
                row[4] = "N-" + row[4]
            writer.writerow(row)
            if rng.random() < 0.01 and row[2] == "Werkproces":
                counts["added"] += 1
                writer.writerow([f"{row[0]}-X{counts['added']}", f"Vastleggen {row[1].split(' ')[-1]} extra",
                                 "Processtap", row[3], row[0], row[5], "", "", "", "", ""])
    return counts


def timed(argv, ok=(0, 1)):
    """Runs `argv` under GNU time; returns (seconds, peak MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + [str(a) for a in argv],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        if done.returncode not in ok:
            sys.exit(f"compare: {' '.join(map(str, argv))} ended with {done.returncode}:\n{done.stderr[-2000:]}")
        kib = int(report.read().strip().splitlines()[-1])
    return seconds, kib / 1024


def pairs_in(path):
    """The (old, new) ids of a pairs file as cora writes it: the guesses, and the certain pairs in comments."""
    pairs, old = [], None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#?  - old: (\S+)", line)
        if match:
            old = match.group(1)
            continue
        match = re.match(r"^#?    new: (\S+)", line)
        if match and old is not None:
            pairs.append((old, match.group(1)))
            old = None
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="10000,100000")
    parser.add_argument("--cora", default=str(ROOT / ".build/release/cora"))
    parser.add_argument("--output", default=str(BENCH / "comparison.md"))
    args = parser.parse_args()
    sizes = [int(size) for size in args.rows.split(",")]
    has_coverage = re.search(r"^\s+coverage\s", subprocess.run([args.cora, "--help"], capture_output=True, text=True).stdout, re.M) is not None
    lines = ["| rows (old / new) | `cora diff` | peak memory | pairs | right | wrong | renames found |"
             + (" `cora coverage` | peak memory |" if has_coverage else ""),
             "|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if has_coverage else "")]
    with tempfile.TemporaryDirectory(prefix="cora-compare-") as folder:
        folder = Path(folder)
        for rows in sizes:
            old, new, pairs = folder / f"old-{rows}.csv", folder / f"new-{rows}.csv", folder / f"pairs-{rows}.yaml"
            log(f"== {rows:,} rows")
            subprocess.run([sys.executable, BENCH / "generate_inventory.py", "--rows", str(rows), "--out", old], check=True)
            number_namesakes(old)
            counts = derive(old, new)
            with open(new, encoding="utf-8") as handle:
                new_rows = sum(1 for _ in csv.reader(handle, delimiter=";")) - 1
            seconds, mib = timed([args.cora, "diff", old, new, "--mapping", "excel-nl", "--to", "csv", "-o", folder / "diff.csv",
                                  "--write-pairs", pairs])
            found = pairs_in(pairs)
            right = sum(1 for a, b in found if b == "N-" + a)
            with open(folder / "diff.csv", encoding="utf-8") as handle:
                renames = sum(1 for row in csv.reader(handle) if row and row[0] == "renamed")
            row = (f"| {rows:,} / {new_rows:,} | {seconds:.2f} s | {mib:.0f} MiB | {len(found):,} | {right:,} | "
                   f"{len(found) - right:,} | {renames:,} of {counts['renamed']:,} |")
            if has_coverage:
                cover_seconds, cover_mib = timed([args.cora, "coverage", new, "--mapping", "excel-nl", "--reference", old,
                                                  "--reference-mapping", "excel-nl", "--to", "csv", "-o", folder / "coverage.csv"])
                row += f" {cover_seconds:.2f} s | {cover_mib:.0f} MiB |"
            lines.append(row)
            log(lines[-1])
    text = ("# Comparing models at scale (`make bench-compare`)\n\n"
            "Two models made by `Benchmarks/compare.py` (see its docstring): every code renumbered, so every pair\n"
            "comes from names and places; 2 % removed, 5 % renamed, 2 % another owner, 1 % added. Times are wall clock\n"
            f"on this machine ({os.cpu_count()} cores), one run each, release build.\n\n" + "\n".join(lines) + "\n")
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
