"""The blocks a printed document is made of (one line each, or a barcode, QR, logo, cut),
and the helpers that make text fit a paper width. Receipts and order slips are laid out
with these; the renderers (plain text, ESC/POS, PDF) only draw them.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypeAlias
from zoneinfo import ZoneInfo

Align = Literal["left", "center", "right"]


# --- the output: blocks, one printed line each (barcode, QR, logo and cut apart) ---------


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text; ``double`` is double width and height (half the columns)."""

    text: str
    bold: bool = False
    align: Align = "left"
    double: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A full-width line of *char*."""

    char: str = "-"


@dataclass(frozen=True, slots=True)
class Row:
    """A label left and an amount right on one line, spaces between."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Barcode:
    """A Code128 barcode of *data* (printable ASCII), with the text under it."""

    data: str


@dataclass(frozen=True, slots=True)
class QrCode:
    data: str


@dataclass(frozen=True, slots=True)
class Logo:
    """The stand's logo, if the renderer has one."""


@dataclass(frozen=True, slots=True)
class Cut:
    """Feed past the tear bar and cut."""


Block: TypeAlias = Text | Rule | Row | Barcode | QrCode | Logo | Cut


def local_time(moment: datetime, zone: str) -> str:
    """``28-11-2026 14:36``: *moment* (naive UTC) in the event's time zone."""
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(zone)).strftime(
        "%d-%m-%Y %H:%M")


def clean(text: str) -> str:
    """One line of printable text: NFC, no control or format characters, single spaces."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():  # holds a control or format character (category C), or a
        # space other than " ", which split() below takes care of
        text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(text.split())


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width*, split between words (inside a word only when the
    word alone is longer than the line); a leading indent is kept on every line."""
    indent = len(text) - len(text.lstrip(" "))
    lines = textwrap.wrap(text.strip(), max(1, width - indent))
    return [" " * indent + line for line in lines]


def texts(text: str, width: int, *, bold: bool = False, align: Align = "left",
           double: bool = False) -> list[Block]:
    columns = width // 2 if double else width
    return [Text(part, bold, align, double) for part in wrap(clean(text), columns)]


def row(left: str, right: str, width: int, *, bold: bool = False) -> list[Block]:
    """*left* and *right* on one line when they fit; else *left* wrapped, *right* below it.

    *left* may start with an indent; both are otherwise clean single-line text.
    """
    if len(right) > width:  # only free text is this long (a cashier's long name)
        return [*(Text(p, bold) for p in wrap(left, width)),
                *(Text(p, bold, "right") for p in wrap(right, width))]
    if not left or len(left) + 1 + len(right) <= width:
        return [Row(left, right, bold)]
    return [*(Text(p, bold) for p in wrap(left, width)), Row("", right, bold)]


def fits(block: Block, width: int) -> bool:
    """Whether *block* fits on one line of *width* columns (the layout's promise)."""
    if isinstance(block, Text):
        return len(block.text) * (2 if block.double else 1) <= width
    if isinstance(block, Row):
        gap = 1 if block.left and block.right else 0
        return len(block.left) + gap + len(block.right) <= width
    if isinstance(block, Rule):
        return len(block.char) == 1
    return True

