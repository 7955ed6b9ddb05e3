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
from posapp.domain.messages import N_, Message, msg
from posapp.domain.money import check_amount
from posapp.domain.tender import AppliedPayment, Payment, PaymentMethod, Tender, settle
from posapp.domain.text import TextKind, clean_text

MAX_LINES = 200
MAX_QUANTITY = 10_000


class OrderStatus(StrEnum):
    OPEN = "open"
    READY = "ready"
    HANDED_OVER = "handed_over"
    CANCELLED = "cancelled"

    @property
    def info(self) -> StatusInfo:
        return _STATUS[self]

    @property
    def label(self) -> Message:
        """The status's name on screen, to say in any language (``.text(lang)``)."""
        return msg(_STATUS[self].label)


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """What every screen, slip and report knows of an order status, declared once."""

    status: OrderStatus
    label: str  # the message id of its name on screen ("Handed over")
    slip_label: str  # ... and on the order slip, in capitals ("HANDED OVER")
    to_collect: bool  # still to be paid for and handed over: the orders a stand waits on


#: The order statuses in the order of their life, as every screen lists them.
ORDER_STATUSES: tuple[StatusInfo, ...] = (
    StatusInfo(OrderStatus.OPEN, N_("order_status.open"), N_("slip.status_open"),
               to_collect=True),
    StatusInfo(OrderStatus.READY, N_("order_status.ready"), N_("slip.status_ready"),
               to_collect=True),
    StatusInfo(OrderStatus.HANDED_OVER, N_("order_status.handed_over"),
               N_("slip.status_handed_over"), to_collect=False),
    StatusInfo(OrderStatus.CANCELLED, N_("order_status.cancelled"),
               N_("slip.status_cancelled"), to_collect=False),
)
_STATUS = {info.status: info for info in ORDER_STATUSES}
#: The statuses of orders still to collect (open and ready).
TO_COLLECT: tuple[OrderStatus, ...] = tuple(i.status for i in ORDER_STATUSES if i.to_collect)


class PaymentKind(StrEnum):
    DEPOSIT = "deposit"  # the down payment, when the order is taken
    BALANCE = "balance"  # later payments, up to the hand-over
    REFUND = "refund"  # a deposit given back when the order is cancelled

    @property
    def info(self) -> PaymentKindInfo:
        return _KIND[self]

    @property
    def label(self) -> Message:
        """The kind's name on screen, to say in any language (``.text(lang)``)."""
        return msg(_KIND[self].label)


@dataclass(frozen=True, slots=True)
class PaymentKindInfo:
    """What every screen, slip and report knows of a kind of order payment, declared once."""

    kind: PaymentKind
    label: str  # the message id of its name on screen ("Deposit")
    slip_label: str  # ... on the order slip, before the method ("Deposit refunded")
    report_label: str  # ... on the X and Z reports, over its methods ("Deposits (DP)")
    amount_label: str  # ... naming its amount in a refusal ("cash deposit")
    sign: int  # 1: money taken for the order; -1: money given back


#: The kinds of order payment, in the order of an order's life (screens, slips, reports).
PAYMENT_KINDS: tuple[PaymentKindInfo, ...] = (
    PaymentKindInfo(PaymentKind.DEPOSIT, N_("order_payment.deposit"), N_("slip.deposit"),
                    N_("shift_report.deposits"), N_("amount.method_deposit"), sign=1),
    PaymentKindInfo(PaymentKind.BALANCE, N_("order_payment.balance"), N_("slip.balance"),
                    N_("shift_report.balances"), N_("amount.method_balance"), sign=1),
    PaymentKindInfo(PaymentKind.REFUND, N_("order_payment.refund"), N_("slip.refund"),
                    N_("shift_report.order_refunds"), N_("amount.method_refund"), sign=-1),
)
_KIND = {info.kind: info for info in PAYMENT_KINDS}


