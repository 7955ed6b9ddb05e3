"""Orders in the organizers' workbooks (openpyxl, write-only). It only writes.

The event report's workbook gets two sheets: the orders per stand, and the open orders.
The open orders' own workbook (``posapp orders-export``, for whoever delivers them) has
the open orders (one row each, their items in one cell) and the order lines (one row per
line, what is still to deliver). The columns are posapp/domain/open_order_columns.py's.
Amounts are numbers with the rupiah format, dates are dates, every sheet ends in a TOTAL
row of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from posapp.domain.open_order_columns import (
    OPEN_ORDER_COLUMNS,
    ORDER_LINE_COLUMNS,
    STAND_ORDER_COLUMNS,
)
from posapp.domain.open_orders import OrdersSummary
from posapp.domain.report_columns import Column
from posapp.printing.event_report_text import Words
from posapp.printing.report_files import replacing
from posapp.printing.xlsx_event_sheets import COUNT, RUPIAH, write_sheet

View = tuple[str, Sequence[Column[Any]], Sequence[Any]]


def write_orders_xlsx(summary: OrdersSummary, path: Path, *, lang: str = "id") -> Path:
    """The open orders of *summary* as an .xlsx at *path* (whole or not at all)."""
    w = Words(lang)
    book = Workbook(write_only=True)
    lines = [(o, line) for o in summary.open for line in o.lines]
    for title, columns, rows in (
        (w.say("event_report.sheet_open_orders"), OPEN_ORDER_COLUMNS, summary.open),
        (w.say("event_report.sheet_order_lines"), ORDER_LINE_COLUMNS, lines),
    ):
        write_sheet(book.create_sheet(title[:31]), columns, rows, w)
    with replacing(Path(path)) as tmp:
        book.save(tmp)
    return Path(path)


def orders_views(summary: OrdersSummary, w: Words) -> Iterable[View]:
    """The event report's order sheets: per stand, and the open orders."""
    yield w.say("event_report.sheet_stand_orders"), STAND_ORDER_COLUMNS, summary.stands
    yield w.say("event_report.sheet_open_orders"), OPEN_ORDER_COLUMNS, summary.open


def order_summary_rows(summary: OrdersSummary, w: Words) -> list[tuple[str, Any, str | None]]:
    """The summary sheet's lines on orders: (label, value, number format)."""
    o = summary.total
    return [
        (w.say("event_report.orders"), None, None),
        (w.say("event_report.orders_count"), o.orders, COUNT),
        (w.say("event_report.open_orders_title"), o.open_orders, COUNT),
        (w.say("event_report.overdue"), o.overdue, COUNT),
        (w.say("event_report.deposits"), o.deposits, RUPIAH),
        (w.say("event_report.balances"), o.balances, RUPIAH),
        (w.say("event_report.deposits_refunded"), o.deposits_refunded, RUPIAH),
        (w.say("event_report.order_money"), o.order_money, RUPIAH),
        (w.say("event_report.deposits_held"), o.deposits_held, RUPIAH),
        (w.say("event_report.balances_due"), o.balances_due, RUPIAH),
        (w.say("event_report.orders_note"), None, None),
    ]
