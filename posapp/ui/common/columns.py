"""Table columns a user can read: no column header cut, a stretching column never narrower
than what it shows; a table too narrow for its columns scrolls sideways instead
(``stretch_column``), or, for a list that must fit its width (``fit_width``), the
stretching column takes what is left and its long texts end in an ellipsis."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

#: A table marked so never scrolls sideways (the fit probe checks it).
FITS_WIDTH = "fitsWidth"
_PADDING = 14  # a cell's margins and grid line
#: Rows Qt measures whole for a column's width; past them, the rows of longest text are.
_MEASURED = 100
_CANDIDATES = 8


class _Fit(QObject):
    """Keeps *view*'s columns readable as its width, rows and words change."""

    def __init__(self, view: QTableView, stretch: int | None, cells: bool,
                 squeeze: bool = False, spare: Sequence[int] = (), keep: int = 0,
                 contents: bool = False) -> None:
        super().__init__(view)
        self.view, self.stretch, self.cells, self.squeeze = view, stretch, cells, squeeze
        # with *contents*, the columns but *stretch* are as wide as their cells: measured
        # once for the rows shown (a column's cells, as Qt's delegate draws them), and
        # again only when the rows, their words or the look change; Qt's own sizing to
        # contents measured every row of every column on each resize and layout (a
        # thousand sales' history took seconds to open)
        self.contents = contents
        self.widths: dict[int, int] = {}
        self.spare = tuple(spare)  # hidden in this order while the others lack the room
        self.keep = keep  # characters of the stretching column kept before they give way
        self.header_hints: dict[int, int] = {}
        self.hiding = False  # spare columns being hidden or shown (fitted once after)
        # once more after the view's own layout work (columns sized to their contents
        # change then, not always saying so)
        self.settled = QTimer(self, singleShot=True, interval=0)
        self.settled.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved):
            signal.connect(self.changed)
        model.dataChanged.connect(self._cells_changed)
        model.headerDataChanged.connect(self.soon)  # (headers are not kept: measured anew)
        self.fit()

    def changed(self, *_what: object) -> None:
        """The rows or their words changed: measure the cells again, and fit (a view not
        shown yet is fitted when it is)."""
        self.widths.clear()
        if self.view.isVisible():
            self.soon()

    def _cells_changed(self, first: QModelIndex, last: QModelIndex, *_roles: object) -> None:
        for section in range(first.column(), last.column() + 1):
            self.widths.pop(section, None)
        if self.view.isVisible():
            self.soon()

    def soon(self, *_changed: object) -> None:
        """Fit now, and again once the view has laid itself out."""
        self.fit()
        self.settled.start()

    def content(self, section: int) -> int:
        """How wide column *section*'s cells want to be (measured once per change)."""
        width = self.widths.get(section)
        if width is None:
            width = self.widths[section] = _widest(self.view, section)
        return width

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.stretch and not self.hiding:  # another column changed: the
            self.soon()  # width left did (a spare one hidden or shown: fitted right after)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.changed()  # the look or the font may have changed the cells' widths
        elif kind == QEvent.Type.Show:
            self.widths.clear()
            self.soon()
        elif kind == QEvent.Type.Resize:
            self.soon()
        elif kind in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved):
            self.widths.clear()  # a widget in a cell (a button) is part of its width: fitted
            self.settled.start()  # once its row's widgets are all in
        return super().eventFilter(watched, event)

    def _spare_room(self) -> None:
        """Hide the spare columns, in their order, while the others (each as wide as its
        header and cells, the stretching one as its header) are wider than the view; show
        them again when there is room."""
        if not self.spare:
            return
        header, view = self.view.horizontalHeader(), self.view
        for s in range(header.count()):  # a hidden section's hint is 0: its last one
            if not header.isSectionHidden(s):
                self.header_hints[s] = header.sectionSizeHint(s)
        need = {s: max(self.header_hints.get(s, 0), self.content(s))
                for s in range(header.count()) if s != self.stretch}  # (its cells elide)
        if self.stretch is not None:
            need[self.stretch] = max(self.header_hints.get(self.stretch, 0), self._kept())
        hidden: set[int] = set()
        for section in self.spare:
            if sum(w for s, w in need.items() if s not in hidden) <= view.viewport().width():
                break
            hidden.add(section)
        self.hiding = True
        try:
            for section in self.spare:
                if header.isSectionHidden(section) != (section in hidden):
                    header.setSectionHidden(section, section in hidden)
                    if section not in hidden and section != self.stretch:  # sized again
                        header.resizeSection(section, need[section])
        finally:
            self.hiding = False

    def _kept(self) -> int:
        """The width of *keep* characters of the stretching column (0 without)."""
        if not self.keep:
            return 0
        return self.view.fontMetrics().averageCharWidth() * self.keep + _PADDING

    def fit(self, *_changed: object) -> None:
        """Headers whole; the stretching column takes the width left, at least its
        header (and its cells, when *cells*)."""
        self._spare_room()
        header = self.view.horizontalHeader()
        if self.contents:  # first the columns as wide as their cells, then the stretching one
            for section in range(header.count()):
                if section != self.stretch and not header.isSectionHidden(section):
                    need = max(header.sectionSizeHint(section), self.content(section))
                    if header.sectionSize(section) != need:
                        header.resizeSection(section, need)
        for section in range(header.count()):
            if header.isSectionHidden(section) or \
                    header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
                continue
            need = header.sectionSizeHint(section)
            if section == self.stretch:
                others = sum(header.sectionSize(s) for s in range(header.count())
                             if s != section and not header.isSectionHidden(s))
                content = self.content(section) if self.cells else 0
                room = self.view.viewport().width() - others
                need = max(need, room) if self.squeeze else max(need, content, room)
            elif header.sectionSize(section) >= need:
                continue
            if header.sectionSize(section) != need:
                header.resizeSection(section, need)


