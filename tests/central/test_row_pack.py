"""A file's rows packed into an SQLite database in memory by the merge's second process
(sync.row_pack) and copied into an SQLite store from it: the store ends the same row for
row (rowids included), and the same schema, as the rows inserted one by one; a packed file
whose rows the store refuses leaves the store as it was."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks._event import _journal
from posapp.domain.errors import StorageError
from posapp.domain.event_key import new_key, parse_key
from posapp.domain.journal import GENESIS
from posapp.services import central_totals
from posapp.sync import central_apply
from posapp.sync import central_schema as cs
from posapp.sync.central_apply import Prepared, apply_entries, apply_prepared, packed, prepare_rows
from posapp.sync.central_store import Central
from posapp.sync.export_file import ExportBatch, read_export
from tests.central.export_files import export_file

KEY = new_key()
WHEN = datetime(2026, 6, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ExportBatch:
    """A stand's 240 sales in chunks of 51 entries: voids and refunds of sales that an
    earlier chunk holds (their figures need the store), and of the same chunk's."""
    monkeypatch.setattr(central_apply, "_CHUNK", 51)
    entries = _journal("ACEH", 240, random.Random(4))
    path = export_file(tmp_path / "aceh.posexport", KEY, "ACEH", entries)
    return read_export(path, parse_key(KEY))


def _prepared(batch: ExportBatch) -> Prepared:
    prepared = prepare_rows(batch.stand, batch.entries, after=(0, GENESIS),
                            dialect="sqlite", products={})
    assert prepared is not None
    return prepared


def _one_by_one(path: Path, batch: ExportBatch) -> None:
    with Central(str(path)) as central, central.writing() as conn:
        apply_entries(conn, batch.stand, batch.entries, how="merge", now=WHEN,
                      chain_checked=True)


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table with its rowid, in rowid order, and the schema."""
    con = sqlite3.connect(path)
    try:
        rows = {t.name: con.execute(f"SELECT rowid, * FROM {t.name} ORDER BY rowid").fetchall()
                for t in cs.metadata.sorted_tables if t is not cs.meta}
        rows["sqlite_master"] = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
        return rows
    finally:
        con.close()


def test_packed_rows_copied_make_the_same_store(tmp_path: Path, batch: ExportBatch) -> None:
    _one_by_one(tmp_path / "one.sqlite", batch)
    prepared = packed(_prepared(batch))
    assert prepared.packed is not None and len(prepared.chunks) == 5
    assert prepared.journal == [] and all(g.rows == [] for g in prepared.chunks)
    assert prepared.count == len(batch.entries)
    assert prepared.last == (batch.entries[-1].seq, batch.entries[-1].hash)
    assert prepared.entries() == batch.entries
    done: list[tuple[int, int]] = []

    with Central(str(tmp_path / "two.sqlite")) as central, \
            central.writing(attach=prepared.packed) as conn:
        result = apply_prepared(conn, prepared, how="merge", now=WHEN,
                                progress=lambda n, total: done.append((n, total)))

    assert result is not None and result.applied == len(batch.entries)
    assert done[-1] == (len(batch.entries), len(batch.entries)) and len(done) == 5
    assert _dump(tmp_path / "two.sqlite") == _dump(tmp_path / "one.sqlite")
    with Central(str(tmp_path / "two.sqlite")) as central:
        assert central_totals.check_z_reports(central) == []
        with central.reading() as conn:  # the rows let go of once the merge is done
            names = [r[1] for r in conn.exec_driver_sql("PRAGMA database_list")]
    assert names == ["main"]


def test_packed_rows_not_attached_are_read_out_and_inserted(
        tmp_path: Path, batch: ExportBatch) -> None:
    _one_by_one(tmp_path / "one.sqlite", batch)
    prepared = packed(_prepared(batch))

    with Central(str(tmp_path / "two.sqlite")) as central, central.writing() as conn:
        assert apply_prepared(conn, prepared, how="merge", now=WHEN) is not None

    assert _dump(tmp_path / "two.sqlite") == _dump(tmp_path / "one.sqlite")


def test_packed_rows_the_store_refuses_leave_it_as_it_was(
        tmp_path: Path, batch: ExportBatch) -> None:
    """A sale of the file already in the store (put there behind posapp's back): the copy
    fails on its key, and nothing of the file stays."""
    target = tmp_path / "two.sqlite"
    prepared = packed(_prepared(batch))
    sale = next(e for e in batch.entries if e.kind == "sale.completed")
    with Central(str(target)) as central, central.writing():
        pass
    con = sqlite3.connect(target)
    with con:
        con.execute("INSERT INTO sale (id, stand, seq, receipt_no, shift_id, cashier, at, day, "
                    "subtotal, discount, total, change, voided) VALUES (?, 'ACEH', 1, 'X', "
                    "'s', '', '2026-06-24 02:00:00.000000', '2026-06-24', 0, 0, 0, 0, 0)",
                    (json.loads(sale.payload)["id"],))
    con.close()
    before = _dump(target)

    with pytest.raises(StorageError) as refused, Central(str(target)) as central, \
            central.writing(attach=prepared.packed) as conn:
        apply_prepared(conn, prepared, how="merge", now=WHEN)

    assert refused.value.code == "central.write_failed"
    assert _dump(target) == before
