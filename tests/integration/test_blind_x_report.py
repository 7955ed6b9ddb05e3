"""A blind count stays blind: on a stand that counts the drawer blind, the open shift's X
report (it shows the cash expected in the drawer) needs a supervisor, through the command line
(``report x``, ``print report x``) and the print queue alike; a Z report never does, and a
stand that does not count blind prints its X report as before."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.domain.errors import NotAllowed
from posapp.services import print_queue, settings, users
from posapp.services.session.stand import StandSession
from tests.conftest import (
    AS_BUDI,
    BUDI,
    BUDI_PIN_LINE,
    CASHIER,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
    wrong_pins,
)

Cli = Callable[..., CliResult]
REFUSED = ("posapp: a supervisor must approve showing or printing the open shift's X "
           "report\n")


def count_blind(stand: Stand, *, printer: str = "") -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, blind_count=True,
                                              printer=printer or current.printer),
                  approval=BUDI)


def jobs(stand: Stand) -> list[str]:
    return [job.ref for job in print_queue.pending(stand.handle.uow(write=False))]


# -- the command line ------------------------------------------------------------------------
def test_report_x_on_a_blind_stand_is_refused_in_one_line_and_changes_nothing(
        jatim: Stand, cli: Cli) -> None:
    count_blind(jatim)
    before = dump_database(jatim.path)

    r = cli("report", "x")

    assert (r.code, r.out, r.err) == (1, "", REFUSED)
    assert dump_database(jatim.path) == before


def test_report_x_with_a_supervisor_shows_the_expected_cash(jatim: Stand, cli: Cli) -> None:
    count_blind(jatim)

    r = cli("report", "x", *AS_BUDI, stdin=BUDI_PIN_LINE)

    assert r.code == 0, r.err
    assert "LAPORAN X" in r.out and "Rp 500.000" in r.out  # the float: the cash expected
    json_r = cli("report", "x", "--json", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert json_r.code == 0, json_r.err
    assert '"expected_cash": 500000' in json_r.out


@pytest.mark.parametrize(("name", "pin", "said"), [
    (SUPERVISOR, "000000", "posapp: wrong name or PIN\n"),
    (CASHIER, CASHIER_PIN, "posapp: Ani is a cashier: a supervisor must approve this\n"),
])
def test_report_x_with_a_wrong_pin_or_a_cashier_as_approver_is_refused(
        jatim: Stand, cli: Cli, name: str, pin: str, said: str) -> None:
    count_blind(jatim)
    before = dump_database(jatim.path, but=("pin_failure",))

    for words in (["report", "x"], ["print", "report", "x", "--pdf", "x.pdf"]):
        r = cli("--pin-stdin", *words, "--supervisor", name, stdin=f"{pin}\n")
        assert (r.code, r.out, r.err) == (1, "", said)

    assert dump_database(jatim.path, but=("pin_failure",)) == before
    assert wrong_pins(jatim.path) == ({SUPERVISOR: 2} if pin == "000000" else {})


def test_print_report_x_on_a_blind_stand_needs_a_supervisor(jatim: Stand, cli: Cli,
                                                            tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    count_blind(jatim, printer=f"file:{device}")
    before = dump_database(jatim.path)

    refused = cli("print", "report", "x")
    assert (refused.code, refused.out, refused.err) == (1, "", REFUSED)
    assert not device.exists() and dump_database(jatim.path) == before

    r = cli("print", "report", "x", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert (r.code, r.out) == (0, f"X report sent to file:{device}\n"), r.err
    data = device.read_bytes()
    assert b"LAPORAN X" in data and b"Rp 500.000" in data


def test_the_z_report_of_a_closed_shift_is_never_restricted(jatim: Stand, cli: Cli,
                                                             tmp_path: Path) -> None:
    count_blind(jatim)
    r = cli("shift", "close", "--cashier", CASHIER, "--counted", "500000", "--pin-stdin",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err

    shown = cli("report", "z")
    assert shown.code == 0, shown.err
    assert "LAPORAN Z" in shown.out and "Rp 500.000" in shown.out
    pdf = tmp_path / "z.pdf"
    assert cli("print", "report", "z", "--pdf", str(pdf)).code == 0 and pdf.exists()
    assert print_queue.enqueue_report(jatim.handle.uow(), "z") > 0  # no one logged in


def test_a_stand_that_does_not_count_blind_shows_its_x_report_to_anyone(
        jatim: Stand, cli: Cli) -> None:
    r = cli("report", "x")
    assert r.code == 0, r.err
    assert "LAPORAN X" in r.out and "Rp 500.000" in r.out


# -- the print queue (what the window calls) ----------------------------------------------------
def test_a_cashier_queues_the_x_report_of_a_blind_stand_only_with_a_supervisor(
        jatim: Stand) -> None:
    count_blind(jatim)
    budi = users.login(jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)

    with pytest.raises(NotAllowed) as refused:
        print_queue.enqueue_report(jatim.handle.uow(), "x", actor=jatim.cashier)
    assert refused.value.code == "policy.needs_supervisor"
    assert jobs(jatim) == []

    print_queue.enqueue_report(jatim.handle.uow(), "x", actor=jatim.cashier, approval=BUDI)
    print_queue.enqueue_report(jatim.handle.uow(), "x", actor=budi)  # his own
    assert jobs(jatim) == ["X-1", "X-1"]


def test_the_session_asks_the_print_queue_as_whoever_is_logged_in(jatim: Stand) -> None:
    """The window's desks: Ani's X report needs Budi; Budi logged in prints at once; the
    figures the close-shift dialog reveals after the blind count need no one."""
    count_blind(jatim)
    session = StandSession.open(jatim.handle)
    session.login(CASHIER, CASHIER_PIN)

    with pytest.raises(NotAllowed) as refused:
        session.prints.report("x")
    assert refused.value.code == "policy.needs_supervisor" and jobs(jatim) == []
    session.prints.report("x", approval=BUDI)
    report = session.shift_report()
    assert report is not None and report.expected_cash == 500_000
    session.login(SUPERVISOR, SUPERVISOR_PIN)
    session.prints.report("x")
    assert jobs(jatim) == ["X-1", "X-1"]
