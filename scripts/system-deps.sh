#!/usr/bin/env bash
# Installs the Debian packages posapp needs, when they are missing and we are root on Debian.
# Elsewhere (a developer's macOS or a non-root Linux user) it only says what is missing.
#   system-deps.sh python   python3 with venv support
#   system-deps.sh run      what the program needs (Qt's shared libraries)
#   system-deps.sh test     the above plus what the test suite uses
#   system-deps.sh package  what building and smoke-testing the bundle uses (make package)
set -euo pipefail

want=${1:-run}
python_pkgs=(python3 python3-venv)
qt_pkgs=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3
         fonts-dejavu-core)
# a real X window (xcb); without these Qt says only "could not load xcb"
xcb_pkgs=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1)
test_pkgs=(xvfb xauth poppler-utils zbar-tools)  # PDFs and printed codes read back
# the central-store tests start a private server of their own (initdb + pg_ctl in a temp
# folder, tests/central/pgserver.py); without it their PostgreSQL cases skip
test_pkgs+=(postgresql)
# PyInstaller reads and strips the libraries with binutils (objdump, strip); the bundle's
# smoke test traces its file accesses (strace) and checks the menu entry (desktop-file-utils)
package_pkgs=(binutils strace desktop-file-utils)

case "$want" in
  python) pkgs=() ;;
  run)    pkgs=("${qt_pkgs[@]}" "${xcb_pkgs[@]}") ;;
  test)   pkgs=("${qt_pkgs[@]}" "${xcb_pkgs[@]}" "${test_pkgs[@]}") ;;
  package) pkgs=("${qt_pkgs[@]}" "${package_pkgs[@]}") ;;
  *) echo "usage: $0 python|run|test|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0   # not Debian: the README lists what to install by hand
fi

if [ "$want" = python ]; then
  if command -v "${PYTHON:-python3}" >/dev/null 2>&1 \
     && "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    exit 0
  fi
  pkgs=("${python_pkgs[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "posapp: missing Debian packages: ${missing[*]}" >&2
  echo "posapp: install them with: sudo apt-get install ${missing[*]}" >&2
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    echo "posapp: without postgresql the central-store tests skip their PostgreSQL cases" >&2
  fi
  exit 0
fi
echo "posapp: installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
