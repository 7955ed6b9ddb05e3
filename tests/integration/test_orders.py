"""Orders for later delivery on a real stand database: each step of an order's life, the
money in the X/Z report, and every refusal leaving the database as it was."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from posapp.domain.errors import InvalidInput, NotAllowed, NotFound, PosError
from posapp.domain.order import Buyer, OrderItem, OrderStatus
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import order_fulfil, orders, reports, shifts
from posapp.store.models import JournalRow
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand, dump_database

CASH, QRIS, CARD, TRANSFER = (PaymentMethod.CASH, PaymentMethod.QRIS, PaymentMethod.CARD,
                              PaymentMethod.TRANSFER)
DELEGATE = Buyer("Mdm. Siti Aminah", phone="+60 12-345 6789", email="siti@example.my",
                 country="Malaysia", address="Jalan Ampang 12, Kuala Lumpur")


def item(stand: Stand, code: str, quantity: int) -> OrderItem:
    p = stand.product(code)
    return OrderItem(p.name, p.price, quantity, sku=p.sku, product_id=p.id,
                     category=p.category, maker_group=p.maker_group, region=p.region)


def take(stand: Stand, *, deposit: list[Payment] | None = None,
         items: list[OrderItem] | None = None) -> orders.OrderView:
    """20 painted hijabs (20 in stock) and a batik made to order."""
    wanted = items or [item(stand, "JTM-JLB-001", 20),
                       OrderItem("Batik tulis motif sekar jagad, biru, 2 m", 1_250_000, 1)]
    return orders.place(stand.handle.uow(), stand.cashier, DELEGATE, wanted,
                        due=date.today() + timedelta(days=2), deposit=deposit).order


def x_report(stand: Stand) -> reports.ShiftReport:
    with stand.handle.uow(write=False) as uow:
        return reports.shift_report(uow, shifts.require_open_shift(uow))


def journal_kinds(stand: Stand) -> list[str]:
    with stand.handle.uow(write=False) as uow:
        return list(uow.session.scalars(select(JournalRow.kind).order_by(JournalRow.seq)))


def test_an_order_with_a_deposit_reserves_what_is_in_stock(jatim: Stand) -> None:
    order = take(jatim, deposit=[Payment(TRANSFER, 1_000_000)])

    assert order.order_no == "JATIM-P00001" and order.status is OrderStatus.OPEN
    assert (order.total, order.deposit, order.balance) == (2_950_000, 1_000_000, 1_950_000)
    assert [(ln.sku, ln.reserved) for ln in order.lines] == [("JTM-JLB-001", 20),
                                                            ("CUSTOM", 0)]
    assert jatim.product("JTM-JLB-001").stock == 0  # not sold to someone else
    assert journal_kinds(jatim)[-1] == "order.placed"
    assert x_report(jatim).orders.deposits == {"transfer": 1_000_000}


def test_more_pieces_than_in_stock_reserves_the_stock_and_the_rest_is_made(
        jatim: Stand) -> None:
    order = take(jatim, items=[item(jatim, "JTM-TAS-001", 5)])  # 1 in stock
    assert order.lines[0].reserved == 1
    assert jatim.product("JTM-TAS-001").stock == 0


def test_the_balance_paid_at_hand_over_in_one_step_with_change(jatim: Stand) -> None:
    order = take(jatim, deposit=[Payment(CASH, 950_000)])
    orders.mark_ready(jatim.handle.uow(), jatim.cashier, order.order_no)

    done = order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, order.order_no,
                                  payments=[Payment(QRIS, 1_500_000), Payment(CASH, 550_000)],
                                  tracking="diambil sendiri")

    assert done.complete and done.order.status is OrderStatus.HANDED_OVER
    assert done.tender.change == 50_000 and done.order.balance == 0
    assert all(ln.delivered == ln.quantity for ln in done.order.lines)
    report = x_report(jatim)
    assert report.orders.deposits == {"cash": 950_000}
    assert report.orders.balances == {"qris": 1_500_000, "cash": 500_000}
    assert report.expected_cash == 500_000 + 950_000 + 500_000
    assert report.sales_count == 0 and report.net == 0  # orders are not sales
    assert journal_kinds(jatim)[-3:] == ["order.placed", "order.ready", "order.handed_over"]


def test_part_payments_then_partial_deliveries_line_by_line(jatim: Stand) -> None:
    order = take(jatim)
    orders.pay(jatim.handle.uow(), jatim.cashier, order.order_no, [Payment(CARD, 850_000)])
    first = order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, order.order_no,
                                   lines={1: 10}, tracking="JNE 1234567890")
    assert not first.complete and first.order.status is OrderStatus.OPEN
    assert [ln.delivered for ln in first.order.lines] == [10, 0]

    with pytest.raises(NotAllowed, match="more must be paid"):
        order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, order.order_no,
                               lines={1: 10})
    orders.pay(jatim.handle.uow(), jatim.cashier, order.order_no,
               [Payment(TRANSFER, 2_100_000)])
    last = order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, order.order_no)
    assert last.complete and last.order.tracking == "JNE 1234567890"


def test_cancel_gives_the_deposit_back_from_the_drawer_and_restocks(jatim: Stand) -> None:
    order = take(jatim, deposit=[Payment(CASH, 300_000)])
    before = x_report(jatim).expected_cash

    view = order_fulfil.cancel(jatim.handle.uow(), order.order_no,
                               supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                               reason="pembeli batal", deposit="refund", method=CASH)

    assert view.status is OrderStatus.CANCELLED and view.refunded == 300_000
    assert x_report(jatim).expected_cash == before - 300_000
    assert x_report(jatim).orders.refunds == {"cash": 300_000}
    assert jatim.product("JTM-JLB-001").stock == 20


def test_cancel_keeping_the_deposit_keeps_the_money(jatim: Stand) -> None:
    order = take(jatim, deposit=[Payment(QRIS, 300_000)])
    order_fulfil.cancel(jatim.handle.uow(), order.order_no, supervisor_name=SUPERVISOR,
                        supervisor_pin=SUPERVISOR_PIN, reason="tidak diambil", deposit="keep")
    report = x_report(jatim)
    assert report.orders.net == 300_000 and report.orders.refunds == {}
    with jatim.handle.uow(write=False) as uow:
        last = uow.session.scalars(select(JournalRow).order_by(JournalRow.seq.desc())).first()
    assert json.loads(last.payload)["kept"] == 300_000


def bad_steps(stand: Stand) -> dict[str, tuple[type[PosError], str, object]]:
    done = take(stand, deposit=[Payment(CASH, 2_950_000)])
    order_fulfil.hand_over(stand.handle.uow(), stand.cashier, done.order_no)
    open_ = take(stand)
    uow, c = stand.handle.uow, stand.cashier
    return {
        "deposit above the total": (InvalidInput, "more than the order total", lambda: take(
            stand, deposit=[Payment(CASH, 3_000_000)])),
        "a balance below zero": (InvalidInput, "give no change", lambda: orders.pay(
            uow(), c, open_.order_no, [Payment(CARD, 3_000_000)])),
        "paying a paid order": (NotAllowed, "paid in full", lambda: orders.pay(
            uow(), c, done.order_no, [Payment(CASH, 1_000)])),
        "handing over twice": (NotAllowed, "already handed over", lambda: order_fulfil.hand_over(
            uow(), c, done.order_no)),
        "cancelling a handed-over order": (NotAllowed, "cannot be cancelled",
                                           lambda: order_fulfil.cancel(
            uow(), done.order_no, supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
            reason="x", deposit="keep")),
        "an order that does not exist": (NotFound, "no order", lambda: orders.pay(
            uow(), c, "JATIM-P09999", [Payment(CASH, 1_000)])),
        "hand over unpaid": (NotAllowed, "more must be paid", lambda: order_fulfil.hand_over(
            uow(), c, open_.order_no)),
        "a past due date": (InvalidInput, "already passed", lambda: orders.place(
            uow(), c, DELEGATE, [OrderItem("Tas", 100_000, 1)],
            due=date.today() - timedelta(days=1))),
        "no way to reach the buyer": (InvalidInput, "phone number or an email",
                                      lambda: orders.place(
            uow(), c, Buyer("Tamu"), [OrderItem("Tas", 100_000, 1)])),
        "a line of a price 0": (InvalidInput, "above Rp 0", lambda: orders.place(
            uow(), c, DELEGATE, [OrderItem("Tas", 0, 1)])),
        "cancel by a cashier": (NotAllowed, "supervisor", lambda: order_fulfil.cancel(
            uow(), open_.order_no, supervisor_name="Ani", supervisor_pin="1234", reason="x",
            deposit="keep")),
        "a wrong line": (InvalidInput, "has no line 7", lambda: order_fulfil.hand_over(
            uow(), c, open_.order_no, lines={7: 1})),
    }


@pytest.mark.parametrize("case", [
    "deposit above the total", "a balance below zero", "paying a paid order",
    "handing over twice", "cancelling a handed-over order", "an order that does not exist",
    "hand over unpaid", "a past due date", "no way to reach the buyer", "a line of a price 0",
    "cancel by a cashier", "a wrong line",
])
def test_bad_steps_are_refused_with_a_reason_and_change_nothing(jatim: Stand,
                                                                case: str) -> None:
    error, words, step = bad_steps(jatim)[case]
    before = dump_database(jatim.path)
    with pytest.raises(error) as refused:
        step()  # type: ignore[operator]
    assert words in refused.value.message
    assert len(refused.value.message.splitlines()) == 1
    assert dump_database(jatim.path) == before


def test_the_z_report_keeps_order_money_apart_in_the_journal(jatim: Stand) -> None:
    take(jatim, deposit=[Payment(CASH, 500_000)])
    report = shifts.close_shift(jatim.handle.uow(), jatim.cashier, 1_000_000)
    assert report.over_short == 0
    with jatim.handle.uow(write=False) as uow:
        last = uow.session.scalars(select(JournalRow).order_by(JournalRow.seq.desc())).first()
    assert json.loads(last.payload)["totals"]["orders"] == {
        "placed": 1, "deposits": {"cash": 500_000}, "balances": {}, "refunds": {},
        "net": 500_000}
