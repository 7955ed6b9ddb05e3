"""A shift's running figures, and the change one action makes to them (pure).

The X report, the Z report and closing a shift read these figures instead of scanning the
shift's sales. Every action that changes money in a shift (a sale, a void, a refund, a cash
movement, an order's deposit, balance or refund) says its change as a ``ShiftFigures``
*delta* built here, and ``posapp.store.shift_totals.apply`` adds it in the same transaction
(the one place that writes them). A recount from the rows gives the same ``ShiftFigures``;
``differences`` names where two disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: Kinds of money by method: a sale's payments, a refund, and order money (deposits,
#: balances, deposits given back), each "order." plus ``posapp.domain.order.PaymentKind``.
SALE, REFUND, ORDER = "sale", "refund", "order."

#: How many products sold past zero stock a report lists: the largest by units. The rest
#: are counted ("and N more"); the stock itself shows every product below zero
#: (``posapp.domain.report`` shows it; kept here, so a sale need not load the report).
OVERSOLD_LISTED = 50

#: The whole-shift counters, in the order of the ``shift_total`` table's columns.
COUNTERS = ("sales_count", "gross", "discounts", "voids_count", "voids_total",
            "refunds_count", "refunds_total", "cash_in", "cash_out", "orders_placed")


@dataclass
class ShiftFigures:
    """Counters of a shift, money by (kind, method), units sold past zero stock by
    (sku, name); amounts in whole rupiah. As a delta, the same fields hold the change."""

    sales_count: int = 0  # kept sales (not voided)
    gross: int = 0  # their subtotals
    discounts: int = 0
    voids_count: int = 0
    voids_total: int = 0
    refunds_count: int = 0
    refunds_total: int = 0
    cash_in: int = 0
    cash_out: int = 0
    orders_placed: int = 0
    money: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, method)
    #: (sku, name): units. Read, it holds the largest few (``shift_totals.read``); the two
    #: figures below count them all (kept by ``apply``, not part of a delta).
    oversold: dict[tuple[str, str], int] = field(default_factory=dict)
    oversold_products: int = 0
    oversold_units: int = 0

    def counters(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTERS}

    def add(self, other: ShiftFigures, sign: int = 1) -> ShiftFigures:
        """Add *other* (times *sign*) to these figures; returns self."""
        for name in COUNTERS:
            setattr(self, name, getattr(self, name) + sign * getattr(other, name))
        for key, amount in other.money.items():
            self.money[key] = self.money.get(key, 0) + sign * amount
        for key, qty in other.oversold.items():
            self.oversold[key] = self.oversold.get(key, 0) + sign * qty
        return self

    def flat(self) -> dict[str, int]:
        """Every figure by a readable name ("gross", "money.sale.cash",
        "oversold.JTM-BTK-001 Batik"); a figure of zero is left out."""
        out = {name: value for name, value in self.counters().items()}
        out |= {f"money.{kind}.{method}": v for (kind, method), v in self.money.items()}
        out |= {f"oversold.{sku} {name}": q for (sku, name), q in self.oversold.items()}
        out |= {"oversold_products": self.oversold_products,
                "oversold_units": self.oversold_units}
        return {k: v for k, v in out.items() if v}


def count_oversold(figures: ShiftFigures) -> ShiftFigures:
    """Set the two oversold counts from the whole list in *figures*; returns it."""
    figures.oversold_products = sum(1 for q in figures.oversold.values() if q > 0)
    figures.oversold_units = sum(q for q in figures.oversold.values() if q > 0)
    return figures


def largest_oversold(oversold: dict[tuple[str, str], int],
                     limit: int) -> list[tuple[str, str, int]]:
    """The *limit* largest (sku, name, units) above zero: most units first, then by SKU
    and name (the order ``shift_totals.read`` reads them in)."""
    items = [(sku, name, q) for (sku, name), q in oversold.items() if q > 0]
    items.sort(key=lambda item: (-item[2], item[0], item[1]))
    return items[:limit]


def differences(running: ShiftFigures, recounted: ShiftFigures) -> list[tuple[str, int, int]]:
    """(figure, running, recounted) for each figure where the two disagree, by name."""
    a, b = running.flat(), recounted.flat()
    return [(k, a.get(k, 0), b.get(k, 0)) for k in sorted(a.keys() | b.keys())
            if a.get(k, 0) != b.get(k, 0)]


def sale_delta(subtotal: int, discount: int, payments: Iterable[tuple[str, int]],
               oversold: Iterable[tuple[str, str, int]]) -> ShiftFigures:
    """A sale completed: its subtotal and discount, its *payments* (method, amount) and
    its lines' units sold past zero stock (sku, name, units)."""
    delta = ShiftFigures(sales_count=1, gross=subtotal, discounts=discount)
    for method, amount in payments:
        _add(delta.money, (SALE, method), amount)
    for sku, name, units in oversold:
        if units:
            _add(delta.oversold, (sku, name), units)
    return delta


def void_delta(sale: ShiftFigures, total: int) -> ShiftFigures:
    """A sale voided: *sale* (its ``sale_delta``) taken out again, counted as a void."""
    return ShiftFigures(voids_count=1, voids_total=total).add(sale, -1)


def refund_delta(method: str, amount: int) -> ShiftFigures:
    return ShiftFigures(refunds_count=1, refunds_total=amount, money={(REFUND, method): amount})


def cash_delta(amount: int) -> ShiftFigures:
    """Cash put in (positive) or taken out (negative)."""
    return ShiftFigures(cash_in=max(amount, 0), cash_out=max(-amount, 0))


def order_delta(payments: Iterable[tuple[str, str, int]], *, placed: bool = False) -> (
    ShiftFigures
):
    """Order money: *payments* as (kind, method, amount), kind a ``PaymentKind`` value;
    *placed*: an order taken in the shift."""
    delta = ShiftFigures(orders_placed=int(placed))
    for kind, method, amount in payments:
        _add(delta.money, (ORDER + kind, method), amount)
    return delta


def _add(into: dict[tuple[str, str], int], key: tuple[str, str], amount: int) -> None:
    into[key] = into.get(key, 0) + amount
