"""The organizers' workbooks' sheets (openpyxl, write-only): columns of a kind (text,
rupiah, count, day, time), numbers stored as numbers with a rupiah format, a bold frozen
header with a filter, and a TOTAL row stored as values (no formulas). Shared by the event
report's workbook and the open orders' workbook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from posapp.domain.money import format_rupiah

RUPIAH = '"Rp" #,##0;-"Rp" #,##0'
COUNT = "#,##0"
DAY = "d mmm yyyy"
WHEN = "d mmm yyyy hh:mm"
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
_WRAP = Alignment(vertical="top")
_MAX_WIDTH = 60
FORMATS = {"text": None, "rupiah": RUPIAH, "count": COUNT, "day": DAY, "when": WHEN}


@dataclass(frozen=True)
class Column:
    """A column: its header, how to read its value from a row, and its kind."""

    header: str
    value: Callable[[Any], Any]
    kind: str = "text"  # text, rupiah, count, day, when
    total: bool = True  # figures: added up in the TOTAL row


def write_sheet(ws: WriteOnlyWorksheet, columns: list[Column], rows: Sequence[Any],
                total_label: str) -> None:
    """The header, a row per item of *rows*, and the TOTAL row of the figures."""
    values = [[c.value(r) for c in columns] for r in rows]
    totals: list[Any] = [
        sum(v[i] or 0 for v in values) if c.total and c.kind in ("rupiah", "count") else None
        for i, c in enumerate(columns)]
    totals[0] = total_label
    _setup(ws, columns, values, totals)
    ws.append([cell(ws, c.header, bold=True, fill=True) for c in columns])
    formats = [FORMATS[c.kind] for c in columns]
    for row in values:
        ws.append([cell(ws, v, number_format=f) if f and v is not None else (v or None)
                   for v, f in zip(row, formats, strict=True)])
    ws.append([cell(ws, v, number_format=f, bold=True)
               for v, f in zip(totals, formats, strict=True)])


def _setup(ws: WriteOnlyWorksheet, columns: list[Column], values: list[list[Any]],
           totals: list[Any]) -> None:
    """Widths, frozen header, filter and print set-up: before the first row is written."""
    for i, c in enumerate(columns):
        cells = [row[i] for row in values] + [totals[i]]
        width = max(len(c.header) + 3, _width(cells, c.kind) + 2)
        ws.column_dimensions[get_column_letter(i + 1)].width = min(width, _MAX_WIDTH)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{len(values) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def cell(ws: WriteOnlyWorksheet, value: Any, *, number_format: str | None = None,
         bold: bool = False, fill: bool = False) -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=value)
    if number_format:
        c.number_format = number_format
    if bold:
        c.font = _BOLD
    if fill:
        c.fill = _HEAD_FILL
        c.alignment = _WRAP
    return c


def _width(cells: list[Any], kind: str) -> int:
    """About how many characters Excel shows for the widest of *cells*."""
    if kind in ("rupiah", "count"):
        numbers = [abs(v) for v in cells if isinstance(v, int)]
        widest = len(format_rupiah(-max(numbers, default=0)))
        return widest if kind == "rupiah" else widest - 4
    if kind == "day":
        return len("00 Sep 0000")
    if kind == "when":
        return len("00 Sep 0000 00:00")
    return max((len(str(v)) for v in cells if v is not None), default=0)
