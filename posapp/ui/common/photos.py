"""Product photos as pixmaps for the window: tiles, the cart, the buyer's display.

``PhotoCache(session.products)`` reads nothing when it is made. The first question reads which
SKUs have a photo (one small query: a stand with 100,000 products and 1,000 photos reads
1,000 short rows); a product without one costs a dictionary look-up from then on. A photo
is read from the stand's database the first time it is asked for at a size, decoded at that
size (a JPEG is decoded scaled, not whole) and kept; the least recently used ones are let go.
A photo changed through the products desk (the catalog screen) is read again next time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPixmap

#: Tiles take this: the photo of a SKU at the tile's size, None when it has none.
PhotoFor = Callable[[str], QPixmap | None]
CART_THUMBNAIL = 32  # logical px: a cart row's small picture


class PhotoSource(Protocol):
    """What the cache reads photos from: the session's products desk."""

    photo_generation: int

    def photo_stamps(self) -> dict[str, datetime]: ...

    def photo(self, sku: str) -> object: ...  # services.photos.Photo | None


class PhotoCache:
    """Pixmaps of product photos by SKU and size, read lazily through the products desk."""

    def __init__(self, source: PhotoSource, *, keep: int = 400) -> None:
        self._source = source
        self._keep = keep
        self._stamps: dict[str, datetime] | None = None
        self._generation = -1
        self._pixmaps: OrderedDict[tuple[str, datetime, int, float], QPixmap] = OrderedDict()

    def has_photo(self, sku: str) -> bool:
        return sku in self._current_stamps()

    def pixmap(self, sku: str, size: int) -> QPixmap | None:
        """Product *sku*'s photo fitted in a *size* x *size* square of logical pixels (sharp
        on a high-density screen), or None when it has none or it cannot be read."""
        stamp = self._current_stamps().get(sku)
        if stamp is None:
            return None
        ratio = _device_ratio()
        key = (sku, stamp, size, ratio)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        photo = self._source.photo(sku)
        data = getattr(photo, "data", None)
        if not isinstance(data, bytes):
            return None
        pixmap = _decode(data, round(size * ratio))
        if pixmap is None:
            return None
        pixmap.setDevicePixelRatio(ratio)
        self._pixmaps[key] = pixmap
        while len(self._pixmaps) > self._keep:
            self._pixmaps.popitem(last=False)
        return pixmap

    def at_size(self, size: int) -> PhotoFor:
        """``photo_for(sku)`` at *size* logical pixels: what a tile or a row takes."""
        return lambda sku: self.pixmap(sku, size)

    def refresh(self) -> None:
        """Read which products have photos again (after a change made elsewhere)."""
        self._stamps = None

    def _current_stamps(self) -> dict[str, datetime]:
        generation = self._source.photo_generation
        if self._stamps is None or generation != self._generation:
            self._stamps = self._source.photo_stamps()
            self._generation = generation
            live = set(self._stamps.items())
            for key in [k for k in self._pixmaps if (k[0], k[1]) not in live]:
                del self._pixmaps[key]
        return self._stamps


def square(side: int) -> QSize:
    """A view's icon size for photos of *side* logical pixels (``setIconSize``)."""
    return QSize(side, side)


def _decode(data: bytes, side: int) -> QPixmap | None:
    """*data* decoded to fit a *side* x *side* square (JPEG: scaled while decoding)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    full = reader.size()
    if full.isValid() and (full.width() > side or full.height() > side):
        reader.setScaledSize(full.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio))
    image: QImage = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image)


def _device_ratio() -> float:
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen() if app is not None else None
    return screen.devicePixelRatio() if screen is not None else 1.0
