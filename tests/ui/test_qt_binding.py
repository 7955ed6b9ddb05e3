"""The Qt binding itself: a long day of key presses must not wear out Python's None.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
returns nothing (QTimer.start, QWidget.parentWidget() without a parent, ...). None is not
immortal before Python 3.12, so a stand window with the scanner filter died with
"Fatal Python error: deallocating None" after some thousands of key presses.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit


def test_calls_returning_nothing_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    timer, field = QTimer(), QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        timer.start(60)
        timer.stop()
        field.parentWidget()
        field.property("scannerIgnore")
    assert sys.getrefcount(None) - before > -100  # a real leak would be -20,000
