"""The catalog dialog's photo section: the chosen product's photo as a thumbnail, a button to
add or replace it from an image file, and one to remove it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.product import Product
from posapp.services.session.catalog import CatalogDesk
from posapp.ui.common.photos import PhotoCache
from posapp.ui.common.widgets import TOUCH_HEIGHT

THUMBNAIL = 96  # logical px: big enough to see which photo it is, small enough for 600 px


class ProductPhotoBox(QGroupBox):
    """Adds, replaces and removes the photo of the product the dialog edits.

    ``changed`` carries the SKU whose photo changed; ``failed`` a refusal to show."""

    changed = Signal(str)
    failed = Signal(object)

    def __init__(self, products: CatalogDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoBox")
        self._products = products
        self._photos = PhotoCache(products, keep=20)
        self._product: Product | None = None
        self.thumbnail = QLabel(self)
        self.thumbnail.setObjectName("photoThumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.choose_button = self._button("choosePhotoButton", self.choose_photo, "secondary")
        self.remove_button = self._button("removePhotoButton", self.remove_photo, "danger")
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.thumbnail, 1)
        row.addLayout(buttons)
        self.retranslate()

    def _button(self, name: str, clicked: Callable[[], None], role: str) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.setProperty("role", role)
        b.setMinimumHeight(TOUCH_HEIGHT)
        b.setAutoDefault(False)  # Enter from the scanner must not press a button
        b.clicked.connect(clicked)
        return b

    @property
    def has_photo(self) -> bool:
        return self._product is not None and self._photos.has_photo(self._product.sku)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Photo"))
        self.remove_button.setText(self.tr("Remove photo"))
        self.remove_button.setAccessibleName(self.tr("Remove photo"))
        self.thumbnail.setAccessibleName(self.tr("Product photo"))
        self.show_product(self._product)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_product(self, product: Product | None) -> None:
        """Show *product*'s photo (None: a product not saved yet, which can have none)."""
        self._product = product
        pixmap = self._photos.pixmap(product.sku, THUMBNAIL) if product else None
        if pixmap is not None:
            self.thumbnail.setPixmap(pixmap)
        else:
            self.thumbnail.setText(  # clears the picture
                self.tr("No photo yet.") if product else self.tr("Save the product first."))
        choose = self.tr("Replace photo…") if pixmap is not None else self.tr("Add photo…")
        self.choose_button.setText(choose)
        self.choose_button.setAccessibleName(choose)
        self.choose_button.setEnabled(product is not None)
        self.remove_button.setEnabled(pixmap is not None)

    def choose_photo(self) -> None:
        if self._product is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo of {name}").format(name=self._product.name), "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.JPG *.JPEG *.PNG *.WEBP)"))
        if path:
            self._change(lambda sku: self._products.set_photo(sku, Path(path)))

    def remove_photo(self) -> None:
        if self._product is not None:
            self._change(self._products.remove_photo)

    def _change(self, do: Callable[[str], object]) -> None:
        if self._product is None:
            return
        sku = self._product.sku
        try:
            do(sku)
        except PosError as exc:
            self.failed.emit(exc)
            return
        self.show_product(self._product)
        self.changed.emit(sku)

