"""The role matrix: every action of the stand's policy (posapp.domain.policy.POLICY), for a
cashier and a supervisor, with no approval, with Budi's, with a wrong approving PIN and with
a cashier named as the approver; through the services and through the command line.

Allowed ones change the stand; refused ones leave every table as it was (a wrong PIN is
counted in ``pin_failure``, by design) and say one line.

Longer than a screen: one scenario per action of the policy, side by side, so that a new
action without a scenario fails ``test_every_action_has_a_scenario``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import PosError
from posapp.domain.event_key import new_key
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.policy import POLICY, Action
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import (
    backup,
    catalog,
    checkout,
    event,
    order_fulfil,
    orders,
    print_queue,
    restore,
    returns,
    settings,
    shifts,
    users,
)
from posapp.services.catalog_files import read_catalog_file
from posapp.services.returns import RefundItem
from posapp.services.users import Actor, Approval
from tests.conftest import (
    BUDI,
    CASHIER,
    CASHIER_PIN,
    CATALOG_CSV,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
    wrong_pins,
)

CASH = PaymentMethod.CASH
TAN = Buyer("Ms. Tan", phone="+65 8123 4567")
WRONG_PIN = "000000"
#: Who approves: nobody, Budi, Budi with a wrong PIN, Ani (a cashier) with her own PIN.
APPROVALS: dict[str, Approval | None] = {
    "none": None,
    "budi": BUDI,
    "wrong-pin": Approval(SUPERVISOR, WRONG_PIN),
    "cashier-approver": Approval(CASHIER, CASHIER_PIN),
}
ROLES = ("cashier", "supervisor")


@dataclass(frozen=True)
class Scenario:
    """One action done in the state where the policy matters (a 20 % discount, Rp 150.000
    out of the drawer...). *service* gets the stand, the actor, the approval and what
    *prepare* returned; *cli* gives the command's words and the PIN lines before the
    supervisor's (the acting cashier's), for an actor named *who*."""

    action: Action
    prepare: Callable[[Stand, Path], Any]
    service: Callable[[Stand, Actor, Approval | None, Any], object]
    cli: Callable[[str, Any], tuple[list[str], list[str]]] | None
    takes_approval: bool = True  # the service takes a named approver
    by_name: bool = False  # no actor: whoever acts names themselves (void, refund...)
    new_pin: str = ""  # a PIN line after the supervisor's (cashier add)
    cli_changes: bool = True  # the command changes the stand (``report x`` only shows it)


def _nothing(stand: Stand, tmp: Path) -> None:
    return None


def _sell(stand: Stand, actor: Actor, approval: Approval | None, *, price: int | None = None,
          discount: str | None = None, pay: int = 85_000) -> object:
    cart = Cart()
    cart.add(stand.product("JTM-JLB-001"), 1, price=price)
    if discount:
        cart.set_discount(Discount.parse(discount))
    return checkout.checkout(stand.handle.uow(), actor, cart, [Payment(CASH, pay)],
                             approval=approval)


def _blind(stand: Stand, tmp: Path) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, blind_count=True), approval=BUDI)


def _a_sale(stand: Stand, tmp: Path) -> str:
    return checkout.checkout(stand.handle.uow(), stand.cashier, _cart(stand),
                             [Payment(CASH, 85_000)]).receipt_no


def _cart(stand: Stand) -> Cart:
    cart = Cart()
    cart.add(stand.product("JTM-JLB-001"), 1)
    return cart


def _closed(stand: Stand, tmp: Path) -> None:
    shifts.close_shift(stand.handle.uow(), stand.cashier, 500_000)


def _an_order(stand: Stand, tmp: Path) -> str:
    placed = orders.place(stand.handle.uow(), stand.cashier, TAN,
                          [OrderItem("Batik tulis motif parang", 650_000, 1)])
    return placed.order.order_no


def _repriced(stand: Stand, tmp: Path) -> Path:
    path = tmp / "repriced.csv"
    path.write_text(CATALOG_CSV.replace(",450000,", ",1000,"), encoding="utf-8")
    return path


def _locked_citra(stand: Stand, tmp: Path) -> None:
    users.add_user(stand.handle.uow(), "Citra", users.Role.CASHIER, "2468", approval=BUDI)
    for _ in range(5):
        with pytest.raises(PosError):
            users.login(stand.handle.uow(write=False), "Citra", "0000")


def _a_copy(stand: Stand, tmp: Path) -> Path:
    (tmp / "stick").mkdir()
    return backup.backup_now(stand.handle.uow, stand.handle.code, stand.handle.path,
                             folder=str(tmp / "stick"))


def _own(actor: Actor, approval: Approval | None) -> Approval:
    """Who signs an action that has no actor: the approver, else the acting person."""
    pins = {CASHIER: CASHIER_PIN, SUPERVISOR: SUPERVISOR_PIN}
    return approval or Approval(actor.name, pins[actor.name])


KEY = new_key()
SCENARIOS = [
    Scenario(Action.SELL, _nothing,
             lambda s, a, ok, _: _sell(s, a, ok),
             lambda who, _: (["sell", "--cashier", who, "JTM-JLB-001", "cash=85000"], [who])),
    Scenario(Action.SHIFT_OPEN, _closed,
             lambda s, a, ok, _: shifts.open_shift(s.handle.uow(), a, 100_000),
             lambda who, _: (["shift", "open", "--cashier", who, "--float", "100000"], [who]),
             takes_approval=False),
    Scenario(Action.CASH_IN, _nothing,
             lambda s, a, ok, _: shifts.move_cash(s.handle.uow(), a, 50_000, "kembalian",
                                                  approval=ok),
             lambda who, _: (["shift", "cash", "--cashier", who, "50000", "--reason", "tukar"],
                             [who])),
    Scenario(Action.ORDER, _nothing,
             lambda s, a, ok, _: orders.place(s.handle.uow(), a, TAN,
                                              [OrderItem("Tas pandan", 120_000, 1)]),
             None, takes_approval=False),
    Scenario(Action.STOCK, _nothing,
             lambda s, a, ok, _: catalog.adjust_stock(s.handle.uow(), a, "JTM-JLB-001", 2,
                                                      "kiriman"),
             lambda who, _: (["stock", "adjust", "JTM-JLB-001", "2", "--reason", "kiriman",
                              "--cashier", who], [who]),
             takes_approval=False),
    Scenario(Action.DISCOUNT, _nothing,
             lambda s, a, ok, _: _sell(s, a, ok, discount="20%", pay=68_000),
             lambda who, _: (["sell", "--cashier", who, "JTM-JLB-001", "cash=68000",
                              "--discount", "20%"], [who])),
    Scenario(Action.PRICE, _nothing,
             lambda s, a, ok, _: _sell(s, a, ok, price=80_000, pay=80_000),
             lambda who, _: (["sell", "--cashier", who, "JTM-JLB-001@80000", "cash=80000"],
                             [who])),
    Scenario(Action.CASH_OUT, _nothing,
             lambda s, a, ok, _: shifts.move_cash(s.handle.uow(), a, -150_000, "setor",
                                                  approval=ok),
             lambda who, _: (["shift", "cash", "--cashier", who, "-150000", "--reason",
                              "setor"], [who])),
    Scenario(Action.SHIFT_CLOSE, _nothing,
             lambda s, a, ok, _: shifts.close_shift(
                 s.handle.uow(), a, 400_000, supervisor_name=ok.name if ok else None,
                 supervisor_pin=ok.pin if ok else ""),
             lambda who, _: (["shift", "close", "--cashier", who, "--counted", "400000"],
                             [who])),
    Scenario(Action.X_REPORT, _blind,
             lambda s, a, ok, _: print_queue.enqueue_report(s.handle.uow(), "x", actor=a,
                                                            approval=ok),
             lambda who, _: (["report", "x"], []), cli_changes=False),
    Scenario(Action.VOID, _a_sale,
             lambda s, a, ok, receipt: returns.void_sale(
                 s.handle.uow(), receipt, supervisor_name=_own(a, ok).name,
                 supervisor_pin=_own(a, ok).pin, reason="salah input"),
             lambda who, receipt: (["void", receipt, "--reason", "salah input"], []),
             by_name=True),
    Scenario(Action.REFUND, _a_sale,
             lambda s, a, ok, receipt: returns.refund(
                 s.handle.uow(), receipt, [RefundItem("JTM-JLB-001", 1)],
                 supervisor_name=_own(a, ok).name, supervisor_pin=_own(a, ok).pin,
                 reason="warna", method=CASH),
             lambda who, receipt: (["refund", receipt, "JTM-JLB-001", "--reason", "warna",
                                    "--method", "cash"], []),
             by_name=True),
    Scenario(Action.ORDER_CANCEL, _an_order,
             lambda s, a, ok, number: order_fulfil.cancel(
                 s.handle.uow(), number, supervisor_name=_own(a, ok).name,
                 supervisor_pin=_own(a, ok).pin, reason="batal", deposit="keep"),
             lambda who, number: (["order", "cancel", number, "--deposit", "keep"], []),
             by_name=True),
    Scenario(Action.CATALOG, _repriced,
             lambda s, a, ok, path: catalog.import_catalog(
                 s.handle.uow(), read_catalog_file(path), actor=a, approval=ok),
             lambda who, path: (["catalog", "import", str(path)], [])),
    Scenario(Action.USERS, _nothing,
             lambda s, a, ok, _: users.add_user(s.handle.uow(), "Citra", users.Role.CASHIER,
                                                "2468", actor=a, approval=ok),
             lambda who, _: (["cashier", "add", "Citra", "--role", "cashier"], []),
             new_pin="2468"),
    Scenario(Action.UNLOCK, _locked_citra,
             lambda s, a, ok, _: users.unlock(s.handle.uow(), "Citra", actor=a, approval=ok),
             lambda who, _: (["cashier", "unlock", "Citra"], [])),
    Scenario(Action.SETTINGS, _nothing,
             lambda s, a, ok, _: settings.save(
                 s.handle.uow(), replace(settings.DEFAULTS, cash_out_limit=1_000_000),
                 actor=a, approval=ok),
             lambda who, _: (["shift", "settings", "--cash-out-limit", "1000000"], [])),
    Scenario(Action.EVENT, _nothing,
             lambda s, a, ok, _: event.join(s.handle.uow(), KEY, actor=a, approval=ok),
             lambda who, _: (["event", "join", KEY], [])),
    Scenario(Action.RESTORE, _a_copy,
             lambda s, a, ok, copy: restore.restore(s.data, copy, approval=_own(a, ok)),
             lambda who, copy: (["restore", str(copy)], []), by_name=True),
]
BY_ACTION = {s.action: s for s in SCENARIOS}


def test_every_action_has_a_scenario() -> None:
    assert [s.action for s in SCENARIOS] == [rule.action for rule in POLICY]


def outcome(scenario: Scenario, role: str, approval: str) -> str:
    """"ok", or the code of the refusal the policy expects."""
    if approval == "wrong-pin":
        return "user.wrong_pin"
    if approval == "cashier-approver":
        return "user.not_supervisor"
    if approval == "budi" or role == "supervisor" or not scenario.action.rule.approval:
        return "ok"
    if scenario.by_name:  # the cashier signs herself
        return "user.not_supervisor"
    if scenario.action is Action.SHIFT_CLOSE:
        return "shift.close_needs_supervisor"
    return "policy.needs_supervisor"


CASES = [
    pytest.param(scenario, role, approval, id=f"{scenario.action}-{role}-{approval}")
    for scenario in SCENARIOS for role in ROLES for approval in APPROVALS
    if scenario.takes_approval or approval == "none"
]


@pytest.mark.parametrize(("scenario", "role", "approval"), CASES)
def test_the_services_hold_the_policy(jatim: Stand, tmp_path: Path, scenario: Scenario,
                                      role: str, approval: str) -> None:
    context = scenario.prepare(jatim, tmp_path)
    actor = jatim.cashier if role == "cashier" else users.login(
        jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)
    before, counted = dump_database(jatim.path, but=("pin_failure",)), wrong_pins(jatim.path)
    wanted = outcome(scenario, role, approval)

    try:
        scenario.service(jatim, actor, APPROVALS[approval], context)
        got = "ok"
    except PosError as refusal:
        got = refusal.code
        assert "\n" not in refusal.message
    assert got == wanted
    assert_outcome(jatim, wanted, approval, before, counted)


def assert_outcome(stand: Stand, wanted: str, approval: str, before: list[str],
                   counted: dict[str, int], *, changes: bool = True) -> None:
    """Allowed: the stand changed (unless the action only *changes* nothing: it shows).
    Refused: every table as it was, but a wrong approving PIN counted for Budi."""
    if wanted == "ok":
        assert (dump_database(stand.path, but=("pin_failure",)) != before) is changes
    else:
        assert dump_database(stand.path, but=("pin_failure",)) == before
        if approval == "wrong-pin":
            counted = {**counted, SUPERVISOR: counted.get(SUPERVISOR, 0) + 1}
        assert wrong_pins(stand.path) == counted


CLI_CASES = [
    pytest.param(scenario, role, approval, id=f"{scenario.action}-{role}-{approval}")
    for scenario in SCENARIOS if scenario.cli is not None
    for role in ROLES for approval in APPROVALS
    if (scenario.takes_approval or approval == "none")
    and (approval != "none" or scenario.action.rule.approval or role == "cashier")
]
CLI_WORDS = {
    "user.wrong_pin": "wrong name or PIN",
    "user.not_supervisor": "Ani is a cashier: a supervisor must approve this",
    "policy.needs_supervisor": "a supervisor must approve",
    "shift.close_needs_supervisor": "--supervisor",
}


@pytest.mark.parametrize(("scenario", "role", "approval"), CLI_CASES)
def test_the_command_line_holds_the_policy(
        jatim: Stand, tmp_path: Path, cli: Callable[..., CliResult], scenario: Scenario,
        role: str, approval: str) -> None:
    """The same matrix through ``posapp``: the acting person is ``--cashier`` where the
    command has one, else the one who signs (``--supervisor``)."""
    context = scenario.prepare(jatim, tmp_path)
    who = CASHIER if role == "cashier" else SUPERVISOR
    assert scenario.cli is not None
    words, own = scenario.cli(who, context)
    pins = {CASHIER: CASHIER_PIN, SUPERVISOR: SUPERVISOR_PIN}
    lines = [pins[name] for name in own]
    signer = APPROVALS[approval]
    if signer is None and not own and (scenario.by_name or role == "supervisor"):
        signer = Approval(who, pins[who])  # no actor: a supervisor signs themselves
    if signer is not None:
        words += ["--supervisor", signer.name]
        lines.append(signer.pin)
    if scenario.new_pin:
        lines.append(scenario.new_pin)
    before, counted = dump_database(jatim.path, but=("pin_failure",)), wrong_pins(jatim.path)
    wanted = outcome(scenario, role, approval)

    r = cli("--pin-stdin", *words, stdin="".join(f"{line}\n" for line in lines))

    if wanted == "ok":
        assert r.code == 0, r.err
        assert r.out
    else:
        assert r.code == 1 and r.out == ""
        assert len(r.err.splitlines()) == 1 and CLI_WORDS[wanted] in r.err, r.err
    assert_outcome(jatim, wanted, approval, before, counted, changes=scenario.cli_changes)


def test_docs_roles_md_prints_the_policy() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "scripts/roles_doc.py", "--check"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = (root / "docs" / "roles.md").read_text(encoding="utf-8")
    assert "| a discount above the stand's limit | with a supervisor's approval | yes |" in text
    assert "| diskon di atas batas stan | dengan persetujuan supervisor | ya |" in text


def test_the_open_price_floor_is_the_stands_setting(
        jatim: Stand, cli: Callable[..., CliResult]) -> None:
    set_floor = cli("--pin-stdin", "shift", "settings", "--open-price-floor", "50000",
                    "--supervisor", SUPERVISOR, stdin=f"{SUPERVISOR_PIN}\n")
    assert set_floor.code == 0, set_floor.err
    sell = ["--pin-stdin", "sell", "--cashier", CASHIER]
    low = cli(*sell, "JTM-CST-001@20000", "cash=20000", stdin=f"{CASHIER_PIN}\n")
    assert (low.code, low.err) == (
        1, "posapp: a supervisor must approve a price changed at the counter\n")
    fair = cli(*sell, "JTM-CST-001@60000", "cash=60000", "--no-print",
               stdin=f"{CASHIER_PIN}\n")
    assert fair.code == 0, fair.err
