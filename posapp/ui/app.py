"""Starting the windows: the Qt application, languages, the scanner, one window per stand."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from posapp.bootstrap import DataDir

if TYPE_CHECKING:
    from posapp.ui.common.scanner import ScannerFilter
    from posapp.ui.stand.window import StandWindow


def display_problem() -> str | None:
    """Why no window can open here, in one line; None when a display is available."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return ("no display: run posapp on the desktop, or try 'xvfb-run posapp run' "
                "(Debian package xvfb) or QT_QPA_PLATFORM=offscreen for a test")
    return None


def run_windows(data: DataDir, codes: list[str], *, lang: str | None = None,
                exit_after_s: float | None = None) -> int:
    """Open a stand window for each code (the set-up wizard first when there is none).

    Each window paints its first screen from plain sqlite3 reads; SQLAlchemy, the services
    and the stand's settings (the scanner's, the customer display) load right after."""
    from PySide6.QtWidgets import QApplication

    from posapp.services.session.stand import StandSession
    from posapp.ui.common.i18n import DEFAULT_LANGUAGE, Languages
    from posapp.ui.common.look import apply_icons, apply_look
    from posapp.ui.common.scanner import ScannerFilter
    from posapp.ui.stand.window import StandWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("posapp")
    apply_look(app)
    languages = Languages(app)
    if not codes:
        languages.use(lang or DEFAULT_LANGUAGE)
        code = _first_setup(data)
        if code is None:
            return 1
        codes = [code]
    sessions = [StandSession.open_stand(data, code, lazy=True) for code in codes]
    languages.use(lang or sessions[0].language)
    scanner = ScannerFilter(app)  # the first stand's timing once its settings are read
    app.installEventFilter(scanner)
    windows = []
    for n, session in enumerate(sessions):
        window = StandWindow(session, languages=languages, scanner=scanner, deferred=True)
        scanner.scanned.connect(window.on_scan)
        window.loaded.connect(lambda w=window, first=n == 0: _loaded(w, scanner, first=first))
        apply_icons(window)
        window.show()
        windows.append(window)
    if exit_after_s is not None:  # smoke tests of a real window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(exit_after_s * 1000), app.quit)
    exit_code = app.exec()
    for session in sessions:
        session.close()
    return int(exit_code)


def _loaded(window: StandWindow, scanner: ScannerFilter, *, first: bool) -> None:
    """A window whole: its stand's settings apply (the first stand's scanner timing; its
    customer display, when the stand uses one)."""
    settings = window.session.settings.get()
    if first:
        scanner.max_interval_ms = settings.scanner_interval_ms
        scanner.suffix = settings.scanner_suffix
    if settings.customer_display:
        window.actions_.toggle_customer_display()


def _first_setup(data: DataDir) -> str | None:
    from posapp.ui.setup.wizard import SetupWizard

    wizard = SetupWizard(data)
    if wizard.exec() != wizard.DialogCode.Accepted:
        return None
    return wizard.stand_code
