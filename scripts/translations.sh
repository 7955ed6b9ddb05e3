#!/usr/bin/env bash
# Translations, in two catalogs (docs/architecture.md says which holds what):
# - Qt's: the widgets' own words (self.tr) in resources/translations/posapp_*.ts -> .qm;
# - gettext's: every message id (refusals, printed labels, reports, the command line) in
#   resources/locale/<lang>/LC_MESSAGES/posapp.po -> .mo (scripts/messages.py, Babel's tools).
# `update` collects new strings and ids into the sources (for translators); `build` compiles
# them (run by make's install step).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
case "${1:-build}" in
  update)
    for ts in resources/translations/posapp_*.ts; do
      "$bin/pyside6-lupdate" $(find posapp/ui -name '*.py' | sort) -ts "$ts" -no-obsolete \
        -locations none
    done
    "$bin/python" scripts/messages.py update ;;
  build)
    for ts in resources/translations/posapp_*.ts; do
      "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    done
    "$bin/python" scripts/messages.py build >/dev/null ;;
  *) echo "usage: $0 update|build" >&2; exit 2 ;;
esac
