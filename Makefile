# Two commands on a fresh machine: `make build` and `make test` (both idempotent).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: build test lint validate bench system-deps clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	@touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

build: system-deps $(STAMP)   ## validate and render every project in projects/ → build/*.pdf
	$(VENV)/bin/dossier build

validate: $(STAMP)            ## check every project against the award rules
	$(VENV)/bin/dossier validate

test: lint                    ## the gate, then the whole test suite (installs poppler-utils, qpdf when missing)
	@bash scripts/system-deps.sh --test
	$(PY) -m pytest -q

lint: $(STAMP)                ## ruff (lint, import order), mypy and the import layers (import-linter) of dossier/
	$(VENV)/bin/ruff check dossier
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)               ## speed figures (benchmarks/*.py)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf build .pytest_cache .hypothesis
