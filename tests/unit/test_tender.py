from __future__ import annotations

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.tender import Payment, PaymentMethod, settle

CASH, QRIS, CARD = PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.CARD


def test_cash_gives_change() -> None:
    t = settle(85_000, [Payment(CASH, 100_000)])
    assert t.change == 15_000
    assert [(p.method, p.tendered, p.amount) for p in t.payments] == [(CASH, 100_000, 85_000)]


def test_split_card_and_cash() -> None:
    t = settle(255_000, [Payment(QRIS, 200_000), Payment(CASH, 100_000)])
    assert t.change == 45_000
    assert {p.method: p.amount for p in t.payments} == {CASH: 55_000, QRIS: 200_000}
    assert sum(p.amount for p in t.payments) == 255_000


def test_short_payment() -> None:
    with pytest.raises(InvalidInput, match=r"payment short.*Rp 5\.000 missing"):
        settle(85_000, [Payment(CASH, 80_000)])


def test_no_change_from_card() -> None:
    with pytest.raises(InvalidInput, match="no change"):
        settle(85_000, [Payment(CARD, 100_000)])
    with pytest.raises(InvalidInput, match="no change"):
        settle(85_000, [Payment(CARD, 90_000), Payment(CASH, 10_000)])


def test_same_method_twice_is_merged() -> None:
    t = settle(150_000, [Payment(CASH, 100_000), Payment(CASH, 100_000)])
    assert len(t.payments) == 1 and t.change == 50_000


def test_unknown_method_and_zero() -> None:
    with pytest.raises(InvalidInput, match="unknown payment method"):
        PaymentMethod.parse("gopay")
    with pytest.raises(InvalidInput):
        settle(1_000, [Payment(CASH, 0)])


def test_one_qris_payment_is_capped_at_ten_million() -> None:
    with pytest.raises(InvalidInput, match=r"QRIS payment is at most Rp 10\.000\.000"):
        settle(12_000_000, [Payment(QRIS, 12_000_000)])
    t = settle(12_000_000, [Payment(QRIS, 10_000_000), Payment(QRIS, 2_000_000)])
    assert t.change == 0 and t.tendered == 12_000_000
