#!/usr/bin/env python3
"""bench.py: the benchmark suite of issues #7 and #21 (`make bench`, `make bench-smoke`, `make bench-huge`).

In one run it
  1. generates deterministic inventories with generate_inventory.py (cached in Benchmarks/data/,
     git-ignored): one per size (default 1,000, 100,000 and 1,000,000 rows), a batch set (200 files of
     5,000 rows) and a 50-row file for start-up;
  2. measures, on each size and side by side:
       cora convert FILE --mapping excel-nl --to csv -o OUT
       Miller       the same remap with rename / put (Benchmarks/remap.mlr) / reorder
       Python       Benchmarks/remap.py (stdlib csv, parent lookup with a dict)
       C (libcsv)   Benchmarks/csv_remap.c, the practical ceiling
       cora validate FILE --mapping excel-nl
       Miller plain the plain remap a user would reach for: cut -o -f of the mapped columns, rename
     then --to md and --to dot (10,000 and 100,000 rows), cora batch with --jobs 1 and 2 (when the
     binary has it) and the start-up on the 50-row file; median wall time, MB/s, rows/s, peak RSS, CPU
     time and the ratio to cora convert;
  2b. with --huge (opt-in, minutes: `make bench-huge`): generates a 10,000,000-row inventory (~1.3 GB,
     cached like the others) and runs cora convert --to csv, cora validate and the C remap on it once
     each under /usr/bin/time (wall time, peak RSS, CPU; no medians), for memory and linearity from
     100,000 to 10,000,000 rows; record counts checked, outputs deleted. --huge-rows N runs that path
     on N rows instead (to test it quickly);
  3. checks every tool's output (record counts; the same (code, name, level, category) set as the
     Python reference; (code, name) for Miller's plain remap, which maps no values) and exits 1 with a
     clear message on any mismatch, before writing anything;
  4. runs Benchmarks/run.sh (the reader benchmark) and writes the report (BENCHMARKS.md by default)
     with the machine, the exact commands, one table per measurement and the targets of issues #21
     and #7.

Timing: time.perf_counter around posix_spawn + wait4 of the tool itself (no shell, no wrapper). Each
tool first runs once under `/usr/bin/time -f '%M %U %S'` for its peak RSS and CPU time (that run also
warms the caches and is not timed), then N timed runs (N = 3 for 1,000,000 rows and the batch set,
5 otherwise, 20 for start-up). Only the Python 3 standard library is used.

Usage: bench.py [--sizes 1000,100000,1000000] [--smoke] [--output BENCHMARKS.md] [--runs N]
                [--huge [--huge-rows 10000000]]
"""

import argparse
import csv
import datetime
import hashlib
import importlib.util
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path("Benchmarks")
DATA = BENCH / "data"
BIN = DATA / "bin"
OUT = DATA / "out"
GNU_TIME = "/usr/bin/time"
CORA_BUILT = Path(".build/release/cora")
CANONICAL = ["id", "code", "name", "level", "category", "parent", "order", "owner", "function",
             "services", "events", "applications", "next", "status", "description",
             "requirements", "steers", "reports-to", "pdca-phase"]  # canonical layout 2
MLR_RENAME = ("Procescode,code,Procesnaam,name,Soort,level,Procesgroep,category,"
              "Bovenliggend proces,parent,Proceseigenaar,owner,Bedrijfsfunctie,function,"
              "Levert dienst,services,Applicaties,applications,Omschrijving,description")
# Miller's plain remap (issue #21): only `cut -o -f` of the input columns that excel-nl maps, in canonical
# order, and `rename`; no DSL. The pairs of MLR_RENAME are exactly those columns (Opmerking stays out).
MLR_PAIRS = list(zip(MLR_RENAME.split(",")[0::2], MLR_RENAME.split(",")[1::2]))
MLR_PLAIN_CUT = ",".join(source for source, name in sorted(MLR_PAIRS, key=lambda pair: CANONICAL.index(pair[1])))
SEED = 20250301  # generate_inventory.py's default: the cached inventory-N.csv files use it

# The issue's targets (on the 1,000,000-row file).
TARGET_MBPS = 100.0
TARGET_VS_MILLER = 2.5
TARGET_VS_PYTHON = 3.0
TARGET_OF_C = 0.60
TARGET_RSS_OF_INPUT = 1.5
TARGET_STARTUP_MS = 30.0
TARGET_BATCH_SPEEDUP = 1.7
TARGET_LINEAR = 0.25
# Issue #21's targets (on the 1,000,000-row file; linearity from 100,000 to 10,000,000 rows).
TARGET21_OF_C = 0.60
TARGET21_VS_PYTHON = 3.0
TARGET21_VS_MILLER_PLAIN = 2.0
TARGET21_RSS_OF_INPUT = 1.5
TARGET21_VALIDATE_SPEEDUP = 1.3
TARGET21_DOCUMENTS_LINEAR = 1.25  # time per row at 100k ÷ at 10k
HUGE_ROWS = 10_000_000


class BenchError(Exception):
    """A wrong result or a tool that failed: reported, and the run exits 1."""


def fail(message):
    raise BenchError(message)


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------
# Running and measuring


class Run:
    """One measured command: N timed runs and one run under /usr/bin/time."""

    def __init__(self, label, argv, stdout_path=None, ok_status=(0,), before_each=None):
        self.label = label
        self.before_each = before_each
        self.argv = [str(a) for a in argv]
        self.stdout_path = stdout_path
        self.ok_status = ok_status
        self.times = []
        self.rss_kib = None
        self.cpu = None
        self.status = None
        self.stderr = ""

    @property
    def median(self):
        return statistics.median(self.times)

    def command(self):
        text = shlex.join(self.argv)
        return text + (f" > {self.stdout_path}" if self.stdout_path else "")


def spawn(argv, stdout_path, stderr_path):
    """Runs argv (stdout to stdout_path or /dev/null, stderr to stderr_path); returns (s, status)."""
    out = os.open(stdout_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, err, 2)])
        _, wait_status, _ = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
    finally:
        os.close(out)
        os.close(err)
    return seconds, os.waitstatus_to_exitcode(wait_status)


def measure(runs, n):
    """Measures each Run: first one run each under /usr/bin/time (peak RSS, CPU; also the warm-up, not
    timed), then n rounds of timed runs, the tools taking turns within each round so that a change in
    the machine's load hits them all alike. With n = 0 the run under /usr/bin/time is the only one and
    is timed too. Returns runs (a list) or the one Run given."""
    single = isinstance(runs, Run)
    runs = [runs] if single else list(runs)
    stderr_path = OUT / "stderr.txt"
    rss_path = OUT / "time.txt"
    for run in runs:
        log(f"  {run.label}: {run.command()}")
    for round_number in range(n + 1):
        for run in runs:
            if run.before_each:
                run.before_each()
            wrapped = round_number == 0
            argv = [GNU_TIME, "-f", "%M %U %S", "-o", str(rss_path)] + run.argv if wrapped else run.argv
            seconds, status = spawn(argv, run.stdout_path, stderr_path)
            run.stderr = stderr_path.read_text(errors="replace")
            if status not in run.ok_status:
                tail = "\n".join(run.stderr.strip().splitlines()[-15:])
                fail(f"{run.label} exited with status {status}: {run.command()}\n{tail}")
            if run.status is not None and status != run.status:
                fail(f"{run.label} exited with {run.status} and then with {status}: {run.command()}")
            run.status = status
            if wrapped:
                fields = rss_path.read_text().strip().splitlines()[-1].split()
                run.rss_kib = int(fields[0])
                run.cpu = float(fields[1]) + float(fields[2])
                if n == 0:  # one run only (the huge size): the run under /usr/bin/time is the timed one
                    run.times.append(seconds)
            else:
                run.times.append(seconds)
    for run in runs:
        log(f"    {run.label}: median {run.median:.3f} s, peak RSS {run.rss_kib / 1024:.1f} MiB")
    return runs[0] if single else runs


