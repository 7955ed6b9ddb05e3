"""The organizer's stand table: one row per stand with its totals from the central store."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from posapp.domain.money import format_rupiah
from posapp.services.central_totals import StandTotals
from posapp.ui.models import Index, RawRole, RowsModel, SortRole

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
EVENT_ZONE = ZoneInfo("Asia/Jakarta")


def local_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """A UTC time from the central store in the event's zone; "-" when there is none."""
    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).strftime("%d-%m-%Y %H:%M")


class StandTableModel(RowsModel[StandTotals]):
    """Stands with their sales count and money; headers are set (translated) by the window."""

    STAND, PROVINCE, SALES, GROSS, DISCOUNTS, REFUNDS, NET, LAST_ENTRY, LAST_SYNC = range(9)
    MONEY = (GROSS, DISCOUNTS, REFUNDS, NET)

    def __init__(self, zone: ZoneInfo = EVENT_ZONE, parent: QObject | None = None) -> None:
        super().__init__(["Stand", "Province", "Sales", "Gross", "Discounts", "Refunds", "Net",
                          "Last entry", "Last sync"], parent)
        self.zone = zone

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.row_at(index.row()) if index.isValid() else None
        if s is None:
            return None
        col, t = index.column(), s.totals
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                s.code,
                s.province,
                str(t.sales_count),
                format_rupiah(t.gross),
                format_rupiah(t.discounts),
                format_rupiah(t.refunds),
                format_rupiah(t.net),
                local_time(s.last_entry_at, self.zone),
                local_time(s.last_sync_at, self.zone),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STAND:
            return s.name
        if role == Qt.ItemDataRole.TextAlignmentRole and (col == self.SALES or col in self.MONEY):
            return RIGHT
        if role == SortRole:
            return (s.code, s.province, t.sales_count, t.gross, t.discounts, t.refunds, t.net,
                    _stamp(s.last_entry_at), _stamp(s.last_sync_at))[col]
        if role == RawRole:
            return s
        return None


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


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
