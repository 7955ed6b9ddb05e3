"""The selling screen: products on the left, the cart and Pay on the right.

The page puts together its three pieces (the entry in selling_entry.py, the tiles in
product_grid.py, the cart in cart_panel.py) and does what they ask of the stand session:
a code scanned or typed, a tile picked, a line changed; the keyboard's way through the
search (Down into the tiles, Enter adds, the search clears for the next item).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.product import Product
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.photos import CART_THUMBNAIL, PhotoCache
from posapp.ui.stand.cart_panel import CartPanel
from posapp.ui.stand.product_grid import ProductGrid
from posapp.ui.stand.selling_entry import CODE_MAX_LENGTH, EntryBar, shown
from posapp.ui.stand.tiles import TILE_HEIGHT, PhotoFor

if TYPE_CHECKING:  # the services load after the first paint
    from posapp.services.history import SaleSummary

__all__ = ["CODE_MAX_LENGTH", "SellingPage", "shown"]

# A tile's photo is decoded at this side (logical px): sharp on a 72 px tile up to 200 %.
TILE_PHOTO_SIDE = 2 * TILE_HEIGHT
# Between the tiles and a customer display docked under them (px).
DOCK_GAP = 4
# The refusal of a code no product has (the selling screen says it with its next step).
UNKNOWN_CODE = "catalog.unknown_code"


class SessionPhotos:
    """The products desk's photos once the session has loaded; none before that (a tile
    painted sooner is drawn without its photo, and again with it once loaded)."""

    def __init__(self, session: StandSession) -> None:
        self.session = session

    @property
    def photo_generation(self) -> int:
        return self.session.products.photo_generation if self.session.loaded else -2

    @photo_generation.setter
    def photo_generation(self, value: int) -> None:
        self.session.products.photo_generation = value

    def photo_stamps(self) -> dict[str, datetime]:
        return self.session.products.photo_stamps() if self.session.loaded else {}

    def photo(self, sku: str) -> object:
        return self.session.products.photo(sku) if self.session.loaded else None


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
        self.photos = PhotoCache(SessionPhotos(session))
        self.setObjectName("sellingPage")
        self._sale_seen: object = session.last_sale  # a new sale clears the search
        self._last_sale: SaleSummary | None = None  # the stand's, read from its database
        self.products_box = QWidget(self)
        self.entry = EntryBar(self.products_box)
        self.products = ProductGrid(lambda: self.session.catalog,
                                    photo_for or self.photos.at_size(TILE_PHOTO_SIDE),
                                    self.products_box)
        # the docked customer display's corner: nothing to click under it (keep_corner_free)
        self.dock_slot = QWidget(self.products_box)
        self.dock_slot.setObjectName("dockSlot")
        self.dock_slot.setVisible(False)
        self._products_column = box = QVBoxLayout(self.products_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.entry)
        box.addWidget(self.products, 1)
        box.addWidget(self.dock_slot)
        self.cart_box = CartPanel(self.photos.at_size(CART_THUMBNAIL), self)
        self._name_parts()
        self._connect()
        halves = QHBoxLayout()
        halves.addWidget(self.products_box, 3)
        halves.addWidget(self.cart_box, 2)
        self.banners = QVBoxLayout()  # notice strips the window puts over both halves
        self.banners.setContentsMargins(0, 0, 0, 0)
        self._page_column = layout = QVBoxLayout(self)
        layout.addLayout(self.banners)
        layout.addLayout(halves, 1)
        self.retranslate()
        self.refresh_products()
        self.refresh_cart()

    # -- building ----------------------------------------------------------------------
    def _name_parts(self) -> None:
        """The pieces' widgets under the names the window and the tests use."""
        e, p, c = self.entry, self.products, self.cart_box
        self.search, self.search_clear, self.scan_input = e.search, e.search_clear, e.scan_input
        self.warning = e.warning
        self.tabs, self.not_found, self.grid = p.tabs, p.not_found, p.grid
        self.grid_model, self.tiles = p.grid_model, p.tiles
        self.cart, self.cart_model = c.cart, c.cart_model
        self.minus, self.plus, self.qty, self.remove = c.minus, c.plus, c.qty, c.remove
        self.line_discount, self.cart_discount = c.line_discount, c.cart_discount
        self.custom, self.order, self.pay = c.custom, c.order, c.pay
        self.subtotal_label, self.discount_label = c.subtotal_label, c.discount_label
        self.total, self.last_change = c.total, c.last_change
        self.action_buttons = c.action_buttons

    def _connect(self) -> None:
        self.search.textChanged.connect(self.refresh_products)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)  # Down: into the results
        self.entry.code_entered.connect(self.add_code)
        self.tabs.currentChanged.connect(self._category_changed)
        self.products.picked.connect(self._pick)
        self.products.left_up.connect(self.search.setFocus)
        self.products.typed.connect(self._typed_on_tiles)
        self.minus.clicked.connect(lambda: self.change_quantity(-1))
        self.plus.clicked.connect(lambda: self.change_quantity(+1))
        self.qty.clicked.connect(lambda: self._with_row(self.quantity_requested.emit))
        self.remove.clicked.connect(self.remove_line)
        self.line_discount.clicked.connect(
            lambda: self._with_row(self.line_discount_requested.emit))
        self.cart_discount.clicked.connect(self.cart_discount_requested.emit)
        self.custom.clicked.connect(self.custom_item_requested.emit)
        self.order.clicked.connect(self.order_requested.emit)
        self.pay.clicked.connect(self.pay_requested.emit)

    def keep_corner_free(self, height: int) -> None:
        """The customer display docked over the bottom-left corner, *height* px high from
        the page's bottom (0: not docked): the tiles end above it, so no tile and no button
        hides under it; they scroll as always."""
        margin = self._page_column.contentsMargins().bottom()
        spacing = max(self._products_column.spacing(), 0)
        room = height - margin - spacing + DOCK_GAP if height > 0 else 0
        self.dock_slot.setFixedHeight(max(room, 0))
        self.dock_slot.setVisible(room > 0)

    def add_banner(self, banner: QWidget) -> None:
        """Show *banner* (a notice strip with its buttons) over the page's two halves."""
        self.banners.addWidget(banner)

    def retranslate(self) -> None:
        self.entry.retranslate()
        self.products.retranslate()
        self.cart_box.retranslate()
        self.refresh_cart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- products ----------------------------------------------------------------------
    def _category_changed(self, index: int) -> None:
        self.products.choose_tab(index)
        self.refresh_products()

    def refresh_products(self) -> None:
        """The tiles for the search and the category (a search that finds nothing says so)."""
        self.products.show_found(self.search.text())

    def reload_catalog(self) -> None:
        self.photos.refresh()  # a photo may have been added, replaced or removed
        self.tiles.forget_photos()
        self.products.fill_tabs()
        self.refresh_products()

    def clear_search(self) -> None:
        """The full grid again (after an item is added, after a sale): the next one starts
        from every product."""
        self.entry.clear_search()

    def reset(self) -> None:
        """As a new cashier finds it: no search, every category, no warning, no code typed."""
        self.clear_search()
        self.tabs.setCurrentIndex(0)
        self.scan_input.clear()
        self.entry.warn("")

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
        found = self.products.found
        if len(found) == 1:
            self._pick(found[0])
        elif found:
            self.enter_results()
        elif self.search.text().strip():
            QApplication.beep()

    def enter_results(self) -> bool:
        """The keys go to the results, the first tile highlighted; False when there are none."""
        return self.products.enter()

    def _typed_on_tiles(self, typed: str) -> None:
        self.search.setFocus()  # typing on the tiles searches again
        self.search.insert(typed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
            return self.enter_results()
        return super().eventFilter(watched, event)

    def add_code(self, code: str) -> bool:
        """A scanned or typed code: add the product, or say it is unknown (one line, with the
        next step) and leave the cart as it was."""
        try:
            self.session.scan(code)
        except PosError as exc:
            text = self.entry.unknown_code(code) if exc.code == UNKNOWN_CODE \
                else user_message(exc)
            self.entry.warn(text)
            QApplication.beep()
            return False
        self.entry.warn("")
        self.clear_search()
        self.refresh_cart()
        return True

    # -- the last sale -----------------------------------------------------------------
    def load_last_sale(self) -> None:
        """Read the stand's last committed sale from its database (at log-in, after a sale,
        a void or a refund; never on a scan) and show it."""
        try:
            self._last_sale = self.session.sales.last()
        except PosError:  # unreadable now: say nothing rather than something old
            self._last_sale = None
        self._show_last_sale()

    def _show_last_sale(self) -> None:
        self.cart_box.show_last_sale(self._last_sale, self.session.info.timezone,
                                     self.session.now())

    # -- cart --------------------------------------------------------------------------
    def selected_row(self) -> int:
        return self.cart_box.selected_row(len(self.session.cart.lines))

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
            self.entry.warn(user_message(exc))
            if beep:
                QApplication.beep()
            return False
        self.entry.warn("")
        self.refresh_cart(select=keep_row)
        return True

    def refresh_cart(self, select: int | None = None) -> None:
        totals = self.session.cart.totals()
        sale = self.session.last_sale
        self.cart_box.show_totals(totals, sale)
        if sale is not None and sale is not self._sale_seen:  # a sale ended: a fresh grid
            self.clear_search()
            self._sale_seen = sale
            self.load_last_sale()  # once a sale (a scan reads no database)
        else:
            self._sale_seen = sale
            self._show_last_sale()
        row = select if select is not None else len(totals.lines) - 1
        self.cart_box.select(row, len(totals.lines))
        self.cart_changed.emit()
