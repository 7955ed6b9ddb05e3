"""The organizer's dashboard: filters by day and stand, the stand table and the orders tab,
the net-sales chart.

Everything it shows comes from one ``Snapshot`` (services/organizer.py) read in the
background, so a slow server never freezes the window; a newer request makes an older
answer count for nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.event_report import overall
from posapp.domain.money import format_rupiah
from posapp.domain.open_orders import OrdersSummary
from posapp.domain.tender import PAYMENT_METHODS
from posapp.services.organizer import Query, Snapshot, snapshot
from posapp.ui.common.columns import fit_width
from posapp.ui.common.i18n import current_language
from posapp.ui.common.widgets import TOUCH_HEIGHT, big_label
from posapp.ui.common.worker import run_in_background
from posapp.ui.organizer.chart import BarChart, top_bars
from posapp.ui.organizer.orders import NAME_CHARACTERS, OrdersPane
from posapp.ui.organizer.table import StandFilter, StandTableModel

CHART_DIMENSIONS = ("province", "maker_group", "category", "day", "method")

class Dashboard(QWidget):
    loaded = Signal(object)  # the Snapshot now shown
    failed = Signal(object, object)  # (the Query, the exception)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizerDashboard")
        self.snapshot: Snapshot | None = None
        self._generation = 0
        self.busy = False
        self._build()
        self.retranslate()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setMinimumHeight(TOUCH_HEIGHT)
        combo.setMinimumWidth(180)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _build(self) -> None:
        self.day_caption, self.stand_caption, self.chart_caption = (QLabel(self) for _ in "123")
        self.day_filter = self._combo("dayFilter")
        self.stand_filter = self._combo("standFilter")
        self.dimension = self._combo("chartDimension")
        for caption, combo in ((self.day_caption, self.day_filter),
                               (self.stand_caption, self.stand_filter),
                               (self.chart_caption, self.dimension)):
            caption.setBuddy(combo)
        for dim in CHART_DIMENSIONS:
            self.dimension.addItem("", dim)
        self.model = StandTableModel(parent=self)
        self.proxy = StandFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("standTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StandTableModel.NET, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
        fit_width(self.table, StandTableModel.PROVINCE, StandTableModel.SPARE,  # no sideways
                  keep=NAME_CHARACTERS)  # scroll: the spare columns left out, said on hover
        self.totals = big_label("totalsLabel", 11, self, bold=False)
        self.totals.setWordWrap(True)
        self.table_note = QLabel(self)
        self.table_note.setObjectName("tableNote")
        self.table_note.setWordWrap(True)
        self.chart_title = big_label("chartTitle", 12, self)
        self.chart_title.setWordWrap(True)  # a long dimension's name wraps, never widens
        self.chart = BarChart(self)
        self.chart.setObjectName("netChart")

        filters = QHBoxLayout()
        for w in (self.day_caption, self.day_filter, self.stand_caption, self.stand_filter):
            filters.addWidget(w)
        filters.addStretch()
        stands_page = QWidget(self)
        stands_box = QVBoxLayout(stands_page)
        stands_box.setContentsMargins(0, 4, 0, 0)
        stands_box.addWidget(self.table, 1)
        stands_box.addWidget(self.totals)
        stands_box.addWidget(self.table_note)
        self.orders = OrdersPane(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(stands_page, "")
        self.tabs.addTab(self.orders, "")
        left = QVBoxLayout()
        left.addWidget(self.tabs, 1)
        right = QGridLayout()
        right.addWidget(self.chart_caption, 0, 0)
        right.addWidget(self.dimension, 0, 1)
        right.addWidget(self.chart_title, 1, 0, 1, 3)
        right.addWidget(self.chart, 2, 0, 1, 3)
        right.setColumnStretch(2, 1)
        right.setRowStretch(3, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("dashboardSplitter")
        self.splitter.setChildrenCollapsible(False)
        for layout in (left, right):
            pane = QWidget(self.splitter)
            pane.setLayout(layout)
            layout.setContentsMargins(0, 0, 0, 0)
            self.splitter.addWidget(pane)
        self.splitter.setSizes([900, 380])
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.splitter, 1)

    # -- loading ---------------------------------------------------------------------------
    def open(self, target: str, *, create: bool = False) -> None:
        """Show the central store at *target*, every day and stand: ``loaded`` when read,
        ``failed`` otherwise (what is shown stays)."""
        self._request(Query(target, self.current_dimension(), create=create))

    def refresh(self) -> None:
        """Read the shown store again (after a merge, or a filter changed)."""
        if self.snapshot is not None:
            self._request(Query(self.snapshot.query.target, self.current_dimension(),
                                self.current_day(), self.current_stand()))

    def _request(self, query: Query) -> None:
        self._generation += 1
        generation = self._generation
        self.busy = True
        run_in_background(
            self, lambda _progress: snapshot(query),
            on_success=lambda snap: self._arrived(generation, snap),
            on_failure=lambda exc: self._went_wrong(generation, query, exc))

    def _arrived(self, generation: int, snapshot: Snapshot) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.show_snapshot(snapshot)
        self.loaded.emit(snapshot)

    def _went_wrong(self, generation: int, query: Query, exc: Exception) -> None:
        if generation == self._generation:
            self.busy = False
            self.failed.emit(query, exc)

    def clear(self) -> None:
        self._generation += 1
        self.snapshot = None
        self.model.set_rows([])
        self.orders.show_orders(OrdersSummary(datetime.now(UTC)))

    # -- showing ---------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        self.snapshot = snap
        self._fill_filters(snap)
        self.model.set_rows(snap.stands)
        self.proxy.set_code(snap.query.stand)
        self.orders.show_orders(snap.orders, snap.query.stand)
        self._show_totals()
        self._show_chart()

    def _fill_filters(self, snap: Snapshot) -> None:
        for combo, first, items in (
            (self.day_filter, self.tr("All days"), [(d, d) for d in snap.days]),
            (self.stand_filter, self.tr("All stands"),
             [(s.code if s.name in ("", s.code) else f"{s.code} · {s.name}", s.code)
              for s in snap.stands]),
        ):
            wanted = snap.query.day if combo is self.day_filter else snap.query.stand
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)
        self.dimension.blockSignals(True)
        self.dimension.setCurrentIndex(max(self.dimension.findData(snap.query.dimension), 0))
        self.dimension.blockSignals(False)

    def _show_totals(self) -> None:
        shown = self.proxy.shown()
        t = overall(shown)
        self.totals.setText(self.tr(
            "{stands} stands · {sales} sales · gross {gross} · discounts {discounts} · "
            "refunds {refunds} · net {net}").format(
            stands=len(shown), sales=t.sales_count, gross=format_rupiah(t.gross),
            discounts=format_rupiah(t.discounts), refunds=format_rupiah(t.refunds),
            net=format_rupiah(t.net)))
        day = self.snapshot.query.day if self.snapshot else ""
        self.table_note.setText(
            self.tr("The table counts every day; the chart counts {day} only.").format(day=day)
            if day else "")
        self.table_note.setVisible(bool(day))
        self.tabs.setTabText(1, self.orders.tab_text())

    def _show_chart(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        names = self.dimension_names()
        self.chart_title.setText(self.tr("Net sales by {dimension}").format(
            dimension=names[snap.query.dimension].lower()))
        self.chart.setAccessibleName(self.chart_title.text())
        label = self.method_names() if snap.query.dimension == "method" else None
        self.chart.set_bars(top_bars(snap.slices, self.tr("Others"), label=label),
                            self.tr("No sales for this choice yet"))

    # -- filters ---------------------------------------------------------------------------
    def current_day(self) -> str:
        return str(self.day_filter.currentData() or "")

    def current_stand(self) -> str:
        return str(self.stand_filter.currentData() or "")

    def current_dimension(self) -> str:
        return str(self.dimension.currentData() or CHART_DIMENSIONS[0])

    def _filters_changed(self) -> None:
        if self.snapshot is not None:
            self.proxy.set_code(self.current_stand())
            self.orders.set_stand(self.current_stand())
            self._show_totals()
            self.refresh()

    # -- language --------------------------------------------------------------------------
    def dimension_names(self) -> dict[str, str]:
        return {"province": self.tr("Province"), "maker_group": self.tr("Maker group"),
                "category": self.tr("Category"), "day": self.tr("Day"),
                "method": self.tr("Payment method")}

    def method_names(self) -> dict[str, str]:
        lang = current_language()
        return {m.method.value: m.method.label.text(lang) for m in PAYMENT_METHODS}

    def retranslate(self) -> None:
        self.day_caption.setText(self.tr("Day:"))
        self.stand_caption.setText(self.tr("Stand:"))
        self.chart_caption.setText(self.tr("Chart:"))
        self.day_filter.setAccessibleName(self.tr("Show one day or all days"))
        self.stand_filter.setAccessibleName(self.tr("Show one stand or all stands"))
        self.dimension.setAccessibleName(self.tr("What the chart shows"))
        self.table.setAccessibleName(self.tr("Stands and their totals"))
        self.tabs.setAccessibleName(self.tr("Stands or orders"))
        self.tabs.setTabText(0, self.tr("Stands"))
        self.tabs.setTabText(1, self.orders.tab_text())
        names = self.dimension_names()
        for i in range(self.dimension.count()):
            self.dimension.setItemText(i, names[str(self.dimension.itemData(i))])
        self.model.retranslate(current_language())
        for combo, text in ((self.day_filter, self.tr("All days")),
                            (self.stand_filter, self.tr("All stands"))):
            if combo.count():
                combo.setItemText(0, text)
        if self.snapshot is not None:
            self._show_totals()
            self._show_chart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
