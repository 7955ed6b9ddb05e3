"""Orders for later delivery, as plain rules: the buyer, what was ordered, what is paid.

An order is taken at the stand (catalog items and made-to-order pieces at an agreed price),
often with a down payment (DP); the balance is paid later, at hand-over at the latest. Its
life: open -> ready -> handed over (all lines delivered), or cancelled by a supervisor.
Every amount is whole rupiah; an order never has a balance below zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.messages import msg
from posapp.domain.money import check_amount, format_rupiah
from posapp.domain.tender import AppliedPayment, Payment, PaymentMethod, Tender, settle

MAX_LINES = 200


class OrderStatus(StrEnum):
    OPEN = "open"
    READY = "ready"
    HANDED_OVER = "handed_over"
    CANCELLED = "cancelled"


class PaymentKind(StrEnum):
    DEPOSIT = "deposit"  # the down payment, when the order is taken
    BALANCE = "balance"  # later payments, up to the hand-over
    REFUND = "refund"  # a deposit given back when the order is cancelled


@dataclass(frozen=True, slots=True)
class Buyer:
    name: str
    phone: str = ""  # phone or WhatsApp
    email: str = ""
    country: str = ""
    address: str = ""  # where to ship; empty: picked up at the stand

    @property
    def ships(self) -> bool:
        return bool(self.address)


_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,24}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_buyer(buyer: Buyer) -> Buyer:
    """The buyer's details tidied, or a one-line reason."""
    def tidy(text: str) -> str:
        return " ".join(text.split())

    b = Buyer(tidy(buyer.name), tidy(buyer.phone), tidy(buyer.email), tidy(buyer.country),
              buyer.address.strip())
    if not b.name:
        raise InvalidInput("an order needs the buyer's name")
    if len(b.name) > 120 or len(b.address) > 400 or len(b.country) > 60:
        raise InvalidInput("the buyer's name, country or address is too long")
    if b.phone and not _PHONE.match(b.phone):
        raise InvalidInput(f"'{b.phone}' is not a phone number")
    if b.email and not _EMAIL.match(b.email):
        raise InvalidInput(f"'{b.email}' is not an email address")
    if not (b.phone or b.email):
        raise InvalidInput("an order needs a phone number or an email to reach the buyer")
    return b


@dataclass(frozen=True, slots=True)
class OrderItem:
    """A line of an order: a catalog product (sku set) or a made-to-order piece (sku None)."""

    name: str
    unit_price: int
    quantity: int
    sku: str | None = None
    product_id: int | None = None
    category: str = ""
    maker_group: str = ""
    region: str = ""

    @property
    def total(self) -> int:
        return self.unit_price * self.quantity

    @property
    def custom(self) -> bool:
        return self.sku is None


def check_items(items: list[OrderItem]) -> int:
    """The order total, once every line is sound."""
    if not items:
        raise InvalidInput("an order needs at least one item")
    if len(items) > MAX_LINES:
        raise InvalidInput(f"an order holds at most {MAX_LINES} lines")
    for item in items:
        if not item.name.strip():
            raise InvalidInput("a made-to-order item needs a description")
        if not 1 <= item.quantity <= 10_000:
            raise InvalidInput(f"{item.name}: the quantity must be 1 to 10,000")
        check_amount(item.unit_price, what=msg("amount.price_of", name=item.name))
        if item.unit_price == 0:
            raise InvalidInput(f"{item.name}: an order line needs a price above Rp 0")
    return check_amount(sum(i.total for i in items), what=msg("amount.order_total"))


def check_due(due: date | None, today: date) -> None:
    if due is not None and due < today:
        raise InvalidInput(f"the due date {due.isoformat()} has already passed")


def take_deposit(total: int, payments: list[Payment]) -> Tender:
    """The down payment: any part of the total, never more, and no change given."""
    if not payments:
        return Tender(payments=(), change=0)
    paid = sum(check_amount(p.tendered, what=msg("amount.method_deposit", method=p.method.value))
               for p in payments)
    if paid > total:
        raise InvalidInput(f"a deposit of {format_rupiah(paid)} is more than the order total "
                           f"of {format_rupiah(total)}")
    return _partial(paid, payments)


def pay_toward(due: int, payments: list[Payment]) -> Tender:
    """Payments against a balance of *due*: less is a part payment; more is only possible
    in cash (the change is given back), so the balance never goes below zero."""
    if not payments:
        raise InvalidInput("say how the buyer pays (METHOD=AMOUNT)")
    if due <= 0:
        raise NotAllowed("this order is paid in full: there is nothing left to pay")
    paid = sum(check_amount(p.tendered, what=msg("amount.method_payment", method=p.method.value))
               for p in payments)
    if paid <= due:
        return _partial(paid, payments)
    return settle(due, payments)


def _partial(paid: int, payments: list[Payment]) -> Tender:
    """*payments* all counted in full (together at most what is due): no change."""
    merged: dict[PaymentMethod, int] = {}
    for p in payments:
        if p.tendered == 0:
            raise InvalidInput(f"a {p.method.value} payment of Rp 0 makes no sense")
        merged[p.method] = merged.get(p.method, 0) + p.tendered
    settle(paid, [Payment(m, v) for m, v in merged.items()])  # the QRIS cap and the like
    return Tender(payments=tuple(AppliedPayment(m, v, v) for m, v in merged.items()),
                  change=0)


def can_move(status: OrderStatus, to: OrderStatus, number: str) -> None:
    """Refuse a step an order in *status* cannot take."""
    if status is OrderStatus.CANCELLED:
        raise NotAllowed(f"order {number} was cancelled")
    if status is OrderStatus.HANDED_OVER:
        what = {OrderStatus.CANCELLED: "cancelled", OrderStatus.READY: "marked ready"}.get(
            to, "handed over again")
        raise NotAllowed(f"order {number} was already handed over: it cannot be {what}")
