"""A stand's money totals, and the same figures folded from its journal entries (pure).

The central store computes totals in SQL from the rows it rebuilt; ``fold`` computes them
straight from the entries (an export file's, or a stand's journal). Reconciling compares the
two, so a bug in either path shows up as a named stand, not as a silently wrong report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from posapp.domain.journal import Entry, EventKind
from posapp.domain.report import MethodTotals


@dataclass
class Totals:
    sales_count: int = 0
    gross: int = 0
    discounts: int = 0
    voids_count: int = 0
    refunds_count: int = 0
    refunds: int = 0
    methods: dict[str, MethodTotals] = field(default_factory=dict)
    orders_placed: int = 0
    #: order money apart from sales: {"deposit"|"balance"|"refund": {method: amount}}
    order_money: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def sales_total(self) -> int:
        return self.gross - self.discounts

    @property
    def net(self) -> int:
        return self.sales_total - self.refunds

    def figures(self) -> dict[str, Any]:
        """Every figure as plain JSON values; two Totals agree when their figures are equal."""
        return {
            "sales_count": self.sales_count, "gross": self.gross, "discounts": self.discounts,
            "sales_total": self.sales_total, "voids_count": self.voids_count,
            "refunds_count": self.refunds_count, "refunds": self.refunds, "net": self.net,
            "methods": {
                m: {"sales": t.sales, "refunds": t.refunds, "net": t.net}
                for m, t in sorted(self.methods.items()) if t.sales or t.refunds
            },
            "orders": self.orders_figures(),
        }

    def orders_figures(self) -> dict[str, Any]:
        """Order money in the form of the Z report's "orders" (OrderMoney.payload)."""
        kinds = {k: {m: a for m, a in sorted(self.order_money.get(k, {}).items()) if a}
                 for k in ("deposit", "balance", "refund")}
        return {"placed": self.orders_placed, "deposits": kinds["deposit"],
                "balances": kinds["balance"], "refunds": kinds["refund"],
                "net": sum(kinds["deposit"].values()) + sum(kinds["balance"].values())
                - sum(kinds["refund"].values())}

    def add_order_money(self, kind: str, method: str, amount: int) -> None:
        by_method = self.order_money.setdefault(kind, {})
        by_method[method] = by_method.get(method, 0) + amount

    def add(self, other: Totals) -> None:
        self.sales_count += other.sales_count
        self.gross += other.gross
        self.discounts += other.discounts
        self.voids_count += other.voids_count
        self.refunds_count += other.refunds_count
        self.refunds += other.refunds
        for m, t in other.methods.items():
            mine = self.methods.get(m, MethodTotals())
            self.methods[m] = MethodTotals(mine.sales + t.sales, mine.refunds + t.refunds)
        self.orders_placed += other.orders_placed
        for kind, by_method in other.order_money.items():
            for method, amount in by_method.items():
                self.add_order_money(kind, method, amount)

    def add_method(self, method: str, sales: int = 0, refunds: int = 0) -> None:
        t = self.methods.get(method, MethodTotals())
        self.methods[method] = MethodTotals(t.sales + sales, t.refunds + refunds)


def differences(a: Totals, b: Totals) -> list[str]:
    """The names of the figures where *a* and *b* differ ("net", "methods.cash.sales", ...)."""
    fa, fb = _flat(a.figures()), _flat(b.figures())
    return sorted(k for k in fa.keys() | fb.keys() if fa.get(k, 0) != fb.get(k, 0))


def fold(entries: Iterable[Entry]) -> Totals:
    """Sales, voids, refunds and order money of *entries* (one stand's, in order)."""
    totals = Totals()
    sales: dict[str, tuple[int, int, list[tuple[str, int]]]] = {}
    for e in entries:
        if e.kind == EventKind.SALE_COMPLETED:
            p = json.loads(e.payload)
            pays = [(pay["method"], pay["amount"]) for pay in p["payments"]]
            sales[p["id"]] = (p["subtotal"], p["discount"], pays)
            totals.sales_count += 1
            totals.gross += p["subtotal"]
            totals.discounts += p["discount"]
            for method, amount in pays:
                totals.add_method(method, sales=amount)
        elif e.kind == EventKind.SALE_VOIDED:
            p = json.loads(e.payload)
            subtotal, discount, pays = sales.pop(p["sale"], (0, 0, []))
            totals.sales_count -= 1
            totals.voids_count += 1
            totals.gross -= subtotal
            totals.discounts -= discount
            for method, amount in pays:
                totals.add_method(method, sales=-amount)
        elif e.kind == EventKind.SALE_REFUNDED:
            p = json.loads(e.payload)
            totals.refunds_count += 1
            totals.refunds += p["amount"]
            totals.add_method(p["method"], refunds=p["amount"])
        elif e.kind in _ORDER_MONEY:
            p = json.loads(e.payload)
            totals.orders_placed += int(e.kind == EventKind.ORDER_PLACED)
            for pay in p.get("payments", []):
                totals.add_order_money(pay["kind"], pay["method"], pay["amount"])
    return totals


_ORDER_MONEY = {EventKind.ORDER_PLACED, EventKind.ORDER_PAID, EventKind.ORDER_HANDED_OVER,
                EventKind.ORDER_CANCELLED}


def _flat(figures: dict[str, Any], prefix: str = "") -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out
