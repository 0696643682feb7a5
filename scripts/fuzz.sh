#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/FuzzTarget.swift and runs it.
#
#   scripts/fuzz.sh SECONDS [libFuzzer options…]   build, seed, fuzz for SECONDS (one process)
#   scripts/fuzz.sh --build                         build only
#   scripts/fuzz.sh --run FILE…                     run the target on saved inputs (a finding, a seed)
#
# The target is not built by SwiftPM (an executable target renames its entry symbol, and libFuzzer
# brings its own main): swiftc compiles Yams (from .build/checkouts, fetched by SwiftPM), CoraCSV and
# CoraKit from their sources into objects with `-sanitize=fuzzer,address`, then links them with the
# target and libcsv (-lcsv). Everything goes to .build-fuzz/ (git-ignored):
#
#   .build-fuzz/cora-fuzz   the fuzzer
#   .build-fuzz/seeds/      the seeds, made afresh each run from Samples/, Tests/CoraCLITests/BadInputs/,
#                           Mappings/ and the past findings in Fuzz/findings/ (Fuzz/README.md: the
#                           first byte of an input says what is done with the rest)
#   .build-fuzz/corpus/     the corpus libFuzzer grows; kept between runs
#   .build-fuzz/findings/   crashes, timeouts and out-of-memory inputs (crash-…, timeout-…, oom-…)
#   .build-fuzz/fuzz.log    the output of the last run
#
# SWIFT_BACKTRACE=enable=no: otherwise the Swift backtracer can hang after the first crash.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=.build-fuzz
mkdir -p "$out/obj" "$out/seeds" "$out/corpus" "$out/findings"

sanitize="-sanitize=fuzzer,address"
swiftflags=(-O -g -parse-as-library -wmo "$sanitize")

yams=.build/checkouts/Yams/Sources
zip=.build/checkouts/ZIPFoundation/Sources
xml=(-I Sources/CLibXML2 -I "$zip/CZLib" -Xcc -I/usr/include/libxml2)
if [ ! -d "$yams" ] || [ ! -d "$zip" ]; then
  swift package resolve >/dev/null
fi

