"""Orders reach the central store once, with their money apart from sales, and the two
days' Z reports agree with it to the rupiah (issue 6, "done when"); SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.tender import Payment
from posapp.domain.totals import fold
from posapp.services import (
    catalog,
    central_totals,
    order_fulfil,
    orders,
    shifts,
    stand,
    sync,
    users,
)
from posapp.services.catalog_files import read_catalog_file
from posapp.sync.central_store import Central
from tests.central.stands import CASH, QRIS, TRANSFER, journal_of, sell
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand

DELEGATE = Buyer("Ms. Nguyen Thi Lan", phone="+84 90 123 4567", country="Vietnam",
                 address="12 Hang Bac, Hanoi")


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def rows(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_an_order_paid_and_handed_over_two_days_later_lands_once(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    clock = Clock(datetime(2026, 6, 24, 3, 0))  # 10:00 in Jakarta
    handle = open_stand(DataDir(tmp_path / "data"), "JATIM", create=True, clock=clock)
    stand.set_up(handle.uow(), code="JATIM", name="Stand JATIM", province="Jawa Timur",
                 event_name="HANI 2026")
    catalog.import_catalog(handle.uow(), read_catalog_file(catalog_file))
    ani = users.add_user(handle.uow(), "Ani", users.Role.CASHIER, "1234")
    users.add_user(handle.uow(), SUPERVISOR, users.Role.SUPERVISOR, SUPERVISOR_PIN)
    s = Stand(DataDir(tmp_path / "data"), handle, ani)

    # Day 1: a sale, an order with a deposit, another order cancelled with its deposit back.
    shifts.open_shift(handle.uow(), ani, 500_000)
    sell(s, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    hijabs = s.product("JTM-JLB-001")
    taken = orders.place(
        handle.uow(), ani, DELEGATE,
        [OrderItem(hijabs.name, hijabs.price, 10, sku=hijabs.sku, product_id=hijabs.id,
                   category=hijabs.category, maker_group=hijabs.maker_group),
         OrderItem("Batik tulis motif parang, biru, 2 m", 1_250_000, 2)],
        due=date(2026, 6, 26), deposit=[Payment(CASH, 1_000_000)]).order
    other = orders.place(handle.uow(), ani, Buyer("Pak Joko", phone="0812 3456 7890"),
                         [OrderItem("Tas anyaman pandan, hijau", 150_000, 3)],
                         deposit=[Payment(QRIS, 200_000)]).order
    order_fulfil.cancel(handle.uow(), other.order_no, supervisor_name=SUPERVISOR,
                        supervisor_pin=SUPERVISOR_PIN, reason="batal", deposit="refund",
                        method=QRIS)
    z1 = shifts.close_shift(handle.uow(), ani, 500_000 + 85_000 + 1_000_000)
    sync.sync_stand(handle.uow, central_url)

    # Day 3: the buyer comes back, pays the balance and takes everything.
    clock.at = datetime(2026, 6, 26, 4, 30)
    shifts.open_shift(handle.uow(), ani, 300_000)
    done = order_fulfil.hand_over(handle.uow(), ani, taken.order_no,
                                  payments=[Payment(TRANSFER, 2_350_000)],
                                  tracking="diambil sendiri")
    z2 = shifts.close_shift(handle.uow(), ani, 300_000)
    for _ in range(2):
        sync.sync_stand(handle.uow, central_url)

    assert done.complete and z1.over_short == z2.over_short == 0
    assert rows(central_url, "SELECT order_no, status, taken_on, due, total, deposits, "
                             "balances, refunds, paid, balance_due FROM v_orders "
                             "ORDER BY order_no") == [
        ("JATIM-P00001", "handed_over", "2026-06-24", "2026-06-26", 3_350_000, 1_000_000,
         2_350_000, 0, 3_350_000, 0),
        ("JATIM-P00002", "cancelled", "2026-06-24", None, 450_000, 200_000, 0, 200_000, 0, 0),
    ]
    assert rows(central_url, "SELECT l.delivered FROM order_line l JOIN customer_order o "
                             "ON o.id = l.order_id WHERE o.order_no = 'JATIM-P00001' "
                             "ORDER BY l.line_no") == [(10,), (2,)]
    with Central(central_url) as central:
        assert central_totals.check_z_reports(central) == []
        (jatim,) = central_totals.stand_totals(central)
    assert jatim.totals.figures() == fold(journal_of(s)).figures()
    z_orders = [z1.orders.payload(), z2.orders.payload()]
    assert jatim.totals.orders_figures()["net"] == sum(z["net"] for z in z_orders) == 3_350_000
    assert jatim.totals.net == z1.net + z2.net == 85_000  # orders are not sales
    assert rows(central_url, "SELECT stock FROM product WHERE sku = 'JTM-JLB-001'") == [
        (s.product("JTM-JLB-001").stock,)]
    handle.close()


def test_open_orders_per_stand_deposits_held_and_balances_due(
        central_url: str, jatim: Stand) -> None:
    for deposit in (500_000, 0):
        orders.place(jatim.handle.uow(), jatim.cashier, DELEGATE,
                     [OrderItem("Jilbab lukis motif teratai", 85_000, 20)],
                     due=date(2099, 1, 1),
                     deposit=[Payment(CASH, deposit)] if deposit else None)
    sync.sync_stand(jatim.handle.uow, central_url)

    assert rows(central_url, "SELECT stand, orders, open_orders, deposits_held, "
                             "balances_due FROM v_stand_order_totals") == [
        ("JATIM", 2, 2, 500_000, 2 * 1_700_000 - 500_000)]
