"""The catalog dialog: add and edit products, their photos (``photo_box``), adjust stock,
import a catalog file (``import_box``). It opens at once at any catalog size: the table
shows the first page of products and reads the next ones as it scrolls; a search is asked
of the database's index (``CatalogDesk.page``).

Longer than a screen: the product table and the form it fills, with the wiring of the
photo, stock and import sections around them, read as one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.catalog import MAX_STOCK
from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah, parse_rupiah
from posapp.domain.product import Product
from posapp.services.catalog_search import PAGE, CatalogSearch
from posapp.services.session.catalog import Imported
from posapp.services.session.stand import StandSession
from posapp.services.users import Approval
from posapp.ui.catalog.columns import CatalogColumns
from posapp.ui.catalog.import_box import CatalogImportBox
from posapp.ui.catalog.model import CatalogTableModel
from posapp.ui.catalog.photo_box import ProductPhotoBox
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog, scroll_area
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, PromptSlot
from posapp.ui.common.scanner import IGNORE_PROPERTY
from posapp.ui.common.widgets import TOUCH_HEIGHT, message_label, show_message

log = logging.getLogger(__name__)
W = TypeVar("W", bound=QWidget)
L = TypeVar("L", bound=QBoxLayout)
_FIELDS = ("sku", "barcode", "name", "category", "maker_group", "region", "price")


class CatalogDialog(QDialog):
    """Products of the session's stand. ``catalogChanged`` follows every saved change, after
    ``session.catalog`` was reloaded."""

    catalogChanged = Signal()

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDialog")
        self.setProperty(IGNORE_PROPERTY, True)  # a scan types into the focused field
        self.session = session
        self._editing: Product | None = None
        self._prompts = PromptSlot(self)
        self._build()
        self.retranslate()
        self._new_product()
        self._refresh_table()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = CatalogTableModel(self)
        self.search = self._add(QLineEdit(), "catalogSearch")
        self.search.textChanged.connect(lambda _text: self._refresh_table())
        self.table = self._add(QTableView(), "catalogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.table.verticalHeader().hide()
        CatalogColumns(self.table)  # fits its width; sized without reading products
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.inputs = {f: self._add(QLineEdit(), f"{_camel(f)}Input") for f in _FIELDS}
        self.active_check = self._add(QCheckBox(), "activeCheck")
        self.form_labels = {f: QLabel() for f in _FIELDS}
        self.product_box = QGroupBox()
        form = QFormLayout(self.product_box)
        for field in _FIELDS:
            self.form_labels[field].setBuddy(self.inputs[field])
            form.addRow(self.form_labels[field], self.inputs[field])
        form.addRow(self.active_check)
        self.new_button = self._add(QPushButton(), "newProductButton", self._new_product)
        self.save_button = self._add(QPushButton(), "saveProductButton", self._save)
        self.save_button.setProperty("role", "primary")
        form.addRow(_lay(QHBoxLayout(), self.new_button, self.save_button))

        self.photo_box = ProductPhotoBox(self.session.products)
        self.photo_box.changed.connect(self._photo_changed)
        self.photo_box.failed.connect(self._show_error)

        self.stock_box = QGroupBox()
        self.stock_label = QLabel()
        self.stock_delta = self._add(QSpinBox(), "stockDeltaSpin")
        self.stock_delta.setRange(-MAX_STOCK, MAX_STOCK)
        self.stock_reason = self._add(QLineEdit(), "stockReasonInput")
        self.adjust_button = self._add(QPushButton(), "adjustStockButton", self._adjust_stock)
        _lay(
            QVBoxLayout(self.stock_box),
            self.stock_label,
            _lay(QHBoxLayout(), self.stock_delta, self.stock_reason, self.adjust_button),
        )

        self.import_box = CatalogImportBox(self.session.products)
        self.import_box.started.connect(lambda: self._set_busy(True))
        self.import_box.imported.connect(self._imported)
        self.import_box.failed.connect(self._import_failed)

        self.error_label = message_label("catalogErrorLabel")
        self.status_label = message_label("catalogStatusLabel")
        self.close_button = self._add(QPushButton(), "closeCatalogButton", self.accept)
        # the product's form scrolls beside the list on a small screen; Close stays below
        side = QWidget(self, objectName="catalogSide")
        column = _lay(
            QVBoxLayout(side),
            self.product_box,
            self.photo_box,
            self.stock_box,
            self.import_box,
            self.error_label,
            self.status_label,
        )
        column.addStretch(1)
        column.setContentsMargins(0, 0, 0, 0)
        body = _lay(
            QHBoxLayout(),
            _lay(QVBoxLayout(), self.search, self.table),
            scroll_area(side, self, "catalogSideScroll"),
        )
        body.setStretch(0, 3)
        body.setStretch(1, 2)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        _lay(QVBoxLayout(self), body, footer)
        fit_dialog(self, roomy=True)

    def _add(self, widget: W, name: str, clicked: Callable[[], object] | None = None) -> W:
        widget.setObjectName(name)
        if not isinstance(widget, (QLabel, QTableView)):
            widget.setMinimumHeight(TOUCH_HEIGHT)
        if isinstance(widget, QPushButton):
            widget.setAutoDefault(False)  # Enter from the scanner must not press a button
            widget.clicked.connect(clicked)
        return widget

    def retranslate(self) -> None:
        """Set every user-visible text (at start and when the language changes)."""
        self.setWindowTitle(self.tr("Catalog"))
        names = [
            self.tr("SKU"),
            self.tr("Barcode"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Maker group"),
            self.tr("Region"),
            self.tr("Price"),
            self.tr("Stock"),
        ]
        self.model.set_headers(names, self.tr("inactive"))
        for field, text in zip(_FIELDS, names, strict=False):
            self.form_labels[field].setText(text)
            self.inputs[field].setAccessibleName(text)
        self.inputs["price"].setPlaceholderText(self.tr("for example 150.000; 0 = open price"))
        self.inputs["barcode"].setPlaceholderText(self.tr("scan or type; empty = no barcode"))
        self.search.setPlaceholderText(self.tr("Search name, SKU, barcode, maker, region"))
        self.stock_reason.setPlaceholderText(self.tr("reason, for example: new delivery"))
        self.product_box.setTitle(self.tr("Product"))
        self.stock_box.setTitle(self.tr("Stock adjustment"))
        buttons: list[tuple[QAbstractButton, str]] = [
            (self.active_check, self.tr("Active (on sale)")),
            (self.new_button, self.tr("New product")),
            (self.save_button, self.tr("Save product")),
            (self.adjust_button, self.tr("Adjust stock")),
            (self.close_button, self.tr("Close")),
        ]
        for button, text in buttons:
            button.setText(text)
            button.setAccessibleName(text)
        named: list[tuple[QWidget, str]] = [
            (self.search, self.tr("Search products")),
            (self.table, self.tr("Products")),
            (self.stock_delta, self.tr("Stock change (minus removes)")),
            (self.stock_reason, self.tr("Reason for the stock change")),
            (self.error_label, self.tr("Error")),
            (self.status_label, self.tr("Status")),
        ]
        for widget, name in named:
            widget.setAccessibleName(name)
        self._show_stock()

    def done(self, result: int) -> None:
        if not self.import_box.running:  # an import must first hand its catalog to the session
            super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- table and form ------------------------------------------------------------------
    def _refresh_table(self, *, keep: bool = False) -> None:
        """List the first page of what the search finds (every product without words);
        *keep*: at least as many rows as were listed, so that a changed product stays in
        view where it was."""
        text, products = self.search.text(), self.session.products
        size = max(PAGE, self.model.rowCount()) if keep else PAGE
        try:
            first = products.page(text, size=size)
        except PosError as exc:
            self._show_error(exc)
            return

        def more(last: Product) -> tuple[list[Product], bool]:
            following = products.page(text, after=last)
            return following.products, following.more

        self.model.set_rows(first.products, more if first.more else None)
        row = self.model.row_of(self._editing.id if self._editing else None)
        if row is not None:
            self.table.selectRow(row)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        product = self.model.product_at(current.row()) if current.isValid() else None
        if product is not None and (self._editing is None or product.id != self._editing.id):
            self._fill_form(product)

    def _fill_form(self, product: Product | None) -> None:
        self._editing = product
        values: dict[str, str | None] = {f: getattr(product, f) if product else "" for f in _FIELDS}
        values["price"] = format_rupiah(product.price) if product else ""
        for field, value in values.items():
            self.inputs[field].setText(value or "")
        self.inputs["sku"].setReadOnly(product is not None)  # a SKU never changes
        self.active_check.setChecked(product.active if product else True)
        self.photo_box.show_product(product if product and product.id is not None else None)
        self._show_stock()
        self._set_busy(self.import_box.running)

    def _show_stock(self) -> None:
        if self._editing is None:
            self.stock_label.setText(self.tr("Choose a product in the table first."))
        else:
            self.stock_label.setText(
                self.tr("{sku}: {stock} in stock").format(
                    sku=self._editing.sku, stock=self._editing.stock
                )
            )

    def _new_product(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self._fill_form(None)
        self.inputs["sku"].setFocus()

    def _form_product(self) -> Product:
        text = {f: self.inputs[f].text() for f in _FIELDS}
        return Product(
            sku=text["sku"],
            name=text["name"],
            price=parse_rupiah(text["price"]),
            barcode=text["barcode"].strip() or None,
            category=text["category"],
            maker_group=text["maker_group"],
            region=text["region"],
            active=self.active_check.isChecked(),
            id=self._editing.id if self._editing else None,
        )

    # -- changes -------------------------------------------------------------------------
    def _save(self) -> None:
        try:
            self._save_with(None)
        except PosError as exc:
            if exc.code == NEEDS_SUPERVISOR:  # a new product or price: a supervisor approves
                self._prompts.open(lambda name, pin: self._save_with(Approval(name, pin)),
                                   user_message(exc))
            else:
                self._show_error(exc)

    def _save_with(self, approval: Approval | None) -> None:
        saved = self.session.products.save(self._form_product(), approval=approval)
        self._reload()
        self._fill_form(saved)
        self._refresh_table(keep=True)
        self._show_status(self.tr("Saved {sku}.").format(sku=saved.sku))

    def _adjust_stock(self) -> None:
        if self._editing is None:
            return
        try:
            change = self.session.products.adjust_stock(
                self._editing.sku, self.stock_delta.value(), self.stock_reason.text())
            self._reload()
        except PosError as exc:
            self._show_error(exc)
            return
        self.stock_delta.setValue(0)
        self.stock_reason.clear()
        self._show_stock()
        self._refresh_table(keep=True)
        self._show_status(
            self.tr("Stock of {sku} is now {stock}.").format(sku=change.sku, stock=change.stock)
        )

    def _reload(self, active: CatalogSearch | None = None) -> None:
        """Put the fresh catalog in the session and read the product being edited again,
        then tell the window."""
        self.session.catalog = active or self.session.products.selling()
        if self._editing is not None and self._editing.id is not None:
            self._editing = self.session.products.product(self._editing.id) or self._editing
        self.catalogChanged.emit()

    def _photo_changed(self, sku: str) -> None:
        if self.photo_box.has_photo:
            self._show_status(self.tr("Photo of {sku} saved.").format(sku=sku))
        else:
            self._show_status(self.tr("Photo of {sku} removed.").format(sku=sku))
        self.catalogChanged.emit()  # the window's tiles and cart show it

    # -- import --------------------------------------------------------------------------
    def _imported(self, outcome: Imported) -> None:
        result = outcome.result
        self._reload(outcome.selling)
        self._fill_form(self._editing)
        self._refresh_table(keep=True)
        self._show_status(
            self.tr(
                "Catalog imported: {added} added, {updated} updated, {unchanged} unchanged."
            ).format(added=result.added, updated=result.updated, unchanged=result.unchanged)
        )

    def _import_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._show_error(exc)

    def _set_busy(self, busy: bool) -> None:
        """While an import runs, nothing else writes to the catalog."""
        for button in (self.new_button, self.save_button, self.import_box.button,
                       self.close_button):
            button.setEnabled(not busy)
        self.photo_box.setEnabled(not busy)
        self.adjust_button.setEnabled(not busy and self._editing is not None)

    # -- messages ------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        show_message(self.error_label, "")
        show_message(self.status_label, text, error=False)

    def _show_error(self, exc: BaseException) -> None:
        """Show a refusal inline (a refused catalog file's bad rows are in the import box)."""
        if isinstance(exc, PosError):
            message = user_message(exc)
        else:
            log.error("catalog dialog: unexpected error", exc_info=exc)
            message = self.tr("Unexpected error: {error}").format(error=exc)
        show_message(self.status_label, "")
        show_message(self.error_label, message)


def _camel(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


def _lay(layout: L, *items: QWidget | QLayout) -> L:
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
