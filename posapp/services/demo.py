"""The demo stand: Jawa Timur with a catalog of handicrafts, two people and a few sales."""

from __future__ import annotations

import random

from posapp.bootstrap import DataDir, StandHandle
from posapp.domain.cart import Cart
from posapp.domain.errors import NotAllowed
from posapp.domain.money import format_rupiah
from posapp.domain.tender import Payment, PaymentMethod
from posapp.printing.text_report import render_shift_report
from posapp.resources import resource
from posapp.services import catalog, checkout, reports, shifts, stand, users
from posapp.services.catalog_files import read_catalog_file
from posapp.services.setup import NewStand, Person, create_stand

DEMO_STAND = "JATIM"
DEMO_CASHIER, DEMO_CASHIER_PIN = "Ani", "1234"
DEMO_SUPERVISOR, DEMO_SUPERVISOR_PIN = "Budi", "999999"
DEMO_FLOAT = 500_000


def ensure_demo_stand(data: DataDir) -> str:
    """Create the demo stand when the data folder has none; return its code."""
    if DEMO_STAND in data.stand_codes():
        return DEMO_STAND
    create_stand(data, NewStand(
        code=DEMO_STAND, name="Kerajinan Jawa Timur", province="Jawa Timur",
        event_name="Pameran Produk Pemberdayaan Masyarakat HANI 2026",
        catalog=read_catalog_file(resource("demo-catalog.csv")),
        people=(Person(DEMO_CASHIER, users.Role.CASHIER, DEMO_CASHIER_PIN),
                Person(DEMO_SUPERVISOR, users.Role.SUPERVISOR, DEMO_SUPERVISOR_PIN))))
    return DEMO_STAND


def next_notes(total: int) -> int:
    """What a buyer hands over: the total rounded up to the next Rp 50.000."""
    return -(-total // 50_000) * 50_000


def run_demo(handle: StandHandle, *, lang: str = "id", sales: int = 3,
             rng: random.Random | None = None) -> str:
    """Open a shift if needed, make a few cash and QRIS sales, return the X report text."""
    rng = rng or random.Random()
    try:
        cashier = users.login(handle.uow(write=False), DEMO_CASHIER, DEMO_CASHIER_PIN)
    except NotAllowed:
        raise NotAllowed("demo.not_demo_stand", stand=handle.code) from None
    with handle.uow(write=False) as uow:
        is_open = shifts.open_shift_row(uow) is not None
    if not is_open:
        shifts.open_shift(handle.uow(), cashier, DEMO_FLOAT)
    products = [p for p in catalog.list_products(handle.uow()) if p.price > 0]
    out = []
    for n in range(sales):
        cart = Cart()
        for product in rng.sample(products, k=rng.randint(1, 3)):
            cart.add(product, rng.randint(1, 2))
        total = cart.totals().total
        pay = (Payment(PaymentMethod.QRIS, total) if n % 3 == 2
               else Payment(PaymentMethod.CASH, next_notes(total)))
        sale = checkout.checkout(handle.uow(), cashier, cart, [pay])
        out.append(f"{sale.receipt_no}  {format_rupiah(sale.total):>14}  "
                   f"{pay.method.value:<5} kembali {format_rupiah(sale.change)}")
    with handle.uow(write=False) as uow:
        info = stand.load(uow)
        report = reports.shift_report(uow, shifts.require_open_shift(uow))
        now = uow.clock()
    text = render_shift_report(
        report, header=[info.event_name, f"{info.name} ({info.province})"],
        zone=info.zone, printed_at=now, lang=lang,
    )
    return "\n".join(out) + "\n\n" + text
