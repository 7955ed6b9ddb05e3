"""``posapp order ...`` printing its slip, ``posapp print order``, ``posapp printer contact``
and ``posapp rate set|show|clear``, as a stand user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from posapp.services import print_queue
from tests.conftest import (
    AS_BUDI,
    BUDI_PIN_LINE,
    CASHIER_PIN,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
    dump_database,
)
from tests.readback import needs_poppler, run
from tests.slip_samples import STAND_QRIS

Cli = Callable[..., CliResult]
PIN = f"{CASHIER_PIN}\n"


def new_order(cli: Cli, *extra: str) -> CliResult:
    return cli("--pin-stdin", "order", "new", "--buyer", "Mr. Hiroshi Tanaka",
               "--email", "tanaka@example.jp", "--country", "Japan", "--due", "2099-01-31",
               "JTM-JLB-001*4", "--custom", "Batik tulis motif parang — Café*2=650.000",
               "--deposit", "qris=500000", *extra, stdin=PIN)


def test_a_dead_printer_during_order_new_loses_nothing_and_the_slip_waits(
        cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    gone = tmp_path / "unplugged" / "lp0"
    assert cli("printer", "set", f"file:{gone}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    taken = new_order(cli, "--json")
    assert taken.code == 0, taken.err
    assert json.loads(taken.out)["order_no"] == "JATIM-P00001"  # stdout stays JSON
    assert taken.err == (f"posapp: order slip JATIM-P00001 not printed: printer file:{gone} "
                         "did not answer: No such file or directory (it waits in the print "
                         "queue: posapp print retry 1)\n")
    shown = json.loads(cli("order", "show", "JATIM-P00001", "--json").out)
    assert (shown["status"], shown["paid"], shown["balance"]) == ("open", 500_000, 1_140_000)
    [job] = print_queue.pending(jatim.handle.uow(write=False))
    assert (job.kind, job.ref, job.status) == ("order", "JATIM-P00001", "failed")

    device = tmp_path / "lp0"  # the printer is back: the waiting slip prints
    job = print_queue.run_job(jatim.handle.uow, job.id, target=f"file:{device}", width=42)
    assert job.status == "done"
    assert b"JATIM-P00001" in device.read_bytes() and b"SISA BAYAR" in device.read_bytes()


def test_each_step_prints_the_slip_as_the_order_stands(cli: Cli, jatim: Stand,
                                                       tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", "--width", "32", *AS_BUDI,
               stdin=BUDI_PIN_LINE).code == 0
    assert cli("printer", "contact", "WA +62 812-3456-7890").code == 0

    taken = new_order(cli)
    assert (taken.code, taken.err) == (0, ""), taken.err
    assert taken.out.startswith("JATIM-P00001  Open  total Rp 1.640.000")
    data = device.read_bytes()
    for text in (b"{BJATIM-P00001", b"WA +62 812-3456-7890", b"Jilbab Lukis Bunga Teratai",
                 b"parang -\n", b"   Caf\x82\n", b"DP QRIS", b"SISA BAYAR", b"Rp 1.140.000",
                 b"DIPESAN"):
        assert text in data, text

    paid = cli("--pin-stdin", "order", "pay", "JATIM-P00001", "transfer=640000", stdin=PIN)
    assert (paid.code, paid.err) == (0, "")
    assert b"Pelunasan Transfer" in device.read_bytes()
    assert b"Rp 500.000" in device.read_bytes()

    done = cli("--pin-stdin", "order", "handover", "JATIM-P00001", "cash=1.000.000",
               stdin=PIN)
    assert (done.code, done.err) == (0, "")
    data = device.read_bytes()  # the paid slip, receipt-like
    assert b"LUNAS" in data and b"DISERAHKAN" in data and b"SISA BAYAR" not in data
    assert b"Pelunasan Tunai" in data and b"Rp 1.640.000" in data
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 0}


def test_cancel_prints_the_cancelled_slip(cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    new_order(cli)
    done = cli("--pin-stdin", "order", "cancel", "JATIM-P00001", "--supervisor", "Budi",
               "--deposit", "refund", "--method", "qris", "--json",
               stdin=f"{SUPERVISOR_PIN}\n")
    assert (done.code, done.err) == (0, "")
    assert json.loads(done.out)["status"] == "cancelled"
    data = device.read_bytes()
    assert b"DIBATALKAN" in data and b"DP dikembalikan QRIS" in data
    assert b"-Rp 500.000" in data


def test_a_refused_step_prints_nothing(cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    new_order(cli)
    before = dump_database(jatim.path)
    refused = cli("--pin-stdin", "order", "handover", "JATIM-P00001", stdin=PIN)
    assert refused.code == 1 and refused.err.count("\n") == 1
    assert "more must be paid" in refused.err
    assert dump_database(jatim.path) == before  # no slip queued either


@needs_poppler
def test_print_order_as_a_pdf_on_a6_with_the_buyers_currency(cli: Cli, jatim: Stand,
                                                             tmp_path: Path) -> None:
    assert cli("qris", "set", STAND_QRIS, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    assert cli("rate", "set", "USD=16.250", "JPY=108,5").code == 0
    new_order(cli)
    pdf = tmp_path / "slip.pdf"
    r = cli("print", "order", "jatim-p00001", "--pdf", str(pdf), "--page", "a6")
    assert (r.code, r.out) == (0, f"order slip JATIM-P00001 written to {pdf}\n"), r.err
    text = " ".join(run("pdftotext", "-layout", pdf, "-").split())
    for words in ("PESANAN", "No. pesanan JATIM-P00001", "TOTAL Rp 1.640.000",
                  "perkiraan JP¥ 15,115", "DP QRIS Rp 500.000", "SISA BAYAR Rp 1.140.000",
                  "perkiraan JP¥ 10,507", "Kurs perkiraan 1 JPY = Rp 108,5",
                  "Bayar sisa dengan QRIS Rp 1.140.000"):
        assert words in text, words
    assert "Page size:       297.638 x 419.528 pts" in run("pdfinfo", pdf)  # A6

    r = cli("print", "order", "JATIM-P00001", "--pdf", str(pdf), "--currency", "USD",
            "--lang", "en")
    assert r.code == 0, r.err
    text = " ".join(run("pdftotext", "-layout", pdf, "-").split())
    assert "approx. US$ 100.92" in text and "BALANCE DUE Rp 1.140.000" in text
    assert "approx. US$ 70.15" in text  # 1.140.000 / 16.250 = 70,153...


def test_print_order_on_the_printer_and_its_refusals(cli: Cli, jatim: Stand,
                                                     tmp_path: Path) -> None:
    new_order(cli)
    r = cli("print", "order", "JATIM-P00001")
    assert r.code == 1 and "no printer set up" in r.err
    device = tmp_path / "lp0"
    assert cli("printer", "set", f"file:{device}", *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    r = cli("print", "order", "JATIM-P00001")
    assert (r.code, r.out) == (0, f"order slip JATIM-P00001 sent to file:{device}\n")
    assert b"{BJATIM-P00001" in device.read_bytes()
    for args, words in ((["JATIM-P00009"], "no order with number"),
                        (["JATIM-P00001", "--currency", "EUR"], "no rate set for EUR"),
                        (["JATIM-P00001", "--currency", "EURO"], "not a currency code")):
        r = cli("print", "order", *args)
        assert r.code == 1 and r.err.count("\n") == 1 and words in r.err, r.err


def test_the_contact_line_from_the_cli(cli: Cli, jatim: Stand) -> None:
    assert cli("printer", "contact").out == "no contact line set\n"
    r = cli("printer", "contact", "WA +62 812-3456-7890")
    assert (r.code, r.out) == (0, "contact line: WA +62 812-3456-7890\n")
    assert cli("printer", "contact").out == "WA +62 812-3456-7890\n"
    before = dump_database(jatim.path)
    r = cli("printer", "contact", "x" * 100)
    assert r.code == 1 and "at most 80" in r.err and dump_database(jatim.path) == before
    assert cli("printer", "contact", "").out == "contact line removed\n"


def test_rate_set_show_clear(cli: Cli, jatim: Stand) -> None:
    r = cli("rate", "set", "USD=16.250", "eur=17.600", "JPY=108,5")
    assert (r.code, r.err) == (0, "")
    assert r.out.splitlines() == [
        "1 USD = Rp 16.250  (Rp 1.000.000 ≈ US$ 61.54)",
        "1 EUR = Rp 17.600  (Rp 1.000.000 ≈ € 56.82)",
        "1 JPY = Rp 108,5  (Rp 1.000.000 ≈ JP¥ 9,217)",
    ]
    shown = cli("rate", "show").out.splitlines()
    assert [line.split()[:5] for line in shown] == [
        ["1", "EUR", "=", "Rp", "17.600"], ["1", "JPY", "=", "Rp", "108,5"],
        ["1", "USD", "=", "Rp", "16.250"]]
    data = json.loads(cli("rate", "show", "--json").out)
    assert {c: v["rupiah"] for c, v in data.items()} == {"EUR": "17600", "JPY": "108.5",
                                                         "USD": "16250"}
    r = cli("rate", "clear", "JPY")
    assert (r.code, r.out) == (0, "rates removed: JPY\n")
    assert cli("rate", "clear").out == "rates removed: EUR, USD\n"
    assert cli("rate", "show").out == "no rates set: posapp rate set USD=16.250 ...\n"
    assert cli("rate", "clear").out == "no rates were set\n"


@pytest.mark.parametrize(("args", "words"), [
    (["set", "USD=0"], "the rate of USD must be more than Rp 0"),
    (["set", "USD=-16.250"], "the rate of USD must be more than Rp 0"),
    (["set", "USD=16.250", "EUR=17.600.000"], "1 EUR = Rp 17.600.000 cannot be right"),
    (["set", "ABC=1.000"], "unknown currency ABC"),
    (["set", "USD=16.250", "usd=16.300"], "USD given twice"),
    (["set", "USD"], "write CODE=RUPIAH"),
    (["set", "IDR=1"], "the rupiah itself"),
    (["clear", "SGD"], "no rate set for SGD"),
    (["clear", "DOLLAR"], "not a currency code"),
])
def test_bad_rates_are_one_line_and_change_nothing(cli: Cli, jatim: Stand, args: list[str],
                                                   words: str) -> None:
    assert cli("rate", "set", "JPY=108,5").code == 0
    before = dump_database(jatim.path)
    r = cli("rate", *args)
    assert r.code == 1 and r.out == ""
    assert r.err.count("\n") == 1 and words in r.err, r.err
    assert dump_database(jatim.path) == before
