# posapp: the everyday commands. `make run` and `make test` install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP_RUN  = $(VENV)/.posapp-run
STAMP_TEST = $(VENV)/.posapp-test

.PHONY: run test lint bench translations screenshots system-deps system-deps-test clean

run: system-deps $(STAMP_RUN)
	$(VENV)/bin/posapp demo --ensure
	$(VENV)/bin/posapp run

# As root, system-deps-test installs PostgreSQL: then its central-store tests must run, not skip.
test: system-deps-test $(STAMP_TEST) lint
	QT_QPA_PLATFORM=offscreen POSAPP_REQUIRE_POSTGRES=$$([ "$$(id -u)" = 0 ] && echo 1) \
		$(PY) -m pytest

lint: $(STAMP_TEST)
	$(PY) -m ruff check posapp tests benchmarks scripts
	$(PY) -m mypy

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py --lang id
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py --lang en

translations: $(STAMP_TEST)
	bash scripts/translations.sh update
	bash scripts/translations.sh build

system-deps:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

$(VENV)/bin/python:
	@bash scripts/system-deps.sh python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml resources/translations/*.ts | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	bash scripts/translations.sh build
	@touch $@

$(STAMP_TEST): pyproject.toml resources/translations/*.ts | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	bash scripts/translations.sh build
	@touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
