"""The posapp command end to end on a real stand database."""

from __future__ import annotations

import json

from tests.conftest import CASHIER_PIN, SUPERVISOR_PIN, Stand, dump_database


def test_sell_prints_receipt_number_and_change(jatim: Stand, cli) -> None:
    r = cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-BTK-001*2", "cash=1000000",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err
    assert "JATIM-000001" in r.out
    assert "change Rp 100.000" in r.out
    assert jatim.product("JTM-BTK-001").stock == 3


def test_sell_json_by_barcode_with_split_payment(jatim: Stand, cli) -> None:
    r = cli("sell", "--cashier", "Ani", "--pin-stdin", "--json", "8991234500031*3",
            "qris=200000", "cash=100000", stdin=f"{CASHIER_PIN}\n")
    assert r.code == 0, r.err
    sale = json.loads(r.out)
    assert sale["total"] == 255_000
    assert sale["change"] == 45_000
    assert {p["method"]: p["amount"] for p in sale["payments"]} == {"qris": 200_000,
                                                                     "cash": 55_000}


def test_short_payment_is_refused_and_changes_nothing(jatim: Stand, cli) -> None:
    before = dump_database(jatim.path)
    r = cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-BTK-001", "cash=400000",
            stdin=f"{CASHIER_PIN}\n")
    assert r.code == 1
    assert r.err.count("\n") == 1 and "payment short" in r.err
    assert "Traceback" not in r.err
    assert dump_database(jatim.path) == before


def test_void_needs_a_supervisor(jatim: Stand, cli) -> None:
    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=85000",
        stdin=f"{CASHIER_PIN}\n")
    before = dump_database(jatim.path)
    r = cli("void", "JATIM-000001", "--supervisor", "ani", "--reason", "salah input",
            "--pin-stdin", stdin=f"{CASHIER_PIN}\n")
    assert r.code == 1 and "supervisor" in r.err
    assert dump_database(jatim.path) == before
    r = cli("void", "JATIM-000001", "--supervisor", "budi", "--reason", "salah input",
            "--pin-stdin", stdin=f"{SUPERVISOR_PIN}\n")
    assert r.code == 0, r.err
    assert jatim.product("JTM-JLB-001").stock == 20


def test_the_sales_list_counts_one_and_many_and_speaks_english_whatever_lang(jatim: Stand,
                                                                             cli) -> None:
    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
        stdin=f"{CASHIER_PIN}\n")
    r = cli("--lang", "id", "sales")  # --lang: the language of printed reports, not of lines
    assert r.code == 0, r.err
    row, summary = r.out.splitlines()
    assert row.startswith("JATIM-000001  ") and "   1 item  " in row
    assert summary == "1 sale, Rp 85.000"
    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001*2", "cash=200000",
        stdin=f"{CASHIER_PIN}\n")
    r = cli("sales")
    assert "  2 items  " in r.out.splitlines()[1]
    assert r.out.splitlines()[-1] == "2 sales, Rp 255.000"
