"""The bundle's entry point: the ``posapp`` command as pip installs it, except that with no
command at all (a double-click, the macOS .app, a desktop or Start-menu entry without
arguments) it opens the stand window(s) as ``posapp run`` does.

``freeze_support()`` first: the event report draws its PDF in a second process
(posapp/services/event_report_files.py), and a merge of several files reads the next one in
a second process (posapp/sync/merge_worker.py); a bundle starts each as itself, and that
process must run the worker, not posapp's command line. (Only in the bundle:
``import multiprocessing`` costs every command about 9 ms, and freeze_support does nothing
unless frozen.)"""

import sys

from posapp.cli.main import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main(sys.argv[1:] or ["run"]))
