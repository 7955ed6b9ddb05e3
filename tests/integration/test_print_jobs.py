"""What a print job sends besides a sale's receipt: the cash drawer kick, refund receipts,
and X and Z reports, all as python-escpos bytes in a File printer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from posapp.domain.errors import NotAllowed, NotFound
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import print_queue, returns, settings, shifts
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.integration.test_checkout import sell

KICK = b"\x1bp\x00\x32\x32"  # ESC p, pin 2 (python-escpos cashdraw(2)), 50 x 2 ms on and off
RESET = b"\x1b@"
HIJAB = "JTM-JLB-001"  # Rp 85.000


@pytest.fixture
def device(jatim: Stand, tmp_path: Path) -> Path:
    """The File printer's output; the stand has a cash drawer on that printer."""
    out = tmp_path / "lp0"
    settings.save(jatim.handle.uow(), replace(settings.DEFAULTS, printer=f"file:{out}",
                                              cash_drawer=True), approval=BUDI)
    return out


def run(stand: Stand, job_id: int, *, target: str | None = None) -> print_queue.Job:
    """Run the job the way the window does: every printer setting from the database."""
    s = settings.get(stand.handle.uow(write=False))
    return print_queue.run_job(stand.handle.uow, job_id, target=target or s.printer,
                               width=s.paper_width, lang=s.language,
                               profile=s.printer_profile or None, cash_drawer=s.cash_drawer)


def print_receipt(stand: Stand, receipt_no: str, device: Path) -> bytes:
    job = run(stand, print_queue.enqueue_receipt(stand.handle.uow(), receipt_no))
    assert job.status == "done", job.last_error
    data = device.read_bytes()
    device.unlink()
    return data


def pay(stand: Stand, *payments: Payment) -> str:
    return sell(stand, [(HIJAB, 1)], list(payments)).receipt_no


def test_a_cash_sale_opens_the_drawer_once_before_the_receipt_prints(
        jatim: Stand, device: Path) -> None:
    receipt_no = pay(jatim, Payment(PaymentMethod.CASH, 100_000))
    data = print_receipt(jatim, receipt_no, device)
    assert data.count(KICK) == 1
    assert data.startswith(RESET)
    assert data.index(KICK) < data.index(receipt_no.encode())  # change while it prints


def test_cash_and_qris_together_open_the_drawer(jatim: Stand, device: Path) -> None:
    receipt_no = pay(jatim, Payment(PaymentMethod.QRIS, 50_000),
                     Payment(PaymentMethod.CASH, 50_000))
    assert print_receipt(jatim, receipt_no, device).count(KICK) == 1


@pytest.mark.parametrize("method", [PaymentMethod.QRIS, PaymentMethod.CARD,
                                    PaymentMethod.TRANSFER])
def test_a_sale_without_cash_leaves_the_drawer_shut(jatim: Stand, device: Path,
                                                    method: PaymentMethod) -> None:
    data = print_receipt(jatim, pay(jatim, Payment(method, 85_000)), device)
    assert KICK not in data and b"JATIM-000001" in data


def test_no_drawer_set_up_no_kick(jatim: Stand, device: Path) -> None:
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, cash_drawer=False), approval=BUDI)
    data = print_receipt(jatim, pay(jatim, Payment(PaymentMethod.CASH, 100_000)), device)
    assert KICK not in data and b"JATIM-000001" in data


def test_a_copy_never_opens_the_drawer(jatim: Stand, device: Path) -> None:
    receipt_no = pay(jatim, Payment(PaymentMethod.CASH, 100_000))
    assert KICK in print_receipt(jatim, receipt_no, device)
    job = run(jatim, print_queue.reprint(jatim.handle.uow(), receipt_no))
    assert job.status == "done"
    data = device.read_bytes()
    assert b"SALINAN" in data and KICK not in data


def test_printing_again_after_a_failure_does_not_open_the_drawer(
        jatim: Stand, device: Path, tmp_path: Path) -> None:
    """The sale was over minutes ago: the drawer does not spring open on a retry."""
    receipt_no = pay(jatim, Payment(PaymentMethod.CASH, 100_000))
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt_no)
    gone = tmp_path / "unplugged" / "lp0"
    assert run(jatim, job_id, target=f"file:{gone}").status == "failed"
    print_queue.retry(jatim.handle.uow(), job_id)
    assert run(jatim, job_id).status == "done"
    data = device.read_bytes()
    assert receipt_no.encode() in data and KICK not in data


def refund(stand: Stand, receipt_no: str, method: PaymentMethod) -> str:
    return returns.refund(stand.handle.uow(), receipt_no, [returns.RefundItem(HIJAB, 1)],
                          supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                          reason="salah ukuran", method=method).refund_no


def test_a_refund_receipt_prints_from_the_queue(jatim: Stand, device: Path) -> None:
    receipt_no = pay(jatim, Payment(PaymentMethod.QRIS, 85_000))
    refund_no = refund(jatim, receipt_no, PaymentMethod.QRIS)
    data = print_receipt(jatim, refund_no, device)
    assert refund_no.encode() in data and receipt_no.encode() in data  # and its sale
    assert b"RETUR" in data and b"Jilbab Lukis Bunga Teratai" in data
    assert b"Rp 85.000" in data
    assert KICK not in data


def test_a_cash_refund_opens_the_drawer_to_give_the_money_back(jatim: Stand,
                                                                device: Path) -> None:
    receipt_no = pay(jatim, Payment(PaymentMethod.CASH, 85_000))
    print_receipt(jatim, receipt_no, device)
    data = print_receipt(jatim, refund(jatim, receipt_no, PaymentMethod.CASH), device)
    assert data.count(KICK) == 1 and b"RETUR" in data


def test_the_x_report_prints_from_the_queue_without_the_drawer(jatim: Stand,
                                                               device: Path) -> None:
    pay(jatim, Payment(PaymentMethod.CASH, 100_000))
    job_id = print_queue.enqueue_report(jatim.handle.uow(), "x")
    assert print_queue.get(jatim.handle.uow(write=False), job_id).ref == "X-1"
    assert run(jatim, job_id).status == "done"
    data = device.read_bytes()
    assert b"LAPORAN X (SEMENTARA)" in data
    assert b"Penjualan (1)" in data and b"Rp 85.000" in data
    assert b"Rp 585.000" in data  # expected cash: Rp 500.000 float + Rp 85.000
    assert KICK not in data


def test_the_z_report_of_the_closed_shift_prints_from_the_queue(jatim: Stand,
                                                               device: Path) -> None:
    pay(jatim, Payment(PaymentMethod.CASH, 100_000))
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 580_000)
    job_id = print_queue.enqueue_report(jatim.handle.uow(), "z", 1)
    assert run(jatim, job_id).status == "done"
    data = device.read_bytes()
    assert b"LAPORAN Z (TUTUP SHIFT)" in data
    assert b"Dihitung" in data and b"Rp 580.000" in data and b"-Rp 5.000" in data


def test_report_jobs_are_refused_when_there_is_nothing_to_report(jatim: Stand) -> None:
    with pytest.raises(NotAllowed, match="still open"):
        print_queue.enqueue_report(jatim.handle.uow(), "z", 1)
    with pytest.raises(NotFound, match="no shift has been closed"):
        print_queue.enqueue_report(jatim.handle.uow(), "z")
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)
    with pytest.raises(NotAllowed, match="no shift is open"):
        print_queue.enqueue_report(jatim.handle.uow(), "x")
    assert print_queue.pending(jatim.handle.uow(write=False)) == []
