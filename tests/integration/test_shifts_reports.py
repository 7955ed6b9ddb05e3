"""Shifts and the X/Z report: expected cash, over/short, per method."""

from __future__ import annotations

import pytest

from posapp.domain.cart import Cart
from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.tender import Payment, PaymentMethod
from posapp.printing.text_report import render_shift_report
from posapp.services import checkout, reports, shifts
from tests.conftest import BUDI, Stand


def sell(stand: Stand, code: str, qty: int, *payments: Payment) -> None:
    cart = Cart()
    cart.add(stand.product(code), qty)
    checkout.checkout(stand.handle.uow(), stand.cashier, cart, list(payments))


def test_z_report_counts_cash_and_over_short(jatim: Stand) -> None:
    sell(jatim, "JTM-JLB-001", 2, Payment(PaymentMethod.CASH, 200_000))   # 170.000
    sell(jatim, "JTM-BTK-001", 1, Payment(PaymentMethod.QRIS, 450_000))
    sell(jatim, "JTM-BTK-002", 1, Payment(PaymentMethod.CARD, 300_000),
         Payment(PaymentMethod.CASH, 50_000))                             # 25.000 cash
    shifts.move_cash(jatim.handle.uow(), jatim.cashier, -100_000, "setor ke panitia", approval=BUDI)
    z = shifts.close_shift(jatim.handle.uow(), jatim.cashier, 590_000)
    assert z.kind == "Z"
    assert (z.sales_count, z.gross, z.net) == (3, 945_000, 945_000)
    assert z.methods["cash"].net == 195_000
    assert z.methods["qris"].net == 450_000 and z.methods["card"].net == 300_000
    assert z.expected_cash == 500_000 + 195_000 - 100_000
    assert z.over_short == -5_000
    text = render_shift_report(z, header=["Pameran HANI", "Stand JATIM"], zone=jatim_zone(),
                               printed_at=z.closed_at, width=32)
    assert "LAPORAN Z" in text
    assert "Rp 945.000" in text and "-Rp 5.000" in text
    assert max(len(line) for line in text.splitlines()) <= 32


def jatim_zone():  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Jakarta")


def test_only_one_shift_open(jatim: Stand) -> None:
    with pytest.raises(NotAllowed, match="already open"):
        shifts.open_shift(jatim.handle.uow(), jatim.cashier, 0)


def test_cash_out_cannot_exceed_the_drawer(jatim: Stand) -> None:
    with pytest.raises(InvalidInput, match="cannot take out"):
        shifts.move_cash(jatim.handle.uow(), jatim.cashier, -600_000, "setor", approval=BUDI)


def test_x_report_is_the_open_shift(jatim: Stand) -> None:
    sell(jatim, "JTM-JLB-001", 1, Payment(PaymentMethod.CASH, 85_000))
    with jatim.handle.uow(write=False) as uow:
        x = reports.shift_report(uow, shifts.require_open_shift(uow))
    assert x.kind == "X" and x.counted_cash is None and x.net == 85_000
