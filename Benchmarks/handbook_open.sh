#!/usr/bin/env bash
# How long a browser takes to open the handbook of a large model (issue 18, point 4: "2,000 processes
# open in under a second in a browser, sections folded by default beyond a size").
#
# Usage: Benchmarks/handbook_open.sh [SIZES]     (default "2000 10000 10000:200")
#        a size is PROCESSES or PROCESSES:BUSINESS_PROCESSES (default one business process per 20
#        processes; beyond HTMLFormat.diagramLimit (400) business processes the handbook has the
#        landscape only, so 10000:200 shows 10,000 processes with their diagrams)
#
#   1. generates, per size, a canonical CSV of SIZE processes in a temporary folder (never kept): one
#      business process per 20 processes (100 at 2,000) unless given, each with work processes of a few steps,
#      Dutch names, owners, applications, descriptions and `next` between the work processes
#   2. converts it with `cora convert … --to html` (CORA, default .build/release/cora) and reports the
#      time, the file's size and how many sections start open
#   3. opens it RUNS (5) times in headless Chromium (`--dump-dom`, offline, a fresh profile each run)
#      and an empty page as often, and reports the median wall times and their difference
#   4. opens a COPY of the handbook with one more script (allowed in the copy's policy by its hash),
#      which logs the page's own clock at DOMContentLoaded and at the load event
#      (performance.now(), from the start of the navigation), and reports their medians
#
# Needs: bash, python3, chromium (scripts/setup.sh --test), graphviz. Not run by CI or `make bench`.
set -euo pipefail

