"""Reading the central store's orders as domain records (central_order_schema.py's views):
each stand's order figures, and every open order with its lines.

Whether an order is overdue depends on the moment and the stand's time zone: these records
leave it unset (False, 0) for posapp/services/event_report_orders.py to judge.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, text

from posapp.domain.open_orders import ORDER_FIGURES, OpenOrder, OrderLineItem, StandOrders


def stand_zones(conn: Connection) -> dict[str, str]:
    """Each stand's time zone, by stand code."""
    return {code: zone or "" for code, zone in conn.execute(
        text("SELECT code, timezone FROM stand"))}


def open_orders(conn: Connection) -> list[OpenOrder]:
    """Every order still open or ready, with its lines, by stand and order number."""
    lines: dict[str, list[OrderLineItem]] = defaultdict(list)
    for r in conn.execute(text(
        "SELECT l.order_id, l.line_no, l.sku, l.name, l.custom, l.unit_price, l.quantity, "
        "l.delivered, l.total FROM order_line l JOIN customer_order o ON o.id = l.order_id "
        "WHERE o.status IN ('open', 'ready') ORDER BY l.order_id, l.line_no"
    )):
        lines[r[0]].append(OrderLineItem(int(r[1]), r[2] or "", r[3] or "", bool(r[4]),
                                         int(r[5]), int(r[6]), int(r[7]), int(r[8])))
    found = []
    for r in conn.execute(text(
        "SELECT stand, province, order_no, status, taken_on, due, buyer_name, phone, email, "
        "country, address, note, total, deposits, balances, refunds, paid, balance_due, "
        "order_id FROM v_orders WHERE status IN ('open', 'ready') ORDER BY stand, order_no"
    )):
        total, deposits, balances, refunds, paid, balance_due = (int(v or 0) for v in r[12:18])
        found.append(OpenOrder(
            stand=r[0], province=r[1] or "", order_no=r[2], status=r[3], taken_on=str(r[4]),
            due=str(r[5]) if r[5] else None, buyer_name=r[6] or "", phone=r[7] or "",
            email=r[8] or "", country=r[9] or "", address=r[10] or "", note=r[11] or "",
            total=total, deposits=deposits, balances=balances, refunds=refunds, paid=paid,
            balance_due=balance_due, overdue=False, lines=tuple(lines.get(r[18], ()))))
    return found


def stand_orders(conn: Connection) -> list[StandOrders]:
    """Every stand's order figures (v_stand_order_totals), by stand code."""
    counted = tuple(f for f in ORDER_FIGURES if f != "overdue")  # the view has no clock
    found = []
    for r in conn.execute(text(
        f"SELECT stand, province, {', '.join(counted)} FROM v_stand_order_totals "
        "ORDER BY stand"
    )):
        figures = {name: int(v or 0) for name, v in zip(counted, r[2:], strict=True)}
        found.append(StandOrders(r[0], r[1] or "", **figures))
    return found
