"""The fit probe: opens every screen of ``tests/ui/screens.py`` in every state it yields on
the one screen this process has, and writes what does not fit as JSON.

Not collected by itself (no ``test_`` prefix): ``tests/ui/test_fit.py`` runs it in a
subprocess per screen size, as ``pytest tests/ui/fit_probe.py`` with
``QT_QPA_PLATFORM="offscreen:configfile=<that screen>"`` (or under Xvfb), and
``POSAPP_FIT_OUT`` naming the JSON file to append the violations to, one JSON object a line:
``{"screen", "state", "widget", "problem"}``, and ``{"screen", "done"}`` once a screen was
gone through. ``POSAPP_FIT_EXPECT`` (``WIDTHxHEIGHT``) is the screen it must find;
``POSAPP_FIT_SCREENS`` (comma-separated) limits the screens opened; ``POSAPP_FIT_LANG`` is
the language (``id``, the default, or ``en``); ``POSAPP_FIT_SHOTS`` names a folder to write
each state's window grab into (``<screen>-<n>.png``), to look at.

What is checked, in each state:

- the top-level window lies inside the screen's available geometry;
- every visible interactive widget and every visible label lies inside it too, and is not
  cut off by a parent: by a scroll area's viewport only where that scroll area can scroll;
- the screen's primary action (the widget with ``role`` = ``primary``, else the dialog's
  default button) is visible without scrolling;
- no label's text is elided or clipped: a single line's width by the font's metrics fits
  the label's contents, a wrapped text's height for the label's width fits its height;
  no button's text is cut (it has at least the width its text needs);
- no two widgets side by side in one layout overlap (fixed widths in a layout squeezed
  below what they need lie over each other);
- no table's column header is cut: each shown section is as wide as its text needs (the
  table may scroll sideways to it);
- a table that must fit its width (property ``fitsWidth``: the sales history, the catalog,
  the orders and print jobs lists, the organizer's tables) does not scroll sideways: its
  columns together are no wider than it shows;
- nothing to click (a button, a field, a tab, a tile of a list or grid) lies under a card
  docked over the window (a widget with the ``dockedCard`` property: the customer display
  on one screen).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QStyle,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir
from posapp.ui.common.i18n import Languages
from posapp.ui.common.look import apply_look
from tests.conftest import Stand
from tests.ui.screens import SCREENS, Ctx

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QTextEdit, QPlainTextEdit, QTabBar)

Violation = dict[str, str]


def _name(w: QWidget) -> str:
    return w.objectName() or f"({type(w).__name__})"


def checked(root: QWidget) -> list[QWidget]:
    """The widgets of the window *root* a user sees and reads or uses."""
    found: list[QWidget] = []
    for w in (root, *root.findChildren(QWidget)):
        if not w.isVisible() or w.window() is not root or w.objectName().startswith("qt_"):
            continue
        if isinstance(w, QScrollBar | QHeaderView):
            continue  # parts of their view
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue
        if isinstance(w, (*INTERACTIVE, QLabel)):
            found.append(w)
    return found


def _scroll_area_of(viewport: QWidget) -> QAbstractScrollArea | None:
    area = viewport.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
        return area
    return None


def placement(w: QWidget, root: QWidget) -> tuple[QRect, str | None, bool]:
    """Where *w* shows on the screen (global, clipped by its parents), what cuts it off
    (None when nothing does), and whether seeing it whole needs scrolling."""
    rect = QRect(QPoint(0, 0), w.size())
    child, scrolled = w, False
    while child is not root:
        parent = child.parentWidget()
        if parent is None:
            break
        rect = rect.translated(child.pos())
        room = parent.rect()
        if not room.contains(rect):
            area = _scroll_area_of(parent)
            if area is None:
                return rect, f"cut off by {_name(parent)} ({_size(rect)} in {_size(room)})", \
                    scrolled
            vertical = rect.top() < room.top() or rect.bottom() > room.bottom()
            horizontal = rect.left() < room.left() or rect.right() > room.right()
            if (vertical and area.verticalScrollBar().maximum() <= 0) or (
                    horizontal and area.horizontalScrollBar().maximum() <= 0):
                return rect, f"cut off by the scroll area {_name(area)}, which cannot scroll " \
                    "to it", scrolled
            scrolled = True
            rect = rect.intersected(room)
            if rect.isEmpty():
                rect = QRect(room.topLeft(), room.topLeft())  # scrolled away: not on screen
        child = parent
    return QRect(child.mapToGlobal(rect.topLeft()), rect.size()), None, scrolled


def _size(r: QRect) -> str:
    return f"{r.width()}x{r.height()}+{r.x()}+{r.y()}"


def text_problem(w: QWidget) -> str | None:
    """Why *w*'s text does not show whole, or None."""
    if isinstance(w, QAbstractButton):
        if w.text() and w.minimumSizeHint().width() > w.width():
            return f"text cut: needs {w.minimumSizeHint().width()} px, has {w.width()}"
        return None
    if not isinstance(w, QLabel) or not w.text().strip():
        return None
    text = w.text()
    tip = w.toolTip()
    if text.endswith(("…", "...")) and len(tip) > len(text) and tip.startswith(text[:-1]):
        return f"text elided: {text!r}"
    rich = w.textFormat() == Qt.TextFormat.RichText or (
        w.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if w.wordWrap():
        need = w.heightForWidth(w.width())
        if need > w.height():
            return f"wrapped text needs {need} px high, has {w.height()}"
        return None
    if rich:
        need_w = w.sizeHint().width()
        if need_w > w.width():
            return f"text needs {need_w} px wide, has {w.width()}"
        return None
    if w.buddy() is not None:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    box = w.contentsRect().adjusted(w.margin(), w.margin(), -w.margin(), -w.margin())
    metrics = QFontMetrics(w.font())
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() + metrics.lineSpacing() * (len(lines) - 1)
    if width > box.width():
        return f"text {width} px wide, the label shows {box.width()}: {text[:40]!r}"
    if height > box.height():
        return f"text {height} px high, the label shows {box.height()}"
    return None


def header_problems(view: QAbstractItemView) -> list[str]:
    """The column headers of *view* cut short: narrower than their text needs."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    model = view.model()
    if header is None or model is None or not header.isVisible():
        return []
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = QFontMetrics(header.font())
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        need = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
        if text and need + margin > header.sectionSize(section):
            found.append(f"header {text!r} cut: needs {need + margin} px, has "
                         f"{header.sectionSize(section)}")
    return found


def sideways(view: QAbstractItemView) -> str | None:
    """Why a table marked ``fitsWidth`` does not fit its width, or None."""
    if not isinstance(view, QTableView) or not view.property("fitsWidth"):
        return None
    length, shown = view.horizontalHeader().length(), view.viewport().width()
    if view.horizontalScrollBar().maximum() > 0 or length > shown:
        return f"scrolls sideways: its columns are {length} px wide, it shows {shown}"
    return None


def _cells_under(view: QAbstractItemView, cover: QRect) -> list[str]:
    """The texts of *view*'s shown cells that lie (partly) under *cover* (global)."""
    model, port = view.model(), view.viewport()
    shown = QRect(port.mapToGlobal(QPoint(0, 0)), port.size())
    found = []
    for row in range(model.rowCount() if model is not None else 0):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if index.data() is None:
                continue  # an empty cell (the grid's last row)
            rect = view.visualRect(index)
            cell = QRect(port.mapToGlobal(rect.topLeft()), rect.size()).intersected(shown)
            if not cell.isEmpty() and cell.intersects(cover):
                found.append(str(index.data()).split("\n")[0])
    return found


def under_a_dock(root: QWidget) -> list[tuple[str, str]]:
    """(widget, what is wrong) for each thing to click under a card docked over *root*."""
    found: list[tuple[str, str]] = []
    cards = [w for w in root.findChildren(QWidget)
             if w.property("dockedCard") and w.isVisible() and w.window() is root]
    for card in cards:
        cover = QRect(card.mapToGlobal(QPoint(0, 0)), card.size())
        for w in checked(root):
            if w is root or w is card or card.isAncestorOf(w) or not isinstance(w, INTERACTIVE):
                continue
            if isinstance(w, QAbstractItemView):
                cells = _cells_under(w, cover)
                if cells:
                    found.append((_name(w), f"{len(cells)} cells under the docked "
                                            f"{_name(card)}: {', '.join(cells[:3])}"))
                continue
            rect, cut, _scrolled = placement(w, root)
            if cut is None and rect.intersects(cover):
                found.append((_name(w), f"under the docked {_name(card)} ({_size(cover)})"))
    return found


def primary_action(root: QWidget) -> QWidget | None:
    """The visible widget with role ``primary`` in *root*, else a dialog's default button."""
    widgets = [w for w in root.findChildren(QWidget) if w.isVisible() and w.window() is root]
    for w in widgets:
        if w.property("role") == "primary":
            return w
    if isinstance(root, QDialog):
        for w in widgets:
            if isinstance(w, QPushButton) and w.isDefault():
                return w
    return None


def overlaps(root: QWidget) -> list[tuple[str, str]]:
    """Widgets of one box or grid layout of *root* that lie over each other."""
    found: list[tuple[str, str]] = []
    for layout in root.findChildren(QLayout):
        if not isinstance(layout, QBoxLayout | QGridLayout):
            continue
        shown = [item.widget() for item in (layout.itemAt(i) for i in range(layout.count()))
                 if item is not None and item.widget() is not None]
        shown = [w for w in shown if w.isVisible() and w.window() is root]
        for i, first in enumerate(shown):
            for second in shown[i + 1:]:
                if first.geometry().intersects(second.geometry()):
                    found.append((_name(second), f"lies over {_name(first)} in their layout "
                                                 f"({_size(second.geometry())} over "
                                                 f"{_size(first.geometry())})"))
    return found


def violations(root: QWidget) -> list[tuple[str, str]]:
    """(widget, what is wrong) for everything in the window *root* that does not fit."""
    for _ in range(3):  # as a user sees it: after the layout's own zero-delay work (a dialog
        QApplication.processEvents()  # grows for a message one turn of the loop later)
    QApplication.sendPostedEvents()  # a label changed by a worker's signal: laid out too
    screen = root.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    found: list[tuple[str, str]] = []
    frame = root.frameGeometry()
    if not area.contains(frame):
        found.append((_name(root), f"window {_size(frame)} is not inside the screen's "
                                   f"available {_size(area)}"))
    for w in checked(root):
        if w is root:
            continue
        rect, cut, _scrolled = placement(w, root)
        if cut is not None:
            found.append((_name(w), cut))
        elif not rect.isEmpty() and not area.contains(rect):
            found.append((_name(w), f"at {_size(rect)}, outside the screen {_size(area)}"))
        problem = text_problem(w)
        if problem is not None and cut is None:
            found.append((_name(w), problem))
        if isinstance(w, QAbstractItemView) and cut is None:
            found += [(_name(w), p) for p in header_problems(w)]
            wide = sideways(w)
            if wide is not None:
                found.append((_name(w), wide))
    found += under_a_dock(root)
    found += overlaps(root)
    primary = primary_action(root)
    if primary is not None:
        rect, cut, scrolled = placement(primary, root)
        if cut is not None or scrolled or not area.contains(rect):
            found.append((_name(primary), "the primary action is not visible without "
                                          "scrolling"))
    return found


def _selected() -> list[str]:
    wanted = os.environ.get("POSAPP_FIT_SCREENS", "")
    return sorted(s for s in SCREENS if not wanted or s in wanted.split(","))


@pytest.mark.parametrize("screen", _selected())
def test_probe(screen: str, qapp: QApplication, qtbot: QtBot, jatim: Stand,
               data_dir: DataDir) -> None:
    out = Path(os.environ.get("POSAPP_FIT_OUT", os.devnull))
    size = QGuiApplication.primaryScreen().geometry().size()
    expected = os.environ.get("POSAPP_FIT_EXPECT")  # the screen test_fit asked for
    assert expected in (None, f"{size.width()}x{size.height()}"), \
        f"the screen is {size.width()}x{size.height()}, not {expected}"
    found: list[Violation] = []
    apply_look(qapp)  # what a user sees: the look's type scale and paddings
    languages = Languages(qapp)
    languages.use(os.environ.get("POSAPP_FIT_LANG", "id"))  # the stand's own language first
    shots = os.environ.get("POSAPP_FIT_SHOTS")
    for n, (state, root) in enumerate(SCREENS[screen](Ctx(qtbot, jatim, data_dir, languages))):
        problems = violations(root)  # after the layout's own work: then grabbed as seen
        if shots:
            root.window().grab().save(str(Path(shots) / f"{screen}-{n}.png"))
        for widget, problem in problems:
            found.append({"screen": screen, "state": state, "widget": widget,
                          "problem": problem})
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"screen": screen, "done": True}) + "\n")
        for v in found:
            f.write(json.dumps(v, ensure_ascii=False) + "\n")
    print(json.dumps(found, ensure_ascii=False, indent=1))