def capture(argv):
    """stdout+stderr of a short command, '' when it cannot run."""
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        return (result.stdout + result.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


# ---------------------------------------------------------------------------------------------------
# Inputs


def load_generator():
    sys.dont_write_bytecode = True  # no __pycache__ in Benchmarks/
    spec = importlib.util.spec_from_file_location("generate_inventory", BENCH / "generate_inventory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(generator, rows, path, seed=SEED):
    if path.exists():
        return path
    log(f"generating {path} ({rows:,} rows)")
    tmp = path.with_name(path.name + ".tmp")
    generator.main(["--rows", str(rows), "--out", str(tmp), "--seed", str(seed)])
    tmp.rename(path)
    return path


def generate_batch(generator, files, rows):
    directory = DATA / f"batch-{files}x{rows}"
    done = directory / ".complete"
    if done.exists():
        return directory, sorted(directory.glob("*.csv"))
    log(f"generating {directory}/ ({files} files of {rows:,} rows)")
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for index in range(files):
        generator.main(["--rows", str(rows), "--out", str(directory / f"inventory-{index + 1:03d}.csv"),
                        "--seed", str(SEED + index + 1)])
    done.write_text("")
    return directory, sorted(directory.glob("*.csv"))


def miller_plain(path, stdout_path):
    """Miller's plain remap: what a user would reach for without a mapping (issue #21)."""
    return Run("Miller plain (cut + rename)", ["mlr", "--icsv", "--ifs", ";", "--ocsv", "cut", "-o", "-f",
                                               MLR_PLAIN_CUT, "then", "rename", MLR_RENAME, path],
               stdout_path=stdout_path)


def count_records(path, delimiter):
    """Records of a CSV file (header included) by csv_count on libcsv."""
    result = subprocess.run([str(BIN / "csv_count"), "-d", delimiter, str(path)], capture_output=True, text=True)
    match = re.fullmatch(r"records=(\d+) fields=(\d+)", result.stdout.strip())
    if result.returncode != 0 or not match:
        fail(f"csv_count could not read {path}: {result.stderr.strip() or result.stdout.strip()}")
    return int(match.group(1))


def column_keys(path, names, clean=lambda column, value: value):
    """The set of the cells of the columns `names` of each record of a CSV (joined with ␟, each
    through `clean(column name, value)`), and its number of data rows."""
    keys = set()
    rows = 0
    with open(path, newline="", encoding="utf-8") as source:
        reader = csv.reader(source)
        header = next(reader)
        try:
            columns = [header.index(name) for name in names]
        except ValueError:
            fail(f"{path}: the header has no {', '.join(names)} columns: {header[:16]}")
        for record in reader:
            rows += 1
            keys.add("\x1f".join(clean(name, record[c] if c < len(record) else "") for name, c in zip(names, columns)))
    return keys, rows


def process_keys(path):
    """The set of 'code␟name␟level␟category' of a canonical CSV, and its number of data rows."""
    return column_keys(path, ("code", "name", "level", "category"))


def code_name_keys(path):
    """The set of 'code␟name' of a CSV with code and name columns, the cells trimmed and the name's
    whitespace collapsed (as the canonical CSV has them), and its number of data rows."""
    return column_keys(path, ("code", "name"),
                       lambda column, value: " ".join(value.split()) if column == "name" else value.strip())


def describe_difference(reference, keys, reference_name, name):
    missing = sorted(reference - keys)[:3]
    extra = sorted(keys - reference)[:3]
    show = lambda items: "; ".join(item.replace("\x1f", " | ") for item in items) or "none"
    return (f"{len(reference - keys)} in {reference_name} but not in {name} (e.g. {show(missing)}), "
            f"{len(keys - reference)} in {name} but not in {reference_name} (e.g. {show(extra)})")


# ---------------------------------------------------------------------------------------------------
# The machine


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1048576:.1f} GiB"
    os_name = platform.system()
    if Path("/etc/os-release").exists():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    dpkg = lambda package: capture(["dpkg-query", "-W", "-f", "${Version}", package]) or "unknown"
    swift = capture(["swift", "--version"]).splitlines()
    commit = capture(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    dirty = capture(["git", "status", "--porcelain", "--", "Sources", "Package.swift"])
    return [
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("memory", memory),
        ("OS", os_name),
        ("kernel", f"{platform.system()} {platform.release()}"),
        ("Swift", next((line for line in swift if "Swift version" in line), "unknown")),
        ("cora", f"{capture([str(BIN / 'cora'), '--version']) or 'unknown'}, commit {commit}"
                 + (" with uncommitted changes in Sources/ (built from the working tree)" if dirty else "")
                 + f"; binary sha256 {sha256(BIN / 'cora')[:16]}…"),
        ("Miller", capture(["mlr", "--version"]) or "unknown"),
        ("Python", platform.python_version()),
        ("C compiler", (capture(["cc", "--version"]).splitlines() or ["unknown"])[0]),
        ("libcsv", dpkg("libcsv-dev")),
        ("GNU time", dpkg("time")),
        ("load average (1, 5, 15 min) at the start", load_average()),
    ]


def load_average():
    """The load average: other work on the machine makes every number slower and noisier."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------------
# Formatting


def mib(kib):
    return f"{kib / 1024:,.1f}"


def seconds_text(value):
    return f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def table(header, rows, align):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def rate_cells(run, size_bytes, rows):
    return [seconds_text(run.median), f"{size_bytes / 1e6 / run.median:,.1f}", f"{rows / run.median:,.0f}",
            mib(run.rss_kib), f"{run.cpu:.2f}"]


def mark(ok):
    return "✓" if ok else "✗"


# ---------------------------------------------------------------------------------------------------
# The suite


class Suite:
    def __init__(self, args):
        self.args = args
        self.cora = str(BIN / "cora")
        self.sizes = {}        # rows -> dict of results
        self.documents = {}    # rows -> (input bytes, --to csv Run, [(run, output bytes)])
        self.batch = None
        self.startup = None
        self.reader = None
        self.huge = None       # the --huge run: dict of results, or None when not run
        self.notes = []

    def runs_for(self, rows):
        if self.args.runs:
            return self.args.runs
        return 3 if rows >= 1_000_000 else 5

    def tool_runs(self, path, rows):
        directory = OUT / str(rows)
        directory.mkdir(parents=True, exist_ok=True)
        return {
            "validate": Run("cora validate", [self.cora, "validate", path, "--mapping", "excel-nl"], ok_status=(0, 1)),
            "cora": Run("cora convert", [self.cora, "convert", path, "--mapping", "excel-nl", "--to", "csv",
                                         "-o", directory / "cora.csv"], ok_status=(0, 1)),
            "mlr": Run("Miller", ["mlr", "--icsv", "--ifs", ";", "--ocsv", "rename", MLR_RENAME,
                                  "then", "put", "-f", BENCH / "remap.mlr",
                                  "then", "reorder", "-f", ",".join(CANONICAL), path],
                       stdout_path=directory / "mlr.csv"),
            "mlr-plain": miller_plain(path, directory / "mlr-plain.csv"),
            "python": Run("Python (remap.py)", ["python3", BENCH / "remap.py", path, "-o",
                                                directory / "python.csv"]),
            "c": Run("C (libcsv, csv_remap)", [BIN / "csv_remap", "-o", directory / "c.csv", path]),
        }

    # -- convert, validate and the baselines on one size

    def convert_size(self, path, rows):
        size = path.stat().st_size
        log(f"== {rows:,} rows: {path} ({size:,} bytes)")
        records = count_records(path, ";")
        if records != rows + 1:
            fail(f"{path}: {records} records, expected {rows + 1} (header + {rows} rows); "
                 f"delete it to regenerate")
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)  # into the page cache
        runs = self.tool_runs(path, rows)
        n = self.runs_for(rows)
        measure(runs.values(), n)

        # What cora validate says about the input: rows read, processes kept, rows rejected.
        summary = re.search(r"^cora: (?:\d+ files, )?(\d+) rows? read, (\d+) process(?:es)?, (\d+) rejected", runs["validate"].stderr, re.M)
        if not summary:
            fail(f"cora validate printed no summary 'cora: N rows read, N processes, N rejected':\n"
                 f"{runs['validate'].stderr[-2000:]}")
        read, processes, rejected = map(int, summary.groups())
        if read != rows or processes + rejected != rows:
            fail(f"cora validate on {path}: {read} rows read, {processes} processes, {rejected} rejected; "
                 f"the file has {rows} data rows")
        if rejected:
            self.notes.append(f"cora rejected {rejected:,} of the {rows:,} rows (see `cora validate {path} "
                              f"--mapping excel-nl`); its output is compared without them.")

        # Record counts of every output.
        outputs = {key: Path(runs[key].stdout_path) if runs[key].stdout_path
                   else Path(runs[key].argv[runs[key].argv.index("-o") + 1])
                   for key in ("cora", "mlr", "mlr-plain", "python", "c")}
        for key, output in outputs.items():
            expected = (processes if key == "cora" else rows) + 1
            got = count_records(output, ",")
            if got != expected:
                fail(f"{runs[key].label} on {rows:,} rows wrote {got:,} records to {output}, "
                     f"expected {expected:,} (header + {expected - 1:,} rows)")

        # Content: the Python reference keeps every row; cora keeps the rows without errors.
        reference, _ = process_keys(outputs["python"])
        if len(reference) != rows:
            fail(f"Python's output has {len(reference):,} distinct (code, name, level, category), expected {rows:,}")
        for key in ("cora", "mlr", "c"):
            keys, _ = process_keys(outputs[key])
            if key == "cora":
                ok = keys <= reference and len(reference - keys) == rejected
            else:
                ok = keys == reference
            if not ok:
                fail(f"{runs[key].label} and Python disagree on the processes of {path}: "
                     + describe_difference(reference, keys, "Python", runs[key].label))
        # Miller's plain remap maps no values (level and category stay Dutch words) and cleans no cells:
        # its (code, name), trimmed and collapsed, must be Python's.
        reference_names, _ = code_name_keys(outputs["python"])
        keys, _ = code_name_keys(outputs["mlr-plain"])
        if keys != reference_names:
            fail(f"{runs['mlr-plain'].label} and Python disagree on the (code, name) of {path}: "
                 + describe_difference(reference_names, keys, "Python", runs["mlr-plain"].label))
        del reference, reference_names, keys
        # Byte comparison with cora's output (for the report, not a failure).
        cora_bytes = outputs["cora"].read_bytes()
        identity = {"cora": "—", "mlr-plain": f"{len(MLR_PAIRS)} columns, values as in the input"}
        for key in ("mlr", "python", "c"):
            other = outputs[key].read_bytes()
            if other == cora_bytes:
                identity[key] = "byte-identical"
            elif other == cora_bytes.replace(b"\r\n", b"\n"):
                identity[key] = "identical but CRLF in cells → LF"
            else:
                identity[key] = "same processes, other bytes"
        del cora_bytes
        for output in outputs.values():
            output.unlink()
        self.sizes[rows] = {"path": path, "bytes": size, "runs": runs, "processes": processes,
                            "rejected": rejected, "identity": identity, "n": n}

    # -- documents

    def documents_on(self, path, rows):
        """--to md and --to dot on one size; also --to csv (the base of the ratios) when that size has no
        convert table of its own."""
        log(f"== documents on {rows:,} rows")
        directory = OUT / f"documents-{rows}"
        directory.mkdir(parents=True, exist_ok=True)
        n = self.runs_for(rows)
        formats = ("md", "dot") if rows in self.sizes else ("csv", "md", "dot")
        documents = {fmt: Run(f"cora convert --to {fmt}", [self.cora, "convert", path, "--mapping", "excel-nl",
                                                          "--to", fmt, "-o", directory / f"model.{fmt}"],
                              ok_status=(0, 1)) for fmt in formats}
        measure(documents.values(), n)
        results = []
        for fmt, run in documents.items():
            output = directory / f"model.{fmt}"
            if fmt == "csv":
                summary = re.search(r"^cora: (\d+) rows? read, (\d+) process(?:es)?, (\d+) rejected", run.stderr, re.M)
                if not summary or int(summary.group(1)) != rows:
                    fail(f"cora convert on {path} did not report reading {rows:,} rows:\n{run.stderr[-2000:]}")
                got = count_records(output, ",")
                if got != int(summary.group(2)) + 1:
                    fail(f"cora convert on {rows:,} rows wrote {got:,} records to {output}, expected "
                         f"{int(summary.group(2)) + 1:,} (header + its processes)")
                output.unlink()
                continue
            text = output.read_text(encoding="utf-8")
            if fmt == "dot" and not (text.lstrip().startswith(("digraph", "strict digraph"))
                                     and text.rstrip().endswith("}")):
                fail(f"cora convert --to dot wrote no Graphviz digraph to {output}")
            if fmt == "md" and not text.lstrip().startswith("#"):
                fail(f"cora convert --to md wrote no Markdown document to {output}")
            results.append((run, output.stat().st_size))
            output.unlink()
        base = documents["csv"] if "csv" in documents else self.sizes[rows]["runs"]["cora"]
        self.documents[rows] = (path.stat().st_size, base, results)

    def documents_linear(self):
        """Time per row at 100,000 ÷ at 10,000 rows of --to md and --to dot (issue #21), or None."""
        if not (10_000 in self.documents and 100_000 in self.documents):
            return None
        small, big = self.documents[10_000][2], self.documents[100_000][2]
        return {run.label.split()[-1]: (s_run.median / 10_000, run.median / 100_000)
                for (s_run, _), (run, _) in zip(small, big)}

    # -- batch

    def batch_set(self, generator):
        help_text = subprocess.run([self.cora, "batch", "--help"], capture_output=True, text=True)
        text = help_text.stdout + help_text.stderr
        if help_text.returncode != 0 or not re.search(r"USAGE:\s*cora batch", text):
            self.batch = "skipped: cora batch not built yet"
            log(self.batch + " (`cora batch --help` does not show its usage)")
            return
        missing = [option for option in ("--out", "--jobs") if option not in text]
        if missing:
            self.batch = f"skipped: cora batch has no {' or '.join(missing)} option"
            log(self.batch)
            return
        files, rows = self.args.batch_files, self.args.batch_rows
        directory, inputs = generate_batch(generator, files, rows)
        if len(inputs) != files:
            fail(f"{directory} holds {len(inputs)} files, expected {files}; delete it to regenerate")
        total_bytes = sum(p.stat().st_size for p in inputs)
        log(f"== cora batch over {files} files of {rows:,} rows")
        subprocess.run(["cat"] + [str(p) for p in inputs], stdout=subprocess.DEVNULL, check=True)
        n = self.args.runs or 3
        results = []
        for jobs in (1, 2):
            out_dir = OUT / f"batch-jobs{jobs}"
            argv = [self.cora, "batch", directory, "--out", out_dir, "--mapping", "excel-nl", "--to", "csv",
                    "--jobs", str(jobs)]
            if "--force" in text:
                argv.append("--force")
            results.append(Run(f"cora batch --jobs {jobs}", argv,
                               before_each=lambda d=out_dir: shutil.rmtree(d, ignore_errors=True)))
        measure(results, n)
        single = OUT / "batch-single.csv"
        subprocess.run([self.cora, "convert", str(inputs[0]), "--mapping", "excel-nl", "--to", "csv",
                        "-o", str(single)], capture_output=True)
        for jobs in (1, 2):
            out_dir = OUT / f"batch-jobs{jobs}"
            # Every input has its canonical CSV with all of its rows; the first equals cora convert's.
            written = {p.name: p for p in out_dir.rglob("*.csv")}
            for source in inputs:
                output = written.get(source.name)
                if output is None:
                    fail(f"cora batch --jobs {jobs} wrote no {source.name} under {out_dir} "
                         f"(found {len(written)} .csv files)")
                got = count_records(output, ",")
                if got != rows + 1:
                    fail(f"cora batch --jobs {jobs}: {output} has {got} records, expected {rows + 1}")
            if single.read_bytes() != written[inputs[0].name].read_bytes():
                fail(f"cora batch --jobs {jobs}: {written[inputs[0].name]} differs from "
                     f"`cora convert {inputs[0]} --mapping excel-nl --to csv`")
            shutil.rmtree(out_dir, ignore_errors=True)
        single.unlink()
        self.batch = (files, rows, total_bytes, results, directory)

    # -- start-up

    def startup_on(self, path):
        log("== start-up on 50 rows")
        directory = OUT / "startup"
        directory.mkdir(parents=True, exist_ok=True)
        n = self.args.runs or 20
        runs = [
            Run("cora convert", [self.cora, "convert", path, "--mapping", "excel-nl", "--to", "csv",
                                 "-o", directory / "cora.csv"]),
            Run("cora --version", [self.cora, "--version"]),
            Run("C (libcsv, csv_remap)", [BIN / "csv_remap", "-o", directory / "c.csv", path]),
            Run("Python (remap.py)", ["python3", BENCH / "remap.py", path, "-o", directory / "python.csv"]),
            Run("Miller", ["mlr", "--icsv", "--ifs", ";", "--ocsv", "rename", MLR_RENAME, "then", "put", "-f",
                           BENCH / "remap.mlr", "then", "reorder", "-f", ",".join(CANONICAL), path],
                stdout_path=directory / "mlr.csv"),
            miller_plain(path, directory / "mlr-plain.csv"),
        ]
        measure(runs, n)
        got = count_records(directory / "cora.csv", ",")
        if got != 51:
            fail(f"cora convert on the 50-row file wrote {got} records, expected 51")
        shutil.rmtree(directory)
        self.startup = (path, path.stat().st_size, runs, n)

    # -- the huge size (--huge): memory and linearity

    def huge_on(self, path, rows):
        """cora convert --to csv, cora validate and the C remap once each under /usr/bin/time on the
        huge file (minutes per run: no medians); record counts checked, outputs deleted."""
        size = path.stat().st_size
        log(f"== {rows:,} rows (--huge): {path} ({size:,} bytes), one run per tool")
        records = count_records(path, ";")
        if records != rows + 1:
            fail(f"{path}: {records} records, expected {rows + 1} (header + {rows} rows); delete it to regenerate")
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)  # into the page cache
        directory = OUT / "huge"
        directory.mkdir(parents=True, exist_ok=True)
        # cora reads at most 10,000,000 records per file by default, the header included (SECURITY.md):
        # 10,000,000 rows + header are one more, so the limit is raised to just what the file holds.
        limit = ["--max-rows", str(rows + 1)]
        runs = {
            "cora": Run("cora convert", [self.cora, "convert", path, "--mapping", "excel-nl", "--to", "csv",
                                         "-o", directory / "cora.csv"] + limit, ok_status=(0, 1)),
            "validate": Run("cora validate", [self.cora, "validate", path, "--mapping", "excel-nl"] + limit,
                            ok_status=(0, 1)),
            "c": Run("C (libcsv, csv_remap)", [BIN / "csv_remap", "-o", directory / "c.csv", path]),
        }
        measure(runs.values(), 0)
        summary = re.search(r"^cora: (\d+) rows? read, (\d+) process(?:es)?, (\d+) rejected", runs["validate"].stderr, re.M)
        if not summary:
            fail(f"cora validate printed no summary on {path}:\n{runs['validate'].stderr[-2000:]}")
        read, processes, rejected = map(int, summary.groups())
        if read != rows or processes + rejected != rows:
            fail(f"cora validate on {path}: {read} rows read, {processes} processes, {rejected} rejected; "
                 f"the file has {rows} data rows")
        for key, expected in (("cora", processes + 1), ("c", rows + 1)):
            output = directory / f"{key}.csv"
            got = count_records(output, ",")
            if got != expected:
                fail(f"{runs[key].label} on {rows:,} rows wrote {got:,} records to {output}, "
                     f"expected {expected:,}")
            output.unlink()
        self.huge = {"path": path, "rows": rows, "bytes": size, "runs": runs, "processes": processes,
                     "rejected": rejected}

    # -- the reader benchmark (Benchmarks/run.sh)

    def reader_on(self, rows_list):
        sections = []
        for rows in rows_list:
            log(f"== reader benchmark (Benchmarks/run.sh {rows})")
            result = subprocess.run(["bash", str(BENCH / "run.sh"), str(rows)], capture_output=True, text=True)
            if result.returncode != 0:
                fail(f"Benchmarks/run.sh {rows} failed:\n{result.stderr.strip()}")
            text = result.stdout
            # Drop run.sh's own machine section (the report has one) and demote its headings.
            text = re.sub(r"## Machine\n.*?(?=\n## )", "", text, flags=re.S).strip()
            sections.append(text.replace("## ", "### "))
        self.reader = sections


# ---------------------------------------------------------------------------------------------------
# The report


def startup_and_batch_rows(suite):
    """The start-up and batch targets, the same in the issue #7 and #21 tables."""
    rows_t = []
    startup_ms = suite.startup[2][0].median * 1000
    rows_t.append((f"start-up on 50 rows < {TARGET_STARTUP_MS:.0f} ms", f"{startup_ms:.1f} ms",
                   mark(startup_ms < TARGET_STARTUP_MS)))
    if isinstance(suite.batch, tuple):
        one, two = suite.batch[3]
        speedup = one.median / two.median
        rows_t.append((f"cora batch: 2 jobs ≥ {TARGET_BATCH_SPEEDUP}× 1 job", f"{speedup:.2f}×",
                       mark(speedup >= TARGET_BATCH_SPEEDUP)))
    else:
        rows_t.append((f"cora batch: 2 jobs ≥ {TARGET_BATCH_SPEEDUP}× 1 job", suite.batch, "–"))
    return rows_t


def linear_basis(suite):
    """The largest size for issue #21's linearity targets against 100,000 rows: the huge run when it was
    made (on more rows), else 1,000,000 rows; (rows, cora convert's Run) or None."""
    if 100_000 not in suite.sizes:
        return None
    candidates = []
    if 1_000_000 in suite.sizes:
        candidates.append((1_000_000, suite.sizes[1_000_000]["runs"]["cora"]))
    if suite.huge and suite.huge["rows"] > 100_000:
        candidates.append((suite.huge["rows"], suite.huge["runs"]["cora"]))
    return max(candidates, key=lambda candidate: candidate[0]) if candidates else None


def issue21_targets(suite):
    """The rows of the issue #21 table and the notes under it."""
    largest = max(suite.sizes)
    at = suite.sizes[largest]
    runs = at["runs"]
    cora = runs["cora"]
    t = lambda key: seconds_text(runs[key].median)
    of_c = runs["c"].median / cora.median
    vs_py = runs["python"].median / cora.median
    vs_plain = runs["mlr-plain"].median / cora.median
    rss_ratio = cora.rss_kib * 1024 / at["bytes"]
    validate_speedup = cora.median / runs["validate"].median
    rows_t = [
        (f"cora convert ≥ {TARGET21_OF_C * 100:.0f} % of the C libcsv remap",
         f"{of_c * 100:.1f} % (C {t('c')}, cora {t('cora')})", mark(of_c >= TARGET21_OF_C)),
        (f"≥ {TARGET21_VS_PYTHON:.0f}× the Python csv script", f"{vs_py:.2f}× (Python {t('python')})",
         mark(vs_py >= TARGET21_VS_PYTHON)),
        (f"≥ {TARGET21_VS_MILLER_PLAIN:.0f}× Miller's plain remap (cut + rename)",
         f"{vs_plain:.2f}× (Miller plain {t('mlr-plain')})", mark(vs_plain >= TARGET21_VS_MILLER_PLAIN)),
        (f"peak RSS ≤ {TARGET21_RSS_OF_INPUT}× the input", f"{rss_ratio:.2f}× ({mib(cora.rss_kib)} MiB for "
         f"{at['bytes'] / 1048576:,.1f} MiB)", mark(rss_ratio <= TARGET21_RSS_OF_INPUT)),
        (f"cora validate ≥ {TARGET21_VALIDATE_SPEEDUP}× faster than cora convert",
         f"{validate_speedup:.2f}× (validate {t('validate')})", mark(validate_speedup >= TARGET21_VALIDATE_SPEEDUP)),
    ]
    notes = []
    documents = suite.documents_linear()
    for fmt in ("md", "dot"):
        target = f"`--to {fmt}` linear: time per row at 100k ÷ at 10k ≤ {TARGET21_DOCUMENTS_LINEAR}"
        if documents:
            small, big = documents[fmt]
            ratio = big / small
            rows_t.append((target, f"{ratio:.2f} ({small * 1e6:.2f} → {big * 1e6:.2f} µs per row)",
                           mark(ratio <= TARGET21_DOCUMENTS_LINEAR)))
        else:
            rows_t.append((target, "needs 10,000 and 100,000 rows (`make bench`)", "–"))
    rows_t += startup_and_batch_rows(suite)
    basis = linear_basis(suite)
    if basis:
        big_rows, big = basis
        small = suite.sizes[100_000]["runs"]["cora"]
        name = f"{big_rows // 1_000_000}M" if big_rows % 1_000_000 == 0 else f"{big_rows:,}"
        time_ratio = (big.median / big_rows) / (small.median / 100_000)
        rss_per_row = (big.rss_kib / big_rows) / (small.rss_kib / 100_000)
        rows_t.append((f"time linear to 10M rows: time per row at {name} ÷ at 100k within ±25 %",
                       f"{time_ratio:.2f}", mark(abs(time_ratio - 1) <= TARGET_LINEAR)))
        rows_t.append((f"memory linear to 10M rows: RSS per row at {name} ÷ at 100k ≤ {1 + TARGET_LINEAR}",
                       f"{rss_per_row:.2f} ({mib(small.rss_kib)} → {mib(big.rss_kib)} MiB)",
                       mark(rss_per_row <= 1 + TARGET_LINEAR)))
        if big_rows != HUGE_ROWS:
            why = (f"the --huge run was made on {suite.huge['rows']:,} rows (--huge-rows)" if suite.huge
                   else "the 10,000,000-row run (`make bench-huge`) was not made in this run")
            notes.append(f"**The linearity targets are measured up to {big_rows:,} rows, not 10,000,000**: {why}.")
        else:
            notes.append(f"The linearity targets compare the one run on {big_rows:,} rows (see below) with the "
                         "median on 100,000 rows.")
    else:
        rows_t.append(("time and memory linear from 100k to 10M rows",
                       "needs 100,000 rows and 1,000,000 rows or the --huge run", "–"))
    return rows_t, notes


def report(suite, machine_rows, started, elapsed):
    args = suite.args
    largest = max(suite.sizes)
    lines = []
    out = lines.append
    out("# Benchmarks")
    out("")
    made_by = "make bench-smoke" if args.smoke else "make bench-huge" if args.huge else "make bench"
    out(f"Generated by `{made_by}` (`Benchmarks/bench.py`) on "
        f"{started:%Y-%m-%d %H:%M} UTC in {elapsed / 60:.1f} minutes. Every number below was measured in "
        f"that one run; do not edit this file by hand, run `make bench` again.")
    out("")
    out("The inventories come from `Benchmarks/generate_inventory.py` (deterministic, seed "
        f"{SEED}): a Dutch Excel-style export, `;`, CRLF, UTF-8, 11 columns (Procescode, Procesnaam, Soort, "
        "Procesgroep, Bovenliggend proces, …), a three-level hierarchy with the parent by code, about 5 % of "
        "the cells quoted and holding a line break. `cora convert` maps them with the shipped mapping "
        "`excel-nl` to the canonical CSV (rename, reorder, value maps, hierarchy, validation).")
    out("")

    # -- targets
    out("## Issue #21 targets")
    out("")
    if largest != 1_000_000:
        out(f"**Measured at {largest:,} rows, not at the 1,000,000 rows the targets are set for** "
            "(`make bench` runs that size).")
        out("")
    rows_21, notes_21 = issue21_targets(suite)
    out(table(["target", "measured", ""], rows_21, "llc"))
    out("")
    out(f"Ratios are wall-time ratios on the {largest:,}-row file, measured in this run: \"N× Python\" is "
        "Python's time ÷ cora convert's (above 1 means cora is faster); \"% of the C remap\" is C's time ÷ "
        "cora's; \"faster than cora convert\" is convert's time ÷ validate's. The documents' linearity is "
        "time per row on 100,000 ÷ on 10,000 rows (see Documents); start-up and batch as for issue #7.")
    for note in notes_21:
        out("")
        out(note)
    out("")

    out(f"## Issue #7 targets")
    out("")
    at = suite.sizes[largest]
    if largest != 1_000_000:
        out(f"**Measured at {largest:,} rows, not at the 1,000,000 rows the targets are set for** "
            "(`make bench` runs that size).")
        out("")
    cora = at["runs"]["cora"]
    mbps = at["bytes"] / 1e6 / cora.median
    vs_mlr = at["runs"]["mlr"].median / cora.median
    vs_py = at["runs"]["python"].median / cora.median
    of_c = at["runs"]["c"].median / cora.median
    rss_ratio = cora.rss_kib * 1024 / at["bytes"]
    rows_t = []
    rows_t.append((f"cora convert ≥ {TARGET_MBPS:.0f} MB/s", f"{mbps:,.1f} MB/s", mark(mbps >= TARGET_MBPS)))
    rows_t.append((f"≥ {TARGET_VS_MILLER}× Miller", f"{vs_mlr:.2f}× (Miller {seconds_text(at['runs']['mlr'].median)}"
                   f", cora {seconds_text(cora.median)})", mark(vs_mlr >= TARGET_VS_MILLER)))
    rows_t.append((f"≥ {TARGET_VS_PYTHON:.0f}× the Python script", f"{vs_py:.2f}×", mark(vs_py >= TARGET_VS_PYTHON)))
    rows_t.append((f"≥ {TARGET_OF_C * 100:.0f} % of the C libcsv remap", f"{of_c * 100:.1f} % "
                   f"(C {seconds_text(at['runs']['c'].median)})", mark(of_c >= TARGET_OF_C)))
    rows_t.append((f"peak RSS ≤ {TARGET_RSS_OF_INPUT}× the input", f"{rss_ratio:.2f}× ({mib(cora.rss_kib)} MiB for "
                   f"{at['bytes'] / 1048576:,.1f} MiB)", mark(rss_ratio <= TARGET_RSS_OF_INPUT)))
    rows_t += startup_and_batch_rows(suite)
    linear = None
    if 100_000 in suite.sizes and 1_000_000 in suite.sizes:
        small, big = suite.sizes[100_000]["runs"]["cora"], suite.sizes[1_000_000]["runs"]["cora"]
        time_ratio = (big.median / 1_000_000) / (small.median / 100_000)
        rss_per_row = (big.rss_kib / 1_000_000) / (small.rss_kib / 100_000)
        linear = (time_ratio, rss_per_row)
        rows_t.append(("time linear: time per row at 1M ÷ at 100k within ±25 %", f"{time_ratio:.2f}",
                       mark(abs(time_ratio - 1) <= TARGET_LINEAR)))
        rows_t.append(("memory at most linear: RSS per row at 1M ÷ at 100k ≤ 1.25", f"{rss_per_row:.2f} "
                       f"({mib(small.rss_kib)} → {mib(big.rss_kib)} MiB)", mark(rss_per_row <= 1 + TARGET_LINEAR)))
    else:
        rows_t.append(("time and memory linear (100k against 1M)", "needs both sizes", "–"))
    out(table(["target", "measured", ""], rows_t, "llc"))
    out("")
    out(f"Ratios are wall-time ratios on the {largest:,}-row file: \"N× Miller\" is Miller's time ÷ cora's "
        "(above 1 means cora is faster); \"% of the C remap\" is C's time ÷ cora's.")
    out("")
    if any(row[2] == "✗" for row in rows_t + rows_21):
        out("Where the conversion's time and memory go, and why a target marked ✗ is not met, is written "
            "up by hand (with a perf profile) in [Benchmarks/conversion-profile.md](Benchmarks/conversion-profile.md).")
        out("")

    # -- machine
    out("## Machine")
    out("")
    load = machine_rows[-1][1].split()
    if load and load[0] != "unknown" and float(load[0]) >= 0.5:
        out(f"**The machine was not idle** (load average {load[0]} at the start, {load_average().split()[0]} "
            "at the end, on {cores} cores): other work slows every tool down and makes the numbers noisier, "
            "the parallel batch most of all. The ratios between tools, measured in turns, suffer least."
            .replace("{cores}", str(os.cpu_count())))
        out("")
    for key, value in machine_rows:
        out(f"- {key}: {value}")
    out(f"- load average at the end: {load_average()}")
    out("")

    # -- method
    out("## Method")
    out("")
    out("- Each tool runs once under `/usr/bin/time -f '%M %U %S'` for its peak RSS (max resident set, "
        "MiB) and CPU time (user + system); that run also warms the caches and is not timed. Then come "
        "N rounds in which the tools of one table take turns (so that a change in the machine's load "
        "hits them alike): N = 3 on 1,000,000 rows and on the batch set, 5 on the other sizes, 20 for "
        "the start-up. The tables give the **median** wall time (Python's `time.perf_counter` around "
        "`posix_spawn` and `wait4` of the tool itself: no shell, no wrapper).")
    out("- MB/s is the input's size in 10⁶ bytes ÷ the median time; rows/s the data rows ÷ the median time.")
    out("- `--to md` and `--to dot` are measured on 10,000 and 100,000 rows for issue #21's linearity (on "
        "10,000 rows with a `--to csv` run of their own, the base of their ratio). The "
        f"{HUGE_ROWS:,}-row run (`--huge`, opt-in) runs each of its tools once, under `/usr/bin/time`, "
        "which gives its wall time too.")
    out("- Outputs are written to `Benchmarks/data/out/` on the same disk as the inputs; the input is "
        "read once with `cat` before the runs.")
    out("- Checked in every run (the script exits 1 and writes no report otherwise): the input has "
        "header + N records; `cora validate` reads N rows and its processes + rejected rows = N; each "
        "output has header + N records (cora: + its processes); Python's output has N distinct "
        "(code, name, level, category) and Miller's and C's outputs have the same set; cora's set is "
        "Python's minus the rows it rejected; Miller's plain remap, which maps no values (level and "
        "category stay the Dutch words of the input) and cleans no cells, has header + N records and, "
        "with its cells trimmed and the name's whitespace collapsed, the same set of (code, name) as "
        "Python's output; `--to dot` writes a digraph, `--to md` a Markdown document; "
        "`cora batch` writes every file with all its rows and the first equals `cora convert`'s output.")
    out("")

    # -- commands
    out("## Commands")
    out("")
    out("Run from the repository root. `Benchmarks/data/bin/cora` is a copy of `.build/release/cora` "
        "(`swift build -c release --product cora`) taken at the start, so that a rebuild during the run "
        "cannot change the binary under test; `csv_remap` and `csv_count` are built with "
        "`cc -O2 … -lcsv`. FILE is `Benchmarks/data/inventory-N.csv`.")
    out("")
    out("```sh")
    for run in suite.sizes[largest]["runs"].values():
        out(run.command())
    if suite.documents:
        for run, _ in suite.documents[max(suite.documents)][2]:
            out(run.command())
    if isinstance(suite.batch, tuple):
        for run in suite.batch[3]:
            out(run.command())
    if suite.huge:
        for run in suite.huge["runs"].values():
            out(f"{GNU_TIME} -f '%M %U %S' " + run.command())
    out("```")
    out("")
    out("`Benchmarks/remap.mlr` (the `put` expression of the Miller pipeline):")
    out("")
    out("```")
    out("\n".join(line for line in (BENCH / "remap.mlr").read_text().splitlines() if not line.startswith("#")))
    out("```")
    out("")

    # -- convert per size
    for rows in sorted(suite.sizes):
        s = suite.sizes[rows]
        runs = s["runs"]
        cora_run = runs["cora"]
        out(f"## Convert: {rows:,} rows")
        out("")
        out(f"`{s['path']}`: {s['bytes']:,} bytes, {rows:,} data rows (+ header); cora kept "
            f"{s['processes']:,} processes and rejected {s['rejected']:,} rows. {s['n']} timed runs per tool.")
        out("")
        body = []
        for key in ("cora", "mlr", "mlr-plain", "python", "c", "validate"):
            run = runs[key]
            ratio = run.median / cora_run.median
            ratio = f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"
            output = s["identity"].get(key, "no output (diagnostics only)")
            body.append([run.label] + rate_cells(run, s["bytes"], rows)
                        + [f"{run.rss_kib * 1024 / s['bytes']:.2f}", ratio, output])
        out(table(["tool", "median time", "MB/s", "rows/s", "peak RSS MiB", "CPU s", "RSS ÷ input",
                   "time ÷ cora convert's", "output against cora's"], body, "lrrrrrrrl"))
        out("")

    if suite.notes:
        for note in suite.notes:
            out(f"- {note}")
        out("")

    # -- validate summary
    out("## Validate")
    out("")
    body = []
    for rows in sorted(suite.sizes):
        s = suite.sizes[rows]
        v, c = s["runs"]["validate"], s["runs"]["cora"]
        body.append([f"{rows:,}"] + rate_cells(v, s["bytes"], rows) + [f"{v.median / c.median:.2f}"])
    out("`cora validate FILE --mapping excel-nl`: everything `convert` does except writing the model.")
    out("")
    out(table(["rows", "median time", "MB/s", "rows/s", "peak RSS MiB", "CPU s", "time ÷ cora convert's"],
              body, "rrrrrrr"))
    out("")

    # -- documents
    if suite.documents:
        sizes_text = " and ".join(f"{rows:,}" for rows in sorted(suite.documents))
        out(f"## Documents: --to md and --to dot on {sizes_text} rows")
        out("")
        body = []
        for rows in sorted(suite.documents):
            size, base, results = suite.documents[rows]
            where = "from the table above" if rows in suite.sizes else "measured with these"
            body.append([f"{rows:,}", f"`--to csv` ({where})"] + rate_cells(base, size, rows)
                        + [f"{base.median / rows * 1e6:.2f}", "", "1.00"])
            for run, output_size in results:
                body.append([f"{rows:,}", f"`--to {run.label.split()[-1]}`"] + rate_cells(run, size, rows)
                            + [f"{run.median / rows * 1e6:.2f}", f"{output_size:,}", f"{run.median / base.median:.2f}"])
        out(table(["rows", "format", "median time", "MB/s (input)", "rows/s", "peak RSS MiB", "CPU s",
                   "µs per row", "output bytes", "time ÷ --to csv"], body, "rlrrrrrrrr"))
        out("")
        documents_linear = suite.documents_linear()
        if documents_linear:
            out("Time per row at 100,000 ÷ at 10,000 rows (issue #21: linear, at most 1.25): "
                + "; ".join(f"`--to {fmt}` {big / small:.2f}" for fmt, (small, big) in documents_linear.items()) + ".")
            out("")

    # -- batch
    out("## Batch")
    out("")
    if isinstance(suite.batch, tuple):
        files, rows, total, results, directory = suite.batch
        out(f"`cora batch` over `{directory}/`: {files} files of {rows:,} rows, {total:,} bytes in all "
            f"({files * rows:,} rows); {len(results[0].times)} timed runs each, a fresh output folder per run.")
        out("")
        body = [[run.label] + rate_cells(run, total, files * rows)
                + [f"{results[0].median / run.median:.2f}"] for run in results]
        out(table(["command", "median time", "MB/s", "rows/s", "peak RSS MiB", "CPU s", "speed-up over 1 job"],
                  body, "lrrrrrr"))
    else:
        out(suite.batch + ".")
    out("")

    # -- start-up
    path, size, runs, n = suite.startup
    out("## Start-up: 50 rows")
    out("")
    out(f"`{path}` ({size:,} bytes), {n} timed runs each; `cora --version` is the floor (process start, "
        "no input).")
    out("")
    body = [[run.label, f"{run.median * 1000:.1f}", f"{min(run.times) * 1000:.1f}", mib(run.rss_kib)]
            for run in runs]
    out(table(["command", "median ms", "fastest ms", "peak RSS MiB"], body, "lrrr"))
    out("")

    # -- linearity
    if linear:
        out("## Linearity: 100,000 against 1,000,000 rows")
        out("")
        body = []
        for key in ("cora", "validate", "mlr", "mlr-plain", "python", "c"):
            small, big = suite.sizes[100_000]["runs"][key], suite.sizes[1_000_000]["runs"][key]
            cpu_ratio = (big.cpu / 1_000_000) / (small.cpu / 100_000) if small.cpu > 0 else float("nan")
            body.append([small.label, f"{small.median / 100_000 * 1e6:.2f}", f"{big.median / 1_000_000 * 1e6:.2f}",
                         f"{(big.median / 1_000_000) / (small.median / 100_000):.2f}", f"{cpu_ratio:.2f}",
                         mib(small.rss_kib), mib(big.rss_kib),
                         f"{(big.rss_kib / 1_000_000) / (small.rss_kib / 100_000):.2f}"])
        out(table(["tool", "µs per row at 100k", "µs per row at 1M", "time ratio", "CPU time ratio",
                   "peak RSS MiB at 100k", "at 1M", "RSS per row ratio"], body, "lrrrrrrr"))
        out("")
        out("A time ratio of 1.00 is exactly linear (the target uses the wall-time ratio; the CPU-time "
            "ratio, from the single run under `/usr/bin/time`, is less sensitive to other work on the "
            "machine). Memory that stays flat (a streaming tool) has an RSS-per-row ratio near 0.1, which "
            "is better than linear; a ratio above 1 means memory grows faster than the file.")
        out("")

    # -- the huge size
    huge_title = f"{suite.huge['rows']:,}" if suite.huge else f"{HUGE_ROWS:,}"
    out(f"## {huge_title} rows: memory and linearity")
    out("")
    if suite.huge:
        h = suite.huge
        out(f"`{h['path']}`: {h['bytes']:,} bytes, {h['rows']:,} data rows (+ header); cora kept "
            f"{h['processes']:,} processes and rejected {h['rejected']:,} rows. **One run per tool** under "
            "`/usr/bin/time` (wall time, peak RSS, CPU), no medians: on 10,000,000 rows each takes a minute or more. Checked: the input "
            "has header + N records, `cora validate` reads N rows, cora's output has header + its processes, "
            "C's header + N; the outputs are deleted after the checks. cora reads at most 10,000,000 records "
            "per file by default, the header included (`--max-rows`, SECURITY.md): 10,000,000 rows and the "
            "header are one more, so these runs raise the limit to N + 1 with `--max-rows`.")
        if h["rows"] != HUGE_ROWS:
            out("")
            out(f"**Run on {h['rows']:,} rows (`--huge-rows`), not on {HUGE_ROWS:,}.**")
        out("")
        small_runs = suite.sizes[100_000]["runs"] if 100_000 in suite.sizes else None
        body = []
        for key in ("cora", "validate", "c"):
            run = h["runs"][key]
            row = [run.label] + rate_cells(run, h["bytes"], h["rows"]) + [
                f"{run.rss_kib * 1024 / h['bytes']:.2f}", f"{run.median / h['rows'] * 1e6:.2f}"]
            if small_runs:
                small = small_runs[key]
                row += [f"{small.median / 100_000 * 1e6:.2f}",
                        f"{(run.median / h['rows']) / (small.median / 100_000):.2f}",
                        f"{(run.rss_kib / h['rows']) / (small.rss_kib / 100_000):.2f}"]
            else:
                row += ["–", "–", "–"]
            body.append(row)
        out(table(["tool", "wall time", "MB/s", "rows/s", "peak RSS MiB", "CPU s", "RSS ÷ input", "µs per row",
                   "µs per row at 100k (median)", "time per row ratio", "RSS per row ratio"], body, "lrrrrrrrrrr"))
        out("")
        if small_runs:
            out("The ratios compare this one run with the median on 100,000 rows: a time ratio of 1.00 is "
                f"exactly linear, an RSS-per-row ratio near {100_000 / h['rows']:.2g} is flat memory (a streaming "
                "tool).")
        else:
            out("No ratios: this run did not measure 100,000 rows.")
    else:
        out(f"Not run: the {HUGE_ROWS:,}-row run (about 1.3 GB of input; cora convert and validate and the "
            "C remap once each) is opt-in because it takes minutes: `make bench-huge` or "
            "`python3 Benchmarks/bench.py --huge`. The linearity targets of issue #21 above are therefore "
            "measured up to 1,000,000 rows (when that size was run).")
    out("")

    # -- what the baselines leave out
    out("## What the other tools do and do not do")
    out("")
    out("cora, Python, the Miller pipeline and C write the same canonical CSV: the 19 canonical columns of layout 2 (`id … description`), then the "
        "unused source column `Opmerking` as a property, `,` and LF, quotes only where needed, level and "
        "category mapped to canonical words, services and applications split and joined with `|`, every "
        "cell trimmed, whitespace in the name collapsed.")
    out("")
    out("- **cora convert**: detects encoding and delimiter, maps the columns by the mapping's header "
        "variants, derives ids, resolves every parent code to an id, inherits categories, assigns levels by "
        "depth, and runs every validation rule (duplicate ids and codes, unknown parents, cycles, nesting, "
        "category mismatches, mojibake, Excel damage, …), leaving rows with errors out.")
    out("- **Python** (`Benchmarks/remap.py`): the remap and value maps, the id from the code, parent "
        "code → id through a dict over all rows, category inheritance; an unknown level, category or parent "
        "leaves the row out. No encoding or delimiter detection, no levels by depth, no other validation.")
    out("- **Miller** (`mlr` 6 with `Benchmarks/remap.mlr`): rename, reorder, value maps and clean-up "
        "only. It does **not** resolve the hierarchy (the parent code is copied: in these files ids equal "
        "codes, so the output is still right), inherit categories or validate anything: an unknown "
        "level or category passes through unchanged. It turns a CRLF inside a quoted cell into LF. Miller "
        "runs its reader, `put` and writer on separate goroutines, so it can use more than one core.")
    out("- **Miller plain** (`mlr` 6, `cut -o -f` and `rename`, no DSL; issue #21): what a user would "
        f"reach for without a mapping. It keeps the {len(MLR_PAIRS)} input columns that `excel-nl` maps, in "
        "canonical order, and renames them; nothing else. Its output is **not** the canonical CSV: no id, "
        "order, events, next or status columns, no `Opmerking` property, level and category left as the "
        "Dutch words of the input, cells not trimmed, lists not split, no hierarchy, no validation; like "
        "the pipeline it turns a CRLF inside a quoted cell into LF.")
    out("- **C** (`Benchmarks/csv_remap.c`, libcsv with cora's reader options): remap, trim, value maps via "
        "`strcasecmp`, split-and-join, minimal quoting with `csv_fwrite`. It does **not** detect encodings "
        "or delimiters, derive ids, resolve or check parents, inherit categories or validate; a row with "
        "an unknown level or category is left out. It is the practical ceiling for the remap itself.")
    out("")

    # -- reader
    if suite.reader:
        out("## Reader: cora's CSV reader against libcsv (issue #2)")
        out("")
        out("From `Benchmarks/run.sh` in the same run: a minimal C program on libcsv that only counts "
            "records and fields (`Benchmarks/csv_count.c`, options `CSV_STRICT | CSV_REPALL_NL | "
            "CSV_STRICT_FINI`, whitespace kept) against the `CoraCSV` reader as the converter uses it "
            "(`Benchmarks/CoraBench`, built with `swift build -c release --product cora-bench`), counting "
            "only, and also decoding every field to a Swift `String`. Both must print the same counts. "
            "The issue #2 target is Swift ≥ 75 % of C with memory not growing with the file. A profile of "
            "where the reader's time goes (callgrind, recorded by hand when issue #2 was closed) is in "
            "[Benchmarks/reader-profile.md](Benchmarks/reader-profile.md).")
        out("")
        for section in suite.reader:
            out(section)
            out("")
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------------


def prepare_tools():
    for tool, hint in (("mlr", "apt-get install miller"), ("cc", "apt-get install gcc"),
                       (GNU_TIME, "apt-get install time")):
        if shutil.which(tool) is None:
            fail(f"{tool} not found: {hint} (or `make bench`, which installs it)")
    if not CORA_BUILT.is_file():
        fail(f"no {CORA_BUILT}: build it with `swift build -c release --product cora` (make bench does)")
    BIN.mkdir(parents=True, exist_ok=True)
    shutil.copy2(CORA_BUILT, BIN / "cora.tmp")
    os.replace(BIN / "cora.tmp", BIN / "cora")
    for name in ("csv_count", "csv_remap"):
        result = subprocess.run(["cc", "-O2", "-o", str(BIN / name), str(BENCH / f"{name}.c"), "-lcsv"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"cannot build {name}.c (apt-get install libcsv-dev):\n{result.stderr}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000,1000000", help="rows per size, comma-separated")
    parser.add_argument("--smoke", action="store_true",
                        help="1,000 rows only, a batch set of 10 files of 100 rows, documents on 1,000 rows")
    parser.add_argument("--output", default="BENCHMARKS.md", help="the report (default BENCHMARKS.md)")
    parser.add_argument("--runs", type=int, help="timed runs per tool instead of 3/5/20")
    parser.add_argument("--batch-files", type=int, default=200)
    parser.add_argument("--batch-rows", type=int, default=5000)
    parser.add_argument("--no-reader", action="store_true", help="leave out Benchmarks/run.sh")
    parser.add_argument("--huge", action="store_true",
                        help=f"also the {HUGE_ROWS:,}-row run for memory and linearity (minutes; ~1.3 GB input)")
    parser.add_argument("--huge-rows", type=int, default=HUGE_ROWS,
                        help="rows of the --huge run (to test that path on a smaller file)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.batch_files, args.batch_rows = "1000", 10, 100
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs positive row counts")
    if args.huge_rows < 1:
        parser.error("--huge-rows needs a positive row count")
    output = Path(args.output).resolve()

    os.chdir(ROOT)
    os.environ["NO_COLOR"] = "1"
    started = datetime.datetime.now(datetime.timezone.utc)
    clock = time.perf_counter()
    try:
        prepare_tools()
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        generator = load_generator()
        suite = Suite(args)
        machine_rows = machine()
        inputs = {rows: generate(generator, rows, DATA / f"inventory-{rows}.csv") for rows in sizes}
        startup_file = generate(generator, 50, DATA / "inventory-50.csv")
        for rows in sizes:
            suite.convert_size(inputs[rows], rows)
        # Documents on 10,000 and 100,000 rows (issue #21: linear), or on the largest size.
        for rows in ([10_000, 100_000] if 100_000 in sizes else [max(sizes)]):
            path = inputs.get(rows) or generate(generator, rows, DATA / f"inventory-{rows}.csv")
            suite.documents_on(path, rows)
        suite.batch_set(generator)
        suite.startup_on(startup_file)
        if args.huge:
            suite.huge_on(generate(generator, args.huge_rows, DATA / f"inventory-{args.huge_rows}.csv"),
                          args.huge_rows)
        if not args.no_reader:
            suite.reader_on([rows for rows in sizes if rows >= 100_000][::-1] or [max(sizes)])
        text = report(suite, machine_rows, started, time.perf_counter() - clock)
    except BenchError as error:
        log(f"\nbench: error: {error}")
        return 1
    finally:
        shutil.rmtree(OUT, ignore_errors=True)
    output.write_text(text, encoding="utf-8")
    for title in ("Issue #21 targets", "Issue #7 targets"):
        targets = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
        print(title + targets.rstrip() + "\n")
    log(f"\nwritten: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
