"""200,000 past sales written fast with bulk inserts, shaped as ``checkout`` writes them.

Every sale gets its lines (price snapshots, discounts that add up; the stock's record),
one payment and a ``sale.completed`` journal entry chained by hash; 1 % are voided and
0.5 % get a refund, each with its journal entry and restock. All go into the open shift,
so the X and Z reports cover every one of them. The cash goes to the bank after every
10,000 sales (a cash movement), so the drawer never holds more than a till can count.
Each chunk adds its change to the shift's running totals in its own transaction, through
``posapp.store.shift_totals.apply`` as every writer does.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from posapp.domain.journal import GENESIS, EventKind, canonical_json, entry_hash
from posapp.domain.money import percent_of, split_proportionally
from posapp.domain.shift_figures import (
    ShiftFigures,
    cash_delta,
    refund_delta,
    sale_delta,
    void_delta,
)
from posapp.services.checkout import receipt_number
from posapp.store import shift_totals
from posapp.store.models import (
    CashMovementRow,
    JournalRow,
    PaymentRow,
    ProductRow,
    RefundLineRow,
    RefundRow,
    SaleLineRow,
    SaleRow,
    ShiftRow,
)

from ._stand import BigStand

CHUNK = 10_000  # sales per transaction
METHODS = ("cash", "qris", "card", "transfer")
METHOD_WEIGHTS = (50, 30, 15, 5)
VOID_EVERY, REFUND_EVERY = 100, 200  # 1 % voided, 0.5 % refunded
DEPOSIT_UNIT = 100_000  # cash goes to the bank in whole Rp 100.000 notes
TABLES = (SaleRow, SaleLineRow, PaymentRow, RefundRow, RefundLineRow,
          CashMovementRow, JournalRow)


@dataclass
class _Rows:
    """The rows of one chunk, per table, in the order foreign keys need."""

    by_table: dict[type, list[dict[str, Any]]] = field(
        default_factory=lambda: {t: [] for t in TABLES})

    def add(self, table: type, row: dict[str, Any]) -> None:
        self.by_table[table].append(row)


@dataclass
class _State:
    """Counters carried from one sale to the next: sequences, the chain, stock."""

    stand: str
    shift_id: str
    cashier: dict[str, Any]
    supervisor_id: int
    supervisor_name: str
    sale_seq: int
    line_id: int
    refund_seq: int
    journal_seq: int
    prev_hash: str
    stock: dict[int, int]
    drawer: int = 0  # cash taken in since the last deposit
    delta: ShiftFigures = field(default_factory=ShiftFigures)  # of the chunk being made
    counts: dict[str, int] = field(default_factory=lambda: {"sales": 0, "lines": 0,
                                                             "voids": 0, "refunds": 0,
                                                             "deposits": 0})


def write_past_sales(big: BigStand, count: int, seed: int = 34) -> dict[str, int]:
    """Add *count* sales to the open shift, spread over the shift's hours; returns counts."""
    rng = random.Random(seed)
    engine = big.handle.engine
    with engine.connect() as conn:
        state, products, opened_at = _start_state(conn, big)
    step = (big.clock() - opened_at) / (count + 1)
    for first in range(0, count, CHUNK):
        rows = _Rows()
        for i in range(first, min(count, first + CHUNK)):
            at = opened_at + step * (i + 1)
            _one_sale(rng, state, rows, products, (at, at + step / 2),
                      rng.choices(METHODS, METHOD_WEIGHTS)[0])
        _deposit(state, rows, at + step * 3 / 4)
        with engine.begin() as conn:
            for table in TABLES:
                if rows.by_table[table]:
                    conn.execute(insert(table), rows.by_table[table])
            shift_totals.apply(conn, state.shift_id, state.delta)
        state.delta = ShiftFigures()
    with engine.begin() as conn:
        conn.execute(
            update(ProductRow).where(ProductRow.id == bindparam("pid"))
            .values(stock=bindparam("new_stock")),
            [{"pid": pid, "new_stock": s} for pid, s in state.stock.items()],
        )
    return state.counts


