"""What an order is for: catalog items (scanned, typed or searched, as on the selling screen)
and made-to-order pieces (a description, the pieces and the agreed price)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import InvalidInput, NotFound, PosError
from posapp.domain.money import format_rupiah, parse_rupiah
from posapp.domain.order import OrderItem
from posapp.domain.product import Product
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.widgets import message_label, show_message
from posapp.ui.orders.models import DraftLine, DraftLinesModel, merge_line

MAX_PIECES = 10_000
MAX_RESULTS = 30


def _spin(parent: QWidget, name: str, value: int = 1) -> QSpinBox:
    spin = QSpinBox(parent, objectName=name)
    spin.setRange(1, MAX_PIECES)
    spin.setValue(value)
    spin.setMinimumHeight(TOUCH)
    return spin


def item_of(product: Product, quantity: int) -> OrderItem:
    return OrderItem(product.name, product.price, quantity, sku=product.sku,
                     product_id=product.id, category=product.category,
                     maker_group=product.maker_group, region=product.region)


class OrderLinesEditor(QWidget):
    """The order's lines being put together; ``items()`` gives them to the service."""

    changed = Signal()  # a line was added, removed or its quantity changed

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lines: list[DraftLine] = []
        self._spins: list[QSpinBox] = []
        self._custom_base: Product | None = None  # an open-price product picked as the base
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.code_input = QLineEdit(self, objectName="orderCodeInput", clearButtonEnabled=True)
        self.quantity = _spin(self, "orderQuantitySpin")
        self.quantity.setPrefix("× ")
        self.results = QListWidget(self, objectName="orderSearchResults")
        self.results.setMaximumHeight(140)
        self.results.hide()
        self.custom_input = QLineEdit(self, objectName="customDescriptionInput", maxLength=200)
        self.custom_quantity = _spin(self, "customQuantitySpin")
        self.custom_quantity.setPrefix("× ")
        self.custom_price = QLineEdit(self, objectName="customPriceInput")
        self.add_custom = touch_button(self, "addCustomButton")
        self.model = DraftLinesModel(self)
        self.table = QTableView(self, objectName="orderLinesDraft")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DraftLinesModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(DraftLinesModel.RESERVED, True)  # known once saved
        self.remove = touch_button(self, "removeOrderLineButton")
        self.message = message_label("orderLinesMessage", self)
        self.catalog_label, self.custom_label = QLabel(self), QLabel(self)
        for w in (self.code_input, self.custom_input, self.custom_price):
            w.setMinimumHeight(TOUCH)
        grid = QGridLayout()
        grid.addWidget(self.catalog_label, 0, 0, 1, 3)
        grid.addWidget(self.code_input, 1, 0, 1, 2)
        grid.addWidget(self.quantity, 1, 2)
        grid.addWidget(self.results, 2, 0, 1, 3)
        grid.addWidget(self.custom_label, 3, 0, 1, 3)
        grid.addWidget(self.custom_input, 4, 0, 1, 3)
        grid.addWidget(self.custom_price, 5, 0)
        grid.addWidget(self.custom_quantity, 5, 1)
        grid.addWidget(self.add_custom, 5, 2)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        self.code_input.returnPressed.connect(self._code_entered)
        self.code_input.textChanged.connect(self._search)
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        self.custom_input.returnPressed.connect(self.custom_price.setFocus)
        self.custom_price.returnPressed.connect(self.add_custom_item)
        self.add_custom.clicked.connect(self.add_custom_item)
        self.remove.clicked.connect(self.remove_line)

    def retranslate(self) -> None:
        self.catalog_label.setText(self.tr("From the catalog"))
        self.custom_label.setText(self.tr("Made to order"))
        for edit, text, accessible in (
            (self.code_input, self.tr("Scan or type a code, or search the catalog, Enter"),
             self.tr("Catalog item to order")),
            (self.custom_input, self.tr("Description: motif, size, colour"),
             self.tr("Description of the made-to-order item")),
            (self.custom_price, self.tr("Agreed price per piece (Rp)"),
             self.tr("Agreed price per piece")),
        ):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(accessible)
        self.quantity.setAccessibleName(self.tr("Pieces of the catalog item"))
        self.custom_quantity.setAccessibleName(self.tr("Pieces made to order"))
        self.results.setAccessibleName(self.tr("Catalog items found"))
        self.table.setAccessibleName(self.tr("Lines of the order"))
        self.add_custom.setText(self.tr("Add made-to-order item"))
        self.add_custom.setAccessibleName(self.tr("Add made-to-order item"))
        self.remove.setText(self.tr("Remove line"))
        self.remove.setAccessibleName(self.tr("Remove line"))
        self.model.retranslate()
        self._name_spins()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- catalog items -----------------------------------------------------------------------
    def add_code(self, code: str) -> bool:
        """A scanned or typed code (or words only one product matches): add its product,
        the pieces in the spin box; else say why, and nothing changes."""
        text = code.strip()
        try:
            product = self.session.catalog.find(text)
        except NotFound as exc:
            found = self.session.catalog.search(text) if text else []
            if len(found) != 1:
                self._warn(self.tr("Several products match: pick one from the list")
                           if found else user_message(exc), beep=not found)
                return False
            product = found[0]
        return self.add_product(product)

    def add_product(self, product: Product, quantity: int | None = None) -> bool:
        """Add *product*; an open-price one becomes the base of a made-to-order item."""
        if product.price == 0:
            self._custom_base = product
            self.custom_input.setText(product.name)
            self.custom_price.clear()
            self.custom_price.setFocus()
            self._say(self.tr("{name} has no fixed price: type the agreed price, then Add.")
                      .format(name=product.name))
            return False
        pieces = quantity or self.quantity.value()
        row = merge_line(self.lines, DraftLine(item_of(product, pieces), stock=product.stock))
        self.quantity.setValue(1)
        self._lines_changed(row)
        return True

    def _code_entered(self) -> None:
        if self.code_input.text().strip() and self.add_code(self.code_input.text()):
            self.code_input.clear()

    def _search(self, text: str) -> None:
        found = self.session.catalog.search(text)[:MAX_RESULTS] if text.strip() else []
        self.results.clear()
        for product in found:
            price = format_rupiah(product.price) if product.price else "—"
            item = QListWidgetItem(f"{product.name} · {product.sku} · {price}")
            item.setData(Qt.ItemDataRole.UserRole, product)
            self.results.addItem(item)
        self.results.setVisible(bool(found))

    def _result_chosen(self, item: QListWidgetItem) -> None:
        product = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(product, Product) and self.add_product(product):
            self.code_input.clear()

    # -- made to order -----------------------------------------------------------------------
    def add_custom_item(self) -> bool:
        """The made-to-order fields as a line; the reason inline when they do not make one."""
        description = " ".join(self.custom_input.text().split())
        try:
            if not description:
                raise InvalidInput("order.item_needs_description")
            price = parse_rupiah(self.custom_price.text() or "0")
            if price == 0:
                raise InvalidInput("order.line_needs_price", name=description)
        except PosError as exc:
            self._warn(user_message(exc))
            return False
        base = self._custom_base
        item = OrderItem(description, price, self.custom_quantity.value(),
                         category=base.category if base else "",
                         maker_group=base.maker_group if base else "",
                         region=base.region if base else "")
        self.lines.append(DraftLine(item))
        self._custom_base = None
        for edit in (self.custom_input, self.custom_price):
            edit.clear()
        self.custom_quantity.setValue(1)
        self._lines_changed(len(self.lines) - 1)
        return True

    # -- the lines ---------------------------------------------------------------------------
    def set_items(self, items: list[OrderItem]) -> None:
        """Start from *items* (the cart's lines), stock read from the catalog."""
        self.lines = []
        for item in items:
            stock = None
            if item.sku is not None:
                try:
                    stock = self.session.catalog.find(item.sku).stock
                except NotFound:
                    stock = None
            merge_line(self.lines, DraftLine(item, stock=stock))
        self._lines_changed(0)

    def items(self) -> list[OrderItem]:
        return [line.item for line in self.lines]

    def total(self) -> int:
        return sum(line.item.total for line in self.lines)

    def remove_line(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else len(self.lines) - 1
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._lines_changed(min(row, len(self.lines) - 1))

    def show_saved(self, order: OrderView) -> None:
        """The order as placed: what was reserved per line; nothing can be changed now."""
        self.lines = [DraftLine(line.item, line.stock, ln.reserved)
                      for line, ln in zip(self.lines, order.lines, strict=True)]
        self.model.set_rows(list(self.lines))
        self.table.setColumnHidden(DraftLinesModel.RESERVED, False)
        self._spins = []
        for w in (self.code_input, self.quantity, self.custom_input, self.custom_quantity,
                  self.custom_price, self.add_custom, self.remove, self.results):
            w.setEnabled(False)
        self.results.hide()
        self._say("")

    def _lines_changed(self, select: int) -> None:
        self.model.set_rows(list(self.lines))
        self._spins = []
        for row, line in enumerate(self.lines):
            spin = _spin(self.table, f"orderLineQty{row + 1}", line.item.quantity)
            spin.valueChanged.connect(lambda value, row=row: self._set_quantity(row, value))
            self.table.setIndexWidget(self.model.index(row, DraftLinesModel.QUANTITY), spin)
            self._spins.append(spin)
        self._name_spins()
        if 0 <= select < len(self.lines):
            self.table.selectRow(select)
        self._say("")
        self.changed.emit()

    def _set_quantity(self, row: int, value: int) -> None:
        line = self.lines[row]
        self.lines[row] = replace(line, item=replace(line.item, quantity=value))
        self.model.replace_row(row, self.lines[row])  # no reset: the spin boxes stay
        self.changed.emit()

    def _name_spins(self) -> None:
        for spin, line in zip(self._spins, self.lines, strict=False):
            spin.setAccessibleName(self.tr("Pieces: {item}").format(item=line.item.name))

    def _say(self, text: str) -> None:
        show_message(self.message, text, error=False)

    def _warn(self, text: str, *, beep: bool = False) -> None:
        show_message(self.message, text)
        if beep:
            QApplication.beep()
