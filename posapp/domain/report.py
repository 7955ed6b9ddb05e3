"""The figures of an X (mid-shift) or Z (closing) report, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from posapp.domain.order import PaymentKind
from posapp.domain.shift_figures import OVERSOLD_LISTED as OVERSOLD_LISTED  # kept there
from posapp.domain.tender import PaymentMethod


@dataclass(frozen=True)
class MethodTotals:
    sales: int = 0
    refunds: int = 0

    @property
    def net(self) -> int:
        return self.sales - self.refunds




class Oversold(NamedTuple):
    """Units of one product sold past zero stock in a shift."""

    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class OrderMoney:
    """Money of orders in a shift, kept apart from sales: deposits taken when orders were
    placed, balances paid later, deposits given back on cancelling; by payment method."""

    placed: int = 0  # orders taken in the shift
    deposits: dict[str, int] = field(default_factory=dict)
    balances: dict[str, int] = field(default_factory=dict)
    refunds: dict[str, int] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.placed or self.deposits or self.balances or self.refunds)

    @property
    def net(self) -> int:
        return sum(self.deposits.values()) + sum(self.balances.values()) \
            - sum(self.refunds.values())

    def of_kind(self, kind: PaymentKind) -> dict[str, int]:
        """The amounts of one kind of order payment, by method."""
        return {PaymentKind.DEPOSIT: self.deposits, PaymentKind.BALANCE: self.balances,
                PaymentKind.REFUND: self.refunds}[kind]

    def net_of(self, method: str) -> int:
        return (self.deposits.get(method, 0) + self.balances.get(method, 0)
                - self.refunds.get(method, 0))

    def payload(self) -> dict[str, Any]:
        return {"placed": self.placed, "deposits": dict(sorted(self.deposits.items())),
                "balances": dict(sorted(self.balances.items())),
                "refunds": dict(sorted(self.refunds.items())), "net": self.net}


@dataclass(frozen=True)
class ShiftReport:
    """What a cashier and a supervisor read at the session; amounts in whole rupiah."""

    shift_id: str
    shift_number: int
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    closed_by: str | None
    opening_float: int
    sales_count: int
    gross: int
    discounts: int
    voids_count: int
    voids_total: int
    refunds_count: int
    refunds_total: int
    cash_in: int
    cash_out: int
    methods: dict[str, MethodTotals]
    counted_cash: int | None
    oversold: list[Oversold] = field(default_factory=list)  # the largest, OVERSOLD_LISTED
    oversold_products: int = 0  # every product sold past zero stock, listed or not
    oversold_units: int = 0
    orders: OrderMoney = field(default_factory=OrderMoney)

    @property
    def kind(self) -> str:
        return "Z" if self.closed_at is not None else "X"

    @property
    def sales_total(self) -> int:
        return self.gross - self.discounts

    @property
    def net(self) -> int:
        return self.sales_total - self.refunds_total

    @property
    def expected_cash(self) -> int:
        cash = self.methods.get(PaymentMethod.CASH.value, MethodTotals())
        return (self.opening_float + self.cash_in - self.cash_out + cash.net
                + self.orders.net_of(PaymentMethod.CASH.value))

    @property
    def over_short(self) -> int | None:
        return None if self.counted_cash is None else self.counted_cash - self.expected_cash

    def totals_payload(self) -> dict[str, Any]:
        """The figures as plain JSON values (for the journal and ``--json``)."""
        return {
            "sales_count": self.sales_count,
            "gross": self.gross,
            "discounts": self.discounts,
            "sales_total": self.sales_total,
            "voids_count": self.voids_count,
            "voids_total": self.voids_total,
            "refunds_count": self.refunds_count,
            "refunds_total": self.refunds_total,
            "net": self.net,
            "methods": {
                m: {"sales": t.sales, "refunds": t.refunds, "net": t.net}
                for m, t in self.methods.items()
            },
            "opening_float": self.opening_float,
            "cash_in": self.cash_in,
            "cash_out": self.cash_out,
            "expected_cash": self.expected_cash,
            "counted_cash": self.counted_cash,
            "over_short": self.over_short,
            "oversold": [
                {"sku": o.sku, "name": o.name, "quantity": o.quantity} for o in self.oversold
            ],
            "oversold_products": self.oversold_products,
            "oversold_units": self.oversold_units,
            "orders": self.orders.payload(),
        }
