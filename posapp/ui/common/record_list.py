"""One record list for every screen that lists records (the sales history, the orders, the
print jobs): a table, an optional filter and search box, an optional "scan or type a number"
field with its Open button, and beside them the detail of the record that is open.

The records' model stays the room's own RowsModel; the panel keeps every record it is given,
shows those the filter and the search let through, and selects a record by its key (a
receipt or order number) without taking that for the user's choice. Rooms add the parts they
have, in the order they read:

    records = RecordList(SalesModel(zone), key=lambda s: s.receipt_no, table="historyTable",
                         stretch=SalesModel.STATUS, parent=dialog)
    search = records.add_search("historySearch", matches)
    records.add_tool(all_toggle)
    code, open_button = records.add_code_field("receiptInput", "openReceiptButton", opener)
    records.add_detail(sale_panel, stretch=1)
    records.chosen.connect(...)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.common.columns import fit_width, stretch_column
from posapp.ui.common.fit import scroll_area
from posapp.ui.common.models import RowsModel
from posapp.ui.common.pin_prompt import TOUCH, touch_button

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: A record's key: the number a cashier types or scans to find it.
Key = Callable[[Any], str]


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """A stored moment (naive UTC) as the stand's clock showed it: ``28-11-2025 15:30``."""
    return moment.replace(tzinfo=UTC).astimezone(zone).strftime("%d-%m-%Y %H:%M")


def row_tip(model: QAbstractItemModel, row: int, first: Sequence[int]) -> str:
    """What row *row* of *model* holds, whole, for its tooltip (a narrow list leaves
    columns out): the *first* columns' texts on one line, then each other column that has
    a text as ``Header: text``, one a line (a cell of two lines said on one)."""
    def text(column: int) -> str:
        value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        return " ".join(str(value or "").split("\n"))

    lines = [" · ".join(t for t in (text(c) for c in first) if t)]
    for column in range(model.columnCount()):
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        value = text(column)
        if column not in first and header and value:
            lines.append(f"{' '.join(header.split())}: {value}")
    return "\n".join(line for line in lines if line)


