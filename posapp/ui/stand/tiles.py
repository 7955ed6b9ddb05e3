"""The selling screen's product tiles: a light tint per category, a photo where the product
has one, the name and the price.

The tints are data colours (which category a tile belongs to), declared once here; text on
every tint meets WCAG AA (contrast at least 4.5:1, ``tests/ui/test_selling.py`` computes it).
Photos come from ``photo_for(sku)``, a callable the window may hand in; without one (or when
it returns None) a tile is text on its tint, as a stand without photos has it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from posapp.domain.money import format_rupiah
from posapp.ui.common.models import RawRole

# Light tints, one per category in the catalog's order (then round again).
TILE_TINTS: tuple[str, ...] = (
    "#e3f2fd",  # blue
    "#e8f5e9",  # green
    "#fff3e0",  # orange
    "#f3e5f5",  # purple
    "#fce4ec",  # pink
    "#e0f7fa",  # cyan
    "#fffde7",  # yellow
    "#efebe9",  # brown
)
# A product without a category.
PLAIN_TINT = "#f5f5f5"
# The text on every tint.
TILE_TEXT = "#1a1a1a"
# The height of one row of tiles (a touch target with room for two lines and a price).
TILE_HEIGHT = 72
# Photos kept scaled for their tiles (the grid scrolls without scaling them again).
PHOTO_CACHE_SIZE = 512
# The narrowest a tile gets: the grid has as many columns as fit (at least two).
TILE_MIN_WIDTH = 150

PhotoFor = Callable[[str], QPixmap | None]

_Index = QModelIndex | QPersistentModelIndex


def no_photo(_sku: str) -> QPixmap | None:
    """The default source of photos: none (tiles are text on their tint)."""
    return None


def category_tints(categories: Iterable[str]) -> dict[str, str]:
    """Each category's tint, in the order given (the catalog's sorted categories)."""
    return {name: TILE_TINTS[i % len(TILE_TINTS)] for i, name in enumerate(categories)}


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb`` (WCAG 2)."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class TileDelegate(QStyledItemDelegate):
    """Draws one product as a tile: its category's tint, its photo if any, name and price."""

    def __init__(self, photo_for: PhotoFor = no_photo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo_for = photo_for
        self.tints: dict[str, str] = {}
        self._photos: dict[tuple[str, int, float], QPixmap | None] = {}

    def forget_photos(self) -> None:
        """Ask ``photo_for`` again (a photo was added or replaced)."""
        self._photos.clear()

    def _photo(self, sku: str, side: int, ratio: float) -> QPixmap | None:
        """The product's photo scaled to *side* logical pixels on a screen of device pixel
        *ratio* (sharp at 200 %), None without one."""
        key = (sku, side, ratio)
        if key not in self._photos:
            if len(self._photos) >= PHOTO_CACHE_SIZE:
                self._photos.clear()
            photo = self.photo_for(sku)
            scaled = None
            if photo is not None and not photo.isNull():
                pixels = max(1, round(side * ratio))
                scaled = photo.scaled(pixels, pixels, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                scaled.setDevicePixelRatio(ratio)
            self._photos[key] = scaled
        return self._photos[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(120, TILE_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        product = index.data(RawRole)
        if product is None:
            return
        rect = QRect(option.rect).adjusted(3, 3, -3, -3)
        state = option.state
        chosen = bool(state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus))
        tint = QColor(self.tints.get(product.category, PLAIN_TINT))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highlight = option.palette.highlight().color()
        # the highlighted tile: the palette's highlight as a thick frame
        painter.setPen(QPen(highlight, 3) if chosen else QPen(tint.darker(125), 1))
        painter.setBrush(tint)
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(8, 4, -8, -4)
        side = inner.height()
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        scaled = self._photo(product.sku, side, ratio)
        if scaled is not None:
            height = round(scaled.deviceIndependentSize().height())
            painter.drawPixmap(inner.left(), inner.top() + (side - height) // 2, scaled)
            inner.setLeft(inner.left() + side + 8)
        self._draw_text(painter, option.font, inner, product)
        painter.restore()

    def _draw_text(self, painter: QPainter, font: QFont, rect: QRect, product: object) -> None:
        """The name (at most two lines, cut with … when longer) over the price."""
        painter.setPen(QColor(TILE_TEXT))
        name_font = QFont(font)
        name_font.setBold(True)
        price_font = QFont(font)
        metrics = QFontMetrics(price_font)
        price_height = metrics.height()
        price = getattr(product, "price", 0)
        painter.setFont(price_font)
        price_rect = QRect(rect.left(), rect.bottom() - price_height + 1, rect.width(),
                           price_height)
        painter.drawText(price_rect, int(Qt.AlignmentFlag.AlignLeft),
                         format_rupiah(price) if price else "—")
        painter.setFont(name_font)
        name_rect = QRect(rect.left(), rect.top(), rect.width(), rect.height() - price_height)
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap),
                         self._fit(str(getattr(product, "name", "")), name_font, name_rect))

    @staticmethod
    def _fit(text: str, font: QFont, rect: QRect) -> str:
        """*text* as many words as fit in *rect* when wrapped, else cut with …."""
        metrics = QFontMetrics(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        if metrics.boundingRect(rect, flags, text).height() <= rect.height():
            return text
        words = text.split()
        while words:
            words.pop()
            shorter = " ".join(words) + "…"
            if metrics.boundingRect(rect, flags, shorter).height() <= rect.height():
                return shorter
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
