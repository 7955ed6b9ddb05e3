"""The event report PDF's orders section (ReportLab platypus): the order money apart from
sales, the orders per stand, and the list of open orders with the overdue ones marked."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from posapp.printing.event_report_text import day_text
from posapp.printing.pdf_event_style import Fonts, Numbers
from posapp.printing.pdf_event_tables import column_widths, grid, texts
from posapp.services.event_report_orders import OrdersSummary, StandOrders, today_in

LATE = colors.HexColor("#B03A2E")
OVERDUE_MARK = "!"


def orders_section(summary: OrdersSummary, zone: str, t: dict[str, str],
                   st: dict[str, ParagraphStyle], fmt: Numbers, fonts: Fonts, width: float,
                   lang: str) -> list[Flowable]:
    """Heading, the note that order money is not in the sales, the order money, the orders
    per stand (the stands that took any) and the open orders."""
    today = day_text(today_in(zone, summary.checked_at), lang, "d MMM y")
    out: list[Flowable] = [
        Paragraph(_esc(t["orders"]), st["h1"]),
        Paragraph(_esc(t["orders_note"]), st["small"]), Spacer(1, 6),
        order_money(summary.total, t, fmt, fonts, width * 0.6),
        Paragraph(_esc(t["orders_per_stand"]), st["h2"]),
        stand_orders(summary.with_orders(), summary.total, t, fmt, fonts, width),
        Paragraph(_esc(t["open_orders_title"]), st["h2"]),
    ]
    if not summary.open:
        return [*out, Paragraph(_esc(t["no_open_orders"]), st["body"])]
    return [*out, open_orders(summary, t, fmt, fonts, width, lang), Spacer(1, 4),
            Paragraph(_esc(t["overdue_note"].format(day=today)), st["small"])]


def order_money(o: StandOrders, t: dict[str, str], fmt: Numbers, fonts: Fonts,
                width: float) -> Table:
    rows = [
        [t["orders_count"], fmt.count(o.orders)],
        [t["ordered"], fmt.rp(o.ordered)],
        [t["deposits"], fmt.rp(o.deposits)],
        [t["balances"], fmt.rp(o.balances)],
        [t["deposits_refunded"], fmt.rp(-o.deposits_refunded)],
    ]
    return grid([t["key_figures"], ""], rows, [width * 0.6, width * 0.4], fonts, numeric_from=1,
                total=[t["order_money"], fmt.rp(o.order_money)])


def stand_orders(stands: list[StandOrders], total: StandOrders, t: dict[str, str],
                 fmt: Numbers, fonts: Fonts, width: float) -> Table:
    """Per stand: orders, open, overdue, handed over, cancelled, deposits held and balances
    due, and the TOTAL row (of every stand)."""
    header = [t["code"], t["province"], t["orders_count"], t["open_orders"], t["overdue"],
              t["handed_over"], t["cancelled"], t["deposits_held"], t["balances_due"]]

    def figures(s: StandOrders) -> list[str]:
        return [fmt.count(s.orders), fmt.count(s.open_orders), fmt.count(s.overdue),
                fmt.count(s.handed_over), fmt.count(s.cancelled), fmt.rp(s.deposits_held),
                fmt.rp(s.balances_due)]

    rows: list[list[Any]] = [[s.stand, s.province, *figures(s)] for s in stands]
    last = [t["total"], "", *figures(total)]
    widths = column_widths(width, texts(header, rows, last), {1: 1.0}, fonts)
    return grid(header, rows, widths, fonts, numeric_from=2, total=last)


def open_orders(summary: OrdersSummary, t: dict[str, str], fmt: Numbers, fonts: Fonts,
                width: float, lang: str) -> Table:
    """Every open order: number, stand, buyer, country, due date (``!`` when overdue),
    total, paid and balance due; overdue rows in red; the TOTAL row."""
    header = [t["order_no"], t["stand"], t["buyer"], t["country"], t["due"],
              t["order_total"], t["paid"], t["balance_due"]]
    rows: list[list[Any]] = []
    for o in summary.open:
        due = day_text(o.due, lang, "d MMM y") if o.due else "—"
        rows.append([o.order_no, o.stand, o.buyer_name, o.country or "—",
                     f"{due} {OVERDUE_MARK}" if o.overdue else due,
                     fmt.rp(o.total), fmt.rp(o.paid), fmt.rp(o.balance_due)])
    last = [t["total"], "", "", "", "", fmt.rp(sum(o.total for o in summary.open)),
            fmt.rp(sum(o.paid for o in summary.open)),
            fmt.rp(sum(o.balance_due for o in summary.open))]
    widths = column_widths(width, texts(header, rows, last), {2: 1.6, 3: 0.8}, fonts)
    table = grid(header, rows, widths, fonts, numeric_from=5, total=last)
    late = [("TEXTCOLOR", (0, i + 1), (-1, i + 1), LATE)
            for i, o in enumerate(summary.open) if o.overdue]
    if late:
        table.setStyle(TableStyle(late))
    return table


def stand_line(s: StandOrders, t: dict[str, str], fmt: Numbers) -> str:
    """One line for a stand's page: its orders, open and overdue, deposits held, balances due."""
    return t["orders_line"].format(orders=fmt.count(s.orders), open=fmt.count(s.open_orders),
                                   overdue=fmt.count(s.overdue), held=fmt.rp(s.deposits_held),
                                   due=fmt.rp(s.balances_due))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