def _widest(view: QTableView, section: int) -> int:
    """The width column *section*'s cells want: Qt's own measure of up to ``_MEASURED``
    rows (the shown ones first, and their widgets), and past that many rows, of the rows
    whose text is longest (a shift's thousandth sale costs a look at its text, not a
    measure)."""
    width = view.sizeHintForColumn(section)  # (the header's precision: _MEASURED rows)
    model = view.model()
    rows = model.rowCount()
    if rows <= _MEASURED:
        return width

    def longest_line(row: int) -> int:
        text = model.index(row, section).data()
        return 0 if text is None else max(map(len, str(text).split("\n")))

    grid = 1 if view.showGrid() else 0
    for row in heapq.nlargest(_CANDIDATES, range(rows), key=longest_line):
        width = max(width, view.sizeHintForIndex(model.index(row, section)).width() + grid)
    return width


def stretch_column(view: QTableView, column: int, *, cells: bool = True) -> None:
    """Every column as wide as its contents; *column* takes the width left, but never less
    than its header (and its cells, with *cells*): too little width scrolls sideways."""
    _columns(view, column)
    _Fit(view, column, cells, contents=True)


def _columns(view: QTableView, column: int) -> None:
    """*column* sized by ``_Fit`` to the width left, the others by ``_Fit`` to their cells
    (a user does not drag them: Fixed)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(_MEASURED)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)


def readable_headers(view: QTableView) -> None:
    """Columns sized by hand (or by default) widen to show their header whole."""
    _Fit(view, None, False)


def fit_width(view: QTableView, column: int, spare: Sequence[int] = (), *,
              keep: int = 0) -> None:
    """Every column as wide as its contents and *column* takes exactly the width left (at
    least its header): the table never scrolls sideways; a text too long for *column* ends
    in an ellipsis (its model's tooltip says it whole). Where even that is too wide (or
    leaves *column* less than *keep* characters), the *spare* columns are hidden, in their
    order (the model's tooltips say what they hold)."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setProperty(FITS_WIDTH, True)
    _columns(view, column)
    _Fit(view, column, cells=False, squeeze=True, spare=spare, keep=keep, contents=True)
