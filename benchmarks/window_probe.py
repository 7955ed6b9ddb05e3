"""One start of the stand window, for ``bench_window``: prints JSON and quits.

``python -m benchmarks.window_probe DATA_DIR STAND`` opens the stand (migrations, catalog
into memory), builds the window, shows it, and once the event loop has drawn it prints
the seconds since the interpreter started and the resident memory.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    root, code = Path(sys.argv[1]), sys.argv[2]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from posapp.bootstrap import DataDir, open_stand
    from posapp.services.session.stand import StandSession
    from posapp.ui.common.scanner import ScannerFilter
    from posapp.ui.stand.window import StandWindow

    app = QApplication([])
    scanner = ScannerFilter(app)
    app.installEventFilter(scanner)
    handle = open_stand(DataDir(root), code)
    window = StandWindow(StandSession.open(handle))
    scanner.scanned.connect(window.on_scan)
    window.show()

    def report() -> None:
        started = float(os.environ["POSAPP_PROBE_T0"])
        print(json.dumps({"seconds": time.time() - started, "rss_mb": rss_mb(),
                          "products": len(window.session.catalog.products)}))
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()
    handle.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
