"""Bad input at the session: one line on stderr, a non-zero exit, and the database untouched.

The catalog files and the storage cases live in ``test_bad_input_catalog.py`` and
``test_bad_input_storage.py``; they share ``assert_refused`` from here.
"""

from __future__ import annotations

import pytest

from posapp.services import shifts
from tests.conftest import CASHIER_PIN, SUPERVISOR_PIN, Stand, dump_database, wrong_pins

ANI = f"{CASHIER_PIN}\n"
BUDI = f"{SUPERVISOR_PIN}\n"


def assert_refused(code: int, err: str, *words: str, out: str = "") -> str:
    """A refusal as a user sees it: non-zero exit, one ``posapp:`` line naming *words*."""
    assert code != 0, f"accepted: {out!r}"
    assert "Traceback" not in err + out
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert err.startswith("posapp: "), err
    assert "unexpected error" not in err, err
    for word in words:
        assert word.lower() in err.lower(), f"{word!r} missing from {err!r}"
    return err


def sell(cli, *words: str, pin: str = ANI):  # type: ignore[no-untyped-def]
    return cli("sell", "--cashier", "ani", "--pin-stdin", *words, stdin=pin)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["XYZ-999", "cash=100000"], ["XYZ-999", "unknown code"]),
        (["8990000000000", "cash=100000"], ["8990000000000", "unknown code"]),
        (["JTM-JLB-001*0", "cash=100000"], ["quantity", "JTM-JLB-001*0"]),
        (["JTM-JLB-001*-1", "cash=100000"], ["quantity", "JTM-JLB-001*-1"]),
        (["JTM-BTK-001", "cash=400000"], ["payment short", "Rp 50.000"]),
        (["JTM-BTK-001", "qris=300000", "cash=100000"], ["payment short", "Rp 50.000"]),
        (["JTM-JLB-001", "card=100000"], ["no change", "card"]),
        (["JTM-JLB-001", "qris=50000", "card=50000"], ["no change"]),
        (["JTM-JLB-001", "cash=20000000000"], ["above", "Rp 10.000.000.000"]),
        (["JTM-JLB-001", "transfer=10000000001"], ["above", "Rp 10.000.000.000"]),
        (["JTM-CST-001@20.000.000.000", "cash=100000"], ["above", "Rp 10.000.000.000"]),
        (["JTM-CST-001*2@6.000.000.000", "cash=100000"], ["above", "Rp 10.000.000.000"]),
        (["JTM-BTK-001*10000", "cash=100000"], ["quantity", "10000"]),
        (["JTM-JLB-001", "cash=lima puluh ribu"], ["not an amount", "lima puluh ribu"]),
        (["JTM-JLB-001", "gopay=85000"], ["payment method", "gopay"]),
        (["JTM-JLB-001"], ["no payment"]),
    ],
    ids=["unknown-sku", "unknown-barcode", "qty-zero", "qty-negative", "short-cash",
         "short-split", "card-change", "non-cash-change", "huge-cash", "huge-transfer",
         "huge-open-price", "huge-total", "huge-quantity", "words-as-amount", "unknown-method",
         "no-payment"],
)
def test_bad_sale_is_refused_and_changes_nothing(jatim: Stand, cli, words, expected) -> None:
    before = dump_database(jatim.path)
    r = sell(cli, *words)
    assert_refused(r.code, r.err, *expected, out=r.out)
    assert r.out == ""
    assert dump_database(jatim.path) == before


def test_wrong_cashier_pin_is_refused(jatim: Stand, cli) -> None:
    before = dump_database(jatim.path)
    r = sell(cli, "JTM-JLB-001", "cash=100000", pin="0000\n")
    assert_refused(r.code, r.err, "wrong name or PIN")  # never what was typed
    assert "0000" not in r.err
    assert dump_database(jatim.path, but=("pin_failure",)) == before
    assert wrong_pins(jatim.path) == {"Ani": 1}


def test_opening_cash_above_the_limit_is_refused(jatim: Stand, cli) -> None:
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)
    before = dump_database(jatim.path)
    r = cli("shift", "open", "--cashier", "ani", "--pin-stdin", "--float", "20000000000",
            stdin=ANI)
    assert_refused(r.code, r.err, "--float", "above", "Rp 10.000.000.000")
    assert dump_database(jatim.path) == before
    r = cli("shift", "open", "--cashier", "ani", "--pin-stdin", "--float", "Rp 10.000.000.000",
            stdin=ANI)
    assert r.code == 0, r.err  # the limit itself is allowed


