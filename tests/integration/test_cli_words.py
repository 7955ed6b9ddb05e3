"""What the command line shows a person: the stand's clock, names not codes, plurals.

JSON output keeps the codes and UTC times ("...Z"); the lines a person reads say the
stand's local time, the labels from the message catalog, and count "1 item", "2 items".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import (
    AS_BUDI,
    BUDI_PIN_LINE,
    CASHIER_PIN,
    SUPERVISOR,
    SUPERVISOR_PIN,
    CliResult,
    Stand,
)

Cli = Callable[..., CliResult]
PIN = f"{CASHIER_PIN}\n"
JAKARTA = ZoneInfo("Asia/Jakarta")  # the stands' default time zone
BUYER = ("--buyer", "Ms. Tan", "--phone", "+65 8123 4567")


def test_the_sales_list_shows_the_stands_local_time_and_json_keeps_utc(cli: Cli,
                                                                      jatim: Stand) -> None:
    assert cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
               stdin=PIN).code == 0
    (sale,) = json.loads(cli("sales", "--json").out)
    assert sale["created_at"].endswith("Z")
    at_utc = datetime.fromisoformat(sale["created_at"].removesuffix("Z")).replace(tzinfo=UTC)
    local = at_utc.astimezone(JAKARTA)

    row = cli("sales").out.splitlines()[0]

    assert f"  {local:%d-%m-%Y %H:%M}  " in row  # as the X and Z reports write it
    assert f"{at_utc:%H:%M}" not in row and "Z " not in row


def test_cashiers_are_listed_with_their_roles_names(cli: Cli, jatim: Stand) -> None:
    listed = cli("cashier", "list").out.splitlines()
    added = cli("--pin-stdin", "cashier", "add", "Sari", "--role", "supervisor",
                "--supervisor", SUPERVISOR,
                stdin=BUDI_PIN_LINE + "246810\n")
    people = json.loads(cli("cashier", "list", "--json").out)

    assert [line.split() for line in listed] == [["Ani", "Cashier"], ["Budi", "Supervisor"]]
    assert added.code == 0 and added.out == "Sari added (Supervisor)\n"
    assert {p["name"]: p["role"] for p in people}["Sari"] == "supervisor"


def test_orders_show_their_status_by_name_and_json_keeps_the_code(cli: Cli,
                                                                  jatim: Stand) -> None:
    taken = cli("--pin-stdin", "order", "new", *BUYER, "--due", "2099-01-31",
                "JTM-JLB-001", "--deposit", "cash=85000", stdin=PIN)
    cli("--pin-stdin", "order", "handover", "JATIM-P00001", stdin=PIN)
    listed = cli("orders")
    data = json.loads(cli("orders", "--json").out)

    assert taken.out.startswith("JATIM-P00001  Open  total Rp 85.000")
    assert "Handed over" in listed.out and "handed_over" not in listed.out
    assert data[0]["status"] == "handed_over"


def test_a_due_date_can_be_days_from_the_stands_today(cli: Cli, jatim: Stand) -> None:
    before = datetime.now(UTC).astimezone(JAKARTA).date()
    taken = cli("--pin-stdin", "order", "new", *BUYER, "--due", "+3d", "--json",
                "JTM-JLB-001", "--deposit", "cash=85000", stdin=PIN)
    after = datetime.now(UTC).astimezone(JAKARTA).date()

    assert taken.code == 0, taken.err
    due = date.fromisoformat(json.loads(taken.out)["due"])
    assert due in {before + timedelta(days=3), after + timedelta(days=3)}


def test_a_bad_due_date_says_both_forms_and_takes_no_order(cli: Cli, jatim: Stand) -> None:
    r = cli("--pin-stdin", "order", "new", *BUYER, "--due", "+3 days",
            "JTM-JLB-001", stdin=PIN)

    assert r.code == 2 and r.err.count("\n") == 1
    assert "YYYY-MM-DD, or +3d" in r.err
    assert cli("orders").out == "no orders\n"


def test_a_refund_names_its_method(cli: Cli, jatim: Stand) -> None:
    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000", stdin=PIN)
    r = cli("refund", "JATIM-000001", "JTM-JLB-001", "--supervisor", "budi", "--reason", "x",
            "--method", "cash", "--pin-stdin", stdin=f"{SUPERVISOR_PIN}\n")

    assert r.out.startswith("JATIM-R00001: Rp 85.000 back for JATIM-000001 (Cash)\n")


def test_backup_settings_count_sales_and_copies(cli: Cli, jatim: Stand, tmp_path) -> None:
    one = cli("backup", "set", str(tmp_path), "--every", "1", "--keep", "1", *AS_BUDI,
              stdin=BUDI_PIN_LINE)
    many = cli("backup", "set", str(tmp_path), "--every", "5", "--keep", "10", *AS_BUDI,
               stdin=BUDI_PIN_LINE)

    assert "every 1 sale and" in one.out and "the last 1 copy kept" in one.out
    assert "every 5 sales and" in many.out and "the last 10 copies kept" in many.out
