"""Starting the organizer window: the Qt application, its language, the central store given."""

from __future__ import annotations

import sys
from pathlib import Path


def run_organizer(central: str | None, *, lang: str | None = None,
                  settings_path: Path | None = None, exit_after_s: float | None = None) -> int:
    """Open the organizer window (on *central* when given) and run until it is closed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from posapp.ui.common.i18n import DEFAULT_LANGUAGE, Languages
    from posapp.ui.common.look import apply_icons, apply_look
    from posapp.ui.organizer.settings import OrganizerSettings, default_settings_path
    from posapp.ui.organizer.window import OrganizerWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("posapp")
    apply_look(app)
    path = settings_path or default_settings_path()
    languages = Languages(app)
    languages.use(lang or OrganizerSettings.load(path).language or DEFAULT_LANGUAGE)
    window = OrganizerWindow(path, languages=languages)
    apply_icons(window)
    window.show()
    if central:
        window.open_target(central)
    if exit_after_s is not None:  # smoke tests of a real window
        QTimer.singleShot(int(exit_after_s * 1000), app.quit)
    return int(app.exec())
