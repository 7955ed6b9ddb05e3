"""Voids and refunds: supervisor only, never more than sold, stock and money back."""

from __future__ import annotations

import pytest

from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import InvalidInput, NotAllowed, NotFound
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, reports, returns, shifts
from tests.conftest import (
    CASHIER,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    Stand,
    dump_database,
    wrong_pins,
)

CASH, CARD = PaymentMethod.CASH, PaymentMethod.CARD


def sell(stand: Stand, items: list[tuple[str, int]], pay: int,
         discount: Discount | None = None) -> str:
    cart = Cart()
    for code, qty in items:
        cart.add(stand.product(code), qty)
    cart.set_discount(discount)
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart,
                             [Payment(CASH, pay)]).receipt_no


def refund(stand: Stand, receipt: str, items: list[tuple[str, int]], *, who: str = SUPERVISOR,
           pin: str = SUPERVISOR_PIN, method: PaymentMethod = CASH) -> returns.RefundResult:
    return returns.refund(
        stand.handle.uow(), receipt, [returns.RefundItem(c, q) for c, q in items],
        supervisor_name=who, supervisor_pin=pin, reason="warna tidak cocok", method=method)


def report(stand: Stand):  # type: ignore[no-untyped-def]
    with stand.handle.uow(write=False) as uow:
        return reports.shift_report(uow, shifts.require_open_shift(uow))


def test_void_restores_stock_and_leaves_the_totals(jatim: Stand) -> None:
    receipt = sell(jatim, [("JTM-JLB-001", 2)], 200_000)
    result = returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=SUPERVISOR,
                               supervisor_pin=SUPERVISOR_PIN, reason="salah input")
    assert result.total == 170_000
    assert jatim.product("JTM-JLB-001").stock == 20
    r = report(jatim)
    assert (r.sales_count, r.net, r.voids_count, r.voids_total) == (0, 0, 1, 170_000)
    assert r.expected_cash == 500_000


@pytest.mark.parametrize(("who", "pin", "message"), [
    (CASHIER, CASHIER_PIN, "supervisor"),
    (SUPERVISOR, "0000", "wrong name or PIN"),
])
def test_void_refused_for_cashier_or_wrong_pin(jatim: Stand, who: str, pin: str,
                                               message: str) -> None:
    receipt = sell(jatim, [("JTM-JLB-001", 1)], 85_000)
    before = dump_database(jatim.path)
    with pytest.raises(NotAllowed, match=message):
        returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=who, supervisor_pin=pin,
                          reason="x")
    assert dump_database(jatim.path, but=("pin_failure",)) == before
    assert wrong_pins(jatim.path) == ({SUPERVISOR: 1} if pin != CASHIER_PIN else {})


def test_void_of_an_earlier_shift_is_refused(jatim: Stand) -> None:
    receipt = sell(jatim, [("JTM-JLB-001", 1)], 85_000)
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 585_000)
    shifts.open_shift(jatim.handle.uow(), jatim.cashier, 100_000)
    with pytest.raises(NotAllowed, match="earlier shift"):
        returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=SUPERVISOR,
                          supervisor_pin=SUPERVISOR_PIN, reason="x")


def test_partial_then_full_refund_gives_back_exactly_what_was_paid(jatim: Stand) -> None:
    # 3 x 85.000 with 10 % off = 229.500; thirds are 76.500 each.
    receipt = sell(jatim, [("JTM-JLB-001", 3), ("JTM-BTK-002", 1)], 600_000,
                   Discount.percent("3.3"))
    first = refund(jatim, receipt, [("JTM-JLB-001", 1)])
    second = refund(jatim, receipt, [("8991234500031", 2), ("JTM-BTK-002", 1)])
    r = report(jatim)
    assert first.amount + second.amount == r.sales_total
    assert r.net == 0
    assert jatim.product("JTM-JLB-001").stock == 20
    assert first.refund_no == "JATIM-R00001" and second.refund_no == "JATIM-R00002"


def test_refund_larger_than_sold_is_refused(jatim: Stand) -> None:
    receipt = sell(jatim, [("JTM-JLB-001", 2)], 170_000)
    refund(jatim, receipt, [("JTM-JLB-001", 1)])
    before = dump_database(jatim.path)
    with pytest.raises(InvalidInput, match="only 1 of 2"):
        refund(jatim, receipt, [("JTM-JLB-001", 2)])
    with pytest.raises(NotFound, match="not on receipt"):
        refund(jatim, receipt, [("JTM-BTK-001", 1)])
    with pytest.raises(NotAllowed):
        refund(jatim, receipt, [("JTM-JLB-001", 1)], who=CASHIER, pin=CASHIER_PIN)
    assert dump_database(jatim.path) == before


def test_card_refund_moves_no_cash(jatim: Stand) -> None:
    receipt = sell(jatim, [("JTM-JLB-001", 1)], 85_000)
    refund(jatim, receipt, [("JTM-JLB-001", 1)], method=CARD)
    r = report(jatim)
    assert r.methods["card"].refunds == 85_000
    assert r.expected_cash == 585_000


def test_refund_of_unknown_receipt(jatim: Stand) -> None:
    with pytest.raises(NotFound, match="JATIM-999999"):
        refund(jatim, "JATIM-999999", [("JTM-JLB-001", 1)])


def test_sale_detail_tells_what_is_left_to_refund(jatim: Stand) -> None:
    from posapp.services.history import sale_detail

    receipt = sell(jatim, [("JTM-JLB-001", 2), ("JTM-BTK-002", 1)], 600_000)
    refund(jatim, receipt, [("JTM-JLB-001", 1)])
    detail = sale_detail(jatim.handle.uow(write=False), receipt)
    assert [(ln.sku, ln.quantity, ln.refunded, ln.refundable) for ln in detail.lines] == [
        ("JTM-JLB-001", 2, 1, 1), ("JTM-BTK-002", 1, 0, 1)]
    assert detail.line_for_code("8991234500031").line_no == 1
    assert detail.refunded == 85_000 and detail.payments == (("cash", 600_000),)
