"""Wrong PINs: five in a row lock a name out (30 s, then 1, 5 and 15 minutes), kept in the
stand's database across a restart, journaled, said with how long to wait, lifted by a
supervisor; and nothing typed is logged on a failed log-in. Waits run on a clock the test
moves, never on sleep."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from posapp.bootstrap import StandHandle, open_stand
from posapp.domain.errors import NotAllowed
from posapp.domain.policy import lockout_seconds
from posapp.services import journal, users
from tests.conftest import (
    BUDI,
    BUDI_PIN_LINE,
    CASHIER,
    CASHIER_PIN,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
    wrong_pins,
)


class Clock:
    """The stand's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 26, 3, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reopen(jatim: Stand, clock: Clock) -> Callable[[], StandHandle]:
    """A new session on the stand's file, on the test's clock (as after a restart)."""
    jatim.handle.close()
    handles: list[StandHandle] = []

    def open_again() -> StandHandle:
        for handle in handles:
            handle.close()
        handles.append(open_stand(jatim.data, "JATIM", clock=clock))
        return handles[-1]

    yield open_again
    for handle in handles:
        handle.close()


def log_in(handle: StandHandle, pin: str, name: str = CASHIER) -> str:
    """"ok", or the refusal as the command line says it."""
    try:
        users.login(handle.uow(write=False), name, pin)
    except NotAllowed as refusal:
        return refusal.message
    return "ok"


def test_the_waits_grow_after_each_five() -> None:
    assert [lockout_seconds(n) for n in (1, 4, 5, 6, 9, 10, 15, 20, 25, 30)] == [
        0, 0, 30, 0, 0, 60, 300, 900, 900, 900]


def test_five_wrong_pins_lock_the_name_out_across_a_restart(
        jatim: Stand, reopen: Callable[[], StandHandle], clock: Clock) -> None:
    handle = reopen()
    said = [log_in(handle, "0000") for _ in range(5)]
    assert said == ["wrong name or PIN"] * 4 + [
        "too many wrong PINs for Ani: wait 30 seconds, or ask a supervisor to unlock"]

    handle = reopen()  # a restart does not reset it
    clock.wait(10)
    assert log_in(handle, CASHIER_PIN) == (
        "too many wrong PINs for Ani: wait 20 seconds, or ask a supervisor to unlock")
    assert log_in(handle, SUPERVISOR_PIN, name="Budi") == "ok"  # only Ani waits

    clock.wait(20)
    assert log_in(handle, CASHIER_PIN) == "ok"
    assert wrong_pins(jatim.path) == {}  # the right PIN starts the count again


def test_each_further_five_waits_longer_and_each_lock_out_is_journaled(
        jatim: Stand, reopen: Callable[[], StandHandle], clock: Clock) -> None:
    handle = reopen()
    waits = []
    for _ in range(4):
        said = [log_in(handle, "0000") for _ in range(5)]
        waits.append(said[-1].split("wait ")[1].split(",")[0])
        clock.wait(15 * 60)
    assert waits == ["30 seconds", "1 minute", "5 minutes", "15 minutes"]
    with handle.uow(write=False) as uow:
        locked = [json.loads(e.payload) for e in journal.iter_entries(uow.session)
                  if e.kind == "user.locked"]
    assert [(e["name"], e["failures"]) for e in locked] == [
        ("Ani", 5), ("Ani", 10), ("Ani", 15), ("Ani", 20)]
    assert "0000" not in json.dumps(locked)


def test_a_wrong_approving_pin_counts_for_the_supervisor(
        jatim: Stand, reopen: Callable[[], StandHandle]) -> None:
    handle = reopen()
    for _ in range(5):
        with pytest.raises(NotAllowed), handle.uow() as uow:
            users.supervisor(uow, "Budi", "000000")
    assert log_in(handle, SUPERVISOR_PIN, name="Budi").startswith("too many wrong PINs for Budi")


def test_a_supervisor_lifts_the_lock_out(jatim: Stand, reopen: Callable[[], StandHandle]) -> None:
    handle = reopen()
    for _ in range(5):
        log_in(handle, "0000")
    with pytest.raises(NotAllowed, match="a supervisor must approve"):
        users.unlock(handle.uow(), CASHIER)  # no one approved
    users.unlock(handle.uow(), CASHIER, approval=BUDI)
    assert log_in(handle, CASHIER_PIN) == "ok"


def test_an_unknown_name_is_never_counted_nor_stored(
        jatim: Stand, reopen: Callable[[], StandHandle]) -> None:
    handle = reopen()
    before = dump_database(jatim.path)
    said = {log_in(handle, "0000", name="123456") for _ in range(7)}
    assert said == {"wrong name or PIN"}
    assert dump_database(jatim.path) == before


def test_the_command_line_says_how_long_and_logs_nothing_typed(
        jatim: Stand, cli: Callable[..., CliResult], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="posapp")
    sell = ["--pin-stdin", "sell", "--cashier", CASHIER, "JTM-JLB-001", "cash=85000"]
    said = [cli(*sell, stdin="4321\n") for _ in range(5)]
    assert [r.code for r in said] == [1] * 5
    assert [r.err for r in said] == ["posapp: wrong name or PIN\n"] * 4 + [
        "posapp: too many wrong PINs for Ani: wait 30 seconds, or ask a supervisor to unlock\n"]

    again = cli(*sell, stdin=f"{CASHIER_PIN}\n")  # each command is a new process's session
    assert again.code == 1 and again.err.startswith("posapp: too many wrong PINs for Ani: wait ")
    assert len(again.err.splitlines()) == 1
    unlocked = cli("--pin-stdin", "cashier", "unlock", CASHIER, "--supervisor", "Budi",
                   stdin=BUDI_PIN_LINE)
    assert (unlocked.code, unlocked.out) == (0, "Ani can log in again\n")
    assert cli(*sell, stdin=f"{CASHIER_PIN}\n").code == 0

    typed = cli("--pin-stdin", "sell", "--cashier", "1234", "JTM-JLB-001", "cash=85000",
                stdin="1234\n")  # a PIN typed into the name
    assert typed.err == "posapp: wrong name or PIN\n"
    assert "4321" not in caplog.text and "'1234'" not in caplog.text
    log_file = (jatim.data.root / "posapp.log")
    if log_file.exists():
        assert "4321" not in log_file.read_text(encoding="utf-8")
