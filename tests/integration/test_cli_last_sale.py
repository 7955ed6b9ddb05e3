"""``posapp sales --last``: the stand's last committed sale on one line, whatever the shift,
so that after a crash nobody charges a buyer twice."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tests.conftest import CASHIER_PIN, SUPERVISOR_PIN, CliResult, Stand

Cli = Callable[..., CliResult]
PIN = f"{CASHIER_PIN}\n"


def sell(cli: Cli, *words: str) -> None:
    assert cli("sell", "--cashier", "ani", "--pin-stdin", *words, stdin=PIN).code == 0


def test_no_sale_yet_says_so(cli: Cli, jatim: Stand) -> None:
    r = cli("sales", "--last")
    assert (r.code, r.out) == (0, "No sale yet at this stand\n")
    assert json.loads(cli("sales", "--last", "--json").out) is None


def test_the_last_sale_on_one_line_in_the_stands_time(cli: Cli, jatim: Stand) -> None:
    sell(cli, "JTM-JLB-001", "cash=100000")
    sell(cli, "JTM-BTK-002", "JTM-JLB-001", "qris=410000")
    data = json.loads(cli("sales", "--last", "--json").out)
    at = datetime.fromisoformat(data["created_at"].removesuffix("Z")).replace(tzinfo=UTC)
    local = at.astimezone(ZoneInfo("Asia/Jakarta"))

    r = cli("sales", "--last")

    assert r.code == 0 and r.out == (
        f"Last sale: JATIM-000002 · Rp 410.000 · {local:%d-%m-%Y %H:%M} · Ani\n")
    assert (data["receipt_no"], data["total"], data["status"]) == ("JATIM-000002", 410_000,
                                                                   "completed")


def test_the_last_sale_outlives_its_shift_and_says_it_was_voided(cli: Cli,
                                                                 jatim: Stand) -> None:
    sell(cli, "JTM-JLB-001", "cash=85000")
    assert cli("--pin-stdin", "void", "JATIM-000001", "--supervisor", "budi",
               "--reason", "salah barang", stdin=f"{SUPERVISOR_PIN}\n").code == 0
    assert cli("--pin-stdin", "shift", "close", "--cashier", "ani", "--counted", "500000",
               stdin=PIN).code == 0

    line = cli("sales", "--last").out

    assert line.startswith("Last sale: JATIM-000001 · Rp 85.000 · ") and line.endswith(
        " · Ani · VOID\n") and line.count("\n") == 1
