"""Orders in the organizers' workbooks (openpyxl, write-only). It only writes.

The event report's workbook gets two sheets: the orders per stand, and the open orders.
The open orders' own workbook (``posapp orders-export``, for whoever delivers them) has
the open orders (one row each, their items in one cell) and the order lines (one row per
line, what is still to deliver). Amounts are numbers with the rupiah format, dates are
dates, every sheet ends in a TOTAL row of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from posapp.printing.event_report_text import labels, status_name
from posapp.printing.report_files import replacing
from posapp.printing.xlsx_event_sheets import COUNT, RUPIAH, Column, write_sheet
from posapp.services.event_report_orders import OpenOrder, OrdersSummary

View = tuple[str, list[Column], Sequence[Any]]


def write_orders_xlsx(summary: OrdersSummary, path: Path, *, lang: str = "id") -> Path:
    """The open orders of *summary* as an .xlsx at *path* (whole or not at all)."""
    t = labels(lang)
    book = Workbook(write_only=True)
    lines = [(o, line) for o in summary.open for line in o.lines]
    for title, columns, rows in (
        (t["sheet_open_orders"], open_order_columns(t, lang), summary.open),
        (t["sheet_order_lines"], order_line_columns(t), lines),
    ):
        write_sheet(book.create_sheet(title[:31]), columns, rows, t["total"])
    with replacing(Path(path)) as tmp:
        book.save(tmp)
    return Path(path)


def orders_views(summary: OrdersSummary, t: dict[str, str], lang: str) -> Iterable[View]:
    """The event report's order sheets: per stand, and the open orders."""
    yield t["sheet_stand_orders"], stand_order_columns(t), summary.stands
    yield t["sheet_open_orders"], open_order_columns(t, lang), summary.open


def order_summary_rows(summary: OrdersSummary, t: dict[str, str]) -> list[
        tuple[str, Any, str | None]]:
    """The summary sheet's lines on orders: (label, value, number format)."""
    o = summary.total
    return [
        (t["orders"], None, None),
        (t["orders_count"], o.orders, COUNT), (t["open_orders_title"], o.open_orders, COUNT),
        (t["overdue"], o.overdue, COUNT), (t["deposits"], o.deposits, RUPIAH),
        (t["balances"], o.balances, RUPIAH), (t["deposits_refunded"], o.deposits_refunded,
                                               RUPIAH),
        (t["order_money"], o.order_money, RUPIAH), (t["deposits_held"], o.deposits_held, RUPIAH),
        (t["balances_due"], o.balances_due, RUPIAH), (t["orders_note"], None, None),
    ]


def stand_order_columns(t: dict[str, str]) -> list[Column]:
    def figure(header: str, name: str, kind: str) -> Column:
        return Column(t[header], lambda s: getattr(s, name), kind)

    return [
        Column(t["code"], lambda s: s.stand), Column(t["province"], lambda s: s.province),
        figure("orders_count", "orders", "count"), figure("open_orders", "open_orders", "count"),
        figure("overdue", "overdue", "count"), figure("handed_over", "handed_over", "count"),
        figure("cancelled", "cancelled", "count"), figure("ordered", "ordered", "rupiah"),
        figure("deposits", "deposits", "rupiah"), figure("balances", "balances", "rupiah"),
        figure("deposits_refunded", "deposits_refunded", "rupiah"),
        figure("order_money", "order_money", "rupiah"),
        figure("deposits_held", "deposits_held", "rupiah"),
        figure("balances_due", "balances_due", "rupiah"),
    ]


def open_order_columns(t: dict[str, str], lang: str) -> list[Column]:
    return [
        Column(t["stand"], lambda o: o.stand), Column(t["order_no"], lambda o: o.order_no),
        Column(t["status"], lambda o: status_name(o.status, lang)),
        Column(t["taken_on"], lambda o: _day(o.taken_on), "day", total=False),
        Column(t["due"], lambda o: _day(o.due), "day", total=False),
        Column(t["overdue"], lambda o: t["yes"] if o.overdue else ""),
        Column(t["buyer"], lambda o: o.buyer_name), Column(t["phone"], lambda o: o.phone),
        Column(t["email"], lambda o: o.email), Column(t["country"], lambda o: o.country),
        Column(t["address"], lambda o: o.address or t["pick_up"]),
        Column(t["items"], lambda o: items_text(o, t)), Column(t["note"], lambda o: o.note),
        Column(t["order_total"], lambda o: o.total, "rupiah"),
        Column(t["paid"], lambda o: o.paid, "rupiah"),
        Column(t["balance_due"], lambda o: o.balance_due, "rupiah"),
    ]


def order_line_columns(t: dict[str, str]) -> list[Column]:
    return [
        Column(t["stand"], lambda r: r[0].stand), Column(t["order_no"], lambda r: r[0].order_no),
        Column(t["buyer"], lambda r: r[0].buyer_name),
        Column(t["due"], lambda r: _day(r[0].due), "day", total=False),
        Column(t["overdue"], lambda r: t["yes"] if r[0].overdue else ""),
        Column(t["line_no"], lambda r: r[1].line_no, "count", total=False),
        Column(t["sku"], lambda r: "" if r[1].custom else r[1].sku),
        Column(t["item"], lambda r: r[1].name),
        Column(t["made_to_order"], lambda r: t["yes"] if r[1].custom else ""),
        Column(t["quantity"], lambda r: r[1].quantity, "count"),
        Column(t["delivered"], lambda r: r[1].delivered, "count"),
        Column(t["to_deliver"], lambda r: r[1].to_deliver, "count"),
        Column(t["unit_price"], lambda r: r[1].unit_price, "rupiah", total=False),
        Column(t["line_total"], lambda r: r[1].total, "rupiah"),
    ]


def items_text(order: OpenOrder, t: dict[str, str]) -> str:
    """``10 × Jilbab lukis; 2 × Batik tulis parang (dibuat khusus)``."""
    return "; ".join(
        f"{line.quantity} × {line.name}"
        + (f" ({t['made_to_order'].lower()})" if line.custom else "")
        for line in order.lines)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
