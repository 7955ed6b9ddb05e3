"""A table's columns, declared once for the paper, the workbook and the window.

A column is its header's message id, how to read its value from a row's record, and the
value's kind; each front end writes a kind its own way (an amount as ``Rp 1.250.000`` on
paper and on screen, as a number with the rupiah format in a workbook; a day as
``Jum 26 Jun 2026``, ``26-06-2026`` or a date cell). A value is one of:

- ``Kind.TEXT``: a ``str``, a ``Message`` (or anything with ``text(lang)``) said in the
  front end's language, or ``None`` for "not known" (a dash on paper and on screen, an
  empty cell in a workbook);
- ``Kind.MONEY``: ``int`` rupiah; ``Kind.COUNT``: ``int``; both added up in a table's TOTAL
  row unless the column says ``total=False``;
- ``Kind.DAY``: ``YYYY-MM-DD`` or ``None``; ``Kind.WHEN``: an aware (UTC) ``datetime`` or
  ``None``, shown in the event's time zone.

``where`` says which front ends show the column (all of them unless it says otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Flag, StrEnum
from typing import Generic, TypeVar

from posapp.domain.messages import Message

R = TypeVar("R")


class Kind(StrEnum):
    TEXT = "text"
    MONEY = "money"
    COUNT = "count"
    DAY = "day"
    WHEN = "when"


class Where(Flag):
    """The front ends that show a column."""

    PDF = 1
    XLSX = 2
    WINDOW = 4
    PAPER = PDF | XLSX
    EVERYWHERE = PDF | XLSX | WINDOW


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column of a table of *R* records."""

    label: Message  # the header
    value: Callable[[R], object]
    kind: Kind = Kind.TEXT
    where: Where = Where.EVERYWHERE
    total: bool = True  # a money or count column: added up in the TOTAL row

    @property
    def is_figure(self) -> bool:
        """Money or a count: right-aligned, never cut, added up."""
        return self.kind in (Kind.MONEY, Kind.COUNT)

    @property
    def adds_up(self) -> bool:
        return self.is_figure and self.total

    def header(self, lang: str) -> str:
        return self.label.text(lang)


def shown_in(columns: Iterable[Column[R]], where: Where) -> list[Column[R]]:
    """The columns *where* shows, in order."""
    return [c for c in columns if where & c.where]


def position(columns: Iterable[Column[R]], label: str) -> int:
    """Where the column headed by the message id *label* is among *columns*."""
    for i, c in enumerate(columns):
        if c.label.code == label:
            return i
    raise LookupError(label)
