"""Products sold past zero stock on the X and Z report: the largest listed, most units
first, the rest counted; the counts kept through voids, recounted, backfilled, and
printed as a cashier reads them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.cart import Cart
from posapp.domain.catalog import CatalogRow
from posapp.domain.journal import EventKind
from posapp.domain.report import OVERSOLD_LISTED, ShiftReport
from posapp.domain.tender import Payment, PaymentMethod
from posapp.printing.text_report import render_shift_report
from posapp.services import catalog, checkout, reports, returns, shifts
from posapp.services.shift_recount import audit
from posapp.services.users import Approval
from posapp.store.models import JournalRow
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand

PRICE = 10_000
EXTRA = 7  # products past the listed ones


def add_empty_products(stand: Stand, count: int) -> list[str]:
    """*count* new products with no stock (as a real import would add them)."""
    skus = [f"JTM-OVR-{n:03d}" for n in range(count)]
    rows = [CatalogRow(n + 2, sku, None, f"Sarung {n:03d}", "Tenun", "Kelompok Tenun",
                       "Jawa Timur", PRICE, 0) for n, sku in enumerate(skus)]
    catalog.import_catalog(stand.handle.uow(), rows,
                           approval=Approval(SUPERVISOR, SUPERVISOR_PIN))
    return skus


def sell(stand: Stand, lines: list[tuple[str, int]]) -> Any:
    cart = Cart()
    for sku, quantity in lines:
        cart.add(stand.product(sku), quantity)
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart,
                             [Payment(PaymentMethod.CASH, cart.totals().total)])


def report(stand: Stand) -> ShiftReport:
    with stand.handle.uow(write=False) as uow:
        shift = shifts.require_open_shift(uow)
        assert audit(uow, shift.id) == []  # the running counts agree with a recount
        return reports.shift_report(uow, shift)


def test_the_largest_are_listed_and_the_rest_counted(jatim: Stand) -> None:
    skus = add_empty_products(jatim, OVERSOLD_LISTED + EXTRA)
    # units: product n sold (n % 5) + 1 times past zero; in two sales for some
    units = {sku: n % 5 + 1 for n, sku in enumerate(skus)}
    sell(jatim, [(sku, q) for sku, q in units.items() if q < 3])
    sell(jatim, [(sku, q) for sku, q in units.items() if q >= 3])
    sell(jatim, [(skus[0], 4)])  # one more sale of the first: 5 units in all
    units[skus[0]] += 4

    got = report(jatim)
    want = sorted(units.items(), key=lambda item: (-item[1], item[0]))
    assert [(o.sku, o.quantity) for o in got.oversold] == want[:OVERSOLD_LISTED]
    assert got.oversold[0].sku == skus[0] and got.oversold[0].name == "Sarung 000"
    assert got.oversold_products == OVERSOLD_LISTED + EXTRA
    assert got.oversold_units == sum(units.values())

    text = render_shift_report(got, header=["Stand Jawa Timur"], zone=ZoneInfo("Asia/Jakarta"),
                               printed_at=got.opened_at)
    rest = sum(q for _, q in want[OVERSOLD_LISTED:])
    assert f"dan {EXTRA} produk lain ({rest} unit);" in " ".join(text.split())
    assert all(len(line) <= 42 for line in text.splitlines())
    assert text.count("x\n") >= OVERSOLD_LISTED  # one line per listed product


def test_a_void_and_a_refund_take_units_back_from_the_counts(jatim: Stand) -> None:
    skus = add_empty_products(jatim, 3)
    sell(jatim, [(skus[0], 2), (skus[1], 1)])
    voided = sell(jatim, [(skus[1], 2), (skus[2], 3)])
    assert (report(jatim).oversold_products, report(jatim).oversold_units) == (3, 8)

    returns.void_sale(jatim.handle.uow(), voided.receipt_no, reason="salah input",
                      supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                      actor=jatim.cashier)
    after = report(jatim)
    assert [(o.sku, o.quantity) for o in after.oversold] == [(skus[0], 2), (skus[1], 1)]
    assert (after.oversold_products, after.oversold_units) == (2, 3)


def test_closing_journals_the_listed_ones_and_the_counts(jatim: Stand) -> None:
    skus = add_empty_products(jatim, OVERSOLD_LISTED + EXTRA)
    sell(jatim, [(sku, 1) for sku in skus])
    with jatim.handle.uow(write=False) as uow:
        expected = reports.shift_report(uow, shifts.require_open_shift(uow)).expected_cash
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, expected,
                       supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN)
    with jatim.handle.uow(write=False) as uow:
        payload = json.loads(uow.session.scalar(select(JournalRow.payload).where(
            JournalRow.kind == EventKind.SHIFT_CLOSED)))
    totals = payload["totals"]
    assert [o["sku"] for o in totals["oversold"]] == skus[:OVERSOLD_LISTED]  # ties: by SKU
    assert totals["oversold_products"] == totals["oversold_units"] == OVERSOLD_LISTED + EXTRA


def test_a_database_of_schema_0007_gets_its_counts(jatim: Stand, data_dir: DataDir) -> None:
    skus = add_empty_products(jatim, 4)
    sell(jatim, [(skus[0], 3), (skus[1], 1)])
    sell(jatim, [(skus[2], 2)])
    want = report(jatim)
    jatim.handle.close()
    conn = sqlite3.connect(jatim.path)  # as posapp of schema 0007 left it
    conn.executescript("DROP INDEX ix_shift_oversold_largest; "
                       "ALTER TABLE shift_total DROP COLUMN oversold_products; "
                       "ALTER TABLE shift_total DROP COLUMN oversold_units; "
                       "UPDATE alembic_version SET version_num = '0007';")
    conn.close()
    handle = open_stand(data_dir, "JATIM")
    try:
        with handle.uow(write=False) as uow:
            shift = shifts.require_open_shift(uow)
            got = reports.shift_report(uow, shift)
            assert audit(uow, shift.id) == []
    finally:
        handle.close()
    assert (got.oversold_products, got.oversold_units) == (3, 6)
    assert got == want
