"""The organizer's tables: a model that shows a column list (posapp/domain/report_columns.py)
the way the window writes each kind, and the stand table (one row per stand with its totals
from the central store, the same columns as the event report's stand table)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from posapp.domain.event_report import StandTotals
from posapp.domain.event_report_columns import STAND_COLUMNS
from posapp.domain.money import format_rupiah
from posapp.domain.report_columns import Column, Kind, Where, position, shown_in
from posapp.ui.common.i18n import current_language
from posapp.ui.common.models import Index, RawRole, RowsModel, SortRole
from posapp.ui.common.record_list import row_tip

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
EVENT_ZONE = ZoneInfo("Asia/Jakarta")
NOT_KNOWN = "-"
R = TypeVar("R")


def local_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """A UTC time from the central store in the event's zone; "-" when there is none."""
    if moment is None:
        return NOT_KNOWN
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).strftime("%d-%m-%Y %H:%M")


def day_text(iso: str | None) -> str:
    """``2026-06-26`` -> ``26-06-2026`` (as the stand table writes dates); "-" for none."""
    if not iso:
        return NOT_KNOWN
    year, month, day = iso.split("-")
    return f"{day}-{month}-{year}"


class ColumnsModel(RowsModel[R]):
    """Records as rows, in the window's columns of *columns* (Where.WINDOW): amounts in
    rupiah, counts grouped, days and times as the event's wall clock, texts and headers in
    the window's language (``retranslate``). Sorting is by the values, not their text.
    Each cell's tooltip says its whole row (``tip``): a narrow table leaves columns out."""

    # The columns the tooltip says first, on one line (the row's name).
    FIRST: tuple[int, ...] = (0,)

    def __init__(self, columns: Sequence[Column[R]], zone: ZoneInfo = EVENT_ZONE,
                 parent: QObject | None = None) -> None:
        self.columns = shown_in(columns, Where.WINDOW)
        self.lang = current_language()
        super().__init__([c.header(self.lang) for c in self.columns], parent)
        self.zone = zone

    @classmethod
    def at(cls, columns: Sequence[Column[Any]], label: str) -> int:
        """The window's column number of the column headed by *label* among *columns*."""
        return position(shown_in(columns, Where.WINDOW), label)

    def retranslate(self, lang: str) -> None:
        """Headers and texts in *lang*."""
        self.lang = lang
        self.set_headers([c.header(lang) for c in self.columns])
        for i, c in enumerate(self.columns):
            if c.kind is Kind.TEXT:
                self.refresh_column(i)

    def text(self, column: Column[R], value: object) -> str:
        if column.kind is Kind.MONEY:
            return format_rupiah(value if isinstance(value, int) else 0)
        if column.kind is Kind.COUNT:
            grouped = f"{value if isinstance(value, int) else 0:,}"
            return grouped.replace(",", ".") if self.lang == "id" else grouped
        if column.kind is Kind.DAY:
            return day_text(value if isinstance(value, str) else None)
        if column.kind is Kind.WHEN:
            return local_time(value if isinstance(value, datetime) else None, self.zone)
        if value is None:
            return NOT_KNOWN
        said = getattr(value, "text", None)
        return said(self.lang) if callable(said) else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(column, column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.is_figure:
            return RIGHT
        if role == SortRole:
            return self.sort_key(column, column.value(row))
        if role == RawRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, index.row())
        return self.more(row, index.column(), role)

    def tip(self, row: R, number: int) -> str:
        """Row *number* (the record *row*) whole: the FIRST columns, then ``Header: text``
        for each other one."""
        return row_tip(self, number, self.FIRST)

    def sort_key(self, column: Column[R], value: object) -> Any:
        if column.is_figure:
            return value if isinstance(value, int) else 0
        if column.kind is Kind.DAY:
            return value or "9999-99-99"  # no date: last
        if column.kind is Kind.WHEN:
            return _stamp(value if isinstance(value, datetime) else None)
        return "" if value is None else self.text(column, value).lower()

    def more(self, row: R, column: int, role: int) -> Any:
        """What a subclass adds (tooltips, colours) for *row*'s cell in *column*."""
        return None


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


class StandTableModel(ColumnsModel[StandTotals]):
    """Stands with their sales count and money (the event report's stand table)."""

    STAND = ColumnsModel.at(STAND_COLUMNS, "event_report.code")
    PROVINCE = ColumnsModel.at(STAND_COLUMNS, "event_report.province")
    SALES = ColumnsModel.at(STAND_COLUMNS, "event_report.sales_count")
    GROSS = ColumnsModel.at(STAND_COLUMNS, "event_report.gross")
    DISCOUNTS = ColumnsModel.at(STAND_COLUMNS, "event_report.discounts")
    REFUNDS = ColumnsModel.at(STAND_COLUMNS, "event_report.refunds")
    NET = ColumnsModel.at(STAND_COLUMNS, "event_report.net")
    LAST_ENTRY = ColumnsModel.at(STAND_COLUMNS, "event_report.last_entry")
    LAST_SYNC = ColumnsModel.at(STAND_COLUMNS, "event_report.last_sync")
    FIRST = (STAND, PROVINCE)
    # Left out in this order where the table lacks the room, the least needed first (the
    # stand, its province and its net always stay; the totals under the table add up).
    SPARE = (LAST_ENTRY, DISCOUNTS, GROSS, LAST_SYNC, SALES, REFUNDS)

    def __init__(self, zone: ZoneInfo = EVENT_ZONE, parent: QObject | None = None) -> None:
        super().__init__(STAND_COLUMNS, zone, parent)

    def tip(self, row: StandTotals, number: int) -> str:
        whole = super().tip(row, number)
        return f"{row.name}\n{whole}" if row.name not in ("", row.code) else whole


class StandFilter(QSortFilterProxyModel):
    """Sorts by the model's SortRole; shows one stand, or all when the code is empty.

    Each row's record (RawRole) names its stand in the attribute *field* ("code" for the
    stands' totals, "stand" for their orders)."""

    def __init__(self, parent: QObject | None = None, *, field: str = "code") -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.code = ""
        self.field = field

    def set_code(self, code: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.code = code
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.code = code
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.code:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), RawRole)
        return row is None or getattr(row, self.field, None) == self.code

    def shown(self) -> list[Any]:
        """The records shown, in the view's order."""
        rows = [self.data(self.index(r, 0), RawRole) for r in range(self.rowCount())]
        return [r for r in rows if r is not None]