@pytest.fixture
def sold(jatim: Stand, cli) -> Stand:
    """The stand after one sale, JATIM-000001: two Jilbab Lukis and one Clutch, paid in cash."""
    r = sell(cli, "JTM-JLB-001*2", "JTM-TAS-001", "cash=290000")
    assert r.code == 0, r.err
    return jatim


SUPERVISOR_CASES = [
    pytest.param("ani", ANI, ["Ani", "cashier", "supervisor"], id="by-cashier"),
    pytest.param("budi", "1234\n", ["wrong name or PIN"], id="wrong-pin"),
    pytest.param("budi", "", ["PIN", "budi"], id="no-pin"),
    pytest.param("siapa", BUDI, ["wrong name or PIN"], id="unknown-person"),
]


@pytest.mark.parametrize(("who", "pin", "expected"), SUPERVISOR_CASES)
def test_void_without_a_supervisor_changes_nothing(sold: Stand, cli, who, pin, expected) -> None:
    before = dump_database(sold.path)
    r = cli("void", "JATIM-000001", "--supervisor", who, "--reason", "salah input",
            "--pin-stdin", stdin=pin)
    assert_refused(r.code, r.err, *expected)
    assert dump_database(sold.path, but=("pin_failure",)) == before  # a wrong PIN is counted


@pytest.mark.parametrize(("who", "pin", "expected"), SUPERVISOR_CASES)
def test_refund_without_a_supervisor_changes_nothing(sold: Stand, cli, who, pin,
                                                     expected) -> None:
    before = dump_database(sold.path)
    r = cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", who, "--reason", "rusak",
            "--method", "cash", "--pin-stdin", stdin=pin)
    assert_refused(r.code, r.err, *expected)
    assert dump_database(sold.path, but=("pin_failure",)) == before  # a wrong PIN is counted


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["JTM-JLB-001*3"], ["JTM-JLB-001", "3", "only 2"]),
        (["JTM-TAS-001*2"], ["JTM-TAS-001", "only 1"]),
        (["JTM-JLB-001", "JTM-JLB-001*2"], ["JTM-JLB-001", "only 2"]),
        (["JTM-BTK-001"], ["JTM-BTK-001", "not on receipt"]),
        (["JTM-JLB-001*0"], ["quantity"]),
        (["JTM-JLB-001*-1"], ["quantity"]),
        (["JTM-JLB-001@1000"], ["price"]),
    ],
    ids=["more-than-sold", "more-than-sold-single", "twice-adds-up", "not-sold",
         "qty-zero", "qty-negative", "with-price"],
)
def test_bad_refund_is_refused_and_changes_nothing(sold: Stand, cli, items, expected) -> None:
    before = dump_database(sold.path)
    r = cli("refund", "JATIM-000001", *items, "--supervisor", "budi", "--reason", "rusak",
            "--method", "cash", "--pin-stdin", stdin=BUDI)
    assert_refused(r.code, r.err, *expected)
    assert dump_database(sold.path) == before


def test_refund_beyond_what_is_left_after_an_earlier_refund(sold: Stand, cli) -> None:
    r = cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", "budi", "--reason", "rusak",
            "--method", "cash", "--pin-stdin", stdin=BUDI)
    assert r.code == 0, r.err
    before = dump_database(sold.path)
    r = cli("refund", "JATIM-000001", "JTM-JLB-001*2", "--supervisor", "budi", "--reason",
            "rusak", "--method", "cash", "--pin-stdin", stdin=BUDI)
    assert_refused(r.code, r.err, "JTM-JLB-001", "only 1")
    assert dump_database(sold.path) == before


@pytest.mark.parametrize(
    ("receipt", "expected"),
    [("JATIM-000099", ["JATIM-000099"]), ("", ["receipt"])],
    ids=["unknown-receipt", "empty-receipt"],
)
def test_void_of_an_unknown_receipt_changes_nothing(sold: Stand, cli, receipt, expected) -> None:
    before = dump_database(sold.path)
    r = cli("void", receipt, "--supervisor", "budi", "--reason", "salah input", "--pin-stdin",
            stdin=BUDI)
    assert_refused(r.code, r.err, *expected)
    assert dump_database(sold.path) == before


def test_usage_errors_are_one_line(jatim: Stand, cli) -> None:
    before = dump_database(jatim.path)
    r = cli("sell", "JTM-JLB-001", "cash=85000")  # no --cashier
    assert_refused(r.code, r.err, "--cashier", "posapp sell --help")
    r = cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", "budi", "--reason", "x",
            "--method", "gopay")
    assert_refused(r.code, r.err, "--method", "gopay")
    assert dump_database(jatim.path) == before
