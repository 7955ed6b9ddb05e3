"""Closing a shift with a count far off the expected cash needs a supervisor: the rule lives in
the shift service, so the window and the command line both obey it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace

import pytest

import posapp.cli.args as args_module
from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.services import settings, shifts, users
from tests.conftest import (
    BUDI,
    CASHIER,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
    wrong_pins,
)

EXPECTED = 500_000  # the opening float; nothing sold

Cli = Callable[..., CliResult]


def shift_row(stand: Stand) -> tuple[int, int | None]:
    conn = sqlite3.connect(stand.path)
    try:
        return conn.execute("SELECT closed_at IS NOT NULL, counted_cash FROM shift").fetchone()
    finally:
        conn.close()


def closed_payload(stand: Stand) -> dict[str, object]:
    conn = sqlite3.connect(stand.path)
    try:
        (payload,) = conn.execute(
            "SELECT payload FROM journal WHERE kind = 'shift.closed'").fetchone()
    finally:
        conn.close()
    return dict(json.loads(payload))


def set_limit(stand: Stand, limit: int) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, cash_difference_limit=limit), approval=BUDI)


def test_the_limit_defaults_to_rp_50_000_and_blind_count_to_off(jatim: Stand) -> None:
    s = settings.get(jatim.handle.uow(write=False))
    assert (s.cash_difference_limit, s.blind_count) == (50_000, False)


@pytest.mark.parametrize("counted", [EXPECTED - 50_000, EXPECTED + 50_000, EXPECTED])
def test_a_difference_within_the_limit_closes_without_a_supervisor(
        jatim: Stand, counted: int) -> None:
    z = shifts.close_shift(jatim.handle.uow(), jatim.cashier, counted)
    assert z.over_short == counted - EXPECTED
    assert shift_row(jatim) == (1, counted)
    assert "approved_by" not in closed_payload(jatim)


@pytest.mark.parametrize("counted, difference", [(EXPECTED - 50_001, 50_001),
                                                 (EXPECTED + 120_000, 120_000), (0, EXPECTED)])
def test_a_difference_above_the_limit_is_refused_without_a_supervisor(
        jatim: Stand, counted: int, difference: int) -> None:
    before = dump_database(jatim.path)
    with pytest.raises(NotAllowed) as refused:
        shifts.close_shift(jatim.handle.uow(), jatim.cashier, counted)
    assert refused.value.code == "shift.close_needs_supervisor"
    assert refused.value.values == {"difference": difference, "limit": 50_000}
    assert refused.value.text("id").startswith(
        "Hitungan selisih Rp ")
    assert "lebih dari Rp 50.000" in refused.value.text("id")
    assert dump_database(jatim.path) == before  # the shift is still open


def test_a_supervisor_approves_a_difference_above_the_limit(jatim: Stand) -> None:
    z = shifts.close_shift(jatim.handle.uow(), jatim.cashier, 380_000,
                           supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN)
    assert z.over_short == -120_000 and z.closed_by == CASHIER
    assert shift_row(jatim) == (1, 380_000)
    assert closed_payload(jatim)["approved_by"] == SUPERVISOR


@pytest.mark.parametrize("name, pin, code", [
    (CASHIER, CASHIER_PIN, "user.not_supervisor"),  # a cashier cannot approve, not even her own
    (SUPERVISOR, "0000", "user.wrong_pin"),
])
def test_a_cashier_or_a_wrong_pin_does_not_approve(
        jatim: Stand, name: str, pin: str, code: str) -> None:
    before = dump_database(jatim.path)
    with pytest.raises(NotAllowed) as refused:
        shifts.close_shift(jatim.handle.uow(), jatim.cashier, 380_000,
                           supervisor_name=name, supervisor_pin=pin)
    assert refused.value.code == code
    assert dump_database(jatim.path, but=("pin_failure",)) == before
    assert wrong_pins(jatim.path) == ({SUPERVISOR: 1} if pin == "0000" else {})


def test_a_wrong_supervisor_pin_is_refused_even_within_the_limit(jatim: Stand) -> None:
    with pytest.raises(NotAllowed, match="wrong name or PIN"):
        shifts.close_shift(jatim.handle.uow(), jatim.cashier, EXPECTED,
                           supervisor_name=SUPERVISOR, supervisor_pin="0000")
    assert shift_row(jatim) == (0, None)


def test_a_supervisor_closing_the_shift_approves_their_own_count(jatim: Stand) -> None:
    budi = users.login(jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)
    z = shifts.close_shift(jatim.handle.uow(), budi, 380_000)
    assert z.closed_by == SUPERVISOR
    assert closed_payload(jatim)["approved_by"] == SUPERVISOR


def test_the_limit_is_the_stands_setting(jatim: Stand) -> None:
    set_limit(jatim, 0)  # every difference needs a supervisor
    with pytest.raises(NotAllowed, match="more than Rp 0"):
        shifts.close_shift(jatim.handle.uow(), jatim.cashier, EXPECTED + 100)
    set_limit(jatim, 200_000)
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, EXPECTED - 150_000)
    assert shift_row(jatim) == (1, EXPECTED - 150_000)


def test_a_limit_out_of_range_is_refused_and_nothing_is_stored(jatim: Stand) -> None:
    current = settings.get(jatim.handle.uow(write=False))
    with pytest.raises(InvalidInput) as refused:
        settings.save(jatim.handle.uow(), replace(current, cash_difference_limit=-1), approval=BUDI)
    assert refused.value.text("id").startswith(
        "selisih kas yang perlu persetujuan supervisor (rupiah) harus bilangan bulat")
    assert settings.get(jatim.handle.uow(write=False)) == current


# -- the command line ----------------------------------------------------------------------
def test_cli_closes_within_the_limit_with_the_cashiers_pin_only(jatim: Stand, cli: Cli) -> None:
    r = cli("--pin-stdin", "shift", "close", "--cashier", CASHIER, "--counted", "480.000",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err
    assert "LAPORAN Z" in r.out
    assert shift_row(jatim) == (1, 480_000)


def test_cli_script_without_a_supervisor_is_told_how_to_name_one(jatim: Stand, cli: Cli) -> None:
    r = cli("--pin-stdin", "shift", "close", "--cashier", CASHIER, "--counted", "380.000",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code != 0
    assert r.err.strip() == (
        "posapp: the count is Rp 120.000 off the expected cash, more than Rp 50.000: name the "
        "approving supervisor with --supervisor NAME (with --pin-stdin, their PIN on the line "
        "after the cashier's)")
    assert shift_row(jatim) == (0, None)


def test_cli_closes_with_the_supervisors_pin_after_the_cashiers(jatim: Stand, cli: Cli) -> None:
    r = cli("--pin-stdin", "shift", "close", "--cashier", CASHIER, "--counted", "380.000",
            "--supervisor", SUPERVISOR, "--json", stdin=f"{CASHIER_PIN}\n{SUPERVISOR_PIN}\n")
    assert r.code == 0, r.err
    assert json.loads(r.out)["over_short"] == -120_000
    assert closed_payload(jatim)["approved_by"] == SUPERVISOR


def test_cli_refuses_a_cashier_as_the_approver(jatim: Stand, cli: Cli) -> None:
    r = cli("--pin-stdin", "shift", "close", "--cashier", CASHIER, "--counted", "380.000",
            "--supervisor", CASHIER, stdin=f"{CASHIER_PIN}\n{CASHIER_PIN}\n")
    assert r.code != 0
    assert r.err.strip() == "posapp: Ani is a cashier: a supervisor must approve this"
    assert shift_row(jatim) == (0, None)


class Terminal:
    """A terminal's standard input: lines typed one after another."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.lines.pop(0) + "\n"