def status_label(status: str | OrderStatus, lang: str) -> str:
    """The name of *status* (a status or its code) in *lang*; an unknown code as itself."""
    try:
        return OrderStatus(status).label.text(lang)
    except ValueError:
        return str(status)


def kind_label(kind: str | PaymentKind, lang: str) -> str:
    """The name of a payment *kind* (a kind or its code) in *lang*; an unknown one as itself."""
    try:
        return PaymentKind(kind).label.text(lang)
    except ValueError:
        return str(kind)


def kind_sign(kind: str | PaymentKind) -> int:
    """1 for money taken for an order, -1 for money given back (a refund)."""
    return PaymentKind(kind).info.sign


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
        return clean_text(text, TextKind.CONTACT)

    b = Buyer(clean_text(buyer.name, TextKind.NAME), tidy(buyer.phone), tidy(buyer.email),
              tidy(buyer.country), clean_text(buyer.address, TextKind.ADDRESS))
    if not b.name:
        raise InvalidInput("order.buyer_name_missing")
    if len(b.name) > 120 or len(b.address) > 400 or len(b.country) > 60:
        raise InvalidInput("order.buyer_too_long")
    if b.phone and not _PHONE.match(b.phone):
        raise InvalidInput("order.bad_phone", phone=b.phone)
    if b.email and not _EMAIL.match(b.email):
        raise InvalidInput("order.bad_email", email=b.email)
    if not (b.phone or b.email):
        raise InvalidInput("order.no_contact")
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
        raise InvalidInput("order.no_items")
    if len(items) > MAX_LINES:
        raise InvalidInput("order.too_many_lines", max=MAX_LINES)
    for item in items:
        if not clean_text(item.name, TextKind.NAME):
            raise InvalidInput("order.item_needs_description")
        if not 1 <= item.quantity <= MAX_QUANTITY:
            raise InvalidInput("order.bad_quantity", name=item.name, max=MAX_QUANTITY)
        check_amount(item.unit_price, what=msg("amount.price_of", name=item.name))
        if item.unit_price == 0:
            raise InvalidInput("order.line_needs_price", name=item.name)
    return check_amount(sum(i.total for i in items), what=msg("amount.order_total"))


def check_due(due: date | None, today: date) -> None:
    if due is not None and due < today:
        raise InvalidInput("order.due_passed", due=due.isoformat())


def take_deposit(total: int, payments: list[Payment]) -> Tender:
    """The down payment: any part of the total, never more, and no change given."""
    if not payments:
        return Tender(payments=(), change=0)
    paid = sum(check_amount(p.tendered, what=msg("amount.method_deposit", method=p.method.value))
               for p in payments)
    if paid > total:
        raise InvalidInput("order.deposit_above_total", paid=paid, total=total)
    return _partial(paid, payments)


def pay_toward(due: int, payments: list[Payment]) -> Tender:
    """Payments against a balance of *due*: less is a part payment; more is only possible
    in cash (the change is given back), so the balance never goes below zero."""
    if not payments:
        raise InvalidInput("order.no_payments")
    if due <= 0:
        raise NotAllowed("order.paid_in_full")
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
            raise InvalidInput("payment.zero", method=p.method.label)
        merged[p.method] = merged.get(p.method, 0) + p.tendered
    settle(paid, [Payment(m, v) for m, v in merged.items()])  # the QRIS cap and the like
    return Tender(payments=tuple(AppliedPayment(m, v, v) for m, v in merged.items()),
                  change=0)


def can_move(status: OrderStatus, to: OrderStatus, number: str) -> None:
    """Refuse a step an order in *status* cannot take."""
    if status is OrderStatus.CANCELLED:
        raise NotAllowed("order.cancelled", order=number)
    if status is OrderStatus.HANDED_OVER:
        if to is OrderStatus.CANCELLED:
            raise NotAllowed("order.handed_over_no_cancel", order=number)
        if to is OrderStatus.READY:
            raise NotAllowed("order.handed_over_no_ready", order=number)
        raise NotAllowed("order.already_handed_over", order=number)
