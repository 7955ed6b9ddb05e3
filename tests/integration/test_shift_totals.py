"""A shift's running totals: kept by every writer, equal to a recount after thousands of
random actions, untouched by a sale that rolls back, backfilled for an older database,
audited by ``posapp report z --recount``."""

from __future__ import annotations

import random
import re
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import PosError
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.report import ShiftReport
from posapp.domain.shift_figures import ShiftFigures
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, order_fulfil, orders, reports, returns, shifts
from posapp.services.shift_recount import audit, recount
from posapp.store import search, shift_totals
from posapp.store.models import ShiftRow
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand, dump_database

CASH, QRIS, CARD, TRANSFER = (PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.CARD,
                              PaymentMethod.TRANSFER)
CODES = ("JTM-BTK-001", "JTM-BTK-002", "JTM-JLB-001", "JTM-TAS-001", "JTM-KYU-001")
BUYER = Buyer("Ms. Tan", phone="+65 8123 4567")


def shift_rows(stand: Stand) -> list[ShiftRow]:
    with stand.handle.uow(write=False) as uow:
        return list(uow.session.scalars(select(ShiftRow).order_by(ShiftRow.number)))


def running_and_recounted(stand: Stand, shift: ShiftRow) -> tuple[ShiftReport, ShiftReport]:
    """The shift's report from its running totals, and from a recount of its rows."""
    with stand.handle.uow(write=False) as uow:
        row = uow.session.get(ShiftRow, shift.id)
        assert row is not None
        return reports.shift_report(uow, row), reports.report_of(uow, row, recount(uow, row.id))


def figures(stand: Stand) -> list[ShiftFigures]:
    with stand.handle.uow(write=False) as uow:
        return [shift_totals.read(uow.connection, s.id) for s in shift_rows(stand)]


