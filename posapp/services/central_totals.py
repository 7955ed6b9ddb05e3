"""Totals from the central store, and reconciling them with exports and the stands' Z reports."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from posapp.domain.errors import InvalidInput
from posapp.domain.event_report import StandTotals, overall
from posapp.domain.journal import Entry
from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals, differences, fold
from posapp.services.merge import event_key
from posapp.sync import central_queries as q
from posapp.sync.central_store import Central
from posapp.sync.export_file import read_export

__all__ = ["Mismatch", "StandTotals", "check_z_reports", "overall", "reconcile_entries",
           "stand_totals"]


@dataclass
class Mismatch:
    """A stand whose figures differ between two sources, and which figures."""

    stand: str
    what: str  # "export FILE" or "Z report of shift N"
    figures: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"stand {self.stand}: central totals differ from the {self.what} " \
               f"({', '.join(self.figures)})"


def stand_totals(central: Central) -> list[StandTotals]:
    """Every stand's totals, by stand code."""
    with central.reading() as conn:
        return q.stand_totals(conn)


def stand_totals_at(target: str) -> list[StandTotals]:
    """Every stand's totals in the central store *target* (a file or a URL)."""
    with Central(target, create=False) as central:
        return stand_totals(central)


@dataclass(frozen=True)
class Reconciled:
    problems: list[Mismatch]  # empty when everything agrees
    checked: list[str]  # the stands whose exports were compared, by code
    stands: int  # stands in the central store
    net: int  # their net sales together


def reconcile(target: str, exports: Iterable[Path], *, key: str | None = None) -> Reconciled:
    """Check the central store *target* against each full export file and every Z report;
    the files are checked with *key* or the key this computer keeps for the store's event
    (none is needed without files)."""
    exports = list(exports)
    with Central(target, create=False) as central:
        secret = event_key(central, typed=key) if exports else b""
        batches = []
        for path in exports:
            batch = read_export(path, secret)
            if batch.first_seq != 1:
                raise InvalidInput("reconcile.not_full_export", file=str(path),
                                   first=batch.first_seq)
            batches.append((batch.stand.code, f"export {path}", batch.entries))
        found = reconcile_entries(central, batches)
        found += check_z_reports(central)
        stands = stand_totals(central)
    return Reconciled(found, sorted({code for code, _, _ in batches}), len(stands),
                      sum(s.totals.net for s in stands))


def reconcile_entries(central: Central, batches: Iterable[tuple[str, str, list[Entry]]]) -> (
    list[Mismatch]
):
    """Compare the central totals of each (stand, label, full journal) with its own fold."""
    by_code = {s.code: s.totals for s in stand_totals(central)}
    found = []
    for code, label, entries in batches:
        theirs = fold(entries)
        ours = by_code.get(code)
        if ours is None:
            found.append(Mismatch(code, label, ["not in the central store"]))
        elif diff := differences(ours, theirs):
            found.append(Mismatch(code, label, diff))
    return found


def check_z_reports(central: Central) -> list[Mismatch]:
    """Compare, for every closed shift, the central store's figures with the stand's Z."""
    found = []
    with central.reading() as conn:
        ours = q.shift_totals(conn)
        closed = q.closed_shifts(conn)
    for shift_id, stand, number, z_json in closed:
        if diff := differences(ours.get(shift_id, Totals()), z_totals(json.loads(z_json))):
            found.append(Mismatch(stand, f"Z report of shift {number}", diff))
    return found


def z_totals(z: dict[str, Any]) -> Totals:
    """A Z report's figures (as the stand sent them) as Totals."""
    theirs = Totals(z["sales_count"], z["gross"], z["discounts"], z["voids_count"],
                    z["refunds_count"], z["refunds_total"],
                    {m: MethodTotals(t["sales"], t["refunds"]) for m, t in z["methods"].items()})
    orders = z.get("orders") or {}  # a Z report of before orders has none
    theirs.orders_placed = orders.get("placed", 0)
    for kind, key in (("deposit", "deposits"), ("balance", "balances"), ("refund", "refunds")):
        for method, amount in orders.get(key, {}).items():
            theirs.add_order_money(kind, method, amount)
    return theirs
