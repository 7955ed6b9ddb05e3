"""Stands that took orders in June 2026 (so that one is overdue by now), synced into a
central store: for the organizers' orders in the window, the reports and the export."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import cast

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.tender import Payment
from posapp.services import catalog, order_fulfil, orders, shifts, stand, sync, users
from posapp.services.catalog_files import read_catalog_file
from tests.central.stands import CASH, QRIS, TRANSFER, sell
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, TEMPLATES, Stand

TAKEN = datetime(2026, 6, 24, 3, 0)  # 10:00 in Jakarta, the day the orders were taken
#: judged on 28 June 2026 in Jakarta: the order due on the 26th is overdue, none else
AFTER = datetime(2026, 6, 28, 3, 0, tzinfo=UTC)
DELEGATE = Buyer("Ms. Nguyen Thi Lan", phone="+84 90 123 4567", email="lan@example.vn",
                 country="Vietnam", address="12 Hang Bac, Hoan Kiem, Hanoi")
BATIK = "Batik tulis motif parang, biru, 2 m"


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@dataclass(frozen=True)
class OrderEvent:
    url: str
    overdue: str  # the order number of the overdue order
    open: list[str]  # every open order's number


def order_stand(data: DataDir, code: str, province: str, catalog_file: Path) -> Stand:
    """A stand set up on TAKEN's clock, its shift open."""
    handle = open_stand(data, code, create=True, clock=Clock(TAKEN))
    stand.set_up(handle.uow(), code=code, name=f"Stan {province}", province=province,
                 event_name="Pameran HANI 2026")
    catalog.import_catalog(handle.uow(), read_catalog_file(catalog_file))
    ani = users.add_user(handle.uow(), "Ani", users.Role.CASHIER, "1234")
    users.add_user(handle.uow(), SUPERVISOR, users.Role.SUPERVISOR, SUPERVISOR_PIN)
    shifts.open_shift(handle.uow(), ani, 500_000)
    return Stand(data, handle, ani)


def make_order_event(url: str, root: Path, catalog_file: Path) -> OrderEvent:
    """JATIM: a sale; an order with catalog and made-to-order lines, a deposit, due on
    26 June (overdue); an order ready, no deposit, no due date; one cancelled with its
    deposit refunded; one handed over and paid in full. BALI: an open order due in 2099
    with a transfer deposit, part of it handed over. Both synced.

    The two stands, their orders taken, are copies of the session's templates
    (tests.conftest.StandTemplates); the sync is this test's own."""
    digest = hashlib.sha256(catalog_file.read_bytes()).hexdigest()

    def build_jatim(where: DataDir) -> tuple[Stand, object]:
        jatim = order_stand(where, "JATIM", "Jawa Timur", catalog_file)
        return jatim, jatim_orders(jatim)

    def build_bali(where: DataDir) -> tuple[Stand, object]:
        bali = order_stand(where, "BALI", "Bali", catalog_file)
        return bali, [bali_orders(bali)]

    jatim, jatim_nos = TEMPLATES.stand(DataDir(root / "JATIM"), "JATIM", ("orders", digest),
                                       build_jatim, clock=Clock(TAKEN))
    try:
        bali, bali_nos = TEMPLATES.stand(DataDir(root / "BALI"), "BALI", ("orders", digest),
                                         build_bali, clock=Clock(TAKEN))
    except BaseException:
        jatim.handle.close()
        raise
    try:
        for s in (jatim, bali):
            sync.sync_stand(s.handle.uow, url)
    finally:
        jatim.handle.close()
        bali.handle.close()
    late, ready = cast(list[str], jatim_nos)
    (kept,) = cast(list[str], bali_nos)
    return OrderEvent(url, late, sorted([late, ready, kept]))


def jatim_orders(jatim: Stand) -> list[str]:
    """JATIM's sale and four orders; the numbers of the late one and the ready one."""
    sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    hijab = jatim.product("JTM-JLB-001")
    late = orders.place(
        jatim.handle.uow(), jatim.cashier, DELEGATE,
        [OrderItem(hijab.name, hijab.price, 10, sku=hijab.sku, product_id=hijab.id,
                   category=hijab.category, maker_group=hijab.maker_group),
         OrderItem(BATIK, 1_250_000, 2)],
        due=date(2026, 6, 26), deposit=[Payment(CASH, 1_000_000)],
        note="kirim lewat DHL").order
    ready = orders.place(jatim.handle.uow(), jatim.cashier, Buyer("Pak Joko",
                                                                phone="0812 3456 7890"),
                         [OrderItem("Tas anyaman pandan, hijau", 150_000, 3)]).order
    orders.mark_ready(jatim.handle.uow(), jatim.cashier, ready.order_no)
    gone = orders.place(jatim.handle.uow(), jatim.cashier,
                        Buyer("Bu Sri", phone="0813 1111 2222"),
                        [OrderItem("Jilbab lukis custom", 95_000, 4)],
                        deposit=[Payment(QRIS, 100_000)]).order
    order_fulfil.cancel(jatim.handle.uow(), gone.order_no, supervisor_name=SUPERVISOR,
                        supervisor_pin=SUPERVISOR_PIN, reason="batal", deposit="refund",
                        method=QRIS)
    done = orders.place(jatim.handle.uow(), jatim.cashier,
                        Buyer("Mr. Tan", phone="+65 8123 4567", country="Singapore"),
                        [OrderItem("Topeng kayu custom", 400_000, 1)],
                        deposit=[Payment(CASH, 100_000)]).order
    order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, done.order_no,
                           payments=[Payment(CASH, 300_000)], tracking="diambil sendiri")
    return [late.order_no, ready.order_no]


def bali_orders(bali: Stand) -> str:
    """BALI's open order, part of it handed over; its number."""
    kept = orders.place(bali.handle.uow(), bali.cashier,
                        Buyer("Mme Dupont", email="dupont@example.fr", country="France",
                              address="3 rue de la Paix, Paris"),
                        [OrderItem("Tenun ikat, merah", 600_000, 2),
                         OrderItem("Selendang songket", 350_000, 1)],
                        due=date(2099, 1, 1), deposit=[Payment(TRANSFER, 500_000)]).order
    order_fulfil.hand_over(bali.handle.uow(), bali.cashier, kept.order_no,
                           payments=[Payment(TRANSFER, 200_000)], lines={1: 1})
    return kept.order_no
