"""The QRIS code shown to the buyer during payment.

The real code (the stand's dynamic QRIS payload for the exact amount) comes from the
printing layer; until then this view shows a clearly marked placeholder with the amount.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from posapp.domain.money import format_rupiah

#: Makes the QR image for an amount (the printing layer's job); None shows the placeholder.
QrisImageFactory = Callable[[int], QImage | None]

QR_SIZE = 280


class QrisView(QLabel):
    """A QR code for *amount*, or a placeholder when no image factory is given."""

    def __init__(self, make_image: QrisImageFactory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrisView")
        self.make_image = make_image
        self.amount = 0
        self.is_placeholder = True
        self.side = QR_SIZE  # the code's side in logical px (a small buyer's screen: less)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setMinimumSize(self.side, self.side // 2)
        self.retranslate()

    def set_amount(self, amount: int) -> None:
        """Show the code for *amount* (whole rupiah)."""
        self.amount = amount
        self._render()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("QRIS code"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _render(self) -> None:
        image = self.make_image(self.amount) if self.make_image and self.amount > 0 else None
        self.is_placeholder = image is None
        if image is not None:
            self.setWordWrap(False)  # a wrapping label gets no height from its picture
            self.setMinimumSize(self.side, self.side)
            self.setPixmap(QPixmap.fromImage(image).scaled(
                self.side, self.side, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation))
            self.setAccessibleDescription(self.tr("QRIS code for %1")
                                          .replace("%1", format_rupiah(self.amount)))
            return
        self.setPixmap(QPixmap())
        self.setWordWrap(True)
        self.setMinimumSize(self.side, self.side // 2)
        self.setText(self.tr("NO QRIS CODE: this stand has no QRIS set up\n"
                             "(Menu, Settings, stand QRIS code).\n"
                             "Amount: %1").replace("%1", format_rupiah(self.amount)))
        self.setAccessibleDescription(self.text())
