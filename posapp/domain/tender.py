"""Payments against a total: several methods at once, change only from cash."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import N_, Message, msg
from posapp.domain.money import check_amount

#: One QRIS payment is capped at Rp 10.000.000 (Bank Indonesia's limit per transaction).
QRIS_MAX_PER_PAYMENT = 10_000_000


class PaymentMethod(StrEnum):
    CASH = "cash"
    QRIS = "qris"
    CARD = "card"
    TRANSFER = "transfer"

    @classmethod
    def parse(cls, text: str) -> PaymentMethod:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput("payment.unknown_method", text=text,
                               methods=[m.value for m in cls]) from None

    @property
    def info(self) -> MethodInfo:
        return _INFO[self]

    @property
    def label(self) -> Message:
        """The method's name, to say in any language (``.text(lang)``)."""
        return msg(_INFO[self].label)


@dataclass(frozen=True, slots=True)
class MethodInfo:
    """What every screen, paper and report knows of a payment method, declared once."""

    method: PaymentMethod
    label: str  # the message id of its name
    key: str  # its key in the payment panel
    gives_change: bool  # only cash: a card, QRIS or transfer is never more than is due


#: The payment methods in the order every screen, receipt and report lists them.
PAYMENT_METHODS: tuple[MethodInfo, ...] = (
    MethodInfo(PaymentMethod.CASH, N_("payment_method.cash"), "Alt+1", gives_change=True),
    MethodInfo(PaymentMethod.QRIS, N_("payment_method.qris"), "Alt+2", gives_change=False),
    MethodInfo(PaymentMethod.CARD, N_("payment_method.card"), "Alt+3", gives_change=False),
    MethodInfo(PaymentMethod.TRANSFER, N_("payment_method.transfer"), "Alt+4",
               gives_change=False),
)
_INFO = {info.method: info for info in PAYMENT_METHODS}


def method_label(method: str | PaymentMethod, lang: str) -> str:
    """The name of *method* (a method or its code) in *lang*; an unknown code as itself."""
    try:
        return PaymentMethod(method).label.text(lang)
    except ValueError:
        return str(method)


@dataclass(frozen=True, slots=True)
class Payment:
    """What the buyer handed over by one method."""

    method: PaymentMethod
    tendered: int


@dataclass(frozen=True, slots=True)
class AppliedPayment:
    """A payment as it counts towards the sale: cash net of change."""

    method: PaymentMethod
    tendered: int
    amount: int


@dataclass(frozen=True, slots=True)
class Tender:
    payments: tuple[AppliedPayment, ...]
    change: int

    @property
    def tendered(self) -> int:
        return sum(p.tendered for p in self.payments)


def settle(total: int, payments: list[Payment]) -> Tender:
    """Check *payments* cover *total*, and work out the change (from cash only).

    Payments of one method are merged. Non-cash payments may not exceed what is
    still due after them, since a card, QRIS or transfer cannot give change.
    """
    merged: dict[PaymentMethod, int] = {}
    for p in payments:
        check_amount(p.tendered, what=msg("amount.method_payment", method=p.method.value))
        if p.tendered == 0:
            raise InvalidInput("payment.zero", method=p.method.label)
        if p.method is PaymentMethod.QRIS and p.tendered > QRIS_MAX_PER_PAYMENT:
            raise InvalidInput("payment.qris_above_max", max=QRIS_MAX_PER_PAYMENT)
        merged[p.method] = check_amount(merged.get(p.method, 0) + p.tendered,
                                        what=msg("amount.payment"))
    cash = sum(v for m, v in merged.items() if m.info.gives_change)
    non_cash = sum(v for m, v in merged.items() if not m.info.gives_change)
    tendered = cash + non_cash
    if tendered < total:
        raise InvalidInput("payment.short", paid=tendered, due=total, missing=total - tendered)
    if non_cash > total:
        raise InvalidInput("payment.no_change_from_non_cash", non_cash=non_cash, total=total)
    change = tendered - total
    applied = tuple(
        AppliedPayment(m, v, v - change if m.info.gives_change else v)
        for m, v in sorted(merged.items(), key=lambda kv: list(PaymentMethod).index(kv[0]))
    )
    return Tender(payments=applied, change=change)
