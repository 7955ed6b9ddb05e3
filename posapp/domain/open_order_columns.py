"""The orders' tables, one column list each, shared by the event report's PDF
(printing/pdf_event_orders.py), the workbooks (printing/xlsx_orders.py) and the organizer
window's orders tab (ui/organizer/orders.py).

A new column is one line in its table's list plus its header's words in the catalogs
(see posapp/domain/report_columns.py for the kinds of values).
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.domain.messages import Message, msg, text
from posapp.domain.open_orders import OpenOrder, OrderLineItem, StandOrders
from posapp.domain.report_columns import Column, Kind, Where

MONEY, COUNT, DAY = Kind.MONEY, Kind.COUNT, Kind.DAY
XLSX, WINDOW = Where.XLSX, Where.WINDOW

YES = msg("event_report.yes")
STATUS = {"open": msg("event_report.status_open"), "ready": msg("event_report.status_ready")}


def status_named(status: str) -> str | Message:
    """An order's status in words (the code when posapp does not know it)."""
    return STATUS.get(status, status)


def yes_if(flag: bool) -> Message | str:
    return YES if flag else ""


@dataclass(frozen=True)
class OrderItems:
    """An order's lines on one line: ``10 × Jilbab lukis; 2 × Batik (dibuat khusus)``."""

    lines: tuple[OrderLineItem, ...]

    def each(self, lang: str) -> list[str]:
        """A text per line: ``2 × Batik (dibuat khusus)``."""
        made = text("event_report.made_to_order", lang).lower()
        return [f"{line.quantity} × {line.name}" + (f" ({made})" if line.custom else "")
                for line in self.lines]

    def text(self, lang: str) -> str:
        return "; ".join(self.each(lang))


#: The stands' orders (StandOrders), one row per stand.
STAND_ORDER_COLUMNS: tuple[Column[StandOrders], ...] = (
    Column(msg("event_report.code"), lambda s: s.stand),
    Column(msg("event_report.province"), lambda s: s.province),
    Column(msg("event_report.orders_count"), lambda s: s.orders, COUNT),
    Column(msg("event_report.open_orders"), lambda s: s.open_orders, COUNT),
    Column(msg("event_report.overdue"), lambda s: s.overdue, COUNT),
    Column(msg("event_report.handed_over"), lambda s: s.handed_over, COUNT),
    Column(msg("event_report.cancelled"), lambda s: s.cancelled, COUNT),
    Column(msg("event_report.ordered"), lambda s: s.ordered, MONEY, XLSX),
    Column(msg("event_report.deposits"), lambda s: s.deposits, MONEY, XLSX),
    Column(msg("event_report.balances"), lambda s: s.balances, MONEY, XLSX),
    Column(msg("event_report.deposits_refunded"), lambda s: s.deposits_refunded, MONEY, XLSX),
    Column(msg("event_report.order_money"), lambda s: s.order_money, MONEY, XLSX),
    Column(msg("event_report.deposits_held"), lambda s: s.deposits_held, MONEY),
    Column(msg("event_report.balances_due"), lambda s: s.balances_due, MONEY),
)

#: The open orders (OpenOrder), one row each.
OPEN_ORDER_COLUMNS: tuple[Column[OpenOrder], ...] = (
    Column(msg("event_report.order_no"), lambda o: o.order_no),
    Column(msg("event_report.stand"), lambda o: o.stand),
    Column(msg("event_report.status"), lambda o: status_named(o.status), where=XLSX | WINDOW),
    Column(msg("event_report.taken_on"), lambda o: o.taken_on, DAY, XLSX),
    Column(msg("event_report.buyer"), lambda o: o.buyer_name),
    Column(msg("event_report.phone"), lambda o: o.phone, where=XLSX),
    Column(msg("event_report.email"), lambda o: o.email, where=XLSX),
    Column(msg("event_report.country"), lambda o: o.country or None),
    Column(msg("event_report.address"), lambda o: o.address or msg("event_report.pick_up"),
           where=XLSX),
    Column(msg("event_report.items"), lambda o: OrderItems(o.lines), where=XLSX),
    Column(msg("event_report.note"), lambda o: o.note, where=XLSX),
    Column(msg("event_report.due"), lambda o: o.due, DAY),
    Column(msg("event_report.overdue"), lambda o: yes_if(o.overdue), where=XLSX),
    Column(msg("event_report.order_total"), lambda o: o.total, MONEY),
    Column(msg("event_report.paid"), lambda o: o.paid, MONEY),
    Column(msg("event_report.balance_due"), lambda o: o.balance_due, MONEY),
)

OrderLine = tuple[OpenOrder, OrderLineItem]

#: The open orders' lines (an order and one of its lines), for whoever delivers them.
ORDER_LINE_COLUMNS: tuple[Column[OrderLine], ...] = (
    Column(msg("event_report.stand"), lambda r: r[0].stand),
    Column(msg("event_report.order_no"), lambda r: r[0].order_no),
    Column(msg("event_report.buyer"), lambda r: r[0].buyer_name),
    Column(msg("event_report.due"), lambda r: r[0].due, DAY),
    Column(msg("event_report.overdue"), lambda r: yes_if(r[0].overdue)),
    Column(msg("event_report.line_no"), lambda r: r[1].line_no, COUNT, total=False),
    Column(msg("event_report.sku"), lambda r: "" if r[1].custom else r[1].sku),
    Column(msg("event_report.item"), lambda r: r[1].name),
    Column(msg("event_report.made_to_order"), lambda r: yes_if(r[1].custom)),
    Column(msg("event_report.quantity"), lambda r: r[1].quantity, COUNT),
    Column(msg("event_report.delivered"), lambda r: r[1].delivered, COUNT),
    Column(msg("event_report.to_deliver"), lambda r: r[1].to_deliver, COUNT),
    Column(msg("event_report.unit_price"), lambda r: r[1].unit_price, MONEY, total=False),
    Column(msg("event_report.line_total"), lambda r: r[1].total, MONEY),
)
