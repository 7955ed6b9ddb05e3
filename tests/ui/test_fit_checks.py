"""The fit probe's checks catch what they are for (tests/ui/fit_probe.py): labels and a
button squeezed below their text, and fixed-width widgets laid over each other."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.fit_probe import violations

TEXTS = ("Sinkron gagal 14:05", "Cadangan: belum diatur")


def row_of(qtbot: QtBot, width: int, fixed: int | None = None) -> QWidget:
    """Two labels and a button in a row *width* px wide (each *fixed* px wide, if given)."""
    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    widgets: list[QWidget] = [QLabel(text, root, objectName=f"label{i}")
                              for i, text in enumerate(TEXTS)]
    widgets.append(QPushButton("Sinkronkan sekarang", root, objectName="button"))
    for w in widgets:
        row.addWidget(w)
        if fixed is not None:
            w.setFixedWidth(fixed)
    root.setFixedSize(width, 40)  # narrower than its widgets need, as a full status bar
    root.show()
    qtbot.waitExposed(root)
    return root


def test_a_row_with_room_is_not_reported(qtbot: QtBot) -> None:
    assert violations(row_of(qtbot, 600)) == []


def test_a_squeezed_row_is_reported_for_each_cut_text(qtbot: QtBot) -> None:
    found = dict(violations(row_of(qtbot, 160)))

    assert found.keys() == {"label0", "label1", "button"}
    assert found["label1"].startswith("text ") and "Cadangan" in found["label1"]
    assert found["button"].startswith("text cut: needs ")


def test_fixed_widths_laid_over_each_other_are_reported(qtbot: QtBot) -> None:
    found = violations(row_of(qtbot, 160, fixed=120))

    over = {(widget, problem.split(" (")[0]) for widget, problem in found
            if "lies over" in problem}
    assert over == {("label1", "lies over label0 in their layout"),
                    ("button", "lies over label0 in their layout"),
                    ("button", "lies over label1 in their layout")}


def test_a_list_that_must_fit_its_width_is_reported_when_it_scrolls_sideways(
        qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(1, 3)
    model.setHorizontalHeaderLabels(["Struk", "Waktu", "Kasir"])
    for column in range(3):
        model.setItem(0, column, QStandardItem("JATIM-000001 " * 3))
    root = QWidget()
    qtbot.addWidget(root)
    view = QTableView(root, objectName="historyTable")
    QHBoxLayout(root).addWidget(view)
    view.setModel(model)
    view.resizeColumnsToContents()
    root.setFixedSize(300, 200)
    root.show()
    qtbot.waitExposed(root)
    assert violations(root) == []  # allowed to scroll sideways: not marked
    view.setProperty("fitsWidth", True)
    found = dict(violations(root))
    assert found["historyTable"].startswith("scrolls sideways: its columns are ")
