"""Render the main screens into docs/screenshots/ (``make screenshots``), offscreen.

A demo stand in a temp folder, Bahasa Indonesia (or ``--lang en``): log-in, the selling
screen with a cart, the payment dialog, the sales history, the shift close.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from posapp.bootstrap import DataDir, open_stand
from posapp.services import demo
from posapp.services.till import Till
from posapp.ui.i18n import Languages
from posapp.ui.stand_window import StandWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shot(app: QApplication, widget: QWidget, name: str, lang: str) -> None:
    settle(app)
    path = OUT / (f"{name}.png" if lang == "id" else f"{name}-{lang}.png")
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    Languages(app).use(args.lang)
    data = DataDir(Path(tempfile.mkdtemp(prefix="posapp-shots-")))
    demo.ensure_demo_stand(data)
    handle = open_stand(data, demo.DEMO_STAND)
    window = StandWindow(Till.open(handle))
    window.resize(1280, 760)
    window.show()
    shot(app, window, "login", args.lang)
    window.login.name_input.setCurrentText(demo.DEMO_CASHIER)
    window.login.pin_input.setText(demo.DEMO_CASHIER_PIN)
    window.login.submit()
    window.open_shift.float_input.setText("500.000")
    window.open_shift.submit()
    for code in ("JTM-BTK-001", "8997015000441", "8997015000441", "JTM-JLB-003"):
        window.selling.add_code(code)
    shot(app, window, "selling", args.lang)
    window.actions_.pay()
    dialog = window.actions_.dialog
    assert dialog is not None
    cash = dialog.findChild(QLineEdit, "cashReceivedInput")
    cash.setText("700.000")
    shot(app, dialog, "payment", args.lang)
    dialog.confirm()  # type: ignore[attr-defined]
    window.selling.add_code("JTM-TAS-001")
    shot(app, window, "after-sale", args.lang)
    window.actions_.open_history()
    history = window.actions_.dialog
    history.open_receipt("JATIM-000001")  # type: ignore[attr-defined]
    shot(app, history, "history", args.lang)
    history.close()
    window.actions_.close_shift()
    shot(app, window.actions_.dialog, "close-shift", args.lang)
    window.close()
    handle.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
