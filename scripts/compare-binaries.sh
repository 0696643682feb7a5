#!/usr/bin/env bash
# compare-binaries.sh OLD NEW: runs two cora binaries on every sample (and, when ../shared is beside
# the repository, on the real-world CSV and ArchiMate files) in every output format, and reports
# every output, standard output, standard error or exit status that differs, paths aside.
#
# For changes that must not change any output (issue 21's columnar model: "byte-identical to today's
# for every format"): build the binary before the change, keep a copy, build the one after, and
#   scripts/compare-binaries.sh /tmp/cora-before .build/release/cora
# Exit status 0 when everything is the same, 1 when something differs, 64 on a usage error.
set -euo pipefail

if [[ $# -ne 2 || ! -x "$1" || ! -x "$2" ]]; then
    echo "usage: scripts/compare-binaries.sh OLD-CORA NEW-CORA (two executable cora binaries)" >&2
    exit 64
fi
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=()
while IFS= read -r file; do inputs+=("$file"); done < <(
    cd "$root"
    find Samples -name '*.csv' -o -name '*.xlsx' | sort
    if [[ -d ../shared/realworld ]]; then
        find ../shared/realworld/archi-csv-testdata ../shared/realworld/vera-referentiedata -name '*.csv' 2>/dev/null | sort | head -40
        find ../shared/realworld/vera-domeinmodellen -name '*.xml' 2>/dev/null | sort | head -3
    fi
)
formats=(csv excel-csv xlsx md html dot json archi ameff)

runs=0
differences=0
for input in "${inputs[@]}"; do
    for format in "${formats[@]}"; do
        runs=$((runs + 1))
        for side in old new; do
            binary=$old
            [[ $side == new ]] && binary=$new
            # The same folder name on both sides, so that paths in messages are the same.
            rm -rf "$work/run" && mkdir -p "$work/run"
            status=0
            (cd "$work/run" && "$binary" convert "$root/$input" --mapping auto --to "$format" -o out \
                > stdout 2> stderr) || status=$?
            echo "$status" > "$work/run/status"
            rm -rf "$work/$side" && mv "$work/run" "$work/$side"
        done
        if ! diff -r "$work/old" "$work/new" > /dev/null; then
            differences=$((differences + 1))
            echo "differs: $input --to $format"
            diff -r "$work/old" "$work/new" | head -5 | sed 's/^/    /'
        fi
    done
done
echo "compare-binaries: $runs runs (${#inputs[@]} inputs × ${#formats[@]} formats), $differences differ"
[[ $differences -eq 0 ]]
