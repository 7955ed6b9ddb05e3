"""Printers that are not believed blindly: local TCP servers acting as broken printers (one
that takes the connection and never reads, a full listen backlog, one that resets, one
that hangs up at once, one out of paper, one off line). Each time ``posapp sell`` records
the sale, the receipt's job ends failed with the reason and stays queued, and ``posapp
print retry`` prints it once a working printer answers on the same address; the sale is
never touched.

No timing asserts: a command runs in a thread joined with a generous limit, so a hang
fails the test instead of stopping the suite. A printer that is waited out (never reads, a
full backlog, never answers its status) is waited out with posapp's waits made shorter
(tests/printer_servers.py quick_waits: the same code, 1 s for the job instead of 4 s).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from escpos.printer import Dummy

from posapp.domain.receipt import layout_receipt
from posapp.printing.checked import STATUS_QUERY
from posapp.printing.escpos_render import render_escpos
from posapp.services import print_queue
from posapp.services.receipts import receipt_for
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CASHIER_PIN, CliResult, Stand, dump_database
from tests.printer_servers import QUICK_JOB, Behaviour, FakePrinter, printer, quick_waits

LIMIT = 60.0  # seconds: far above the printer's 3 + 4 s; only a hang reaches it

#: Each broken printer, and the reasons its job may fail with (a reset can come while the
#: connection is still being made, or after it was made: the kernel decides which).
FAULTS: dict[Behaviour, tuple[str, ...]] = {
    "never_reads": ("printer.stuck",),
    "backlog_full": ("printer.no_answer",),
    "resets": ("printer.hung_up", "printer.no_answer"),
    "closes": ("printer.hung_up", "printer.no_answer"),
    "paper_out": ("printer.paper_out",),
    "offline": ("printer.offline",),
}
#: The faults found only by waiting a time-out out: waited with quick_waits. The others
#: answer at once (their status bytes, a reset), so they keep posapp's own waits.
WAITED: set[Behaviour] = {"never_reads", "backlog_full"}
WORDS = {  # what the reason says, in English (the command line), with quick_waits' job time
    "printer.stuck": f"took the connection but not the receipt within {int(QUICK_JOB)} s",
    "printer.no_answer": "did not answer",
    "printer.hung_up": "closed the connection before it took the whole receipt",
    "printer.paper_out": "is out of paper",
    "printer.offline": "is off line",
}


def finished(call: Callable[[], Any]) -> Any:
    """*call*'s result, run in a thread; fails the test if it hangs."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(LIMIT)
    assert not thread.is_alive(), "the printer held the command"
    return result[0]


def sale_rows(stand: Stand) -> list[str]:
    """The stand's rows without the print queue's: what a print may never change."""
    return [line for line in dump_database(stand.path) if "print_job" not in line]


def receipt_bytes(stand: Stand, receipt_no: str) -> bytes:
    """The receipt's ESC/POS bytes, as the queue draws it (no drawer: a retry)."""
    receipt = receipt_for(stand.handle.uow(write=False), receipt_no, lang="id")
    dummy = Dummy()
    render_escpos(layout_receipt(receipt, 42, lang="id"), 42, dummy)
    return bytes(dummy.output)