def list_table(parent: QWidget, name: str, model: RowsModel[Any], stretch: int, *,
               whole_cells: bool = False, fits: bool = False,
               spare: Sequence[int] = (), keep: int = 0) -> QTableView:
    """A table of records as every list shows them: whole rows, one at a time, read only,
    rows a finger can hit, and column *stretch* taking the width left (never less than its
    header, nor than its cells with *whole_cells*: the table scrolls sideways instead;
    with *fits* it never does: a text too long for *stretch* is elided, and the *spare*
    columns are hidden, in their order, where even that is too wide or leaves *stretch*
    less than *keep* characters)."""
    view = QTableView(parent, objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(TOUCH + 4)
    if fits:
        fit_width(view, stretch, spare, keep=keep)
    else:
        stretch_column(view, stretch, cells=whole_cells)
    return view


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through *widgets* in this order (the order a screen reads)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


class RecordList(QWidget):
    """A list of records (filter, search, select by code) beside the detail of one."""

    #: The user picked a row (click or keys): its record. Never sent for ``select_key``.
    chosen = Signal(object)

    def __init__(self, model: RowsModel[Any], *, key: Key, table: str, stretch: int,
                 parent: QWidget | None = None, sides: tuple[int, int] = (1, 1),
                 fits: bool = False, spare: Sequence[int] = (), keep: int = 0) -> None:
        """Records of *model*, each known by ``key(record)``, in a table named *table* whose
        column *stretch* takes the width left (with *fits*, exactly that: no sideways
        scrolling, the *spare* columns hidden where there is no room for them or *stretch*
        would keep less than *keep* characters); *sides*
        share the width between the list and the detail."""
        super().__init__(parent)
        self.model, self.key = model, key
        self.table = list_table(self, table, model, stretch, whole_cells=True, fits=fits,
                                spare=spare, keep=keep)
        self.filter: QComboBox | None = None
        self.search: QLineEdit | None = None
        self.code_input: QLineEdit | None = None
        self.open_button: QPushButton | None = None
        self._records: list[Any] = []
        self._keep: Callable[[Any, str], bool] = lambda _record, _key: True
        self._matches: Callable[[Any, str], bool] = lambda _record, _text: True
        self._open_code: Callable[[str], bool] = lambda _code: False
        self._current: str | None = None  # the key of the record that is open
        self._selecting = False
        self._tools: list[QWidget] = []
        self._footer: list[QWidget] = []

        self._bar = QHBoxLayout()
        self._list = QVBoxLayout()
        self._list.addLayout(self._bar)
        self._list.addWidget(self.table, 1)
        self._code_row = QHBoxLayout()
        # the detail scrolls when the screen is too low for it (the list has its own bar)
        detail = QWidget(self, objectName=f"{table}Detail")
        self._detail = QVBoxLayout(detail)
        self._detail.setContentsMargins(0, 0, 0, 0)
        self._detail.addLayout(self._code_row)
        self.detail_scroll = scroll_area(detail, self, f"{table}DetailScroll")
        self.detail_scroll.hide()  # until a part is added
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list, sides[0])
        layout.addWidget(self.detail_scroll, sides[1])
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    # -- the parts a room adds ---------------------------------------------------------------
    def add_filter(self, name: str, keys: Sequence[str],
                   keep: Callable[[Any, str], bool]) -> QComboBox:
        """A choice of which records to list, one item per key (the room names them);
        ``keep(record, key)`` says whether a record belongs to the chosen one."""
        combo = QComboBox(self, objectName=name)
        for k in keys:
            combo.addItem(k, k)
        combo.setMinimumHeight(TOUCH)
        self.filter, self._keep = combo, keep
        self._bar.insertWidget(0, combo)
        combo.currentIndexChanged.connect(self._apply)
        return combo

    def add_search(self, name: str, matches: Callable[[Any, str], bool]) -> QLineEdit:
        """A search box; ``matches(record, text)`` says whether a record is one searched for."""
        edit = QLineEdit(self, objectName=name, clearButtonEnabled=True)
        edit.setMinimumHeight(TOUCH)
        self.search, self._matches = edit, matches
        self._bar.insertWidget(1 if self.filter is not None else 0, edit, 1)
        edit.textChanged.connect(self._apply)
        return edit

    def add_tool(self, widget: QWidget) -> None:
        """*widget* beside the search box (a toggle that lists more, say)."""
        self._bar.addWidget(widget)
        self._tools.append(widget)

    def add_footer(self, widget: QWidget) -> None:
        """*widget* under the list, as wide as it."""
        self._list.addWidget(widget)
        self._footer.append(widget)

    def add_code_field(self, name: str, button: str, open_code: Callable[[str], bool], *,
                       shares: tuple[int, int] = (1, 0)) -> tuple[QLineEdit, QPushButton]:
        """A field to scan or type a record's number, and its Open button, above the detail
        (*shares*: their parts of the row's width). ``open_code(text)`` opens the record;
        the field empties when it did (returned True)."""
        self.code_input = QLineEdit(self, objectName=name)
        self.code_input.setMinimumHeight(TOUCH)
        self.open_button = touch_button(self, button)
        self._open_code = open_code
        self.detail_scroll.show()
        self._code_row.addWidget(self.code_input, shares[0])
        self._code_row.addWidget(self.open_button, shares[1])
        self.code_input.returnPressed.connect(self._code_entered)
        self.open_button.clicked.connect(self._code_entered)
        return self.code_input, self.open_button

    def add_detail(self, widget: QWidget, stretch: int = 0) -> None:
        """*widget* in the detail column, under the code field and what was added before."""
        self.detail_scroll.show()
        self._detail.addWidget(widget, stretch)

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in the order Tab visits them: filter, search, tools, list,
        footer, code field and Open."""
        parts = (self.filter, self.search, *self._tools, self.table, *self._footer,
                 self.code_input, self.open_button)
        return [w for w in parts if w is not None]

    # -- the records ---------------------------------------------------------------------------
    @property
    def records(self) -> list[Any]:
        """Every record given, listed or not."""
        return self._records

    def set_records(self, records: Sequence[Any]) -> None:
        """List *records* (those the filter and search let through); the open one stays
        selected."""
        self._records = list(records)
        self._apply()

    def set_filter(self, key: str) -> None:
        """Choose the filter's item *key* (the list follows)."""
        if self.filter is not None:
            self.filter.setCurrentIndex(max(0, self.filter.findData(key)))

    def filter_key(self) -> str:
        return str(self.filter.currentData()) if self.filter is not None else ""

    def search_text(self) -> str:
        return self.search.text() if self.search is not None else ""

    def shown(self, record: Any) -> bool:
        """True when the filter and the search let *record* through."""
        return self._keep(record, self.filter_key()) and self._matches(record,
                                                                       self.search_text())

    def _apply(self) -> None:
        self.model.set_rows([r for r in self._records if self.shown(r)])
        if self._current is not None:
            self.select_key(self._current)

    def row_of(self, key: str) -> int:
        """The row listing the record *key*, or -1."""
        return next((row for row in range(self.model.rowCount())
                     if self.key(self.model.row_at(row)) == key), -1)

    def select_key(self, key: str) -> bool:
        """Select the record *key* as the open one, without sending ``chosen``; False (and
        nothing selected) when it is not listed."""
        self._current = key
        row = self.row_of(key)
        self._selecting = True
        try:
            if row < 0:  # current row too: a click on the row it was on must still choose it
                self.table.selectionModel().clear()
            else:
                self.table.selectRow(row)
        finally:
            self._selecting = False
        return row >= 0

    def reveal(self, key: str) -> bool:
        """Select the record *key*, clearing the search when it hides it; False when the
        filter (or the records given) still leave it out."""
        if self.select_key(key):
            return True
        if self.search is None or not self.search.text():
            return False
        self.search.clear()  # lists again and selects
        return self.row_of(key) >= 0

    def clear_selection(self) -> None:
        """No record open: nothing selected, and nothing selected again after a refresh."""
        self._current = None
        self._selecting = True
        try:
            self.table.selectionModel().clear()
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.row_at(current.row())
        if record is not None and not self._selecting:
            self._current = self.key(record)
            self.chosen.emit(record)

    def _code_entered(self) -> None:
        assert self.code_input is not None
        if self._open_code(self.code_input.text()):
            self.code_input.clear()
