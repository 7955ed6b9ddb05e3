"""The event report PDF's orders section (ReportLab platypus): the order money apart from
sales, the orders per stand, and the list of open orders with the overdue ones marked."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from posapp.domain.open_order_columns import OPEN_ORDER_COLUMNS, STAND_ORDER_COLUMNS
from posapp.domain.open_orders import OrdersSummary, StandOrders, today_in
from posapp.domain.report_columns import Where, position, shown_in
from posapp.printing.event_report_text import Words, day_text
from posapp.printing.pdf_event_style import Fonts, Numbers
from posapp.printing.pdf_event_tables import Cells, column_table, column_widths, grid, texts

LATE = colors.HexColor("#B03A2E")
OVERDUE_MARK = "!"


def orders_section(summary: OrdersSummary, cells: Cells, st: dict[str, ParagraphStyle],
                   fonts: Fonts, width: float) -> list[Flowable]:
    """Heading, the note that order money is not in the sales, the order money, the orders
    per stand (the stands that took any) and the open orders."""
    w = cells.w
    today = day_text(today_in(cells.zone, summary.checked_at), w.lang, "d MMM y")
    out: list[Flowable] = [
        Paragraph(_esc(w.say("event_report.orders")), st["h1"]),
        Paragraph(_esc(w.say("event_report.orders_note")), st["small"]), Spacer(1, 6),
        order_money(summary.total, w, cells.fmt, fonts, width * 0.6),
        Paragraph(_esc(w.say("event_report.orders_per_stand")), st["h2"]),
        column_table(STAND_ORDER_COLUMNS, summary.with_orders(), cells, fonts, width),
        Paragraph(_esc(w.say("event_report.open_orders_title")), st["h2"]),
    ]
    if not summary.open:
        return [*out, Paragraph(_esc(w.say("event_report.no_open_orders")), st["body"])]
    return [*out, open_orders(summary, cells, fonts, width), Spacer(1, 4),
            Paragraph(_esc(w.say("event_report.overdue_note", day=today)), st["small"])]


def order_money(o: StandOrders, w: Words, fmt: Numbers, fonts: Fonts, width: float) -> Table:
    rows = [
        [w.say("event_report.orders_count"), fmt.count(o.orders)],
        [w.say("event_report.ordered"), fmt.rp(o.ordered)],
        [w.say("event_report.deposits"), fmt.rp(o.deposits)],
        [w.say("event_report.balances"), fmt.rp(o.balances)],
        [w.say("event_report.deposits_refunded"), fmt.rp(-o.deposits_refunded)],
    ]
    return grid([w.say("event_report.key_figures"), ""], rows, [width * 0.6, width * 0.4],
                fonts, figures=[False, True],
                total=[w.say("event_report.order_money"), fmt.rp(o.order_money)])


def open_orders(summary: OrdersSummary, cells: Cells, fonts: Fonts, width: float) -> Table:
    """Every open order (OPEN_ORDER_COLUMNS), the overdue ones in red with ``!`` after their
    due date, and the TOTAL row."""
    shown = shown_in(OPEN_ORDER_COLUMNS, Where.PDF)
    header, body = cells.header(shown), cells.body(shown, summary.open)
    due = position(shown, "event_report.due")
    for row, o in zip(body, summary.open, strict=True):
        if o.overdue:
            row[due] = f"{row[due]} {OVERDUE_MARK}"
    last = cells.total(shown, summary.open)
    figures = [c.is_figure for c in shown]
    widths = column_widths(width, texts(header, body, last), figures, fonts)
    table = grid(header, body, widths, fonts, figures=figures, total=last)
    late: list[tuple[Any, ...]] = [("TEXTCOLOR", (0, i + 1), (-1, i + 1), LATE)
                                   for i, o in enumerate(summary.open) if o.overdue]
    if late:
        table.setStyle(TableStyle(late))
    return table


def stand_line(s: StandOrders, w: Words, fmt: Numbers) -> str:
    """One line for a stand's page: its orders, open and overdue, deposits held, balances due
    (the amounts written as the report writes them: Numbers)."""
    return w.say("event_report.orders_line", orders=s.orders, open=s.open_orders,
                 overdue=s.overdue, held=fmt.rp(s.deposits_held), due=fmt.rp(s.balances_due))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