def _start_state(conn: Connection, big: BigStand) -> tuple[_State, list[tuple], datetime]:
    shift = conn.execute(select(ShiftRow).where(ShiftRow.closed_at.is_(None))).one()
    products: list[tuple[Any, ...]] = [tuple(r) for r in conn.execute(select(
        ProductRow.id, ProductRow.sku, ProductRow.name, ProductRow.category,
        ProductRow.maker_group, ProductRow.region, ProductRow.price, ProductRow.stock))]
    last = conn.execute(
        select(JournalRow.seq, JournalRow.hash).order_by(JournalRow.seq.desc()).limit(1)
    ).first()
    state = _State(
        stand=big.handle.code, shift_id=shift.id,
        cashier={"id": big.cashier.id, "name": big.cashier.name},
        supervisor_id=big.supervisor.id, supervisor_name=big.supervisor.name,
        sale_seq=conn.scalar(select(func.max(SaleRow.seq))) or 0,
        line_id=conn.scalar(select(func.max(SaleLineRow.id))) or 0,
        refund_seq=conn.scalar(select(func.max(RefundRow.seq))) or 0,
        journal_seq=last.seq if last else 0, prev_hash=last.hash if last else GENESIS,
        stock={p[0]: p[7] for p in products},
    )
    return state, products, shift.opened_at


