"""What every ORM class of the stand database shares: the declarative base, whose metadata
is ``posapp.store.tables.metadata`` (the Core tables every class is mapped onto)."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

from posapp.store import tables
from posapp.store.tables import Money

__all__ = ["Base", "Money", "table"]


class Base(DeclarativeBase):
    metadata = tables.metadata


def table(model: type[Base]) -> Table:
    """The Core table of a model, for prepared statements on hot paths."""
    t = model.__table__
    assert isinstance(t, Table)
    return t