def test_cli_on_a_terminal_asks_for_the_supervisors_name_and_pin(
        jatim: Stand, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = Terminal(SUPERVISOR)
    pins = iter([CASHIER_PIN, SUPERVISOR_PIN])
    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return next(pins)

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return typed.readline().strip()

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("builtins.input", ask)
    original = args_module.PinReader.__init__

    def on_terminal(self: args_module.PinReader, from_stdin: bool, stdin: object = None) -> None:
        original(self, from_stdin, typed)  # type: ignore[arg-type]  # the PINs' terminal

    monkeypatch.setattr(args_module.PinReader, "__init__", on_terminal)
    r = cli("shift", "close", "--cashier", CASHIER, "--counted", "380.000")
    assert r.code == 0, r.err
    assert asked == [f"PIN {CASHIER}: ", "Supervisor's name: ", f"PIN {SUPERVISOR}: "]
    assert "more than Rp 50.000" in r.err  # why the supervisor was asked for
    assert closed_payload(jatim)["approved_by"] == SUPERVISOR


def test_cli_shift_settings_show_and_set(jatim: Stand, cli: Cli) -> None:
    r = cli("shift", "settings")
    assert r.out.strip() == ("Closing a shift: the expected cash is shown while counting; a "
                             "count off by more than Rp 50.000 needs a supervisor")
    r = cli("shift", "settings", "--blind-count", "on", "--difference-limit", "100.000")
    assert (r.code, r.err.strip()) == (
        1, "posapp: a supervisor must approve changing the stand's settings")
    r = cli("--pin-stdin", "shift", "settings", "--blind-count", "on", "--difference-limit",
            "100.000", "--supervisor", SUPERVISOR, stdin=f"{SUPERVISOR_PIN}\n")
    assert r.code == 0, r.err
    assert "blind count" in r.out and "Rp 100.000" in r.out
    s = settings.get(jatim.handle.uow(write=False))
    assert (s.blind_count, s.cash_difference_limit) == (True, 100_000)
