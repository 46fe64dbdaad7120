# tengri: the commands a developer and CI use. `make check` is exactly what CI runs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test check lint bench eval harden clean \
	test-postgres test-browser test-dask test-slow

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install  ## install, code the built-in sample articles, serve the dashboard (ARGS="--port 8001")
	$(VENV)/bin/tengri demo $(ARGS)

test: install lint  ## install, lint, then run the whole test suite (what CI runs)
	$(PY) -W error -c 'import tengri'
	$(VENV)/bin/tengri --help > /dev/null
	$(PY) -m pytest -q

check: test  ## the same as test

lint: install
	$(VENV)/bin/ruff check src tests benchmarks

# One target per test marker; `make test` runs them all.
test-postgres: install  ## the store, API and export suites against a throwaway PostgreSQL
	$(PY) -m pytest -q -m postgres
test-browser: install  ## the dashboard in Debian's chromium through Playwright
	$(PY) -m pytest -q -m browser
test-dask: install  ## the engine on a dask.distributed LocalCluster
	$(PY) -m pytest -q -m dask
test-slow: install  ## subprocess kills, concurrent readers, long property runs
	$(PY) -m pytest -q -m slow

bench: install  ## throughput and memory figures (printed, never asserted); BENCH_FULL=1 adds 100k articles
	$(PY) benchmarks/extract_bench.py
	$(PY) benchmarks/scale_bench.py $(if $(BENCH_FULL),--full)

# The hardening suites with TENGRI_FUZZ_SCALE times the usual fuzz cases (-s: their figures are
# printed at the end), then a bounded load test that fails only on 5xx or connection errors;
# both print figures, neither asserts a speed.
HARDEN_SCALE ?= 3
harden: install  ## fuzz and API hardening suites with figures (HARDEN_SCALE=3 times the cases), then a 30 s load test of `tengri serve` (LOAD_ARGS="--seconds 60")
	TENGRI_FUZZ_SCALE=$(HARDEN_SCALE) $(PY) -m pytest -q -s tests/hardening
	$(PY) benchmarks/load_test.py $(LOAD_ARGS)

eval: install  ## regenerate EVALUATION.md from the gold sets
	$(VENV)/bin/tengri evaluate --report EVALUATION.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
