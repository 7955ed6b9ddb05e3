"""Payments against a total: several methods at once, change only from cash."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posapp.domain.errors import InvalidInput
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
        check_amount(p.tendered, what=f"{p.method.value} payment")
        if p.tendered == 0:
            raise InvalidInput("payment.zero", method=p.method.value)
        if p.method is PaymentMethod.QRIS and p.tendered > QRIS_MAX_PER_PAYMENT:
            raise InvalidInput("payment.qris_above_max", max=QRIS_MAX_PER_PAYMENT)
        merged[p.method] = check_amount(merged.get(p.method, 0) + p.tendered, what="payment")
    cash = merged.get(PaymentMethod.CASH, 0)
    non_cash = sum(v for m, v in merged.items() if m is not PaymentMethod.CASH)
    tendered = cash + non_cash
    if tendered < total:
        raise InvalidInput("payment.short", paid=tendered, due=total, missing=total - tendered)
    if non_cash > total:
        raise InvalidInput("payment.no_change_from_non_cash", non_cash=non_cash, total=total)
    change = tendered - total
    applied = tuple(
        AppliedPayment(m, v, v - change if m is PaymentMethod.CASH else v)
        for m, v in sorted(merged.items(), key=lambda kv: list(PaymentMethod).index(kv[0]))
    )
    return Tender(payments=applied, change=change)
