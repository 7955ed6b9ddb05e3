"""The organizers' workbooks' sheets (openpyxl, write-only), written from a column list
(posapp/domain/report_columns.py): numbers stored as numbers with a rupiah format, days as
dates, a bold frozen header with a filter, and a TOTAL row stored as values (no formulas).
Shared by the event report's workbook and the open orders' workbook."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from posapp.domain.money import format_rupiah
from posapp.domain.open_orders import DEFAULT_ZONE
from posapp.domain.report_columns import Column, Kind, Where, shown_in
from posapp.domain.text import spreadsheet_cell
from posapp.printing.event_report_text import Words

RUPIAH = '"Rp" #,##0;-"Rp" #,##0'
COUNT = "#,##0"
DAY = "d mmm yyyy"
WHEN = "d mmm yyyy hh:mm"
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
_WRAP = Alignment(vertical="top")
_MAX_WIDTH = 60
FORMATS: dict[Kind, str | None] = {Kind.TEXT: None, Kind.MONEY: RUPIAH, Kind.COUNT: COUNT,
                                   Kind.DAY: DAY, Kind.WHEN: WHEN}


def write_sheet(ws: WriteOnlyWorksheet, columns: Sequence[Column[Any]], rows: Sequence[Any],
                w: Words, zone: str = DEFAULT_ZONE) -> None:
    """The header, a row per item of *rows*, and the TOTAL row of the figures; the
    workbook's columns of *columns* (Where.XLSX), its times as wall clock in *zone*."""
    shown = shown_in(columns, Where.XLSX)
    wall = _zone(zone)
    values = [[_value(c, c.value(r), w, wall) for c in shown] for r in rows]
    totals: list[Any] = [
        sum(v[i] or 0 for v in values) if c.adds_up else None for i, c in enumerate(shown)]
    totals[0] = w.say("event_report.total")
    kinds = [c.kind for c in shown]
    _setup(ws, [c.header(w.lang) for c in shown], kinds, values, totals)
    ws.append([cell(ws, c.header(w.lang), bold=True, fill=True) for c in shown])
    formats = [FORMATS[k] for k in kinds]
    for row in values:
        ws.append([_body_cell(ws, v, f) for v, f in zip(row, formats, strict=True)])
    ws.append([cell(ws, v, number_format=f, bold=True)
               for v, f in zip(totals, formats, strict=True)])


def _body_cell(ws: WriteOnlyWorksheet, value: Any, number_format: str | None) -> Any:
    """A body cell: a figure, day or time as a cell with its format; a text as the plain
    text openpyxl stores as text (no cell of ours to make: most of a big sheet's cells);
    nothing for an empty text."""
    if number_format and value is not None:
        return cell(ws, value, number_format=number_format)
    if not value:
        return None
    text = spreadsheet_cell(value)
    if isinstance(text, str) and text not in ERROR_CODES:  # "#N/A" would be an error cell
        return text
    return cell(ws, value)


def _value(column: Column[Any], value: object, w: Words, zone: ZoneInfo) -> Any:
    """*value* as the cell holds it: numbers as numbers, days as dates, times as the
    event's wall clock (Excel has no time zones), texts in the workbook's language."""
    if column.is_figure:
        return value if isinstance(value, int) else 0
    if value is None or value == "":
        return None
    if column.kind is Kind.DAY:
        return date.fromisoformat(str(value))
    if column.kind is Kind.WHEN and isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(zone).replace(tzinfo=None, microsecond=0)
    return w.cell(value)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def _setup(ws: WriteOnlyWorksheet, headers: list[str], kinds: list[Kind],
           values: list[list[Any]], totals: list[Any]) -> None:
    """Widths, frozen header, filter and print set-up: before the first row is written."""
    for i, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        cells = [row[i] for row in values] + [totals[i]]
        width = max(len(header) + 3, _width(cells, kind) + 2)
        ws.column_dimensions[get_column_letter(i + 1)].width = min(width, _MAX_WIDTH)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{len(values) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def cell(ws: WriteOnlyWorksheet, value: Any, *, number_format: str | None = None,
         bold: bool = False, fill: bool = False) -> WriteOnlyCell:
    """A cell of *value*: text as text (no formula, no control character: ``spreadsheet_cell``),
    numbers and dates as they are."""
    c = WriteOnlyCell(ws, value=spreadsheet_cell(value))
    if isinstance(c.value, str):
        c.data_type = "s"
    if number_format:
        c.number_format = number_format
    if bold:
        c.font = _BOLD
    if fill:
        c.fill = _HEAD_FILL
        c.alignment = _WRAP
    return c


def _width(cells: list[Any], kind: Kind) -> int:
    """About how many characters Excel shows for the widest of *cells*."""
    if kind in (Kind.MONEY, Kind.COUNT):
        numbers = [abs(v) for v in cells if isinstance(v, int)]
        widest = len(format_rupiah(-max(numbers, default=0)))
        return widest if kind is Kind.MONEY else widest - 4
    if kind is Kind.DAY:
        return len("00 Sep 0000")
    if kind is Kind.WHEN:
        return len("00 Sep 0000 00:00")
    return max((len(str(v)) for v in cells if v is not None), default=0)
