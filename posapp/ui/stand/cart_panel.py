"""The selling screen's cart: its lines, the buttons that change them, the total and Pay.

The buttons sit in four columns where the panel is wide enough for them, else in two; the
subtotal and discount share a line and the total stands beside Pay, so the cart keeps its
height on a 600-pixel screen.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.cart import Totals
from posapp.domain.layout import local_time
from posapp.domain.money import format_rupiah
from posapp.ui.common.models import CartModel
from posapp.ui.common.photos import CART_THUMBNAIL, PhotoFor, square
from posapp.ui.common.widgets import big_label, button, set_role

if TYPE_CHECKING:  # the services load after the first paint
    from posapp.services.checkout import SaleResult
    from posapp.services.history import SaleSummary


class CartPanel(QWidget):
    """The cart's table, its eight buttons, the figures and Pay; the page connects them."""

    def __init__(self, photo_for: PhotoFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cart_model = CartModel(self, photo_for=photo_for)
        self.cart = QTableView(self)
        self.cart.setObjectName("cartTable")
        self.cart.setModel(self.cart_model)
        self.cart.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cart.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cart.verticalHeader().setDefaultSectionSize(40)
        self.cart.setIconSize(square(CART_THUMBNAIL))
        header = self.cart.horizontalHeader()
        # the figures' columns are sized here to their widest text (``_fit_columns``): Qt's
        # own sizing to contents asked the model every cell and role on every scan
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        # what _fit_columns measured: a text's width, a header section's size hint (until
        # the font, the style or the language changes)
        self._widths: dict[str, int] = {}
        self._header_hints: dict[int, int] = {}
        self.minus = button("qtyMinusButton", self)
        self.plus = button("qtyPlusButton", self)
        self.qty = button("qtyEditButton", self)
        self.remove = button("removeLineButton", self)
        self.line_discount = button("lineDiscountButton", self)
        self.cart_discount = button("cartDiscountButton", self)
        self.custom = button("customItemButton", self)
        self.order = button("orderInsteadButton", self)
        self.subtotal_label = QLabel(self)
        self.subtotal_label.setObjectName("subtotalLabel")
        self.discount_label = QLabel(self)
        self.discount_label.setObjectName("discountLabel")
        self.discount_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total = big_label("totalLabel", 28, self)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.last_change = big_label("lastChangeLabel", 18, self)
        self.last_change.setAlignment(Qt.AlignmentFlag.AlignRight)
        # the stand's last committed sale, from its database: after a crash or a restart
        # the cashier sees whether the sale went through (in last_change's place)
        self.last_sale = QLabel(self)
        self.last_sale.setObjectName("lastSaleLabel")
        self.last_sale.setAlignment(Qt.AlignmentFlag.AlignRight)
        set_role(self.last_sale, "muted")
        self.last_sale.setVisible(False)
        self.pay = button("payButton", self, height=72)
        self.pay.setProperty("role", "primary")
        self.action_grid = QGridLayout()
        self.action_buttons = [self.minus, self.plus, self.qty, self.remove,
                               self.line_discount, self.cart_discount, self.custom, self.order]
        self._arrange_actions(2)  # four columns once the panel is wide enough (resizeEvent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.cart, 1)
        box.addLayout(self.action_grid)
        figures = QHBoxLayout()
        figures.addWidget(self.subtotal_label, 1)
        figures.addWidget(self.discount_label, 1)
        box.addLayout(figures)
        box.addWidget(self.last_change)
        box.addWidget(self.last_sale)
        paying = QHBoxLayout()
        paying.addWidget(self.total)  # as wide as its figure; Pay takes the rest
        paying.addWidget(self.pay, 1)
        box.addLayout(paying)

    def _arrange_actions(self, columns: int) -> None:
        """The cart's buttons in *columns* columns (4 on a wide window, 2 on a narrow one)."""
        self._action_columns = columns
        for i, b in enumerate(self.action_buttons):
            self.action_grid.removeWidget(b)
            self.action_grid.addWidget(b, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Four columns of buttons where the panel's width holds them."""
        widest = max(b.sizeHint().width() for b in self.action_buttons)
        room = event.size().width()
        columns = 4 if room >= 4 * widest + 3 * max(self.action_grid.spacing(), 0) else 2
        if columns != self._action_columns:
            self._arrange_actions(columns)
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.minus.setText("−")
        self.plus.setText("+")
        self.qty.setText(self.tr("Qty (F4)"))
        self.remove.setText(self.tr("Remove (Del)"))
        self.line_discount.setText(self.tr("Line discount (F7)"))
        self.cart_discount.setText(self.tr("Discount (F8)"))
        self.custom.setText(self.tr("Custom item (F6)"))
        self.order.setText(self.tr("Order instead (Shift+F12)"))
        self.pay.setText(self.tr("Pay (F12)"))
        for widget, name in (
            (self.cart, self.tr("Cart")),
            (self.minus, self.tr("One less")),
            (self.plus, self.tr("One more")),
            (self.qty, self.tr("Change quantity")),
            (self.remove, self.tr("Remove line")),
            (self.line_discount, self.tr("Line discount")),
            (self.cart_discount, self.tr("Cart discount")),
            (self.custom, self.tr("Custom item")),
            (self.order, self.tr("Order instead of selling")),
            (self.pay, self.tr("Pay")),
            (self.total, self.tr("Total")),
        ):
            widget.setAccessibleName(name)
        self.cart_model.set_headers([self.tr("Item"), self.tr("Qty"), self.tr("Price"),
                                     self.tr("Discount"), self.tr("Total")])
        self._forget_widths()

    def _forget_widths(self) -> None:
        self._widths.clear()
        self._header_hints.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_widths()
        super().changeEvent(event)

    def show_totals(self, totals: Totals, sale: SaleResult | None) -> None:
        """The cart's lines and figures; the change of *sale*, the sale just paid, if any."""
        empty = not totals.lines
        self.cart_model.set_totals(totals)
        self._fit_columns(totals)
        self.subtotal_label.setText(
            self.tr("Subtotal: {amount}").format(amount=format_rupiah(totals.subtotal)))
        self.discount_label.setText(
            self.tr("Discount: {amount}").format(amount=format_rupiah(-totals.discount)))
        self.total.setText(format_rupiah(totals.total))
        self.pay.setEnabled(not empty)
        self.order.setEnabled(not empty)
        self.last_change.setVisible(sale is not None)
        if sale is not None:
            self.last_change.setText(self.tr("Change {amount} · {receipt}").format(
                amount=format_rupiah(sale.change), receipt=sale.receipt_no))

    def _fit_columns(self, totals: Totals) -> None:
        """Each figure's column as wide as its header or its widest text with the room Qt's
        item views put around a cell's text (a focus-frame margin and a pixel each side, as
        QCommonStyle lays a cell out, and the grid line)."""
        header, metrics = self.cart.horizontalHeader(), self.cart.fontMetrics()
        margin = self.cart.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                               self.cart)
        room = 2 * (margin + 1) + 2
        if len(self._widths) > WIDTHS_KEPT:
            self._widths.clear()
        for col in FIGURE_COLUMNS:
            widest = 0
            for line in totals.lines:
                text = self.cart_model.text(line, col)
                width = self._widths.get(text)
                if width is None:
                    width = self._widths[text] = metrics.horizontalAdvance(text)
                widest = max(widest, width)
            hint = self._header_hints.get(col)
            if hint is None:
                hint = self._header_hints[col] = header.sectionSizeHint(col)
            width = max(hint, widest + room if widest else 0)
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def show_last_sale(self, last: SaleSummary | None, zone: str, now: datetime) -> None:
        """A quiet line with the stand's last sale, while no change of a sale just paid
        shows."""
        text = last_sale_text(last, zone, now)
        self.last_sale.setText(text)
        self.last_sale.setAccessibleName(text)
        self.last_sale.setVisible(bool(text) and self.last_change.isHidden())

    def selected_row(self, count: int) -> int:
        """The selected line, else the last of *count* (-1: none)."""
        rows = self.cart.selectionModel().selectedRows()
        return rows[0].row() if rows else count - 1

    def select(self, row: int, count: int) -> None:
        if 0 <= row < count:
            self.cart.selectRow(row)


# Texts whose widths the cart keeps (figures repeat: prices, quantities, totals).
WIDTHS_KEPT = 2_000
# The cart's columns of figures (the name's column takes the rest of the width).
FIGURE_COLUMNS = (CartModel.QUANTITY, CartModel.PRICE, CartModel.DISCOUNT, CartModel.TOTAL)


def last_sale_text(last: SaleSummary | None, zone: str, now: datetime) -> str:
    """"Last sale: JATIM-000042 · Rp 350.000 · 14:32" (time in the event's *zone*, the date
    too when not of today; "· voided" when it was), or "" before the first sale. Also on the
    open-shift page: after a restart nobody charges twice."""
    if last is None:
        return ""
    when = local_time(last.created_at, zone)
    if when[:10] == local_time(now, zone)[:10]:
        when = when[11:]  # today: the time alone
    values = {"receipt": last.receipt_no, "total": format_rupiah(last.total), "time": when}
    if last.voided:  # the cart panel's words (lupdate reads them under its name)
        words = QCoreApplication.translate(
            "CartPanel", "Last sale: {receipt} · {total} · {time} · voided")
    else:
        words = QCoreApplication.translate("CartPanel", "Last sale: {receipt} · {total} · {time}")
    return words.format(**values)
