# tengri: the commands a developer and CI use. `make check` is exactly what CI runs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test test-fast check lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install  ## install, code the built-in sample articles, serve the dashboard (ARGS="--port 8001")
	$(VENV)/bin/tengri demo $(ARGS)

test: install  ## install, then run the whole test suite
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests benchmarks

check: install lint  ## what CI runs
	$(PY) -W error -c 'import tengri'
	$(VENV)/bin/tengri --help > /dev/null
	$(PY) -m pytest -q

bench: install  ## throughput and memory figures (printed, never asserted); BENCH_FULL=1 adds 100k articles
	$(PY) benchmarks/extract_bench.py
	$(PY) benchmarks/scale_bench.py $(if $(BENCH_FULL),--full)

eval: install  ## regenerate EVALUATION.md from the gold sets
	$(VENV)/bin/tengri evaluate --report EVALUATION.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
