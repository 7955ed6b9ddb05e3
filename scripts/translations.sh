#!/usr/bin/env bash
# Qt translations: `update` collects the UI's strings into the .ts sources (for translators);
# `build` compiles them to .qm files, which the app loads (run by make's install step).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
case "${1:-build}" in
  update)
    for ts in resources/translations/posapp_*.ts; do
      "$bin/pyside6-lupdate" posapp/ui/*.py -ts "$ts" -no-obsolete -locations none
    done ;;
  build)
    for ts in resources/translations/posapp_*.ts; do
      "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    done ;;
  *) echo "usage: $0 update|build" >&2; exit 2 ;;
esac
