"""A void, a refund and an order cancel record who acted and who approved: Ani asks, Budi
approves (the journal says both); Budi alone is the one who acted. The central store still
names the approving supervisor of a refund."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from posapp.domain.cart import Cart
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import checkout, returns, sync, users
from tests.conftest import (
    CASHIER,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
)

Cli = Callable[..., CliResult]
BOTH_PINS = f"{CASHIER_PIN}\n{SUPERVISOR_PIN}\n"  # the cashier's first (docs/cli.md)


def sell(stand: Stand, code: str = "JTM-JLB-001", qty: int = 2) -> str:
    cart = Cart()
    cart.add(stand.product(code), qty)
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart,
                             [Payment(PaymentMethod.CASH, 500_000)]).receipt_no


def journaled(stand: Stand, kind: str) -> dict[str, object]:
    """The payload of the stand's last journal entry of *kind*."""
    conn = sqlite3.connect(stand.path)
    try:
        (payload,) = conn.execute("SELECT payload FROM journal WHERE kind = ? "
                                  "ORDER BY seq DESC LIMIT 1", (kind,)).fetchone()
    finally:
        conn.close()
    return dict(json.loads(payload))


def who(payload: dict[str, object]) -> tuple[object, object]:
    return payload.get("by"), payload.get("approved_by")


def test_a_void_asked_by_ani_names_her_and_budi(jatim: Stand) -> None:
    receipt = sell(jatim)
    returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="salah input", actor=jatim.cashier)
    assert who(journaled(jatim, "sale.voided")) == (CASHIER, SUPERVISOR)


def test_a_supervisor_voiding_alone_is_who_acted(jatim: Stand) -> None:
    receipt = sell(jatim)
    returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="salah input")
    assert who(journaled(jatim, "sale.voided")) == (SUPERVISOR, None)


def test_a_supervisor_logged_in_and_approving_is_named_once(jatim: Stand) -> None:
    receipt = sell(jatim)
    budi = users.login(jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)
    returns.void_sale(jatim.handle.uow(), receipt, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="salah input", actor=budi)
    assert who(journaled(jatim, "sale.voided")) == (SUPERVISOR, None)


def test_cli_void_with_cashier_names_ani_and_budi(cli: Cli, jatim: Stand) -> None:
    receipt = sell(jatim)
    done = cli("--pin-stdin", "void", receipt, "--cashier", CASHIER, "--supervisor",
               SUPERVISOR, "--reason", "salah input", stdin=BOTH_PINS)
    assert done.code == 0, done.err
    assert who(journaled(jatim, "sale.voided")) == (CASHIER, SUPERVISOR)


def test_cli_void_without_cashier_is_the_supervisor_alone(cli: Cli, jatim: Stand) -> None:
    receipt = sell(jatim)
    done = cli("--pin-stdin", "void", receipt, "--supervisor", SUPERVISOR,
               "--reason", "salah input", stdin=f"{SUPERVISOR_PIN}\n")
    assert done.code == 0, done.err
    assert who(journaled(jatim, "sale.voided")) == (SUPERVISOR, None)


def test_cli_void_with_a_wrong_cashier_pin_is_refused_unchanged(cli: Cli,
                                                               jatim: Stand) -> None:
    receipt = sell(jatim)
    before = dump_database(jatim.path, but=("pin_failure",))
    done = cli("--pin-stdin", "void", receipt, "--cashier", CASHIER, "--supervisor",
               SUPERVISOR, "--reason", "salah input", stdin=f"0000\n{SUPERVISOR_PIN}\n")
    assert done.code != 0
    assert len(done.err.strip().splitlines()) == 1 and "PIN" in done.err
    assert dump_database(jatim.path, but=("pin_failure",)) == before


def test_cli_refund_with_cashier_names_ani_and_budi(cli: Cli, jatim: Stand,
                                                   tmp_path: Path) -> None:
    receipt = sell(jatim)
    done = cli("--pin-stdin", "refund", receipt, "JTM-JLB-001", "--cashier", CASHIER,
               "--supervisor", SUPERVISOR, "--reason", "warna tidak cocok",
               "--method", "cash", stdin=BOTH_PINS)
    assert done.code == 0, done.err
    assert who(journaled(jatim, "sale.refunded")) == (CASHIER, SUPERVISOR)

    url = f"sqlite:///{tmp_path / 'central.sqlite'}"
    sync.sync_stand(jatim.handle.uow, url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            approved = conn.execute(text("SELECT approved_by FROM refund")).scalars().all()
    finally:
        engine.dispose()
    assert approved == [SUPERVISOR]  # the central store names who approved, not Ani


def test_cli_order_cancel_with_cashier_names_ani_and_budi(cli: Cli, jatim: Stand) -> None:
    taken = cli("--pin-stdin", "order", "new", "--buyer", "Mr. Hiroshi Tanaka",
                "--email", "tanaka@example.jp", "JTM-JLB-001*2", "--deposit", "qris=50000",
                stdin=f"{CASHIER_PIN}\n")
    assert taken.code == 0, taken.err
    done = cli("--pin-stdin", "order", "cancel", "JATIM-P00001", "--cashier", CASHIER,
               "--supervisor", SUPERVISOR, "--deposit", "keep", stdin=BOTH_PINS)
    assert done.code == 0, done.err
    assert who(journaled(jatim, "order.cancelled")) == (CASHIER, SUPERVISOR)