SIZES="${1:-2000 10000 10000:200}"
RUNS=5
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORA="${CORA:-$repo_root/.build/release/cora}"
[[ "$CORA" = /* ]] || CORA="$PWD/$CORA"
work="$(mktemp -d "${TMPDIR:-/tmp}/cora-handbook-open.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "## Opening the handbook in Chromium"
echo
echo "- CPUs: $(nproc), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "- $(chromium --version 2>/dev/null)"
echo "- cora: $CORA"
echo

python3 - "$CORA" "$work" "$RUNS" $SIZES <<'PYTHON'
import base64, hashlib, os, random, re, statistics, subprocess, sys, time

cora, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
sizes = [(int(size.split(':')[0]), int(size.split(':')[1]) if ':' in size else int(size) // 20) for size in sys.argv[4:]]
HEADER = ("id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,"
          "description,requirements,steers,reports-to,pdca-phase")
VERBS = ["Verhuren", "Onderhouden", "Beheren", "Opstellen", "Uitvoeren", "Bepalen", "Registreren", "Afhandelen",
         "Inspecteren", "Plannen", "Verantwoorden", "Incasseren", "Inkopen", "Toewijzen", "Muteren"]
NOUNS = ["eenheid", "woning", "contract", "huurprijs", "opdracht", "klacht", "factuur", "begroting", "inspectie",
         "planning", "rapportage", "aanvraag", "vordering", "leverancier", "sleutel"]
OWNERS = ["Manager Wonen", "Manager Vastgoed", "Controller", "Teamleider Verhuur", "Manager Financiën"]
APPS = ["Cegeka Tobias AX", "Ultimo", "AFAS Profit", "SharePoint", "TOPdesk", "Dynamics 365"]
CATEGORIES = [("steering", "S"), ("primary", "P"), ("supporting", "O")]


def inventory(path, size, business):
    """A canonical CSV of `size` processes: `business` business processes, work processes of up to 4 steps."""
    per = max(2, size // business)
    rng = random.Random(18)
    rows, count, bp = [HEADER], 0, 0
    while count < size:
        bp += 1
        category, letter = CATEGORIES[bp % 3]
        bid = f"{letter}{bp:04d}"
        name = f"{rng.choice(VERBS)} {rng.choice(NOUNS)}en {bp}"
        rows.append(f"{bid},{bid},{name},business-process,{category},,{bp},{rng.choice(OWNERS)},,,,{rng.choice(APPS)},,"
                    f"Vastgesteld,Het bedrijfsproces {name.lower()} van de corporatie.,,,,")
        count += 1
        work_processes = []
        while count < size and count % per != 0:
            wp = f"{bid}.{len(work_processes) + 1:02d}"
            work_processes.append([wp, f"{rng.choice(VERBS)} {rng.choice(NOUNS)} {count}", []])
            count += 1
            for step in range(rng.randint(1, 4)):
                if count >= size or count % per == 0:
                    break
                work_processes[-1][2].append((f"{wp}.{step + 1}", f"{rng.choice(VERBS)} {rng.choice(NOUNS)} {count}"))
                count += 1
        for index, (wp, name, steps) in enumerate(work_processes):
            following = work_processes[index + 1][0] if index + 1 < len(work_processes) else ""
            rows.append(f"{wp},{wp},{name},work-process,{category},{bid},{index + 1},{rng.choice(OWNERS)},,,,"
                        f"{rng.choice(APPS)}|{rng.choice(APPS)},{following},In review,Werkproces {name.lower()}.,,,,")
            for order, (sid, step_name) in enumerate(steps):
                rows.append(f"{sid},{sid},{step_name},process-step,{category},{wp},{order + 1},,,,,,,,"
                            f"Stap {step_name.lower()}.,,,,")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    return bp


def chromium(url, profile):
    """One headless Chromium run on `url`: wall seconds and its standard error."""
    arguments = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-proxy-server",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking", "--disable-extensions",
                 f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--dump-dom", url]
    start = time.perf_counter()
    run = subprocess.run(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"chromium failed on {url}: {run.stderr[-2000:]}")
    return seconds, run.stderr


def timed(url, label):
    walls, clocks = [], []
    for index in range(runs):
        seconds, log = chromium(url, os.path.join(work, f"profile-{label}-{index}"))
        walls.append(seconds)
        match = re.search(r"cora-clock dcl=([0-9.]+) load=([0-9.]+)", log)
        if match:
            clocks.append((float(match.group(1)), float(match.group(2))))
    return statistics.median(walls), clocks


empty = os.path.join(work, "empty.html")
with open(empty, "w") as out:
    out.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>leeg</title></head><body></body></html>\n")
empty_wall, _ = timed("file://" + empty, "empty")

PROBE = ("window.addEventListener('load', function () { console.log('cora-clock dcl=' + "
         "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd.toFixed(1) + ' load=' + "
         "performance.now().toFixed(1)); });")
probe_hash = "'sha256-" + base64.b64encode(hashlib.sha256(PROBE.encode()).digest()).decode() + "'"

print(f"Median of {runs} runs; an empty page takes {empty_wall:.2f} s (Chromium's start and stop).")
print()
print("| processes | business processes | convert (s) | HTML (MB) | diagrams | sections open | Chromium wall (s) | minus empty page (s) | "
      "DOMContentLoaded (ms) | load (ms) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for size, business in sizes:
    csv = os.path.join(work, f"inventory-{size}-{business}.csv")
    html = os.path.join(work, f"handbook-{size}-{business}.html")
    business = inventory(csv, size, business)
    start = time.perf_counter()
    subprocess.run([cora, "convert", csv, "--to", "html", "-o", html], check=True, stderr=subprocess.DEVNULL,
                   env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    convert = time.perf_counter() - start
    page = open(html, encoding="utf-8").read()
    opened = len(re.findall(r'<details class="bp"[^>]* open>', page))
    diagrams = page.count('role="img"')
    wall, _ = timed("file://" + html, f"page-{size}-{business}")

    # The copy with the probe: its hash joins the script-src of the copy's policy.
    copy = os.path.join(work, f"handbook-{size}-{business}-probe.html")
    probed = page.replace("script-src ", "script-src " + probe_hash + " ", 1).replace("</body>", f"<script>{PROBE}</script></body>", 1)
    with open(copy, "w", encoding="utf-8") as out:
        out.write(probed)
    _, clocks = timed("file://" + copy, f"probe-{size}-{business}")
    dcl = f"{statistics.median(c[0] for c in clocks):.0f}" if clocks else "–"
    load = f"{statistics.median(c[1] for c in clocks):.0f}" if clocks else "–"
    print(f"| {size:,} | {business:,} | {convert:.1f} | {len(page.encode()) / 1e6:.1f} | {diagrams} | {opened} of {business} | {wall:.2f} | "
          f"{wall - empty_wall:.2f} | {dcl} | {load} |")
PYTHON