def sell(cli: Callable[..., CliResult]) -> CliResult:
    return cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001*2", "cash=200000",
               stdin=f"{CASHIER_PIN}\n")


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_broken_printer_fails_the_job_keeps_it_and_retry_prints_it(
        jatim: Stand, cli: Callable[..., CliResult], fault: Behaviour) -> None:
    with printer(fault) as broken:
        assert cli("printer", "set", broken.target, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
        with quick_waits() if fault in WAITED else contextlib.nullcontext():
            sold = finished(lambda: sell(cli))
    assert sold.code == 0, sold.err  # the sale is recorded whatever the printer does
    assert sold.out.startswith("JATIM-000001  total Rp 170.000")
    assert any(sold.err.startswith(
        f"posapp: sale JATIM-000001 is recorded, but its receipt was not printed: "
        f"printer {broken.target} {WORDS[code]}") for code in FAULTS[fault]), sold.err
    assert sold.err.endswith("it waits in the print queue (posapp print retry 1)\n")
    assert sold.err.count("\n") == 1
    [job] = print_queue.pending(jatim.handle.uow(write=False))
    assert (job.id, job.ref, job.status, job.attempts) == (1, "JATIM-000001", "failed", 1)
    assert job.problem is not None and job.problem.code in FAULTS[fault]
    rows = sale_rows(jatim)

    listed = cli("print", "jobs")
    assert listed.code == 0
    assert listed.out.splitlines()[1].split()[:5] == ["1", "receipt", "JATIM-000001",
                                                      "failed", "1"]

    with FakePrinter("good", broken.port) as good:  # the printer is back on its address
        retried = finished(lambda: cli("print", "retry", "--all"))
        assert retried.code == 0, retried.err
        assert retried.out == f"job 1 (receipt JATIM-000001) printed on {good.target}\n"
        [paper] = good.wait_jobs(1)
    assert paper == receipt_bytes(jatim, "JATIM-000001")
    assert b"JATIM-000001" in paper and b"Jilbab Lukis Bunga Teratai" in paper
    done = print_queue.get(jatim.handle.uow(write=False), 1)
    assert (done.status, done.attempts, done.last_error) == ("done", 1, None)
    assert print_queue.pending(jatim.handle.uow(write=False)) == []
    assert sale_rows(jatim) == rows  # the sale, its lines, payments and journal as they were


def test_retry_while_the_printer_is_still_stuck_counts_the_attempt_and_exits_1(
        jatim: Stand, cli: Callable[..., CliResult]) -> None:
    with printer("never_reads") as broken:
        assert cli("printer", "set", broken.target, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
        with quick_waits():
            assert finished(lambda: sell(cli)).code == 0
            again = finished(lambda: cli("print", "retry", "1"))
    assert again.code == 1
    assert again.out == ""
    assert again.err == (f"posapp: job 1 (receipt JATIM-000001) not printed: printer "
                         f"{broken.target} took the connection but not the receipt within "
                         f"{int(QUICK_JOB)} s: "
                         "a paper jam, or the printer is frozen (turn it off and on) "
                         "(attempts: 2)\n")
    job = print_queue.get(jatim.handle.uow(write=False), 1)
    assert (job.status, job.attempts) == ("failed", 2)


def test_a_cheap_printer_that_never_answers_its_status_still_prints(
        jatim: Stand, cli: Callable[..., CliResult]) -> None:
    """No DLE EOT answer: the receipt counts as printed once the printer read it all and
    closed the connection after the sender did."""
    with printer("mute") as cheap:
        assert cli("printer", "set", cheap.target, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
        with quick_waits(connect=False, job=False):  # its status is never coming
            sold = finished(lambda: sell(cli))
        [paper] = cheap.wait_jobs(1)
    assert (sold.code, sold.err) == (0, "")
    assert paper == receipt_bytes(jatim, "JATIM-000001")  # no cash drawer set up
    assert cheap.questions == 2  # asked once, before the receipt
    assert print_queue.pending(jatim.handle.uow(write=False)) == []


def test_a_working_printer_is_asked_before_and_after_and_the_sale_prints_once(
        jatim: Stand, cli: Callable[..., CliResult]) -> None:
    with printer("good") as good:
        assert cli("printer", "set", good.target, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
        sold = finished(lambda: sell(cli))
        [paper] = good.wait_jobs(1)
    assert (sold.code, sold.err) == (0, "")
    assert b"JATIM-000001" in paper and STATUS_QUERY not in paper
    assert good.questions == 4
    job = print_queue.get(jatim.handle.uow(write=False), 1)
    assert (job.status, job.attempts) == ("done", 0)


def test_sell_no_print_queues_nothing(jatim: Stand, cli: Callable[..., CliResult]) -> None:
    with printer("good") as good:
        assert cli("printer", "set", good.target, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
        sold = cli("sell", "--cashier", "ani", "--pin-stdin", "--no-print", "JTM-JLB-001",
                   "cash=100000", stdin=f"{CASHIER_PIN}\n")
    assert (sold.code, sold.err) == (0, "")
    assert print_queue.listing(jatim.handle.uow(write=False), everything=True) == []
    assert good.jobs == []

