"""Every interactive widget on every screen has a stable objectName and an accessible name,
and touch targets are at least 44 px high."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir
from posapp.ui.common.i18n import Languages
from tests.conftest import Stand
from tests.ui.screens import SCREENS, Ctx

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def interactive(root: QWidget) -> list[QWidget]:
    return [w for w in (root, *root.findChildren(QWidget))
            if isinstance(w, INTERACTIVE) and w.isVisible() and w.window() is root
            and not w.objectName().startswith("qt_")  # Qt's own parts (scroll bar buttons...)
            and not isinstance(w, QHeaderView)  # part of its table, which is named
            and not (isinstance(w, QLineEdit)
                     and isinstance(w.parent(), QAbstractSpinBox | QComboBox))]


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_interactive_widgets_are_named_and_big_enough(screen: str, qapp: QApplication,
                                                      qtbot: QtBot, jatim: Stand,
                                                      data_dir: DataDir) -> None:
    problems: list[str] = []
    for moment, root in SCREENS[screen](Ctx(qtbot, jatim, data_dir, Languages(qapp))):
        for w in interactive(root):
            what = f"{moment}: {type(w).__name__} {w.objectName() or '(no name)'}"
            if not w.objectName():
                problems.append(f"{what} has no objectName")
            if not w.accessibleName():
                problems.append(f"{what} has no accessible name")
            if isinstance(w, QPushButton | QLineEdit) and w.height() < 44:
                problems.append(f"{what} is {w.height()} px high")
    assert problems == [], "\n".join(sorted(set(problems)))
