"""posapp order ... and posapp orders as a stand user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import CASHIER_PIN, SUPERVISOR_PIN, CliResult, Stand, dump_database

Cli = Callable[..., CliResult]
PIN = f"{CASHIER_PIN}\n"


def new_order(cli: Cli, *extra: str) -> CliResult:
    return cli("--pin-stdin", "order", "new", "--buyer", "Mr. Hiroshi Tanaka",
               "--email", "tanaka@example.jp", "--country", "Japan", "--due", "2099-01-31",
               "JTM-JLB-001*4", "--custom", "Batik tulis motif parang, biru*2=650.000",
               "--deposit", "qris=500000", *extra, stdin=PIN)


def test_an_order_from_new_to_handed_over(cli: Cli, jatim: Stand) -> None:
    taken = new_order(cli, "--json")
    assert taken.code == 0, taken.err
    order = json.loads(taken.out)
    assert (order["order_no"], order["total"], order["balance"]) == (
        "JATIM-P00001", 4 * 85_000 + 2 * 650_000, 1_640_000 - 500_000)
    assert [ln["reserved"] for ln in order["lines"]] == [4, 0]

    paid = cli("--pin-stdin", "order", "pay", "JATIM-P00001", "transfer=640000", stdin=PIN)
    ready = cli("--pin-stdin", "order", "ready", "JATIM-P00001", stdin=PIN)
    part = cli("--pin-stdin", "order", "handover", "JATIM-P00001", "--line", "1=4",
               "--tracking", "Yamato 5521-9934", stdin=PIN)
    rest = cli("--pin-stdin", "order", "handover", "JATIM-P00001", "cash=1.000.000",
               stdin=PIN)
    listed = cli("orders", "--json")

    assert paid.code == ready.code == part.code == rest.code == 0, rest.err
    assert "balance Rp 500.000" in paid.out
    assert "change Rp 500.000" in rest.out and "balance Rp 0" in rest.out
    (final,) = json.loads(listed.out)
    assert final["status"] == "handed_over" and final["tracking"] == "Yamato 5521-9934"
    assert [p["kind"] for p in final["payments"]] == ["deposit", "balance", "balance"]


def test_the_x_report_shows_order_money_apart(cli: Cli, jatim: Stand) -> None:
    new_order(cli)
    report = cli("report", "x")
    assert "Pesanan (di luar penjualan)" in report.out
    assert "Uang muka (DP)" in report.out and "Rp 500.000" in report.out
    data = json.loads(cli("report", "x", "--json").out)
    assert data["orders"]["deposits"] == {"qris": 500_000} and data["net"] == 0


def test_cancel_by_a_supervisor_with_the_deposit_refunded(cli: Cli, jatim: Stand) -> None:
    new_order(cli)
    done = cli("--pin-stdin", "order", "cancel", "JATIM-P00001", "--supervisor", "Budi",
               "--deposit", "refund", "--method", "qris", "--json",
               stdin=f"{SUPERVISOR_PIN}\n")
    assert done.code == 0, done.err
    order = json.loads(done.out)
    assert order["status"] == "cancelled" and order["refunded"] == 500_000


@pytest.mark.parametrize("args, words", [
    (["order", "pay", "JATIM-P00009", "cash=1000"], "no order with number"),
    (["order", "pay", "JATIM-P00001", "card=99000000"], "give no change"),
    (["order", "handover", "JATIM-P00001"], "more must be paid"),
    (["order", "handover", "JATIM-P00001", "--line", "3=1"], "has no line 3"),
    (["order", "handover", "JATIM-P00001", "--line", "one"], "not a line"),
    (["order", "new", "--buyer", "X", "--phone", "0812 3456 789", "--custom", "Tas"],
     "not a made-to-order item"),
    (["order", "new", "--buyer", "X", "--phone", "0812 3456 789", "--custom", "Tas=1000",
      "--deposit", "cash=5000"], "more than the order total"),
    (["order", "new", "--buyer", "X", "--custom", "Tas=1000"], "phone number or an email"),
    (["order", "new", "--buyer", "X", "--phone", "12", "--custom", "Tas=1000"],
     "not a phone number"),
    (["order", "new", "--buyer", "X", "--phone", "0812 3456 789"], "at least one item"),
    (["order", "new", "--buyer", "X", "--phone", "0812 3456 789", "NOPE-1"], "NOPE-1"),
    (["order", "new", "--buyer", "X", "--phone", "0812 3456 789", "--due", "31.12",
      "--custom", "Tas=1000"], "not a date"),
])
def test_bad_input_is_one_line_and_changes_nothing(cli: Cli, jatim: Stand, args: list[str],
                                                   words: str) -> None:
    new_order(cli)
    before = dump_database(jatim.path)
    result = cli("--pin-stdin", *args, stdin=PIN)
    assert result.code != 0
    assert len(result.err.strip().splitlines()) == 1 and words in result.err, result.err
    assert dump_database(jatim.path) == before


def test_handing_over_twice_and_cancelling_a_handed_over_order(cli: Cli,
                                                               jatim: Stand) -> None:
    new_order(cli)
    cli("--pin-stdin", "order", "handover", "JATIM-P00001", "cash=2000000", stdin=PIN)
    before = dump_database(jatim.path)
    twice = cli("--pin-stdin", "order", "handover", "JATIM-P00001", stdin=PIN)
    cancel = cli("--pin-stdin", "order", "cancel", "JATIM-P00001", "--supervisor", "Budi",
                 "--deposit", "keep", stdin=f"{SUPERVISOR_PIN}\n")
    assert twice.code == cancel.code == 1
    assert "already handed over" in twice.err and "cannot be cancelled" in cancel.err
    assert dump_database(jatim.path) == before
