"""Stands with a realistic day behind them, for the central store's tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from posapp.bootstrap import DataDir
from posapp.domain.cart import Cart, Discount
from posapp.domain.journal import Entry
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, returns, shifts
from posapp.services.returns import RefundItem
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, TEMPLATES, Stand, new_stand

CASH, QRIS, CARD, TRANSFER = (PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.CARD,
                              PaymentMethod.TRANSFER)


def sell(stand: Stand, items: list[tuple[str, int]], payments: list[Payment], *,
         discount: Discount | None = None, custom: tuple[str, int] | None = None) -> str:
    cart = Cart()
    for code, qty in items:
        cart.add(stand.product(code), qty)
    if custom:
        cart.add_custom(*custom)
    cart.set_discount(discount)
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart, payments).receipt_no


def busy_day(stand: Stand, *, rounds: int = 1, close: bool = True) -> None:
    """Sales by every method, a cart discount, a custom item, a void, a refund, a cash drop;
    then the shift is closed with the expected cash counted."""
    for _ in range(rounds):
        sell(stand, [("JTM-BTK-001", 1), ("JTM-JLB-001", 2)], [Payment(CASH, 700_000)])
        sell(stand, [("JTM-BTK-002", 1)], [Payment(QRIS, 325_000)])
        sell(stand, [("JTM-JLB-001", 3)], [Payment(CARD, 229_500)],
             discount=Discount.percent(10))
        sell(stand, [("JTM-TAS-001", 1)], [Payment(TRANSFER, 100_000), Payment(CASH, 50_000)],
             custom=("Batik pesanan motif parang", 30_000))
        gone = sell(stand, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
        returns.void_sale(stand.handle.uow(), gone, supervisor_name=SUPERVISOR,
                          supervisor_pin=SUPERVISOR_PIN, reason="salah input")
        back = sell(stand, [("JTM-JLB-001", 2), ("JTM-BTK-002", 1)], [Payment(CASH, 500_000)])
        returns.refund(stand.handle.uow(), back, [RefundItem("JTM-JLB-001", 1)],
                       supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                       reason="ukuran", method=CASH)
    report = shifts.move_cash(stand.handle.uow(), stand.cashier, -100_000, "setor ke panitia",
                              approval=BUDI)
    if close:
        shifts.close_shift(stand.handle.uow(), stand.cashier, report.expected_cash)


def stand_with_day(data: DataDir, code: str, catalog_path: Path, *, rounds: int = 1,
                   close: bool = True) -> Stand:
    """make_stand, then busy_day: a copy of the session's template of that day."""
    digest = hashlib.sha256(catalog_path.read_bytes()).hexdigest()

    def build(where: DataDir) -> tuple[Stand, object]:
        stand = new_stand(where, code, catalog_path)
        busy_day(stand, rounds=rounds, close=close)
        return stand, None

    return TEMPLATES.stand(data, code, ("day", digest, rounds, close), build)[0]



def central_dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every central table, in key order: equal dumps mean nothing changed."""
    from sqlalchemy import create_engine, inspect, select

    from posapp.sync import central_schema as cs

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            return {
                t.name: [tuple(r) for r in conn.execute(
                    select(t).order_by(*t.primary_key.columns)).all()]
                for t in cs.metadata.sorted_tables if t.name in present
            }
    finally:
        engine.dispose()


def journal_of(stand: Stand) -> list[Entry]:
    from posapp.services import journal

    with stand.handle.uow(write=False) as uow:
        return list(journal.iter_entries(uow.session))
