"""A session that sells forever, for the crash-safety test to kill at random moments.

    python crash_worker.py DATA_DIR STAND_CODE REPORT_FILE [--cashier NAME] [--pin PIN] [--seed N]

Each loop builds a random cart, checks it out, and only after ``checkout`` returned appends
``RECEIPT_NO TOTAL`` to REPORT_FILE (flushed and fsynced): a line in that file is a sale the
cashier saw as done. After the first sale it prints ``ready`` on stdout.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

# Import posapp from this checkout, whatever the venv's editable install points at.
PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from posapp.bootstrap import DataDir, open_stand  # noqa: E402
from posapp.domain.cart import Cart, Discount  # noqa: E402
from posapp.domain.product import Product  # noqa: E402
from posapp.domain.tender import Payment, PaymentMethod  # noqa: E402
from posapp.services import catalog, users  # noqa: E402
from posapp.services.checkout import checkout  # noqa: E402

READY = "ready"
BUDI = users.Approval("Budi", "999999")  # the test stands' supervisor (tests/conftest.py)
PERCENTS = ("5", "10", "12.5", "15", "33")


def random_cart(rng: random.Random, products: list[Product]) -> Cart:
    cart = Cart()
    for product in rng.sample(products, rng.randint(1, min(4, len(products)))):
        cart.add(product, rng.randint(1, 3))
    if rng.random() < 0.3:
        cart.set_discount(Discount.percent(rng.choice(PERCENTS)))
    return cart


def random_payments(rng: random.Random, total: int) -> list[Payment]:
    """Exact cash, cash with change, QRIS, or QRIS plus cash with change."""
    if total == 0:
        return []
    way = rng.randrange(4)
    if way == 0:
        return [Payment(PaymentMethod.CASH, total)]
    if way == 1:
        return [Payment(PaymentMethod.CASH, (total // 100_000 + 1) * 100_000)]
    if way == 2 or total < 2:
        return [Payment(PaymentMethod.QRIS, total)]
    qris = rng.randint(1, total - 1)
    return [Payment(PaymentMethod.QRIS, qris),
            Payment(PaymentMethod.CASH, total - qris + rng.choice((0, 500, 20_000)))]


def report(out, receipt_no: str, total: int) -> None:  # type: ignore[no-untyped-def]
    out.write(f"{receipt_no} {total}\n")
    out.flush()
    os.fsync(out.fileno())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("stand")
    parser.add_argument("report_file", type=Path)
    parser.add_argument("--cashier", default="Ani")
    parser.add_argument("--pin", default="1234")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    handle = open_stand(DataDir(args.data_dir), args.stand)
    cashier = users.login(handle.uow(write=False), args.cashier, args.pin)
    products = [p for p in catalog.list_products(handle.uow(write=False)) if p.price > 0]
    with args.report_file.open("a", encoding="utf-8") as out:
        first = True
        while True:
            cart = random_cart(rng, products)
            payments = random_payments(rng, cart.totals().total)
            approval = BUDI if cart.discount is not None else None  # above 10 %: Budi approves
            sale = checkout(handle.uow(), cashier, cart, payments, approval=approval)
            report(out, sale.receipt_no, sale.total)
            if first:
                print(READY, flush=True)
                first = False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
