"""The selling screen's products: category tabs over a grid of tiles, found by a search.

The keys on the tiles: arrows move, Enter picks the highlighted tile, Up from the first row
goes back to the search, and typing on the tiles searches again (``typed``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.product import Product
from posapp.services.catalog_search import CatalogSearch
from posapp.ui.common.models import ProductGridModel
from posapp.ui.common.widgets import message_label
from posapp.ui.stand.selling_entry import say, shown
from posapp.ui.stand.tiles import (
    TILE_HEIGHT,
    TILE_MIN_WIDTH,
    PhotoFor,
    TileDelegate,
    category_tints,
)


class ProductGrid(QWidget):
    """Tabs, a "nothing found" hint and the tiles; ``picked`` says a tile tapped or chosen
    with Enter, ``left_up`` Up from the first row, ``typed`` a character typed on the tiles."""

    picked = Signal(object)  # a Product
    left_up = Signal()
    typed = Signal(str)

    def __init__(self, catalog: Callable[[], CatalogSearch], photo_for: PhotoFor,
                 parent: QWidget | None = None) -> None:
        """*catalog* gives the session's catalog now (a reload replaces it)."""
        super().__init__(parent)
        self.catalog = catalog
        self.category: str | None = None
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("categoryTabs")
        self.tabs.setExpanding(False)
        self.not_found = message_label("notFoundHint", self)
        self.not_found.setProperty("role", "warning")
        self.grid_model = ProductGridModel(4, self)
        self.grid = QTableView(self)
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
        self.grid.clicked.connect(self._clicked)
        self.grid.installEventFilter(self)  # Enter adds the highlighted tile, Up leaves
        self.grid.viewport().installEventFilter(self)  # its width sets the tiles a row
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)
        box.addWidget(self.not_found)
        box.addWidget(self.grid, 1)

    def retranslate(self) -> None:
        self.tabs.setAccessibleName(self.tr("Categories"))
        self.grid.setAccessibleName(self.tr("Products"))
        self.fill_tabs()

    def fill_tabs(self) -> None:
        """A tab for every category after "All"; the chosen one stays chosen."""
        categories = self.catalog().categories()
        self.tiles.tints = category_tints(categories)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.tr("All"))
        for category in categories:
            self.tabs.addTab(category)
        index = categories.index(self.category) + 1 if self.category in categories else 0
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def choose_tab(self, index: int) -> None:
        self.category = None if index <= 0 else self.tabs.tabText(index)

    @property
    def found(self) -> list[Product]:
        """The products shown (the pages read so far)."""
        return self.grid_model.products

    def show_found(self, text: str) -> None:
        """The tiles for *text* in the chosen category, a page at a time (the next as the
        grid scrolls); a search that finds nothing says so, with the next step."""
        catalog, category = self.catalog(), self.category
        first = catalog.page(text, category)

        def more(last: Product) -> tuple[list[Product], bool]:
            page = catalog.page(text, category, after=last)
            return page.products, page.more

        self.grid_model.set_rows(first.products, more if first.more else None)
        hint = ""
        if text.strip() and not first.products:
            hint = self.tr("No item found: “{text}”. Check the spelling, or add it as "
                           "“Other item (free price)” with F6.").format(text=shown(text))
        say(self.not_found, hint)

    def enter(self) -> bool:
        """The keys go to the results, the first tile highlighted; False when there are none."""
        first = self.grid_model.index(0, 0)
        if self.grid_model.product_at(first) is None:
            return False
        self.grid.setFocus()
        self.grid.setCurrentIndex(first)
        return True

    def _clicked(self, index: QModelIndex) -> None:
        product = self.grid_model.product_at(index)
        if product is not None:
            self.picked.emit(product)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid.viewport() and event.type() == QEvent.Type.Resize:
            width = self.grid.viewport().width()  # as many tiles a row as fit
            self.grid_model.set_columns(max(2, width // TILE_MIN_WIDTH))
        if watched is self.grid and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._clicked(self.grid.currentIndex())
                return True
            if key == Qt.Key.Key_Up and self.grid.currentIndex().row() <= 0:
                self.left_up.emit()
                return True
            typed = event.text()
            if typed.isprintable() and typed.strip() \
                    and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.typed.emit(typed)  # typing on the tiles searches again
                return True
        return super().eventFilter(watched, event)
