# posapp: the everyday commands. `make run` and `make test` install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP_RUN  = $(VENV)/.posapp-run
STAMP_TEST = $(VENV)/.posapp-test
STAMP_PACKAGE = $(VENV)/.posapp-package

.PHONY: run test lint bench bench-large fuzz translations screenshots system-deps system-deps-test clean \
	package package-test system-deps-package

run: system-deps $(STAMP_RUN)
	$(VENV)/bin/posapp demo --ensure
	@echo "posapp: the posapp command is $(VENV)/bin/posapp; '. $(VENV)/bin/activate' puts it on the PATH"
	$(VENV)/bin/posapp run

# As root, system-deps-test installs PostgreSQL: then its central-store tests must run, not skip.
# The suite runs on TEST_WORKERS processes (pytest-xdist), whole test files to each (a file's
# module fixtures, such as the fit harness's probes, are made once); TEST_WORKERS=0: one
# process. Then the bundle: built afresh and smoke-tested (package-test), about a minute more.
TEST_WORKERS ?= 2
test: system-deps-test $(STAMP_TEST) lint
	QT_QPA_PLATFORM=offscreen POSAPP_REQUIRE_POSTGRES=$$([ "$$(id -u)" = 0 ] && echo 1) \
		$(PY) -m pytest --ignore=tests/packaging -n $(TEST_WORKERS) --dist loadfile
	$(MAKE) package-test

# The PyInstaller bundle for this machine, packed into dist/ (packaging/README.md).
package: system-deps-package $(STAMP_PACKAGE)
	$(PY) packaging/build.py

# The Linux bundle's smoke test (tests/packaging) on the one just built, then its size and
# start time over a bare Qt window's (packaging/measure.py; a missed target stops make here).
# Without a bundle the tests fail here instead of skipping.
package-test: package $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen POSAPP_REQUIRE_BUNDLE=1 $(PY) -m pytest tests/packaging
	$(PY) packaging/measure.py

lint: $(STAMP_TEST)
	$(PY) -m ruff check posapp tests benchmarks scripts packaging
	$(PY) -m mypy

# The fuzz suite's long profile (tests/fuzz/conftest.py): about 15,000 cases, random each run
# (make test runs the same tests with a few fixed cases each).
fuzz: $(STAMP_TEST)
	POSAPP_FUZZ=long QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/fuzz -p no:cacheprovider \
		--hypothesis-show-statistics

# Each line with a target beside its floor from the same run, and the ratio; a missed target
# prints FAIL and stops make. ARGS=--quick for a smoke run; bench-large: issue 14's sizes
# (1M products, 1M sales, 68 stands), a few hours on this machine.
bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks $(ARGS)

bench-large: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --large $(ARGS)

# The screens at 1366x768 and 1024x600 into build/screenshots/ (not tracked); UPDATE=1 also
# rewrites the docs' shots in docs/screenshots/.
screenshots: $(STAMP_TEST)
	$(PY) scripts/screenshots.py --lang id $(if $(UPDATE),--update)
	$(PY) scripts/screenshots.py --lang en $(if $(UPDATE),--update)

translations: $(STAMP_TEST)
	bash scripts/translations.sh update
	bash scripts/translations.sh build

system-deps:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

system-deps-package:
	@bash scripts/system-deps.sh package

$(VENV)/bin/python:
	@bash scripts/system-deps.sh python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml resources/translations/*.ts resources/locale/*/LC_MESSAGES/*.po | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	bash scripts/translations.sh build
	@touch $@

$(STAMP_TEST): pyproject.toml resources/translations/*.ts resources/locale/*/LC_MESSAGES/*.po | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	bash scripts/translations.sh build
	@touch $@ $(STAMP_RUN)

$(STAMP_PACKAGE): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[package]'
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
