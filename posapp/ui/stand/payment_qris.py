"""The payment panel's QRIS code: as large as its space allows, whole-pixel modules.

The code is drawn at the largest size that fits the widget (every module a whole number of
pixels, so it stays sharp); without a code the widget says why in one short sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from posapp.ui.common.qr_image import qr_image, qr_modules

#: The smallest side the code asks for: scannable by a phone from 1 m on a 14" laptop
#: screen (tests/ui/test_payment_panel.py decodes a grab scaled to a phone camera's view).
QR_MIN = 320
#: What the code asks for when there is room (a buyer across the table).
QR_PREFERRED = 520


class QrisCode(QLabel):
    """The dynamic QRIS code for the amount being paid, or a one-line reason for none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrisView")
        self.payload: str | None = None
        self._image: QImage | None = None
        self._side = 0
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(QR_PREFERRED, QR_PREFERRED)

    def minimumSizeHint(self) -> QSize:
        return QSize(QR_MIN, QR_MIN)

    def heightForWidth(self, width: int) -> int:
        return -1  # the code takes the smaller side; the text is short

    @property
    def is_placeholder(self) -> bool:
        return self.payload is None

    def show_code(self, payload: str) -> None:
        """Draw the code holding *payload* (a dynamic QRIS payload)."""
        if payload != self.payload:
            self.payload, self._image = payload, None
        self.setText("")
        self.setAccessibleDescription(payload)
        self.update()

    def show_note(self, note: str) -> None:
        """No code: say *note* in its place."""
        self.payload, self._image = None, None
        self.setText(note)
        self.setAccessibleDescription(note)

    def code_image(self) -> QImage | None:
        """The code as drawn now (its quiet zone included), or None."""
        if self.payload is None:
            return None
        side = max(1, min(self.width(), self.height()))
        if self._image is None or self._side != side:
            self._image, self._side = qr_image(self.payload, size_px=side), side
        return self._image

    def image_rect(self) -> QRect:
        """Where the code's image is drawn (white to its edges); empty without a code."""
        image = self.code_image()
        if image is None:
            return QRect()
        return QRect((self.width() - image.width()) // 2, (self.height() - image.height()) // 2,
                      image.width(), image.height())

    def code_rect(self) -> QRect:
        """The code itself with its quiet zone, as drawn: what a phone must see."""
        outer = self.image_rect()
        if self.payload is None:
            return outer
        modules = qr_modules(self.payload)
        side = outer.width() // modules * modules
        return QRect(outer.x() + (outer.width() - side) // 2,
                     outer.y() + (outer.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        image = self.code_image()
        if image is None:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.drawImage(self.image_rect().topLeft(), image)
        painter.end()
