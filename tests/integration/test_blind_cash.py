"""A blind count stays blind everywhere: on a stand that counts the drawer blind, moving cash
never tells a cashier what the drawer should hold (a supervisor still sees it), and an X
report job printed again needs the approval printing one does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.services import print_queue, settings, shifts, users
from tests.conftest import (
    AS_BUDI,
    BUDI,
    BUDI_PIN_LINE,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
)

Cli = Callable[..., CliResult]
ANI_PIN_LINE = f"{CASHIER_PIN}\n"


def count_blind(stand: Stand, *, printer: str | None = None) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(
        current, blind_count=True, printer=current.printer if printer is None else printer),
        approval=BUDI)


# -- shift cash ------------------------------------------------------------------------------
def test_a_cashier_moving_cash_on_a_blind_stand_is_not_told_the_drawer(jatim: Stand,
                                                                       cli: Cli) -> None:
    count_blind(jatim)
    cash_in = cli("shift", "cash", "--cashier", "Ani", "--pin-stdin", "50000",
                  "--reason", "kembalian", stdin=ANI_PIN_LINE)
    cash_out = cli("shift", "cash", "--cashier", "Ani", "--pin-stdin", "--reason", "beli air",
                   "--", "-20000", stdin=ANI_PIN_LINE)
    assert (cash_in.code, cash_in.err) == (0, "")
    assert cash_in.out == ("cash in Rp 50.000 recorded; the stand counts blind, so what the "
                           "drawer should hold is not shown\n")
    assert (cash_out.code, cash_out.err) == (0, "")
    assert cash_out.out == ("cash out Rp 20.000 recorded; the stand counts blind, so what the "
                            "drawer should hold is not shown\n")
    with jatim.handle.uow(write=False) as uow:  # both recorded all the same
        from posapp.services import reports
        assert reports.shift_report(uow, shifts.require_open_shift(uow)).expected_cash == 530_000


def test_a_supervisor_moving_cash_on_a_blind_stand_sees_the_drawer(jatim: Stand,
                                                                   cli: Cli) -> None:
    count_blind(jatim)
    r = cli("shift", "cash", "--cashier", SUPERVISOR, "--pin-stdin", "50000",
            "--reason", "kembalian", stdin=f"{SUPERVISOR_PIN}\n")
    assert (r.code, r.out) == (0, "cash in Rp 50.000; the drawer should hold Rp 550.000\n")


def test_a_stand_not_counting_blind_tells_the_cashier_the_drawer(jatim: Stand,
                                                                 cli: Cli) -> None:
    r = cli("shift", "cash", "--cashier", "Ani", "--pin-stdin", "50000",
            "--reason", "kembalian", stdin=ANI_PIN_LINE)
    assert (r.code, r.out) == (0, "cash in Rp 50.000; the drawer should hold Rp 550.000\n")


def test_taking_out_more_than_the_drawer_on_a_blind_stand_names_no_amount(
        jatim: Stand, cli: Cli) -> None:
    count_blind(jatim)
    before = dump_database(jatim.path)
    r = cli("shift", "cash", "--cashier", "Ani", "--pin-stdin", "--supervisor", SUPERVISOR,
            "--reason", "setor", "--", "-600000", stdin=f"{CASHIER_PIN}\n{SUPERVISOR_PIN}\n")
    assert (r.code, r.out) == (1, "")
    assert r.err == ("posapp: cannot take out Rp 600.000: that is more than the drawer "
                     "should hold\n")
    assert dump_database(jatim.path) == before

    with pytest.raises(InvalidInput) as by_budi:  # a supervisor is told the figure
        budi = users.login(jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)
        shifts.move_cash(jatim.handle.uow(), budi, -600_000, "setor")
    assert by_budi.value.message == ("cannot take out Rp 600.000: the drawer should hold "
                                     "Rp 500.000")


# -- print retry of an X report job -------------------------------------------------------
def failed_x_report_job(stand: Stand) -> int:
    """An X report job queued with Budi's approval that did not print (no printer)."""
    count_blind(stand, printer="")
    job_id = print_queue.enqueue_report(stand.handle.uow(), "x", approval=BUDI)
    job = print_queue.run_job(stand.handle.uow, job_id, target="", width=32)
    assert job.status == "failed"
    return job_id


def set_printer(stand: Stand, device: Path) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, printer=f"file:{device}"), approval=BUDI)


def test_print_retry_of_an_x_report_on_a_blind_stand_needs_a_supervisor(
        jatim: Stand, cli: Cli, tmp_path: Path) -> None:
    job_id = failed_x_report_job(jatim)
    device = tmp_path / "lp0"
    set_printer(jatim, device)
    before = dump_database(jatim.path)

    for words in (["print", "retry", str(job_id)], ["print", "retry", "--all"]):
        r = cli(*words)
        assert (r.code, r.out) == (1, "")
        assert r.err == ("posapp: a supervisor must approve showing or printing the open "
                         "shift's X report\n")
    assert dump_database(jatim.path) == before and not device.exists()

    r = cli("print", "retry", str(job_id), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0, r.err
    assert b"LAPORAN X" in device.read_bytes()


def test_retrying_an_x_report_job_in_the_service(jatim: Stand) -> None:
    job_id = failed_x_report_job(jatim)
    with pytest.raises(NotAllowed) as refused:
        print_queue.retry(jatim.handle.uow(), job_id, actor=jatim.cashier)
    assert refused.value.code == "policy.needs_supervisor"
    assert print_queue.get(jatim.handle.uow(write=False), job_id).status == "failed"

    budi = users.login(jatim.handle.uow(write=False), SUPERVISOR, SUPERVISOR_PIN)
    assert print_queue.retry(jatim.handle.uow(), job_id, actor=budi).status == "waiting"


def test_an_x_report_job_of_a_closed_shift_prints_again_without_approval(
        jatim: Stand, cli: Cli, tmp_path: Path) -> None:
    job_id = failed_x_report_job(jatim)
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)  # it prints as the Z now
    device = tmp_path / "lp0"
    set_printer(jatim, device)
    r = cli("print", "retry", str(job_id))
    assert r.code == 0, r.err
    assert b"LAPORAN Z" in device.read_bytes()
