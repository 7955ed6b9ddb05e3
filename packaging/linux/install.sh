#!/bin/sh
# Adds posapp to this user's applications menu and PATH, from the folder it was unpacked
# to (no root needed; run it again after moving the folder). Undo: ./install.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = --remove ]; then
  rm -f "$bin/posapp" "$data/applications/posapp.desktop" \
        "$data/icons/hicolor/256x256/apps/posapp.png" "$data/icons/hicolor/scalable/apps/posapp.svg"
  echo "posapp: removed from the menu (the folder $here stays)"
  exit 0
fi
mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/256x256/apps" \
         "$data/icons/hicolor/scalable/apps"
ln -sf "$here/posapp" "$bin/posapp"
cp "$here/posapp.png" "$data/icons/hicolor/256x256/apps/posapp.png"
cp "$here/posapp.svg" "$data/icons/hicolor/scalable/apps/posapp.svg"
# the menu entry names the program by its full path: ~/.local/bin is not always on PATH
path=$(printf '%s' "$here" | sed 's/[&|\\]/\\&/g')
sed "s|^Exec=posapp |Exec=\"$path/posapp\" |" "$here/posapp.desktop" \
  > "$data/applications/posapp.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" 2>/dev/null || true
fi
echo "posapp: added to the applications menu; 'posapp' runs $here/posapp"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "posapp: $bin is not on PATH yet: log in again, or run $here/posapp" ;;
esac
