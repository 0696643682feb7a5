# cora: `make demo` sets up, builds and converts a sample; `make test` sets up and runs every test.
SWIFT ?= swift
CORA := .build/release/cora
SAMPLE := Samples/woonstad-waterland.csv

.PHONY: all setup build demo test sanitize sanitize-address sanitize-thread fuzz bench bench-smoke bench-huge bench-build bench-compare bench-reader mappings references diagrams clean help

all: build

help:
	@echo "make demo        install what is missing, build, convert the sample and show the result"
	@echo "make test        install what is missing, build and run the whole test suite"
	@echo "make bench       the benchmark suite (issues 7 and 21): 1k, 100k and 1M rows against Miller (its pipeline"
	@echo "                 and a plain cut + rename), Python and C; writes BENCHMARKS.md"
	@echo "                 (BENCH_ARGS=\"--sizes 1000,100000\" for fewer sizes)"
	@echo "make bench-huge  make bench plus the 10,000,000-row run for memory and linearity (issue 21): a 1.3 GB"
	@echo "                 inventory generated once into Benchmarks/data (under a minute), then cora convert,"
	@echo "                 cora validate (6.2 GiB each) and the C remap once each: about 3 more minutes on a"
	@echo "                 2-core machine (= make bench BENCH_ARGS=--huge)"
	@echo "make bench-smoke the same on 1,000 rows in seconds (for CI); fails on wrong results"
	@echo "make bench-compare cora diff and cora coverage on two models of 10,000 and 100,000 processes (Benchmarks/comparison.md)"
	@echo "make bench-reader the reader benchmark alone (Swift against C on libcsv), ROWS=1000000"
	@echo "make mappings    regenerate the compiled-in copy of Mappings/*.yaml"
	@echo "make references  regenerate the compiled-in copy of References/*.csv (the reference models of cora coverage)"
	@echo "make diagrams    redraw the sample's diagrams and exchange views shown in the README (docs/diagrams/*.png) and the handbook (docs/handbook.png)"
	@echo "make sanitize    the test suite under AddressSanitizer, the threaded tests under ThreadSanitizer (slow;"
	@echo "                 own build folders .build-asan and .build-tsan)"
	@echo "make fuzz        the libFuzzer target for FUZZ_SECONDS (default 600) seconds (scripts/fuzz.sh)"

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product cora

demo: build
	@echo "== cora inspect $(SAMPLE)"
	@$(CORA) inspect $(SAMPLE)
	@mkdir -p demo-output
	@echo "== cora convert $(SAMPLE) --to excel-csv -o demo-output/woonstad-waterland.excel.csv"
	@$(CORA) convert $(SAMPLE) --to excel-csv -o demo-output/woonstad-waterland.excel.csv
	@echo "== cora convert $(SAMPLE) --to xlsx -o demo-output/woonstad-waterland.xlsx (an Excel workbook: codes stay text, a frozen header with a filter)"
	@$(CORA) convert $(SAMPLE) --to xlsx -o demo-output/woonstad-waterland.xlsx
	@echo "== cora convert demo-output/woonstad-waterland.xlsx --to csv | cmp - $(SAMPLE) (read back: the same bytes)"
	@$(CORA) convert demo-output/woonstad-waterland.xlsx --to csv | cmp - $(SAMPLE) && echo "identical"
	@echo "== cora convert $(SAMPLE) --to json -o demo-output/woonstad-waterland.json"
	@$(CORA) convert $(SAMPLE) --to json -o demo-output/woonstad-waterland.json
	@echo "== cora convert $(SAMPLE) --to md -o demo-output/woonstad-waterland.md"
	@$(CORA) convert $(SAMPLE) --to md --title "Procesmodel Woonstad Waterland" -o demo-output/woonstad-waterland.md
	@echo "== cora convert $(SAMPLE) --to svg -o demo-output/woonstad-waterland.svg (the landscape)"
	@$(CORA) convert $(SAMPLE) --to svg --title "Woonstad Waterland" -o demo-output/woonstad-waterland.svg
	@echo "== cora convert $(SAMPLE) --to svg --view process:ww-p03 -o demo-output/verhuren-eenheden.svg"
	@$(CORA) convert $(SAMPLE) --to svg --view process:ww-p03 -o demo-output/verhuren-eenheden.svg
	@echo "== cora convert $(SAMPLE) --to html -o demo-output/handboek.html (the process handbook: one file, opens offline in any browser)"
	@$(CORA) convert $(SAMPLE) --to html --title "Woonstad Waterland" -o demo-output/handboek.html
	@echo "== cora convert $(SAMPLE) --to ameff -o demo-output/woonstad-waterland.xml (Archi: File > Import > Open Exchange XML Model)"
	@$(CORA) convert $(SAMPLE) --to ameff --title "Woonstad Waterland" -o demo-output/woonstad-waterland.xml
	@echo "== cora inspect demo-output/woonstad-waterland.xml"
	@$(CORA) inspect demo-output/woonstad-waterland.xml
	@echo "== cora convert Samples/sturing/woonstad-waterland-sturing.csv --to svg --view pdca -o demo-output/pdca.svg (requirements and the PDCA cycle; each check once)"
	@$(CORA) convert Samples/sturing/woonstad-waterland-sturing.csv --to svg --view pdca -o demo-output/pdca.svg
	@echo "== cora diff $(SAMPLE) Samples/diff/woonstad-waterland-2026.csv (what changed in a year; exit status 1: they differ)"
	@$(CORA) diff $(SAMPLE) Samples/diff/woonstad-waterland-2026.csv --ignore-field "property:Laatst herzien" || [ $$? -eq 1 ]
	@echo "== cora coverage $(SAMPLE) --reference vera --to html -o demo-output/dekking.html (what the sample covers of VERA 4.3.1, with its heat map)"
	@$(CORA) coverage $(SAMPLE) --reference vera --to html -o demo-output/dekking.html
	@echo "== cora convert $(SAMPLE) --to csv (first lines)"
	@$(CORA) convert $(SAMPLE) --to csv | head -n 6
	@echo "== written: demo-output/"
	@ls -l demo-output

test:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Issue 8: the whole suite under AddressSanitizer, and the batch tests (cora batch runs inputs in
# parallel) under ThreadSanitizer. Each in its own build folder, so `make test` is not rebuilt. The
# tests run the `cora` built beside them, so the binary is checked too; halt_on_error makes a report
# in that child an exit status the tests see.
sanitize: sanitize-address sanitize-thread

sanitize-address:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	CORA_SLOW_BUILD=1 ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

sanitize-thread:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	CORA_SLOW_BUILD=1 TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter "Batch|ReadAhead|ParallelRender|MaxErrors"

FUZZ_SECONDS ?= 600
fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The benchmark suite (Benchmarks/bench.py). Both build the release binaries first; bench-smoke writes
# its report to a temporary file, never to BENCHMARKS.md, and exits non-zero when a tool's output is wrong.
BENCH_SMOKE_REPORT ?= $(or $(TMPDIR),/tmp)/cora-BENCHMARKS-smoke.md

bench-build: setup
	@Benchmarks/setup.sh
	$(SWIFT) build -c release --product cora
	$(SWIFT) build -c release --product cora-bench

bench: bench-build
	python3 Benchmarks/bench.py --output BENCHMARKS.md $(BENCH_ARGS)

bench-smoke: bench-build
	python3 Benchmarks/bench.py --smoke --output $(BENCH_SMOKE_REPORT)

# Opt-in: the 10,000,000-row run takes minutes and ~6 GB of memory (bench.py --huge).
bench-huge: bench-build
	python3 Benchmarks/bench.py --huge --output BENCHMARKS.md $(BENCH_ARGS)

bench-compare: setup
	$(SWIFT) build -c release --product cora
	python3 Benchmarks/compare.py --rows 10000,100000 --output Benchmarks/comparison.md

bench-reader: setup
	$(SWIFT) build -c release --product cora-bench
	Benchmarks/run.sh $(ROWS)

mappings:
	scripts/embed-mappings.sh

# References/vera.csv itself comes from a VERA release: scripts/make-vera-reference.py "VERA 4.3.1.xml"
references:
	scripts/embed-references.sh

diagrams: build
	mkdir -p docs/diagrams
	$(CORA) convert $(SAMPLE) --to png -o docs/diagrams/landscape.png
	$(CORA) convert $(SAMPLE) --to png --view process:ww-p03 -o docs/diagrams/process-ww-p03.png
	$(CORA) convert $(SAMPLE) --to png --view full -o docs/diagrams/full.png
	$(CORA) convert Samples/sturing/woonstad-waterland-sturing.csv --to png --view pdca -o docs/diagrams/pdca.png 2>/dev/null
	$(CORA) convert $(SAMPLE) --to ameff -o .build/woonstad-waterland.xml
	scripts/exchange-view-picture.py .build/woonstad-waterland.xml cora-view-landscape docs/diagrams/ameff-landscape.png
	scripts/exchange-view-picture.py .build/woonstad-waterland.xml cora-view-ww-p03 docs/diagrams/ameff-process-ww-p03.png
	SOURCE_DATE_EPOCH=1796342400 $(CORA) convert $(SAMPLE) --to html --title "Woonstad Waterland" -o .build/handbook.html
	chromium --headless=new --no-sandbox --disable-gpu --no-first-run --no-proxy-server "--host-resolver-rules=MAP * ~NOTFOUND" --user-data-dir=.build/chromium-profile --hide-scrollbars --window-size=1400,1000 --screenshot=docs/handbook.png file://$(CURDIR)/.build/handbook.html 2>/dev/null

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz demo-output
