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
        }

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

    def add_method(self, method: str, sales: int = 0, refunds: int = 0) -> None:
        t = self.methods.get(method, MethodTotals())
        self.methods[method] = MethodTotals(t.sales + sales, t.refunds + refunds)


def differences(a: Totals, b: Totals) -> list[str]:
    """The names of the figures where *a* and *b* differ ("net", "methods.cash.sales", ...)."""
    fa, fb = _flat(a.figures()), _flat(b.figures())
    return sorted(k for k in fa.keys() | fb.keys() if fa.get(k, 0) != fb.get(k, 0))


def fold(entries: Iterable[Entry]) -> Totals:
    """Sales, voids and refunds of *entries* (one stand's, in order) as totals."""
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
    return totals


def _flat(figures: dict[str, Any], prefix: str = "") -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out
