"""The selling screen: products on the left, the cart and Pay on the right.

Longer than a screen: the page builds both halves and their texts, and the keyboard's way
through the search (Down into the tiles, Enter adds, the search clears for the next item).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.product import Product
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.models import CartModel, ProductGridModel
from posapp.ui.common.photos import CART_THUMBNAIL, PhotoCache, square
from posapp.ui.common.widgets import big_label, button, message_label
from posapp.ui.stand.tiles import (
    TILE_HEIGHT,
    TILE_MIN_WIDTH,
    PhotoFor,
    TileDelegate,
    category_tints,
)

# A tile's photo is decoded at this side (logical px): sharp on a 72 px tile up to 200 %.
TILE_PHOTO_SIDE = 2 * TILE_HEIGHT
# The longest code a scanner or a person types (GS1-128 carries at most 48 characters);
# a longer paste is cut here, never repeated in a message.
CODE_MAX_LENGTH = 64
# The longest search (a few words).
SEARCH_MAX_LENGTH = 100
# The most of a code or a search a message repeats (cut with "…").
SHOWN_MAX_LENGTH = 30
# The refusal of a code no product has (the selling screen says it with its next step).
UNKNOWN_CODE = "catalog.unknown_code"


def shown(text: str) -> str:
    """*text* as a message repeats it: one line, at most SHOWN_MAX_LENGTH characters."""
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MAX_LENGTH else text[:SHOWN_MAX_LENGTH - 1] + "…"


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

    def __init__(self, session: StandSession, parent: QWidget | None = None, *,
                 photo_for: PhotoFor | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Photos are read lazily, a product at a time, when its tile or cart row is drawn.
        self.photos = PhotoCache(session.products)
        self.setObjectName("sellingPage")
        self._category: str | None = None
        self._found: list[Product] = []
        self._sale_seen: object = session.last_sale  # a new sale clears the search
        self._build_products(photo_for or self.photos.at_size(TILE_PHOTO_SIDE))
        self._build_cart()
        halves = QHBoxLayout()
        halves.addWidget(self.products_box, 3)
        halves.addWidget(self.cart_box, 2)
        self.banners = QVBoxLayout()  # notice strips the window puts over both halves
        self.banners.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(self.banners)
        layout.addLayout(halves, 1)
        self.retranslate()
        self.refresh_products()
        self.refresh_cart()

    # -- building ----------------------------------------------------------------------
    def add_banner(self, banner: QWidget) -> None:
        """Show *banner* (a notice strip with its buttons) over the page's two halves."""
        self.banners.addWidget(banner)

    def _build_products(self, photo_for: PhotoFor) -> None:
        self.products_box = QWidget(self)
        self.search = QLineEdit(self.products_box)
        self.search.setObjectName("searchInput")
        self.search.setClearButtonEnabled(True)
        self.search_clear = self.search.findChild(QToolButton)  # Qt's own, named for readers
        if self.search_clear is not None:
            self.search_clear.setObjectName("searchClearButton")
        self.search.setMinimumHeight(44)
        self.search.setMaxLength(SEARCH_MAX_LENGTH)
        self.search.textChanged.connect(self.refresh_products)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)  # Down: into the results
        self.scan_input = QLineEdit(self.products_box)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setMinimumHeight(44)
        self.scan_input.setMaxLength(CODE_MAX_LENGTH)
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
        self.grid.verticalHeader().setDefaultSectionSize(TILE_HEIGHT)
        self.grid.setShowGrid(False)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tiles = TileDelegate(photo_for, self.grid)
        self.grid.setItemDelegate(self.tiles)
        self.grid.clicked.connect(self._product_clicked)
        self.grid.installEventFilter(self)  # Enter adds the highlighted tile, Up leaves
        self.grid.viewport().installEventFilter(self)  # its width sets the tiles a row
        self.warning = message_label("scanWarning", self.products_box)
        self.warning.setProperty("role", "warning")
        self.not_found = message_label("notFoundHint", self.products_box)
        self.not_found.setProperty("role", "warning")
        top = QGridLayout()
        top.addWidget(self.search, 0, 0)
        top.addWidget(self.scan_input, 0, 1)
        box = QVBoxLayout(self.products_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.warning)
        box.addWidget(self.tabs)
        box.addWidget(self.not_found)
        box.addWidget(self.grid, 1)

    def _build_cart(self) -> None:
        self.cart_box = QWidget(self)
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
        self.discount_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total = big_label("totalLabel", 28, self.cart_box)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.last_change = big_label("lastChangeLabel", 18, self.cart_box)
        self.last_change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pay = button("payButton", self.cart_box, height=72)
        self.pay.setProperty("role", "primary")
        self.pay.clicked.connect(self.pay_requested.emit)
        self.action_grid = QGridLayout()
        self.action_buttons = [self.minus, self.plus, self.qty, self.remove,
                               self.line_discount, self.cart_discount, self.custom, self.order]
        self._arrange_actions(2)  # four columns once the window is wide enough (resizeEvent)
        box = QVBoxLayout(self.cart_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.cart, 1)
        box.addLayout(self.action_grid)
        # subtotal and discount on one line, the total beside Pay: the cart keeps its height
        # on a 600-pixel screen
        figures = QHBoxLayout()
        figures.addWidget(self.subtotal_label, 1)
        figures.addWidget(self.discount_label, 1)
        box.addLayout(figures)
        box.addWidget(self.last_change)
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
        """Four columns of cart buttons where the cart's share of the page holds them."""
        widest = max(b.sizeHint().width() for b in self.action_buttons)
        room = event.size().width() * 2 // 5  # the cart's share (stretch 3 : 2)
        columns = 4 if room >= 4 * widest + 3 * max(self.action_grid.spacing(), 0) else 2
        if columns != self._action_columns:
            self._arrange_actions(columns)
        super().resizeEvent(event)

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
        if self.search_clear is not None:
            self.search_clear.setAccessibleName(self.tr("Clear the search"))
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
        categories = self.session.catalog.categories()
        self.tiles.tints = category_tints(categories)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.tr("All"))
        for category in categories:
            self.tabs.addTab(category)
        index = categories.index(self._category) + 1 if self._category in categories else 0
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def _category_changed(self, index: int) -> None:
        self._category = None if index <= 0 else self.tabs.tabText(index)
        self.refresh_products()

    def refresh_products(self) -> None:
        """The tiles for the search and the category; a search that finds nothing says so,
        with the next step."""
        text = self.search.text()
        found = self.session.catalog.search(text, self._category)
        self._found = found
        self.grid_model.set_rows(found)
        hint = ""
        if text.strip() and not found:
            hint = self.tr("No item found: “{text}”. Check the spelling, or add it as "
                           "“Other item (free price)” with F6.").format(text=shown(text))
        self._say(self.not_found, hint)

    def reload_catalog(self) -> None:
        self.photos.refresh()  # a photo may have been added, replaced or removed
        self.tiles.forget_photos()
        self._fill_tabs()
        self.refresh_products()

    def clear_search(self) -> None:
        """The full grid again (after an item is added, after a sale): the next one starts
        from every product."""
        if self.search.text():
            self.search.clear()

    def _product_clicked(self, index: QModelIndex) -> None:
        product = self.grid_model.product_at(index)
        if product is not None:
            self._pick(product)

    def _pick(self, product: Product) -> None:
        """A tile chosen (tapped, or Enter on it): add it, or ask an open price's amount."""
        if product.price == 0:
            self.open_price_requested.emit(product)
            return
        if self._run(lambda: self.session.add(product)):
            self._added()

    def _added(self) -> None:
        """After an item is added from the search: the search clears, its box takes the keys."""
        picked_by_keys = self.grid.hasFocus() or self.search.hasFocus()
        self.clear_search()
        if picked_by_keys:
            self.search.setFocus()

    def _search_entered(self) -> None:
        """Enter in the search box: the one match goes into the cart; several: the keys go to
        the first of them."""
        count = len(self._found)
        if count == 1:
            self._pick(self._found[0])
        elif count > 1:
            self.enter_results()
        elif self.search.text().strip():
            QApplication.beep()

    def enter_results(self) -> bool:
        """The keys go to the results, the first tile highlighted; False when there are none."""
        first = self.grid_model.index(0, 0)
        if self.grid_model.product_at(first) is None:
            return False
        self.grid.setFocus()
        self.grid.setCurrentIndex(first)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid.viewport() and event.type() == QEvent.Type.Resize:
            width = self.grid.viewport().width()  # as many tiles a row as fit
            self.grid_model.set_columns(max(2, width // TILE_MIN_WIDTH))
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down:
                return self.enter_results()
            if watched is self.grid and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._product_clicked(self.grid.currentIndex())
                return True
            if watched is self.grid and key == Qt.Key.Key_Up \
                    and self.grid.currentIndex().row() <= 0:
                self.search.setFocus()
                return True
            typed = event.text()
            if watched is self.grid and typed.isprintable() and typed.strip() \
                    and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.search.setFocus()  # typing on the tiles searches again
                self.search.insert(typed)
                return True
        return super().eventFilter(watched, event)

    def _typed_code(self) -> None:
        code = self.scan_input.text().strip()
        self.scan_input.clear()
        if code:
            self.add_code(code)

    def add_code(self, code: str) -> bool:
        """A scanned or typed code: add the product, or say it is unknown (one line, with the
        next step) and leave the cart as it was."""
        try:
            self.session.scan(code)
        except PosError as exc:
            if exc.code == UNKNOWN_CODE:
                text = self.tr("Item not found: {code}. Check the code, or search by name "
                               "(F2).").format(code=shown(code))
            else:
                text = user_message(exc)
            self._say(self.warning, text)
            QApplication.beep()
            return False
        self._say(self.warning, "")
        self.clear_search()
        self.refresh_cart()
        return True

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
            self._say(self.warning, user_message(exc))
            if beep:
                QApplication.beep()
            return False
        self._say(self.warning, "")
        self.refresh_cart(select=keep_row)
        return True

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        """A notice line under the search: shown while it has words."""
        label.setText(text)
        label.setVisible(bool(text))

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
        if sale is not None and sale is not self._sale_seen:  # a sale ended: a fresh grid
            self.clear_search()
        self._sale_seen = sale
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