class Workload:
    """Random actions on a stand through its services, seeded; refusals are part of it."""

    def __init__(self, stand: Stand, seed: int) -> None:
        self.stand, self.rng = stand, random.Random(seed)
        self.products = {code: stand.product(code) for code in CODES}
        self.receipts: list[str] = []
        self.orders: list[str] = []
        self.done: dict[str, int] = {}

    def run(self, steps: int) -> None:
        actions = [(self.sell, 40), (self.void, 6), (self.refund, 8), (self.move_cash, 5),
                   (self.place, 5), (self.pay, 4), (self.hand_over, 3), (self.cancel, 3),
                   (self.new_shift, 1)]
        for _ in range(steps):
            action = self.rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
            try:
                action()
            except PosError:  # refused: nothing of it may be left behind
                self.done["refused"] = self.done.get("refused", 0) + 1
            else:
                self.done[action.__name__] = self.done.get(action.__name__, 0) + 1

    def uow(self) -> Any:
        return self.stand.handle.uow()

    def payments(self, total: int) -> list[Payment]:
        """One method, or a card or transfer part and the rest in cash (with change)."""
        rng = self.rng
        if total == 0:
            return []
        shape = rng.random()
        if shape < 0.4:
            return [Payment(CASH, -(-total // 50_000) * 50_000 if rng.random() < 0.6 else total)]
        if shape < 0.75:
            return [Payment(rng.choice((QRIS, CARD, TRANSFER)), total)]
        part = rng.randint(1, total)
        rest = total - part
        return [Payment(rng.choice((CARD, TRANSFER)), part)] + (
            [Payment(CASH, rest + rng.choice((0, 0, 500, 20_000)))] if rest else [])

    def sell(self) -> None:
        rng, cart = self.rng, Cart()
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.1:
                cart.add_custom("Batik pesanan", rng.choice((150_000, 275_500)),
                                rng.randint(1, 2))
            else:
                cart.add(self.products[rng.choice(CODES)], rng.randint(1, 3))
        for index in range(len(cart.lines)):
            if rng.random() < 0.15:
                cart.set_line_discount(index, rng.choice(
                    (Discount.percent(Decimal("12.5")), Discount.amount(5_000))))
        if rng.random() < 0.15:
            cart.set_discount(rng.choice((Discount.percent(7), Discount.amount(10_001))))
        total = cart.totals().total
        sold = checkout.checkout(self.uow(), self.stand.cashier, cart, self.payments(total),
                                 approval=BUDI)
        self.receipts.append(sold.receipt_no)

    def void(self) -> None:
        receipt = self.rng.choice(self.receipts[-30:] or ["NONE"])
        returns.void_sale(self.uow(), receipt, supervisor_name=SUPERVISOR,
                          supervisor_pin=SUPERVISOR_PIN, reason="salah input")

    def refund(self) -> None:
        receipt = self.rng.choice(self.receipts or ["NONE"])
        returns.refund(self.uow(), receipt,
                       [returns.RefundItem("1", 1, line_no=self.rng.randint(1, 2))],
                       supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                       reason="ukuran", method=self.rng.choice((CASH, CASH, QRIS, TRANSFER)))

    def move_cash(self) -> None:
        amount = self.rng.choice((50_000, 125_000, -100_000, -300_000, -2_000_000))
        shifts.move_cash(self.uow(), self.stand.cashier, amount, "setor", approval=BUDI)

    def place(self) -> None:
        deposit = [Payment(self.rng.choice((CASH, CARD)), self.rng.choice((100_000, 250_000)))]
        taken = orders.place(self.uow(), self.stand.cashier, BUYER,
                             [OrderItem("Batik tulis, 2 m", 650_000, self.rng.randint(1, 2))],
                             deposit=deposit if self.rng.random() < 0.8 else None)
        self.orders.append(taken.order.order_no)

    def pay(self) -> None:
        orders.pay(self.uow(), self.stand.cashier, self.rng.choice(self.orders or ["NONE"]),
                   [Payment(self.rng.choice((CASH, TRANSFER)), 200_000)])

    def hand_over(self) -> None:
        order = orders.get(self.uow(), self.rng.choice(self.orders or ["NONE"]))
        pay = [Payment(CASH, order.balance)] if order.balance > 0 else None
        order_fulfil.hand_over(self.uow(), self.stand.cashier, order.order_no, payments=pay)

    def cancel(self) -> None:
        order_fulfil.cancel(self.uow(), self.rng.choice(self.orders or ["NONE"]),
                            supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                            reason="batal", deposit=self.rng.choice(("refund", "keep")),
                            method=self.rng.choice((CASH, TRANSFER)))

    def new_shift(self) -> None:
        with self.stand.handle.uow(write=False) as uow:
            expected = reports.shift_report(uow, shifts.require_open_shift(uow)).expected_cash
        shifts.close_shift(self.uow(), self.stand.cashier, expected, supervisor_name=SUPERVISOR,
                           supervisor_pin=SUPERVISOR_PIN)
        shifts.open_shift(self.uow(), self.stand.cashier, 500_000)


def test_thousands_of_random_actions_recount_to_the_rupiah(jatim: Stand) -> None:
    work = Workload(jatim, seed=14)
    work.run(2_000)
    done = work.done
    assert done["sell"] > 600 and done["void"] > 50 and done["refund"] > 50
    assert done["place"] > 50 and done["pay"] > 20 and done["cancel"] > 10
    assert done["move_cash"] > 50 and done["new_shift"] >= 5 and done["refused"] > 50
    oversold = moved = 0
    for shift in shift_rows(jatim):
        running, recounted = running_and_recounted(jatim, shift)
        assert running == recounted  # every figure, to the rupiah, and the oversold list
        with jatim.handle.uow(write=False) as uow:
            assert audit(uow, shift.id) == []
        if shift.closed_at is not None:  # the Z report is what was recorded at close
            assert running.expected_cash == shift.expected_cash
        oversold += sum(o.quantity for o in running.oversold)
        moved += running.orders.net + running.refunds_total + running.voids_total
    assert oversold > 0 and moved > 0


def test_a_sale_that_rolls_back_leaves_the_totals_as_they_were(
        jatim: Stand, monkeypatch: pytest.MonkeyPatch) -> None:
    Workload(jatim, seed=7).run(40)
    before, dumped = figures(jatim), dump_database(jatim.path)

    def broken_journal(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(checkout.journal, "append", broken_journal)
    cart = Cart()
    cart.add(jatim.product("JTM-KYU-001"), 2)  # none in stock: sold past zero
    with pytest.raises(sqlite3.OperationalError):
        checkout.checkout(jatim.handle.uow(), jatim.cashier, cart, [Payment(CASH, 150_000)])
    assert figures(jatim) == before
    assert dump_database(jatim.path) == dumped


def test_an_older_database_opens_with_its_figures_backfilled(
        jatim: Stand, data_dir: DataDir, tmp_path: Path) -> None:
    Workload(jatim, seed=5).run(300)
    shifts_before = shift_rows(jatim)
    want = [running_and_recounted(jatim, s)[0] for s in shifts_before]
    assert len(want) >= 2 and want[0].sales_count > 0
    jatim.handle.close()
    conn = sqlite3.connect(jatim.path)  # the same file as the posapp of schema 0005 left it
    for statement in search.DROP:  # 0007's catalog search, then 0006's totals
        conn.execute(statement)
    conn.executescript("DROP INDEX ix_product_shelf; DROP TABLE shift_oversold; "
                       "DROP TABLE shift_money; DROP TABLE shift_total; "
                       "UPDATE alembic_version SET version_num = '0005';")
    conn.commit()
    conn.close()
    assert _schema(jatim.path) == _schema(_stand_at_0005(tmp_path))

    handle = open_stand(data_dir, "JATIM")
    try:
        with handle.uow(write=False) as uow:
            got = [reports.shift_report(uow, s) for s in uow.session.scalars(
                select(ShiftRow).order_by(ShiftRow.number))]
            assert all(audit(uow, s.id) == [] for s in shifts_before)
    finally:
        handle.close()
    assert got == want


def _stand_at_0005(tmp_path: Path) -> Path:
    from tests.integration.test_migrations import _old_stand

    path, engine = _old_stand(DataDir(tmp_path / "old"), "0005")
    engine.dispose()
    return path


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


def test_recount_agrees_then_names_a_tampered_figure(jatim: Stand, cli: Any) -> None:
    Workload(jatim, seed=3).run(60)
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 0, supervisor_name=SUPERVISOR,
                       supervisor_pin=SUPERVISOR_PIN)
    number = shift_rows(jatim)[-1].number
    plain = cli("report", "z")
    agreed = cli("report", "z", "--recount")
    assert agreed.code == 0 and agreed.err == ""
    report, last = agreed.out.rstrip("\n").rsplit("\n", 1)
    assert report + "\n" == plain.out  # the report as printed without --recount
    assert re.fullmatch(rf"recount of shift {number}: [\d,]+ sales? counted again, every "
                        r"figure agrees with the running totals", last)

    conn = sqlite3.connect(jatim.path)  # one cash payment 1.000 more than was counted
    conn.execute("UPDATE payment SET amount = amount + 1000 WHERE id = (SELECT p.id FROM "
                 "payment p JOIN sale s ON s.id = p.sale_id WHERE s.voided_at IS NULL AND "
                 "p.method = 'cash' ORDER BY s.seq DESC LIMIT 1)")
    conn.commit()
    conn.close()
    differs = cli("report", "z", "--recount")
    assert differs.code == 1
    assert differs.out == plain.out  # the report still reads the running totals
    with jatim.handle.uow(write=False) as uow:
        running = shift_totals.read(uow.connection, shift_rows(jatim)[-1].id)
    cash_total = running.money[("sale", "cash")]
    assert differs.err.splitlines() == [
        f"posapp: recount of shift {number}: 1 figure(s) differ from the running totals",
        f"money.sale.cash: running total {cash_total:,}, recounted {cash_total + 1000:,}",
    ]
    as_json = cli("report", "z", "--recount", "--json")
    assert as_json.code == 1 and '"agrees": false' in as_json.out


ROOT = Path(__file__).resolve().parents[2]
#: Modules that name the rows of a shift's money only to read them (or to declare them).
READERS = {"posapp/store/models.py", "posapp/store/order_rows.py", "posapp/store/tables.py",
           "posapp/services/backup.py", "posapp/services/history.py",
           "posapp/services/receipts.py", "posapp/services/shift_recount.py"}
#: The rows by their ORM classes, or by their Core tables (``posapp.store.tables``).
MONEY_ROWS = re.compile(r"\b(SaleRow|SaleLineRow|PaymentRow|RefundRow|CashMovementRow|"
                        r"OrderPaymentRow|OrderRow)\b|\bpayment_rows\(|\b(tables|t)\."
                        r"(sale|sale_line|payment|refund|cash_movement|order_payment|"
                        r"customer_order)\b")
KEEPS_TOTALS = re.compile(r"\bshift_totals\.apply\(|\bcount_money\(")


def test_every_writer_of_shift_money_keeps_the_totals() -> None:
    """A module that touches a shift's money rows calls ``shift_totals.apply`` (or
    ``orders.count_money``), or is listed above as a reader: a new writer cannot slip by."""
    sources = [p for folder in ("posapp", "benchmarks") for p in (ROOT / folder).rglob("*.py")
               if "sync" not in p.relative_to(ROOT).parts]  # the central store: not a shift
    writers = {str(p.relative_to(ROOT)) for p in sources
               if MONEY_ROWS.search(p.read_text(encoding="utf-8"))} - READERS
    assert writers >= {"posapp/services/checkout.py", "posapp/services/returns.py",
                       "posapp/services/shifts.py", "posapp/services/orders.py",
                       "posapp/services/order_fulfil.py", "benchmarks/_past_sales.py"}
    forgetful = sorted(w for w in writers
                       if not KEEPS_TOTALS.search((ROOT / w).read_text(encoding="utf-8")))
    assert forgetful == []
