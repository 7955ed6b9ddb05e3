"""What every table of the stand database shares: the declarative base and money columns."""

from __future__ import annotations

from sqlalchemy import BigInteger, Table
from sqlalchemy.orm import DeclarativeBase

Money = BigInteger  # whole rupiah


class Base(DeclarativeBase):
    pass


def table(model: type[Base]) -> Table:
    """The Core table of a model, for prepared statements on hot paths."""
    return Base.metadata.tables[model.__tablename__]
