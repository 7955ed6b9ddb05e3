"""Rebuilding the central store's order rows from a stand's order.* journal entries.

A mixin of central_rows.RowBuilder: the same chunked lists and the same rule for rows an
earlier chunk stored (an UPDATE). Reserved pieces leave the stand's stock when the order is
taken and come back when it is cancelled, as at the stand.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam

from posapp.domain.journal import Entry, EventKind, entry_time
from posapp.sync import central_order_schema as co

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Connection

ORDER_TABLES = (co.customer_order, co.order_line, co.order_payment)
_COLS = [c.name for c in co.customer_order.columns]
_DELIVERED = [c.name for c in co.order_line.columns].index("delivered")
_UPDATE_ORDER = co.customer_order.update().where(co.customer_order.c.id == bindparam("b_id"))
_DELIVER = co.order_line.update().where(and_(
    co.order_line.c.order_id == bindparam("b_order"),
    co.order_line.c.line_no == bindparam("b_line"),
)).values(delivered=co.order_line.c.delivered + bindparam("b_quantity"))


class OrderRows:
    """Handlers for order events; the RowBuilder provides the attributes declared here."""

    conn: Connection | None
    code: str
    rows: dict[Any, list[Sequence[Any]]]
    time: Callable[[datetime], Any]

    def order_handlers(self) -> dict[str, Callable[[Entry, dict[str, Any]], None]]:
        self.orders: dict[str, list[Any]] = {}  # this chunk's, by id
        self.order_lines: dict[tuple[str, int], list[Any]] = {}
        self.order_updates: list[dict[str, Any]] = []
        self.deliveries: list[dict[str, Any]] = []
        return {
            EventKind.ORDER_PLACED: self._order_placed,
            EventKind.ORDER_PAID: self._order_paid,
            EventKind.ORDER_READY: self._order_ready,
            EventKind.ORDER_HANDED_OVER: self._order_handed_over,
            EventKind.ORDER_CANCELLED: self._order_cancelled,
        }

    def take_orders(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """At the chunk's end: the changes to orders stored by earlier chunks, handed over."""
        self.orders.clear()
        self.order_lines.clear()
        taken = self.order_updates, self.deliveries
        self.order_updates, self.deliveries = [], []
        return taken

    @staticmethod
    def write_orders(conn: Connection, updates: list[dict[str, Any]],
                     deliveries: list[dict[str, Any]]) -> None:
        """After the chunk's inserts: the changes to orders stored by earlier chunks."""
        for row in updates:  # few, and each has its own columns
            conn.execute(_UPDATE_ORDER, row)
        if deliveries:
            conn.execute(_DELIVER, deliveries)

    # -- events --------------------------------------------------------------------------

    def _order_placed(self, e: Entry, p: dict[str, Any]) -> None:
        at, b, order_id = entry_time(e.at), p["buyer"], p["id"]
        order = [order_id, self.code, p.get("seq", 0), p["order_no"], p["shift"],
                 p.get("cashier", ""), self.time(at), self.day(at), b["name"], b["phone"],
                 b["email"], b["country"], b["address"], p.get("due"), p.get("note", ""),
                 p["total"], "open", None, None, "", None, "", "", 0]
        self.rows[co.customer_order].append(order)
        self.orders[order_id] = order
        for ln in p["lines"]:
            line = [order_id, ln["line_no"], self.code, ln["sku"], ln["name"],
                    ln.get("category", ""), ln.get("maker_group", ""), ln.get("region", ""),
                    ln["unit_price"], ln["quantity"], ln["total"], ln.get("reserved", 0), 0,
                    ln["sku"] == "CUSTOM"]
            self.rows[co.order_line].append(line)
            self.order_lines[(order_id, ln["line_no"])] = line
            if ln.get("reserved"):
                self.move_stock(ln["sku"], -ln["reserved"])
        self._payments(e, p, at)

    def _order_paid(self, e: Entry, p: dict[str, Any]) -> None:
        self._payments(e, p, entry_time(e.at))

    def _order_ready(self, e: Entry, p: dict[str, Any]) -> None:
        self._set_order(p["id"], {"status": "ready", "ready_at": entry_time(e.at)})

    def _order_handed_over(self, e: Entry, p: dict[str, Any]) -> None:
        at = entry_time(e.at)
        self._payments(e, p, at)
        for ln in p["lines"]:
            line = self.order_lines.get((p["id"], ln["line_no"]))
            if line is not None:
                line[_DELIVERED] += ln["quantity"]
            else:
                self.deliveries.append({"b_order": p["id"], "b_line": ln["line_no"],
                                        "b_quantity": ln["quantity"]})
        values: dict[str, Any] = {"tracking": p["tracking"]} if p.get("tracking") else {}
        if p.get("complete"):
            values |= {"status": "handed_over", "handed_over_at": at}
        if values:
            self._set_order(p["id"], values)

    def _order_cancelled(self, e: Entry, p: dict[str, Any]) -> None:
        at = entry_time(e.at)
        self._payments(e, p, at)
        self._set_order(p["id"], {
            "status": "cancelled", "cancelled_at": at, "cancel_reason": p.get("reason", ""),
            "deposit_action": p.get("deposit", ""), "kept": p.get("kept", 0)})
        for back in p.get("restocked", []):
            self.move_stock(back["sku"], back["quantity"])

    # -- helpers -------------------------------------------------------------------------

    def _payments(self, e: Entry, p: dict[str, Any], at: datetime) -> None:
        rows = self.rows[co.order_payment]
        for n, pay in enumerate(p.get("payments", []), start=1):
            rows.append([self.code, e.seq, n, p["id"], p["shift"], self.time(at),
                         self.day(at), pay["kind"], pay["method"], pay["tendered"],
                         pay["amount"]])

    def _set_order(self, order_id: str, values: dict[str, Any]) -> None:
        order = self.orders.get(order_id)
        if order is None:
            self.order_updates.append({"b_id": order_id, **values})
            return
        for name, value in values.items():
            index = _COLS.index(name)
            order[index] = self.time(value) if isinstance(value, datetime) else value

    # provided by RowBuilder
    def day(self, at: datetime) -> str:
        raise NotImplementedError

    def move_stock(self, sku: str, delta: int) -> None:
        raise NotImplementedError

