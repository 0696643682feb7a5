#!/usr/bin/env bash
# Benchmark cora's CSV reading against the libcsv "practical ceiling".
#
# Usage: Benchmarks/run.sh [ROWS]        (default 1000000 rows, about 130 MB)
#
#   1. generates Benchmarks/data/inventory-ROWS.csv with generate_inventory.py if it is missing
#      (a Dutch Excel-style inventory: ';', CRLF, multi-line quoted cells)
#   2. builds Benchmarks/csv_count.c (libcsv, counting only) into Benchmarks/data/
#   3. runs, in the same session, each tool RUNS (5) times on the file:
#        C      Benchmarks/data/csv_count -d ';' FILE
#        Swift  "$CORA_BENCH" count --delimiter ';' FILE   (CORA_BENCH defaults to
#               .build/release/cora-bench; skipped with a message when the binary is missing)
#      and prints a Markdown table: median wall time, MB/s, rows/s, peak RSS, and the Swift/C ratio
#   4. fails when the tools disagree on "records=N fields=M" or the record count is not ROWS + 1
#
# Wall time comes from time.perf_counter around each run (finer than /usr/bin/time's 10 ms); peak RSS
# from `/usr/bin/time -f %M`. Without /usr/bin/time, peak RSS falls back to the child's rusage
# (os.wait4), which then includes the Python spawner's own ~10 MiB (Linux carries the high-water mark
# across exec) and is marked with "*".
# Needs: bash, python3, cc, libcsv-dev. Benchmarks/data/ is git-ignored.
set -euo pipefail

ROWS="${1:-1000000}"
RUNS=5
if ! [[ "$ROWS" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [ROWS]   (ROWS a positive integer, default 1000000)" >&2
    exit 2
fi

caller_dir="$PWD"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# A CORA_BENCH given by the caller is taken relative to the caller's directory; the default
# is relative to the repository root.
if [[ -n "${CORA_BENCH:-}" ]]; then
    [[ "$CORA_BENCH" = /* ]] || CORA_BENCH="$caller_dir/$CORA_BENCH"
else
    CORA_BENCH="$repo_root/.build/release/cora-bench"
fi

data_dir="Benchmarks/data"
file="$data_dir/inventory-$ROWS.csv"
counter="$data_dir/csv_count"
mkdir -p "$data_dir"

# ---- machine
echo "## Machine"
echo
echo "- CPUs: $(nproc)"
echo "- CPU model: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "- Memory: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "- Kernel: $(uname -sr)"
echo

# ---- input
if [[ ! -f "$file" ]]; then
    echo "Generating $file ($ROWS rows)..." >&2
    python3 Benchmarks/generate_inventory.py --rows "$ROWS" --out "$file.tmp"
    mv "$file.tmp" "$file"
fi

# ---- C baseline
cc -O2 -o "$counter" Benchmarks/csv_count.c -lcsv

tools=("C (libcsv)" "$counter -d ;")
if [[ -x "$CORA_BENCH" ]]; then
    tools+=("Swift (cora-bench)" "$CORA_BENCH count --delimiter ;")
    tools+=("Swift, a String per field" "$CORA_BENCH count --strings --delimiter ;")
else
    echo "Skipping Swift: no executable at $CORA_BENCH (build it with 'swift build -c release' or set CORA_BENCH)." >&2
fi

# Warm the page cache so that the first timed run does not pay for the disk.
cat "$file" > /dev/null

# ---- measure and report
python3 - "$file" "$ROWS" "$RUNS" "${tools[@]}" <<'PYTHON'
import os, statistics, sys, tempfile, time

path, rows, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tools = list(zip(sys.argv[4::2], sys.argv[5::2]))  # (label, command words; the file is appended)
size = os.path.getsize(path)


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv):
    """Run argv with stdout to a temporary file; return (seconds, peak RSS KiB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss_file:
        if GNU_TIME:
            argv = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + argv
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1)])
        _, wait_status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        output = out.read().decode("utf-8", "replace").strip()
        peak = int(rss_file.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
    code = os.waitstatus_to_exitcode(wait_status)
    if code != 0:
        sys.exit(f"error: {' '.join(argv)} exited with {code}")
    return seconds, peak, output


results = []
for label, command in tools:
    argv = command.split(" ") + [path]
    times, rss, outputs = [], [], set()
    for _ in range(runs):
        seconds, peak, output = run_once(argv)
        times.append(seconds)
        rss.append(peak)
        outputs.add(output)
    if len(outputs) != 1:
        sys.exit(f"error: {label} printed different counts across runs: {sorted(outputs)}")
    results.append((label, statistics.median(times), max(rss), outputs.pop()))

print(f"## Reading {os.path.basename(path)}")
print()
print(f"{size:,} bytes, {rows:,} data rows (+ header), {runs} runs per tool, median wall time.")
print()
print("| tool | counts | median s | MB/s | rows/s | peak RSS MiB |")
print("|---|---|---:|---:|---:|---:|")
for label, seconds, peak, output in results:
    print(f"| {label} | `{output}` | {seconds:.3f} | {size / 1e6 / seconds:,.1f} | "
          f"{rows / seconds:,.0f} | {peak / 1024:.1f}{'' if GNU_TIME else '*'} |")
print()
if not GNU_TIME:
    print("\\* /usr/bin/time not found: peak RSS from os.wait4, includes the Python spawner's memory.")
    print()
if len(results) >= 2:
    for label, seconds, _, _ in results[1:]:
        ratio = seconds / results[0][1]
        print(f"- {label}: time ratio to C {ratio:.2f}, so {100 / ratio:.0f} % of the C throughput")
else:
    print("Swift/C time ratio: n/a (Swift skipped)")

# Consistency: every tool must agree, and the header plus ROWS data rows must be counted.
outputs = {output for _, _, _, output in results}
if len(outputs) != 1:
    sys.exit("error: the tools disagree: " + "; ".join(f"{l}: {o}" for l, _, _, o in results))
expected_records = f"records={rows + 1} "
if not results[0][3].startswith(expected_records):
    sys.exit(f"error: expected {expected_records.strip()}, got {results[0][3]}")
PYTHON