build() {
  local stamp="$out/obj/.sources"
  local sources
  sources=$(cat Fuzz/FuzzTarget.swift Sources/CoraCSV/*.swift Sources/CoraXLSX/*.swift $(find Sources/CoraKit -name "*.swift" | sort) | md5sum)
  if [ -x "$out/cora-fuzz" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sources" ]; then
    return
  fi
  echo "fuzz: building $out/cora-fuzz (log in $out/build.log)" >&2
  compile > "$out/build.log" 2>&1 || { grep -E "error" "$out/build.log" | head -40 >&2; exit 1; }
  echo "$sources" > "$stamp"
}

compile() {
  # Every step checked by hand: `set -e` does not hold inside a function called with `||`.
  rm -f "$out/obj/CoraCSV.o" "$out/obj/CoraXLSX.o" "$out/obj/CoraKit.o" "$out/cora-fuzz"
  if [ ! -f "$out/obj/Yams.o" ]; then
    for c in "$yams"/CYaml/src/*.c; do
      clang -c -O1 -g -fsanitize=address,fuzzer-no-link -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" \
        "$c" -o "$out/obj/CYaml-$(basename "$c" .c).o" || return 1
    done
    swiftc "${swiftflags[@]}" -swift-version 5 -D SWIFT_PACKAGE -module-name Yams -emit-module -emit-module-path "$out/obj/Yams.swiftmodule" \
      -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC -c "$yams"/Yams/*.swift -o "$out/obj/Yams.o" || return 1
  fi
  if [ ! -f "$out/obj/ZIPFoundation.o" ]; then
    swiftc "${swiftflags[@]}" -swift-version 5 -module-name ZIPFoundation -emit-module -emit-module-path "$out/obj/ZIPFoundation.swiftmodule" \
      -I "$zip/CZLib" -Xcc -D_GNU_SOURCE=1 -c "$zip"/ZIPFoundation/*.swift -o "$out/obj/ZIPFoundation.o" || return 1
  fi
  swiftc "${swiftflags[@]}" -swift-version 6 -module-name CoraXLSX -emit-module -emit-module-path "$out/obj/CoraXLSX.swiftmodule" \
    -I "$out/obj" "${xml[@]}" -c Sources/CoraXLSX/*.swift -o "$out/obj/CoraXLSX.o" || return 1
  swiftc "${swiftflags[@]}" -swift-version 6 -module-name CoraCSV -emit-module -emit-module-path "$out/obj/CoraCSV.swiftmodule" \
    -I Sources/CLibCSV -c Sources/CoraCSV/*.swift -o "$out/obj/CoraCSV.o" || return 1
  swiftc "${swiftflags[@]}" -swift-version 6 -module-name CoraKit -emit-module -emit-module-path "$out/obj/CoraKit.swiftmodule" \
    -I "$out/obj" -I Sources/CLibCSV "${xml[@]}" -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC \
    -c $(find Sources/CoraKit -name "*.swift" | sort) -o "$out/obj/CoraKit.o" || return 1
  swiftc -O -g -parse-as-library "$sanitize" -swift-version 6 -I "$out/obj" -I Sources/CLibCSV "${xml[@]}" -I "$yams/CYaml/include" \
    -Xcc -DYAML_DECLARE_STATIC Fuzz/FuzzTarget.swift "$out"/obj/*.o -lcsv -lxml2 -lz -o "$out/cora-fuzz"
}

# One seed per sample and bad input with the control bytes that make sense for it, and a YAML+CSV
# seed per shipped mapping and sample.
seed() {
  rm -rf "$out/seeds" && mkdir -p "$out/seeds"
  local n=0
  put() {  # put CONTROL-BYTE FILE…: the byte, then the files joined by "\n%%\n"
    local control=$1; shift
    local file="$out/seeds/seed-$n"
    printf "\\x$(printf %02x "$control")" > "$file"
    local first=1
    for part in "$@"; do
      [ $first -eq 1 ] || printf '\n%%%%\n' >> "$file"
      head -c 60000 "$part" >> "$file"
      first=0
    done
    n=$((n + 1))
  }
  put 0 Samples/woonstad-waterland.csv
  put 0x28 Samples/woonstad-waterland.csv
  put 1 Samples/excel-nl/woningstichting-de-polder.csv
  put 0x51 Samples/excel-nl/woningstichting-de-polder.csv
  put 2 Samples/niveaus/woonbron-noord.csv
  put 0x1a Samples/niveaus/woonbron-noord.csv
  put 3 Samples/cora-wiki/werkprocessen.csv
  put 0 Samples/edge-cases/vreemde-tekens.csv
  put 0x80 Samples/archi/woonstad-waterland-elements.csv Samples/archi/woonstad-waterland-relations.csv Samples/archi/woonstad-waterland-properties.csv
  put 0 Samples/workbook/woonbron-noord.xlsx
  for file in Tests/CoraXLSXTests/Fixtures/*.xlsx; do put 0 "$file"; done
  put 0x83 Samples/ameff/verhuren-eenheden.xml
  put 0xcb Samples/ameff/verhuren-eenheden.xml
  put 0x04 Mappings/canonical.yaml Samples/woonstad-waterland.csv
  put 0x04 Mappings/excel-nl.yaml Samples/excel-nl/woningstichting-de-polder.csv
  put 0x04 Mappings/niveaus.yaml Samples/niveaus/woonbron-noord.csv
  put 0x04 Mappings/cora-wiki.yaml Samples/cora-wiki/werkprocessen.csv
  put 0x04 Mappings/sturing.yaml Samples/sturing/woonstad-waterland-sturing.csv
  if [ -d Tests/CoraCLITests/BadInputs ]; then
    for file in Tests/CoraCLITests/BadInputs/*.csv; do put 0 "$file"; put 0x60 "$file"; done
    for file in Tests/CoraCLITests/BadInputs/*.yaml; do put 0x04 "$file" Samples/woonstad-waterland.csv; done
  fi
  for file in Fuzz/findings/*; do cp "$file" "$out/seeds/finding-$(basename "$file")"; done
}

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}

case "${1:-}" in
  --build) build ;;
  --run) shift; build; "$out/cora-fuzz" -rss_limit_mb=2048 "$@" ;;
  ''|-h|--help) sed -n 2,20p "$0"; exit 64 ;;
  *)
    seconds=$1; shift
    build
    seed
    echo "fuzz: $seconds s; log in $out/fuzz.log, findings in $out/findings/" >&2
    # -fork=1: one worker process at a time, restarted after a finding, so the run goes on for
    # SECONDS whatever it finds (every finding is saved in findings/).
    "$out/cora-fuzz" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$out/findings/" "$@" "$out/corpus" "$out/seeds" > "$out/fuzz.log" 2>&1 || true
    echo "fuzz: done; $(ls "$out/findings" | wc -l) file(s) in $out/findings/" >&2
    tail -n 3 "$out/fuzz.log" >&2
    ;;
esac