def _one_sale(rng: random.Random, st: _State, rows: _Rows, products: list[tuple],
              times: tuple[datetime, datetime], method: str) -> None:
    """One sale at ``times[0]``; its void or refund, if any, at ``times[1]``."""
    at, later = times
    st.sale_seq += 1
    sale_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    receipt_no = receipt_number(st.stand, st.sale_seq)
    lines = list(_lines(rng, st, products))
    subtotal = sum(ln["unit_price"] * ln["quantity"] for ln in lines)
    nets = [ln["unit_price"] * ln["quantity"] - ln["line_discount"] for ln in lines]
    cart_off = 5_000 if rng.random() < 0.05 and sum(nets) > 5_000 else 0
    for ln, net, share in zip(lines, nets, split_proportionally(cart_off, nets), strict=True):
        ln["cart_discount"], ln["total"] = share, net - share
    total = sum(ln["total"] for ln in lines)
    tendered = -(-total // 50_000) * 50_000 if method == "cash" and rng.random() < 0.7 else total
    change = tendered - total
    rows.add(SaleRow, {
        "id": sale_id, "seq": st.sale_seq, "receipt_no": receipt_no, "shift_id": st.shift_id,
        "cashier_id": st.cashier["id"], "created_at": at, "subtotal": subtotal,
        "discount": subtotal - total, "total": total, "change": change,
        "voided_at": None, "voided_by": None, "void_reason": None,
    })
    for ln in lines:
        rows.add(SaleLineRow, {"sale_id": sale_id, **ln})
    pay = {"method": method, "tendered": tendered, "amount": total}
    if method == "cash":
        st.drawer += total
    rows.add(PaymentRow, {"sale_id": sale_id, **pay})
    st.delta.add(_sale_delta(rows.by_table[SaleRow][-1], lines, method))
    _journal(st, rows, at, EventKind.SALE_COMPLETED, {
        "id": sale_id, "seq": st.sale_seq, "receipt_no": receipt_no, "shift": st.shift_id,
        "cashier": st.cashier["name"], "subtotal": subtotal, "discount": subtotal - total,
        "cart_discount": cart_off, "total": total, "change": change,
        "lines": [{k: v for k, v in ln.items() if k not in ("product_id", "id")}
                  for ln in lines],
        "payments": [pay],
    })
    st.counts["sales"] += 1
    st.counts["lines"] += len(lines)
    if st.sale_seq % VOID_EVERY == 0:
        _void(st, rows, rows.by_table[SaleRow][-1], lines, method, later)
    elif st.sale_seq % REFUND_EVERY == 1:
        refund_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        _refund(st, rows, refund_id, rows.by_table[SaleRow][-1], lines[0], method, later)


def _lines(rng: random.Random, st: _State, products: list[tuple]) -> Iterator[dict[str, Any]]:
    count = rng.choices((1, 2, 3, 4, 5), (55, 30, 10, 3, 2))[0]
    for no, (pid, sku, name, category, maker, region, price, _) in enumerate(
            rng.sample(products, count), start=1):
        quantity = rng.choices((1, 2, 3), (80, 15, 5))[0]
        st.stock[pid] -= quantity
        st.line_id += 1
        line_off = percent_of(price * quantity, Decimal(10)) if rng.random() < 0.05 else 0
        yield {"id": st.line_id, "line_no": no, "product_id": pid, "sku": sku, "name": name,
               "category": category, "maker_group": maker, "region": region,
               "unit_price": price, "quantity": quantity, "line_discount": line_off,
               "cart_discount": 0, "total": 0,
               "oversold": min(quantity, max(0, -st.stock[pid]))}


def _void(st: _State, rows: _Rows, sale: dict[str, Any], lines: list[dict[str, Any]],
          method: str, at: datetime) -> None:
    sale.update(voided_at=at, voided_by=st.supervisor_id, void_reason="salah input")
    st.delta.add(void_delta(_sale_delta(sale, lines, method), sale["total"]))
    if method == "cash":
        st.drawer -= sale["total"]
    for ln in lines:
        st.stock[ln["product_id"]] += ln["quantity"]
    _journal(st, rows, at, EventKind.SALE_VOIDED, {
        "sale": sale["id"], "receipt_no": sale["receipt_no"], "total": sale["total"],
        "reason": "salah input", "by": st.supervisor_name,
    })
    st.counts["voids"] += 1


def _refund(st: _State, rows: _Rows, refund_id: str, sale: dict[str, Any],
            line: dict[str, Any], method: str, at: datetime) -> None:
    st.refund_seq += 1
    refund_no = f"{st.stand}-R{st.refund_seq:05d}"
    amount = line["total"]
    if method == "cash":
        st.drawer -= amount
    rows.add(RefundRow, {
        "id": refund_id, "seq": st.refund_seq, "refund_no": refund_no, "sale_id": sale["id"],
        "shift_id": st.shift_id, "supervisor_id": st.supervisor_id, "created_at": at,
        "method": method, "amount": amount, "reason": "ukuran tidak cocok",
    })
    rows.add(RefundLineRow, {"refund_id": refund_id, "sale_line_id": line["id"],
                             "quantity": line["quantity"], "amount": amount})
    st.stock[line["product_id"]] += line["quantity"]
    st.delta.add(refund_delta(method, amount))
    _journal(st, rows, at, EventKind.SALE_REFUNDED, {
        "id": refund_id, "refund_no": refund_no, "sale": sale["id"],
        "receipt_no": sale["receipt_no"], "shift": st.shift_id, "method": method,
        "amount": amount, "reason": "ukuran tidak cocok", "by": st.supervisor_name,
        "lines": [{"line_no": line["line_no"], "sku": line["sku"],
                   "quantity": line["quantity"], "amount": amount}],
    })
    st.counts["refunds"] += 1


def _deposit(st: _State, rows: _Rows, at: datetime) -> None:
    """Take the cash of the last chunk of sales to the bank, as ``shifts.move_cash`` would."""
    amount = st.drawer // DEPOSIT_UNIT * DEPOSIT_UNIT
    if amount <= 0:
        return
    reason = "setor tunai ke bank"
    rows.add(CashMovementRow, {"shift_id": st.shift_id, "user_id": st.cashier["id"], "at": at,
                               "amount": -amount, "reason": reason})
    st.delta.add(cash_delta(-amount))
    _journal(st, rows, at, EventKind.SHIFT_CASH, {
        "shift": st.shift_id, "amount": -amount, "reason": reason, "by": st.cashier["name"],
    })
    st.drawer -= amount
    st.counts["deposits"] += 1


def _sale_delta(sale: dict[str, Any], lines: list[dict[str, Any]], method: str) -> (
    ShiftFigures
):
    return sale_delta(sale["subtotal"], sale["discount"], [(method, sale["total"])],
                      [(ln["sku"], ln["name"], ln["oversold"]) for ln in lines])


def _journal(st: _State, rows: _Rows, at: datetime, kind: str, payload: dict[str, Any]) -> None:
    """Append an entry exactly as ``posapp.services.journal.append`` would."""
    st.journal_seq += 1
    stamp = at.isoformat(timespec="microseconds") + "Z"
    body = canonical_json(payload)
    digest = entry_hash(st.prev_hash, st.journal_seq, st.stand, stamp, kind, body)
    rows.add(JournalRow, {"seq": st.journal_seq, "stand": st.stand, "at": stamp, "kind": kind,
                          "payload": body, "prev_hash": st.prev_hash, "hash": digest})
    st.prev_hash = digest
