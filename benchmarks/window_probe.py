"""One start of a window, for ``bench_window``: times its first paint, prints JSON, quits.

``python -m benchmarks.window_probe run DATA_DIR STAND`` goes the way ``posapp run`` goes:
``posapp.cli.main.main(["run", ...])``, so the command line's imports, the stand's opening
and the window are all paid. ``python -m benchmarks.window_probe bare`` shows an empty
QMainWindow instead: the floor. Either way, at the first paint of a top-level window it
notes the seconds since ``POSAPP_PROBE_T0`` (set by the parent just before starting this
process: interpreter start included), the resident memory, what the window shows (its title
and page) and whether SQLAlchemy was loaded by then; a stand window that loads the rest after
its paint is waited for, and the seconds and memory once whole are printed with them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SAFETY_EXIT_S = 120  # a probe whose window never paints stops by itself


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _watch_first_paint() -> None:
    """Creates the QApplication (``posapp run`` takes the existing one) with a filter that
    reports and quits at the first paint of a top-level window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        done = False

        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.report: dict[str, object] = {}

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QWidget) and obj.isWindow()):
                self.done = True
                loaded = "sqlalchemy" in sys.modules
                self.report = {"seconds": _since_t0(), "rss_mb": rss_mb(),
                               "window": type(obj).__name__, "title": obj.windowTitle(),
                               "page": _page(obj), "sqlalchemy_loaded": loaded}
                whole = getattr(obj, "loaded", None)  # a stand window loading the rest
                if whole is not None and not getattr(obj, "is_loaded", True):
                    whole.connect(lambda: self.end(obj))
                else:
                    QTimer.singleShot(0, lambda: self.end(obj))
            return False

        def end(self, window: QWidget) -> None:
            """Once the window is whole: how long that took, the memory, and quit."""
            self.report.update(whole_seconds=_since_t0(), whole_rss_mb=rss_mb(),
                               products=_products(window))
            print(json.dumps(self.report), flush=True)
            QTimer.singleShot(0, app.quit)

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)


def _since_t0() -> float:
    return time.time() - float(os.environ["POSAPP_PROBE_T0"])


def _page(window: object) -> str | None:
    """The object name of the page the window shows (None for the bare one)."""
    pages = getattr(window, "pages", None)
    current = pages.currentWidget() if pages is not None else None
    return current.objectName() if current is not None else None


def _products(window: object) -> int | None:
    """How many products the window's stand holds, when it says (None for the bare one)."""
    session = getattr(window, "session", None)
    catalog = getattr(session, "catalog", None)
    return catalog.count() if catalog is not None else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _watch_first_paint()
    if args[0] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        window = QMainWindow()
        window.show()
        return QApplication.exec()
    root, code = Path(args[1]), args[2]
    from posapp.cli.main import main as posapp_main

    return posapp_main(["run", "--data-dir", str(root), "--stand", code,
                        "--exit-after", str(SAFETY_EXIT_S)])


if __name__ == "__main__":
    sys.exit(main())
