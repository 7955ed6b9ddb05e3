"""Many rows at once (posapp.sync.bulk: executemany on SQLite, COPY on PostgreSQL): a file
whose rows cannot go in is refused whole and leaves the store as it was, and the files
after it, on the same connection, go in as if nothing had happened."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from benchmarks._event import _Chain, _journal
from posapp.domain.event_key import new_key
from posapp.domain.journal import Entry, EventKind
from posapp.services import central_totals, merge
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central
from posapp.sync.fast_json import loads
from tests.central.export_files import export_file

KEY = new_key()
SALES = 300


def _file(folder: Path, code: str, entries: list[Entry]) -> Path:
    return export_file(folder / f"{code}.posexport", KEY, code, entries)


def _with_a_sale_twice(code: str) -> list[Entry]:
    """A stand's journal whose 250th sale carries the 10th sale's id (a faulty till)."""
    entries = _journal(code, SALES, random.Random(3))
    sales = [e for e in entries if e.kind == EventKind.SALE_COMPLETED]
    first_id = loads(sales[9].payload)["id"]
    chain = _Chain(code, datetime(2026, 6, 24, 2, 0))
    for e in entries:
        payload = loads(e.payload)
        if e is sales[249]:
            payload["id"] = first_id
        chain.add(e.kind, payload)
    return chain.entries


def _figures(target: str) -> dict[str, tuple[int, int]]:
    with Central(target) as central:
        return {s.code: (s.totals.sales_count, s.totals.net)
                for s in central_totals.stand_totals(central)}


def test_a_file_whose_rows_cannot_go_in_changes_nothing(central_url: str,
                                                         tmp_path: Path) -> None:
    good = [_file(tmp_path, code, _journal(code, SALES, random.Random(n)))
            for n, code in enumerate(("BALI", "KALBAR"))]
    bad = _file(tmp_path, "NTB", _with_a_sale_twice("NTB"))
    later = _file(tmp_path, "NTT", _journal("NTT", SALES, random.Random(7)))
    assert [r.stand for r in merge.merge_files(central_url, good, key=KEY).merged] == \
        ["BALI", "KALBAR"]
    before = _figures(central_url)

    refused = merge.merge_files(central_url, [bad], key=KEY).refused

    assert [e.code for e in refused] == ["central.write_failed"]
    assert _figures(central_url) == before  # NTB not there, the others as they were
    # NTB's file is applied first (by stand), on the connection that then applies NTT's
    result = merge.merge_files(central_url, [later, bad], key=KEY)
    assert [r.stand for r in result.merged] == ["NTT"]
    assert [e.code for e in result.refused] == ["central.write_failed"]
    figures = _figures(central_url)
    assert {c: figures[c] for c in before} == before and "NTB" not in figures
    assert figures["NTT"][0] == SALES - SALES // 100  # one in a hundred voided
    with Central(central_url) as central:
        assert central_totals.check_z_reports(central) == []
        with central.reading() as conn:  # nothing of NTB's came in with NTT's rows
            assert [conn.scalar(select(func.count()).select_from(t).where(t.c.stand == "NTB"))
                    for t in (cs.journal_entry, cs.sale, cs.sale_line, cs.payment)] == [0] * 4
