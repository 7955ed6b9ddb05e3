"""The stand database's product photos (issue 12): the image itself, not a path to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from posapp.store.base import Base


class ProductPhotoRow(Base):
    """One product's photo, already resized for a tile (``services/photos.py`` says how)."""

    __tablename__ = "product_photo"
    sku: Mapped[str] = mapped_column(ForeignKey("product.sku"), primary_key=True)
    format: Mapped[str] = mapped_column(String(8))  # "jpeg"
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
