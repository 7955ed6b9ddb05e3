"""``posapp printer set`` and ``posapp print``: bytes on a File printer, PDFs read back."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from posapp.domain.layout import local_time
from posapp.domain.qris import dynamic_payload
from posapp.services import print_queue, settings
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CASHIER_PIN, SUPERVISOR_PIN, Stand, dump_database
from tests.slip_samples import STAND_QRIS


def sell(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001*2", "JTM-BTK-002",
            "cash=500000", stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err


def test_receipt_on_a_file_printer(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sell(cli)
    device = tmp_path / "lp0"
    r = cli("printer", "set", f"file:{device}", "--width", "42", "--profile", "TM-T20II", *AS_BUDI,
            stdin=BUDI_PIN_LINE)
    assert r.code == 0, r.err
    assert settings.get(jatim.handle.uow(write=False)).printer_profile == "TM-T20II"
    r = cli("print", "receipt", "JATIM-000001")
    assert r.code == 0, r.err
    data = device.read_bytes()
    for text in (b"JATIM-000001", b"Jilbab Lukis Bunga Teratai", b"Batik Gedog Tuban",
                 b"Rp 495.000", b"Rp 5.000", b"SALINAN"):
        assert text in data, text


def test_a_printer_that_does_not_answer_is_one_line(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert cli("printer", "set", f"network:127.0.0.1:{port}", *AS_BUDI,
               stdin=BUDI_PIN_LINE).code == 0
    sell(cli)
    before = dump_database(jatim.path)
    r = cli("print", "receipt", "JATIM-000001")
    assert r.code == 1 and r.err.count("\n") == 1 and "did not answer" in r.err
    assert dump_database(jatim.path) == before


def test_unknown_profile_and_no_printer(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("printer", "set", "network:10.0.0.9", "--profile", "NO-SUCH", *AS_BUDI,
            stdin=BUDI_PIN_LINE)
    assert r.code == 1 and "profile" in r.err
    sell(cli)
    r = cli("print", "receipt", "JATIM-000001")
    assert r.code == 1 and "no printer set up" in r.err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is missing")
def test_receipt_and_x_report_as_pdf(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sell(cli)
    pdf = tmp_path / "struk.pdf"
    assert cli("print", "receipt", "JATIM-000001", "--pdf", str(pdf)).code == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "JATIM-000001" in text and "Rp 495.000" in text and "Kembalian" in text
    report = tmp_path / "x.pdf"
    assert cli("print", "report", "x", "--pdf", str(report)).code == 0
    text = subprocess.run(["pdftotext", "-layout", str(report), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "LAPORAN X" in text and "Rp 495.000" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is missing")
def test_a_stand_without_a_printer_gets_pdf_files_in_its_folder(  # type: ignore[no-untyped-def]
        jatim: Stand, cli, tmp_path: Path) -> None:
    folder = tmp_path / "struk"
    r = cli("printer", "set", f"pdf:{folder}", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0, r.err
    assert settings.get(jatim.handle.uow(write=False)).printer == f"pdf:{folder}"

    sell(cli)  # the sale's own receipt, through the print queue
    assert cli("print", "receipt", "JATIM-000001").code == 0  # a copy
    assert cli("print", "test").code == 0

    assert sorted(p.name for p in folder.iterdir()) == [
        "JATIM-000001-copy.pdf", "JATIM-000001.pdf", "test-page.pdf"]
    text = subprocess.run(["pdftotext", "-layout", str(folder / "JATIM-000001-copy.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "JATIM-000001" in text and "Rp 495.000" in text and "SALINAN" in text


def test_a_pdf_printer_needs_its_folder(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    before = dump_database(jatim.path)
    r = cli("printer", "set", "pdf:", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 1 and r.err.count("\n") == 1 and "pdf:" in r.err
    assert dump_database(jatim.path) == before


def refund(cli, method: str = "cash"):  # type: ignore[no-untyped-def]
    return cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", "budi", "--reason",
               "salah ukuran", "--method", method, "--pin-stdin", stdin=f"{SUPERVISOR_PIN}\n")


def test_a_refund_prints_its_receipt(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    sell(cli)
    r = refund(cli, "qris")
    assert (r.code, r.err) == (0, ""), r.err
    assert r.out == "JATIM-R00001: Rp 85.000 back for JATIM-000001 (QRIS)\n"
    data = device.read_bytes()
    for text in (b"JATIM-R00001", b"RETUR", b"Struk asal", b"JATIM-000001",
                 b"Jilbab Lukis Bunga Teratai", b"Rp 85.000"):
        assert text in data, text
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 0}


def test_a_refund_with_the_printer_off_is_done_and_its_receipt_waits(
        jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "unplugged" / "lp0"
    assert cli("printer", "set", f"file:{gone}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    sell(cli)
    r = cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", "budi", "--reason",
            "rusak", "--method", "cash", "--json", "--pin-stdin", stdin=f"{SUPERVISOR_PIN}\n")
    assert r.code == 0
    assert json.loads(r.out)["refund_no"] == "JATIM-R00001"  # stdout stays JSON
    assert r.err == (f"posapp: refund receipt JATIM-R00001 not printed: printer file:{gone} did "
                     "not answer: No such file or directory (it waits in the print queue: "
                     "posapp print retry 2)\n")
    sale, job = print_queue.pending(jatim.handle.uow(write=False))  # the sale's receipt too
    assert (sale.ref, sale.status) == ("JATIM-000001", "failed")
    assert (job.id, job.kind, job.ref, job.status) == (2, "receipt", "JATIM-R00001", "failed")


def test_print_report_z_after_closing(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", "--width", "32", *AS_BUDI,
               stdin=BUDI_PIN_LINE).code == 0
    sell(cli)
    r = cli("shift", "close", "--cashier", "ani", "--counted", "995000", "--pin-stdin",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err
    r = cli("print", "report", "z")
    assert (r.code, r.out) == (0, f"Z report sent to file:{device}\n"), r.err
    data = device.read_bytes()
    assert b"LAPORAN Z (TUTUP SHIFT)" in data and b"Rp 995.000" in data


def test_print_qris_prints_the_slip_for_the_amount(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    r = cli("print", "qris", "150.000")
    assert (r.code, r.err) == (1, "posapp: This stand has no QRIS code: enter the text of its "
                                  "QRIS sticker in Settings first\n")
    assert not device.exists()
    assert cli("qris", "set", STAND_QRIS, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    r = cli("print", "qris", "150.000")
    assert (r.code, r.err) == (0, ""), r.err
    assert r.out == f"QRIS slip for Rp 150.000 sent to file:{device}\n"
    data = device.read_bytes()
    assert b"Rp 150.000" in data
    payload = dynamic_payload(STAND_QRIS, 150_000).encode()
    assert payload in data  # the printer's own QR code (GS ( k) holds the dynamic payload
    r = cli("print", "qris", "12.000.000")
    assert r.code == 1 and "Rp 10.000.000" in r.err and r.err.count("\n") == 1


def test_print_jobs_lists_the_queue_in_the_event_time_and_as_json(jatim: Stand, cli,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    assert cli("print", "jobs").out == "no print jobs waiting\n"
    gone = tmp_path / "unplugged" / "lp0"
    assert cli("printer", "set", f"file:{gone}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    sell(cli)
    job = print_queue.get(jatim.handle.uow(write=False), 1)
    r = cli("print", "jobs")
    assert r.code == 0, r.err
    header, row = r.out.splitlines()
    assert header.split() == ["job", "kind", "receipt", "state", "attempts", "time", "last",
                              "error"]
    when = local_time(job.created_at, "Asia/Jakarta")  # the stand's zone (the default)
    assert row.startswith(f"    1  receipt  JATIM-000001     failed          1  {when}  "
                          f"printer file:{gone} did not answer: No such file or directory")
    listed = json.loads(cli("print", "jobs", "--json").out)
    assert listed == [{"job": 1, "kind": "receipt", "ref": "JATIM-000001", "copy": False,
                       "state": "failed", "attempts": 1,
                       "last_error": f"printer file:{gone} did not answer: No such file or "
                                     "directory",
                       "created_at": job.created_at.isoformat() + "Z", "printed_at": None}]
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    assert cli("print", "retry", "1").out == f"job 1 (receipt JATIM-000001) printed on " \
                                             f"file:{device}\n"
    assert cli("print", "jobs").out == "no print jobs waiting\n"
    assert len(cli("print", "jobs", "--all").out.splitlines()) == 2
    again = cli("print", "retry", "1")
    assert (again.code, again.out) == (0, "job 1 (receipt JATIM-000001) was printed already "
                                          "(posapp print receipt prints a copy)\n")
    unknown = cli("print", "retry", "9")
    assert (unknown.code, unknown.err) == (1, "posapp: no print job 9\n")
    assert cli("print", "retry", "--all").out == "no print jobs waiting\n"


def test_sell_without_a_printer_is_recorded_and_says_the_receipt_waits(jatim: Stand,  # type: ignore[no-untyped-def]
                                                                      cli) -> None:
    r = cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0
    assert r.out == "JATIM-000001  total Rp 85.000  paid Rp 100.000  change Rp 15.000\n"
    assert r.err == ("posapp: sale JATIM-000001 is recorded, but its receipt was not printed: "
                     "no printer set up: choose one in the settings, then print again; it "
                     "waits in the print queue (posapp print retry 1)\n")
