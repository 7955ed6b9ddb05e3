"""``posapp printer set`` and ``posapp print``: bytes on a File printer, PDFs read back."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from posapp.services import print_queue, settings
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CASHIER_PIN, SUPERVISOR_PIN, Stand, dump_database


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
                     "not answer: No such file or directory (it waits in the print queue)\n")
    [job] = print_queue.pending(jatim.handle.uow(write=False))
    assert (job.kind, job.ref, job.status) == ("receipt", "JATIM-R00001", "failed")


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
