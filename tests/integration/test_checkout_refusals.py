"""A sale the database refuses half-way leaves the stand as it was and says why in one line.

Checkout runs its statements on the stand's own sqlite3 cursor (``store/prepared.py``); a
refusal there must still roll the whole sale back and reach the cashier as the same one-line
``StorageError`` as any other database refusal. A trigger stands in for a disk that fails
at each table the sale writes.
"""

from __future__ import annotations

import sqlite3

import pytest

from posapp.domain.cart import Cart
from posapp.domain.errors import NotFound, StorageError
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, reports, shifts
from tests.conftest import Stand, dump_database

CASH = PaymentMethod.CASH


def _cart(stand: Stand) -> Cart:
    cart = Cart()
    cart.add(stand.product("JTM-JLB-001"), 2)
    cart.add(stand.product("JTM-TAS-001"), 3)  # one in stock: two sold past zero
    return cart


def _refuse(stand: Stand, sql: str) -> None:
    conn = sqlite3.connect(stand.path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(("table", "event"), [
    ("product", "UPDATE"),
    ("sale", "INSERT"),
    ("sale_line", "INSERT"),
    ("payment", "INSERT"),
    ("shift_total", "UPDATE"),
    ("shift_money", "INSERT"),
    ("shift_oversold", "INSERT"),
    ("journal", "INSERT"),
])
def test_a_refused_write_anywhere_in_the_sale_leaves_nothing(jatim: Stand, table: str,
                                                              event: str) -> None:
    first = checkout.checkout(jatim.handle.uow(), jatim.cashier, _cart(jatim),
                              [Payment(CASH, 600_000)])  # the shift's rows exist
    _refuse(jatim, f"CREATE TRIGGER fail_{table} BEFORE {event} ON {table} "
                   "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    before = dump_database(jatim.path)
    with pytest.raises(StorageError) as refused:
        checkout.checkout(jatim.handle.uow(), jatim.cashier, _cart(jatim),
                          [Payment(CASH, 600_000)])
    assert "\n" not in str(refused.value)
    assert "disk" in str(refused.value).lower()
    assert dump_database(jatim.path) == before
    _refuse(jatim, f"DROP TRIGGER fail_{table}")
    again = checkout.checkout(jatim.handle.uow(), jatim.cashier, _cart(jatim),
                              [Payment(CASH, 600_000)])
    assert int(again.receipt_no[-6:]) == int(first.receipt_no[-6:]) + 1  # no gap
    with jatim.handle.uow(write=False) as uow:
        report = reports.shift_report(uow, shifts.require_open_shift(uow))
    assert report.sales_count == 2
    assert report.gross == 2 * first.total
    assert [(o.sku, o.quantity) for o in report.oversold] == [("JTM-TAS-001", 2 + 3)]


def test_a_product_deleted_before_payment_is_refused_by_its_code(jatim: Stand) -> None:
    cart = _cart(jatim)
    _refuse(jatim, "DELETE FROM product WHERE sku = 'JTM-TAS-001'")
    before = dump_database(jatim.path)
    with pytest.raises(NotFound, match="JTM-TAS-001"):
        checkout.checkout(jatim.handle.uow(), jatim.cashier, cart, [Payment(CASH, 600_000)])
    assert dump_database(jatim.path) == before
