"""Checkout on a real stand database: totals, stock, receipt numbers, journal."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, journal, shifts
from posapp.store.models import JournalRow, SaleLineRow, SaleRow
from tests.conftest import Stand, dump_database

CASH, QRIS, CARD = PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.CARD


def sell(stand: Stand, items: list[tuple[str, int]], payments: list[Payment],
         discount: Discount | None = None) -> checkout.SaleResult:
    cart = Cart()
    for code, qty in items:
        cart.add(stand.product(code), qty)
    cart.set_discount(discount)
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart, payments)


def test_receipt_numbers_are_gap_free_per_stand(jatim: Stand) -> None:
    numbers = [sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 100_000)]).receipt_no
               for _ in range(3)]
    assert numbers == ["JATIM-000001", "JATIM-000002", "JATIM-000003"]


def test_sale_rows_snapshot_names_and_prices(jatim: Stand) -> None:
    sale = sell(jatim, [("JTM-BTK-001", 2), ("8991234500031", 3)],
                [Payment(QRIS, 1_000_000), Payment(CASH, 200_000)], Discount.percent(10))
    assert sale.total == 1_039_500  # (900.000 + 255.000) - 10 %
    assert sale.change == 160_500
    with jatim.handle.uow(write=False) as uow:
        row = uow.session.scalar(select(SaleRow).where(SaleRow.receipt_no == sale.receipt_no))
        lines = uow.session.scalars(select(SaleLineRow).order_by(SaleLineRow.line_no)).all()
        assert row.total == 1_039_500 and row.discount == 115_500
        assert [(ln.name, ln.unit_price, ln.quantity) for ln in lines] == [
            ("Batik Tulis Madura Motif Sekar Jagad", 450_000, 2),
            ("Jilbab Lukis Bunga Teratai", 85_000, 3),
        ]
        assert sum(ln.total for ln in lines) == row.total
        assert {p.method: p.amount for p in row.payments} == {"qris": 1_000_000,
                                                               "cash": 39_500}
    assert jatim.product("JTM-BTK-001").stock == 3
    assert jatim.product("JTM-JLB-001").stock == 17


def test_selling_past_zero_stock_is_allowed_and_reported(jatim: Stand) -> None:
    sell(jatim, [("JTM-TAS-001", 3)], [Payment(CASH, 360_000)])
    assert jatim.product("JTM-TAS-001").stock == -2
    with jatim.handle.uow(write=False) as uow:
        from posapp.services.reports import shift_report

        report = shift_report(uow, shifts.require_open_shift(uow))
    assert [(o.sku, o.quantity) for o in report.oversold] == [("JTM-TAS-001", 2)]


def test_sale_is_journaled_in_the_same_transaction(jatim: Stand) -> None:
    sale = sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    with jatim.handle.uow(write=False) as uow:
        entry = uow.session.scalar(select(JournalRow).where(JournalRow.kind == "sale.completed"))
        payload = json.loads(entry.payload)
        assert payload["receipt_no"] == sale.receipt_no and payload["total"] == 85_000
        assert journal.verify(uow).ok


@pytest.mark.parametrize(
    ("payments", "message"),
    [
        ([Payment(CASH, 80_000)], "payment short"),
        ([Payment(CARD, 100_000)], "no change"),
        ([Payment(CASH, 10_000_000_001)], "above"),
    ],
)
def test_refused_payment_changes_nothing(jatim: Stand, payments: list[Payment],
                                         message: str) -> None:
    before = dump_database(jatim.path)
    with pytest.raises(InvalidInput, match=message):
        sell(jatim, [("JTM-JLB-001", 1)], payments)
    assert dump_database(jatim.path) == before


def test_no_sale_without_an_open_shift(jatim: Stand) -> None:
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)
    before = dump_database(jatim.path)
    with pytest.raises(NotAllowed, match="no shift is open"):
        sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    assert dump_database(jatim.path) == before


def test_empty_cart_is_refused(jatim: Stand) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        checkout.checkout(jatim.handle.uow(), jatim.cashier, Cart(), [Payment(CASH, 1)])
