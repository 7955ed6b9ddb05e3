"""The selling screen: products on the left, the cart and Pay on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.models import CartModel, ProductGridModel
from posapp.ui.common.photos import CART_THUMBNAIL, PhotoCache, square
from posapp.ui.common.widgets import big_label, button, message_label, show_message


class SellingPage(QWidget):
    """Scan, search or tap products into the cart; the window opens the dialogs."""

    pay_requested = Signal()
    custom_item_requested = Signal()
    open_price_requested = Signal(object)  # a catalog Product whose price is set at the session
    quantity_requested = Signal(int)
    line_discount_requested = Signal(int)
    cart_discount_requested = Signal()
    order_requested = Signal()  # the cart's lines become an order instead of a sale
    cart_changed = Signal()

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("sellingPage")
        self._category: str | None = None
        self._build_products()
        self._build_cart()
        layout = QHBoxLayout(self)
        layout.addWidget(self.products_box, 3)
        layout.addWidget(self.cart_box, 2)
        self.retranslate()
        self.refresh_products()
        self.refresh_cart()

    # -- building ----------------------------------------------------------------------
    def _build_products(self) -> None:
        self.products_box = QWidget(self)
        self.search = QLineEdit(self.products_box)
        self.search.setObjectName("searchInput")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(44)
        self.search.textChanged.connect(self.refresh_products)
        self.scan_input = QLineEdit(self.products_box)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setMinimumHeight(44)
        self.scan_input.returnPressed.connect(self._typed_code)
        self.tabs = QTabBar(self.products_box)
        self.tabs.setObjectName("categoryTabs")
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._category_changed)
        self.grid_model = ProductGridModel(4, self)
        self.grid = QTableView(self.products_box)
        self.grid.setObjectName("productGrid")
        self.grid.setModel(self.grid_model)
        self.grid.horizontalHeader().setVisible(False)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setDefaultSectionSize(64)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.clicked.connect(self._product_clicked)
        self.grid.activated.connect(self._product_clicked)
        self.warning = message_label("scanWarning", self.products_box)
        top = QGridLayout()
        top.addWidget(self.search, 0, 0)
        top.addWidget(self.scan_input, 0, 1)
        box = QVBoxLayout(self.products_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.warning)
        box.addWidget(self.tabs)
        box.addWidget(self.grid, 1)

    def _build_cart(self) -> None:
        self.cart_box = QWidget(self)
        self.photos = PhotoCache(self.session.products)  # tiles may take self.photos.at_size
        self.cart_model = CartModel(self, photo_for=self.photos.at_size(CART_THUMBNAIL))
        self.cart = QTableView(self.cart_box)
        self.cart.setObjectName("cartTable")
        self.cart.setModel(self.cart_model)
        self.cart.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cart.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cart.verticalHeader().setDefaultSectionSize(40)
        self.cart.setIconSize(square(CART_THUMBNAIL))
        header = self.cart.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.minus = button("qtyMinusButton", self.cart_box)
        self.plus = button("qtyPlusButton", self.cart_box)
        self.qty = button("qtyEditButton", self.cart_box)
        self.remove = button("removeLineButton", self.cart_box)
        self.line_discount = button("lineDiscountButton", self.cart_box)
        self.cart_discount = button("cartDiscountButton", self.cart_box)
        self.custom = button("customItemButton", self.cart_box)
        self.order = button("orderInsteadButton", self.cart_box)
        self.minus.clicked.connect(lambda: self.change_quantity(-1))
        self.plus.clicked.connect(lambda: self.change_quantity(+1))
        self.qty.clicked.connect(lambda: self._with_row(self.quantity_requested.emit))
        self.remove.clicked.connect(self.remove_line)
        self.line_discount.clicked.connect(
            lambda: self._with_row(self.line_discount_requested.emit)
        )
        self.cart_discount.clicked.connect(self.cart_discount_requested.emit)
        self.custom.clicked.connect(self.custom_item_requested.emit)
        self.order.clicked.connect(self.order_requested.emit)
        self.subtotal_label = QLabel(self.cart_box)
        self.subtotal_label.setObjectName("subtotalLabel")
        self.discount_label = QLabel(self.cart_box)
        self.discount_label.setObjectName("discountLabel")
        self.total = big_label("totalLabel", 28, self.cart_box)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.last_change = big_label("lastChangeLabel", 18, self.cart_box)
        self.last_change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pay = button("payButton", self.cart_box, height=72)
        self.pay.setStyleSheet(
            "QPushButton#payButton { background: #2e7d32; color: white; font-size: 20pt;"
            " font-weight: bold; border-radius: 6px; }"
            "QPushButton#payButton:disabled { background: #a5a5a5; }"
        )
        self.pay.clicked.connect(self.pay_requested.emit)
        actions = QGridLayout()
        for i, b in enumerate(
            (
                self.minus,
                self.plus,
                self.qty,
                self.remove,
                self.line_discount,
                self.cart_discount,
                self.custom,
                self.order,
            )
        ):
            actions.addWidget(b, i // 4, i % 4)
        box = QVBoxLayout(self.cart_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.cart, 1)
        box.addLayout(actions)
        box.addWidget(self.subtotal_label)
        box.addWidget(self.discount_label)
        box.addWidget(self.total)
        box.addWidget(self.last_change)
        box.addWidget(self.pay)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, SKU, barcode, maker group (F2)"))
        self.scan_input.setPlaceholderText(self.tr("Type or scan a code, Enter (F3)"))
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
            (self.search, self.tr("Search products")),
            (self.scan_input, self.tr("Code")),
            (self.tabs, self.tr("Categories")),
            (self.grid, self.tr("Products")),
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
        self.cart_model.set_headers(
            [
                self.tr("Item"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("Discount"),
                self.tr("Total"),
            ]
        )
        self._fill_tabs()
        self.refresh_cart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- products ----------------------------------------------------------------------
    def _fill_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.tr("All"))
        for category in self.session.catalog.categories():
            self.tabs.addTab(category)
        index = (
            self.session.catalog.categories().index(self._category) + 1
            if self._category in self.session.catalog.categories()
            else 0
        )
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def _category_changed(self, index: int) -> None:
        self._category = None if index <= 0 else self.tabs.tabText(index)
        self.refresh_products()

    def refresh_products(self) -> None:
        self.grid_model.set_rows(self.session.catalog.search(self.search.text(), self._category))

    def reload_catalog(self) -> None:
        self._fill_tabs()
        self.refresh_products()

    def _product_clicked(self, index: QModelIndex) -> None:
        product = self.grid_model.product_at(index)
        if product is None:
            return
        if product.price == 0:
            self.open_price_requested.emit(product)
            return
        self._run(lambda: self.session.add(product))

    def _typed_code(self) -> None:
        code = self.scan_input.text().strip()
        self.scan_input.clear()
        if code:
            self.add_code(code)

    def add_code(self, code: str) -> bool:
        """A scanned or typed code: add the product, or warn and leave the cart as it was."""
        return self._run(lambda: self.session.scan(code), beep=True)

    # -- cart --------------------------------------------------------------------------
    def selected_row(self) -> int:
        rows = self.cart.selectionModel().selectedRows()
        return rows[0].row() if rows else len(self.session.cart.lines) - 1

    def _with_row(self, action: Callable[[int], object]) -> None:
        row = self.selected_row()
        if row >= 0:
            action(row)

    def change_quantity(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0:
            return
        quantity = self.session.cart.lines[row].quantity + delta
        if quantity <= 0:
            self.remove_line()
        else:
            self._run(lambda: self.session.cart.set_quantity(row, quantity), keep_row=row)

    def remove_line(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self._run(lambda: self.session.cart.remove(row))

    def _run(self, action: Callable[[], object], *, beep: bool = False,
             keep_row: int | None = None) -> bool:
        try:
            action()
        except PosError as exc:
            show_message(self.warning, user_message(exc))
            if beep:
                QApplication.beep()
            return False
        show_message(self.warning, "")
        self.refresh_cart(select=keep_row)
        return True

    def refresh_cart(self, select: int | None = None) -> None:
        totals = self.session.cart.totals()
        self.cart_model.set_totals(totals)
        self.subtotal_label.setText(
            self.tr("Subtotal: {amount}").format(amount=format_rupiah(totals.subtotal))
        )
        self.discount_label.setText(
            self.tr("Discount: {amount}").format(amount=format_rupiah(-totals.discount))
        )
        self.total.setText(format_rupiah(totals.total))
        self.pay.setEnabled(not self.session.cart.is_empty)
        self.order.setEnabled(not self.session.cart.is_empty)
        sale = self.session.last_sale
        self.last_change.setVisible(sale is not None)
        if sale is not None:
            self.last_change.setText(
                self.tr("Change {amount} · {receipt}").format(
                    amount=format_rupiah(sale.change), receipt=sale.receipt_no
                )
            )
        row = select if select is not None else len(totals.lines) - 1
        if 0 <= row < len(totals.lines):
            self.cart.selectRow(row)
        self.cart_changed.emit()
