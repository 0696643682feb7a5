# cora: `make demo` sets up, builds and converts a sample; `make test` sets up and runs every test.
SWIFT ?= swift
CORA := .build/release/cora
SAMPLE := Samples/woonstad-waterland.csv

.PHONY: all setup build demo test bench bench-smoke mappings clean help

all: build

help:
	@echo "make demo        install what is missing, build, convert the sample and show the result"
	@echo "make test        install what is missing, build and run the whole test suite"
	@echo "make bench       the reader benchmark (Swift against C on libcsv), 1,000,000 rows"
	@echo "make mappings    regenerate the compiled-in copy of Mappings/*.yaml"

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
	@echo "== cora convert $(SAMPLE) --to json -o demo-output/woonstad-waterland.json"
	@$(CORA) convert $(SAMPLE) --to json -o demo-output/woonstad-waterland.json
	@echo "== cora convert $(SAMPLE) --to md -o demo-output/woonstad-waterland.md"
	@$(CORA) convert $(SAMPLE) --to md --title "Procesmodel Woonstad Waterland" -o demo-output/woonstad-waterland.md
	@echo "== cora convert $(SAMPLE) --to svg -o demo-output/woonstad-waterland.svg (the landscape)"
	@$(CORA) convert $(SAMPLE) --to svg --title "Woonstad Waterland" -o demo-output/woonstad-waterland.svg
	@echo "== cora convert $(SAMPLE) --to svg --view process:ww-p03 -o demo-output/verhuren-eenheden.svg"
	@$(CORA) convert $(SAMPLE) --to svg --view process:ww-p03 -o demo-output/verhuren-eenheden.svg
	@echo "== cora convert $(SAMPLE) --to csv (first lines)"
	@$(CORA) convert $(SAMPLE) --to csv | head -n 6
	@echo "== written: demo-output/"
	@ls -l demo-output

test:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test

bench: setup
	$(SWIFT) build -c release --product cora-bench
	Benchmarks/run.sh $(ROWS)

mappings:
	scripts/embed-mappings.sh

clean:
	rm -rf .build demo-output
