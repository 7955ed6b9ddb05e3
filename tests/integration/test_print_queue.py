"""The print queue: a printer that is off, out of paper or gone never loses a sale."""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.printer import Dummy

from posapp.bootstrap import open_stand
from posapp.domain.errors import InvalidInput, NotAllowed, PosError
from posapp.domain.layout import Block
from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.domain.tender import QRIS_MAX_PER_PAYMENT, Payment, PaymentMethod
from posapp.printing.escpos_render import render_escpos
from posapp.printing.printers import print_blocks
from posapp.services import print_queue, settings
from posapp.services.print_queue import NO_PRINTER
from posapp.store.models import PrintJobRow
from tests.conftest import BUDI, Stand
from tests.integration.test_checkout import sell
from tests.unit.test_qris import STAND_STATIC

WIDTH = 42


def sale(stand: Stand) -> str:
    return sell(stand, [("JTM-JLB-001", 1)], [Payment(PaymentMethod.CASH, 100_000)]).receipt_no


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(stand: Stand, job_id: int, target: str,
        print_fn: print_queue.PrintFn = print_blocks) -> print_queue.Job:
    return print_queue.run_job(stand.handle.uow, job_id, target=target, width=WIDTH,
                               print_fn=print_fn)


def test_a_sales_receipt_prints_to_a_file_printer(jatim: Stand, tmp_path: Path) -> None:
    receipt_no = sale(jatim)
    out = tmp_path / "printer.bin"
    settings.save(jatim.handle.uow(), replace(settings.DEFAULTS, printer=f"file:{out}"),
                  approval=BUDI)
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    assert [j.id for j in print_queue.pending(jatim.handle.uow(write=False))] == [job_id]

    conf = settings.get(jatim.handle.uow(write=False))
    job = print_queue.run_job(jatim.handle.uow, job_id, target=conf.printer,
                              width=conf.paper_width)

    assert (job.status, job.attempts, job.last_error) == ("done", 0, None)
    assert job.printed_at is not None
    data = out.read_bytes()
    assert receipt_no.encode() in data
    assert b"SALINAN" not in data
    assert print_queue.pending(jatim.handle.uow(write=False)) == []
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 0}


def test_unreachable_printer_keeps_the_job_and_retry_prints_it(jatim: Stand,
                                                              tmp_path: Path) -> None:
    receipt_no = sale(jatim)
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    port = closed_port()

    job = run(jatim, job_id, f"network:127.0.0.1:{port}")

    assert job.status == "failed" and job.attempts == 1
    assert job.last_error is not None and f"127.0.0.1:{port}" in job.last_error
    assert "\n" not in job.last_error
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 1}
    conn = sqlite3.connect(jatim.path)
    assert conn.execute("SELECT total FROM sale WHERE receipt_no = ?",
                        (receipt_no,)).fetchall() == [(85_000,)]
    conn.close()

    assert print_queue.retry(jatim.handle.uow(), job_id).status == "waiting"
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 1, "failed": 0}
    out = tmp_path / "printer.bin"
    job = run(jatim, job_id, f"file:{out}")
    assert (job.status, job.attempts, job.last_error) == ("done", 1, None)
    assert receipt_no.encode() in out.read_bytes()


def test_a_printer_path_whose_folder_vanished_fails_the_job(jatim: Stand,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "usb-printer"
    folder.mkdir()
    target = f"file:{folder / 'lp0'}"
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), sale(jatim))
    folder.rmdir()

    job = run(jatim, job_id, target)

    assert job.status == "failed" and job.attempts == 1
    assert job.last_error is not None and str(folder) in job.last_error
    assert [j.id for j in print_queue.pending(jatim.handle.uow(write=False))] == [job_id]


def test_no_printer_set_up_fails_with_a_clear_message(jatim: Stand) -> None:
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), sale(jatim))
    job = run(jatim, job_id, "")
    assert job.status == "failed" and job.problem is not None
    assert job.problem.code == NO_PRINTER
    assert job.last_error == "no printer set up: choose one in the settings, then print again"
    assert job.problem.text("id") == ("Belum ada printer: pilih printer di pengaturan, lalu "
                                      "cetak ulang")


def test_a_failure_is_kept_as_its_message_id_and_an_older_plain_text_one_still_reads(
        jatim: Stand) -> None:
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), sale(jatim))
    run(jatim, job_id, "")
    with jatim.handle.uow() as uow:
        row = uow.session.get(PrintJobRow, job_id)
        assert row is not None and json.loads(row.last_error or "") == {
            "code": NO_PRINTER, "values": {}}
        row.last_error = "printer usb:04b8:0202 did not answer: no such device"  # before ids
        uow.commit()
    job = print_queue.get(jatim.handle.uow(write=False), job_id)
    assert job.problem is None
    assert job.last_error == "printer usb:04b8:0202 did not answer: no such device"


