"""The stand database's product photos (issue 12): the image itself, not a path to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped

from posapp.store import tables
from posapp.store.base import Base


class ProductPhotoRow(Base):
    """One product's photo, already resized for a tile (``services/photos.py`` says how)."""

    __table__ = tables.product_photo
    sku: Mapped[str]
    format: Mapped[str]  # "jpeg"
    width: Mapped[int]
    height: Mapped[int]
    data: Mapped[bytes]
    updated_at: Mapped[datetime]
