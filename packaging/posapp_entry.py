"""The bundle's entry point: the ``posapp`` command as pip installs it, except that with no
command at all (a double-click, the macOS .app, a desktop or Start-menu entry without
arguments) it opens the stand window(s) as ``posapp run`` does."""

import sys

from posapp.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["run"]))
