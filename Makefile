# posapp: the everyday commands. `make run` and `make test` install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP_RUN  = $(VENV)/.posapp-run
STAMP_TEST = $(VENV)/.posapp-test

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint bench system-deps system-deps-test clean

run: system-deps $(STAMP_RUN)
	$(VENV)/bin/posapp demo --ensure
	$(VENV)/bin/posapp run

test: system-deps-test $(STAMP_TEST) lint
	$(PY) -m pytest

lint: $(STAMP_TEST)
	$(PY) -m ruff check posapp tests benchmarks
	$(PY) -m mypy

bench: $(STAMP_TEST)
	$(PY) -m benchmarks

system-deps:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

$(VENV)/bin/python:
	@bash scripts/system-deps.sh python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
