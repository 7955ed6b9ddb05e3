"""Checkout commit on the big stand, interleaved with two floors on the same disk: the bare
SQLite commit (the target's), and the same sale's statements replayed on the bare driver."""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path

from posapp.domain.cart import Cart
from posapp.domain.product import Product
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import catalog, checkout

from ._common import Result, summarize, time_ms
from ._stand import BigStand
from .bench_sqlite_floor import BareSqlite, SaleReplay

MAX_RATIO = 3.0
WARMUP = 50
SHELF = 500  # products the carts are filled from, looked up once beforehand


def run(big: BigStand, folder: Path, rows: list[list[object]], times: int) -> list[Result]:
    """*times* checkouts of 1-3 line carts, each right after one bare commit."""
    rng = random.Random(11)
    uow = big.handle.uow
    shelf = [catalog.lookup(uow(write=False), str(r[0])) for r in rng.sample(rows, SHELF)]
    floor = BareSqlite(folder / "floor.sqlite")
    twin = SaleReplay(big.handle.path, folder / "twin.sqlite")

    def sell(cart: Cart, payments: list[Payment]) -> None:
        with twin.record():
            checkout.checkout(uow(), big.cashier, cart, payments)

    sale_ms: list[float] = []
    floor_ms: list[float] = []
    sql_ms: list[float] = []
    sql_floor_ms: list[float] = []
    try:
        for i in range(WARMUP + times):
            cart, payments = _cart(rng, shelf)
            f = time_ms(partial(floor.commit_one, i))
            c = time_ms(partial(sell, cart, payments))
            if i >= WARMUP:
                floor_ms.append(f)
                sale_ms.append(c)
        for i in range(WARMUP + times):  # the same sales again, on the bare driver
            f = time_ms(partial(floor.commit_one, WARMUP + times + i))
            r = time_ms(partial(twin.replay, i))
            if i >= WARMUP:
                sql_floor_ms.append(f)
                sql_ms.append(r)
        twin.check_same_as(big.handle.path)
    finally:
        floor.close()
        twin.close()
    fs, cs = summarize(floor_ms), summarize(sale_ms)
    rs, rfs = summarize(sql_ms), summarize(sql_floor_ms)
    ratio50 = cs["p50_ms"] / fs["p50_ms"]
    sale = Result("checkout.checkout commit", sale_ms, target=f"p95 <= {MAX_RATIO:g}x floor",
                  note=(f"p50 {ratio50:.2f}x the floor's p50; its statements alone "
                        f"(second floor) {rs['p95_ms'] / rfs['p95_ms']:.2f}x theirs at p95"),
                  floor_ms=fs["p95_ms"], floor_name="bare sqlite3 insert+commit, p95",
                  ratio_at="p95_ms", figures={"ratio_p50": round(ratio50, 2)})
    sale.passed = (sale.ratio or 0) <= MAX_RATIO
    return [
        Result("bare sqlite3 insert+commit (floor)", floor_ms,
               note="WAL, synchronous=FULL, same folder, interleaved with the checkouts"),
        Result("the same sales' statements on the bare driver (second floor)", sql_ms,
               note=("each checkout's prepared statements and values replayed on a twin of "
                     "the stand's file after the checkouts, each after a bare commit of its "
                     "own: BEGIN IMMEDIATE, the statements, COMMIT; no posapp code"),
               floor_ms=rfs["p95_ms"], floor_name="bare sqlite3 insert+commit, p95 (its turn)",
               ratio_at="p95_ms"),
        sale,
    ]


def _cart(rng: random.Random, shelf: list[Product]) -> tuple[Cart, list[Payment]]:
    """1 to 3 products, paid in cash rounded up to Rp 50.000 or by QRIS for the exact sum."""
    cart = Cart()
    for product in rng.sample(shelf, rng.choice((1, 1, 2, 3))):
        cart.add(product, rng.choice((1, 1, 1, 2)))
    total = cart.totals().total
    if rng.random() < 0.5:
        return cart, [Payment(PaymentMethod.CASH, -(-total // 50_000) * 50_000)]
    return cart, [Payment(PaymentMethod.QRIS, total)]