def test_a_job_left_printing_by_a_crash_is_recovered_at_start(jatim: Stand,
                                                              tmp_path: Path) -> None:
    receipt_no = sale(jatim)
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    with jatim.handle.uow() as uow:  # the process died while the printer was printing
        row = uow.session.get(PrintJobRow, job_id)
        assert row is not None
        row.status = "printing"
        uow.commit()
    assert run(jatim, job_id, "dummy:").status == "printing"  # not printed twice meanwhile
    jatim.handle.close()

    jatim.handle = open_stand(jatim.data, "JATIM")
    assert print_queue.recover(jatim.handle.uow()) == 1
    assert [j.status for j in print_queue.pending(jatim.handle.uow(write=False))] == ["waiting"]
    out = tmp_path / "printer.bin"
    assert run(jatim, job_id, f"file:{out}").status == "done"
    assert receipt_no.encode() in out.read_bytes()


def test_reprint_makes_a_copy_marked_salinan(jatim: Stand, tmp_path: Path) -> None:
    receipt_no = sale(jatim)
    first = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    assert run(jatim, first, f"file:{tmp_path / 'first.bin'}").status == "done"

    again = print_queue.reprint(jatim.handle.uow(), receipt_no)
    assert again != first
    job = run(jatim, again, f"file:{tmp_path / 'copy.bin'}")
    assert job.status == "done" and job.copy
    data = (tmp_path / "copy.bin").read_bytes()
    assert b"SALINAN" in data and receipt_no.encode() in data
    assert b"SALINAN" not in (tmp_path / "first.bin").read_bytes()


def test_counts_for_the_status_bar(jatim: Stand) -> None:
    uow = jatim.handle.uow
    assert print_queue.counts(uow(write=False)) == {"waiting": 0, "failed": 0}
    ids = [print_queue.enqueue_receipt(uow(), sale(jatim)) for _ in range(3)]
    run(jatim, ids[0], "")
    run(jatim, ids[1], "dummy:")
    assert print_queue.counts(uow(write=False)) == {"waiting": 1, "failed": 1}
    assert [j.id for j in print_queue.pending(uow(write=False))] == [ids[0], ids[2]]


def test_the_database_is_not_locked_while_printing(jatim: Stand) -> None:
    receipt_no = sale(jatim)
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    seen: list[object] = []

    def jammed_printer(target: str, blocks: Iterable[Block], width: int, **_: object) -> None:
        # the session keeps selling while the printer thinks: another writer gets the lock
        seen.append(sale(jatim))
        seen.append(print_queue.get(jatim.handle.uow(write=False), job_id).status)
        raise PosError(f"printer {target} did not answer: out of paper")

    job = run(jatim, job_id, "network:10.0.0.9", print_fn=jammed_printer)

    assert seen == ["JATIM-000002", "printing"]
    assert (job.status, job.attempts) == ("failed", 1)
    assert job.last_error == "printer network:10.0.0.9 did not answer: out of paper"


def test_a_surprise_from_the_driver_still_ends_the_job(jatim: Stand) -> None:
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), sale(jatim))

    def broken(target: str, blocks: Iterable[Block], width: int, **_: object) -> None:
        raise ValueError("bad\nthings")

    job = run(jatim, job_id, "dummy:", print_fn=broken)
    assert (job.status, job.last_error) == ("failed", "printer dummy: failed: bad things")


def qr_store_command(data: bytes) -> bytes:
    """The printer's own QR code (GS ( k, function 180: store *data*), as python-escpos
    sends it."""
    size = len(data) + 3
    return b"\x1d(k" + bytes([size % 256, size // 256]) + b"1P0" + data


def test_a_qris_slip_prints_the_dynamic_code_for_the_amount(jatim: Stand) -> None:
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)
    job_id = print_queue.enqueue_qris_slip(jatim.handle.uow(), 170_000)
    printer = Dummy()

    def to_dummy(target: str, blocks: Iterable[Block], width: int, *,
                 profile: str | None = None, drawer: bool = False) -> None:
        render_escpos(blocks, width, printer, drawer=drawer)

    job = run(jatim, job_id, "dummy", to_dummy)
    assert job.status == "done" and (job.kind, job.ref) == ("qris", "170000")
    data = printer.output
    payload = dynamic_payload(STAND_STATIC, 170_000)
    assert parse_qris(payload).amount == 170_000  # the CRC checks out
    assert qr_store_command(payload.encode()) in data
    text = data.decode("cp858", errors="replace")
    for words in ("Stand JATIM", "Bayar dengan QRIS", "Rp 170.000", "Pindai dengan aplikasi"):
        assert words in text, words
    assert b"\x1bp" not in data  # the cash drawer stays shut


def test_a_qris_slip_needs_the_stands_code_and_an_amount_qris_takes(jatim: Stand) -> None:
    with pytest.raises(NotAllowed) as refused:
        print_queue.enqueue_qris_slip(jatim.handle.uow(), 85_000)
    assert refused.value.code == "qris_slip.no_qris_code"
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)
    for amount in (0, QRIS_MAX_PER_PAYMENT + 1):
        with pytest.raises(InvalidInput):
            print_queue.enqueue_qris_slip(jatim.handle.uow(), amount)
    assert print_queue.pending(jatim.handle.uow(write=False)) == []
