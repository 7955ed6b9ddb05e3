"""A batch's next file read and made into rows in a second process (sync.merge_worker):
the store ends up row for row as a merge in one process leaves it, whether the worker makes
the rows, hands a file back (a void of a sale stored before), cannot start, or dies
mid-merge; on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from benchmarks._event import _journal
from posapp.domain.event_key import new_key, parse_key
from posapp.domain.journal import GENESIS, Entry
from posapp.services import central_totals, merge
from posapp.sync import central_schema as cs
from posapp.sync import merge_worker, read_ahead
from posapp.sync.central_apply import apply_prepared, prepare_rows
from posapp.sync.central_store import Central
from posapp.sync.export_file import read_export
from posapp.sync.merge_worker import MergeWorker
from tests.central.export_files import export_file

KEY = new_key()
SALES = 240
WHEN = datetime(2026, 6, 26, 12, 0, tzinfo=UTC)


def _file(folder: Path, name: str, code: str, entries: list[Entry]) -> Path:
    return export_file(folder / f"{name}.posexport", KEY, code, entries)


@pytest.fixture
def usb(tmp_path: Path) -> dict[str, Path]:
    """SUMUT's day in three files: to its 40th entry, to its 52nd (its 50th sale, whose
    void is the 53rd entry), and the rest; ACEH's and BALI's days whole."""
    sumut = _journal("SUMUT", SALES, random.Random(1))
    return {
        "sumut1": _file(tmp_path, "sumut1", "SUMUT", sumut[:40]),
        "sumut2": _file(tmp_path, "sumut2", "SUMUT", sumut[40:52]),
        "sumut3": _file(tmp_path, "sumut3", "SUMUT", sumut[52:]),
        "aceh": _file(tmp_path, "aceh", "ACEH", _journal("ACEH", SALES, random.Random(2))),
        "bali": _file(tmp_path, "bali", "BALI", _journal("BALI", SALES, random.Random(3))),
    }


@pytest.fixture
def made_by_worker(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The worker used for any batch; the stands whose rows it made, as applied."""
    monkeypatch.setattr(merge_worker, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(merge_worker, "cores_idle", lambda: True)  # whatever else runs
    made: list[str] = []
    real = merge.apply_prepared

    def spy(conn: Any, prepared: Any, **kw: Any) -> Any:
        result = real(conn, prepared, **kw)
        if result is not None:
            made.append(prepared.details.code)
        return result

    monkeypatch.setattr(merge, "apply_prepared", spy)
    return made


def _merge(target: str, paths: list[Path], **kw: Any) -> merge.BatchResult:
    return merge.merge_files(target, paths, key=KEY, clock=lambda: WHEN, **kw)


def _batches(target: str, usb: dict[str, Path], **kw: Any) -> list[merge.BatchResult]:
    """The files in three batches; in each, the files after the first are read ahead."""
    return [_merge(target, [usb["sumut1"]], **kw),
            _merge(target, [usb["aceh"], usb["sumut2"]], **kw),  # SUMUT's products stored
            _merge(target, [usb["bali"], usb["sumut3"]], **kw)]  # a void of sumut2's sale


def _everything(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in order."""
    with Central(target) as central, central.reading() as conn:
        return {t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
                for t in cs.metadata.sorted_tables if t is not cs.meta}


def _in_one_process(make_central_url: Callable[..., str],
                    usb: dict[str, Path]) -> dict[str, list[tuple[Any, ...]]]:
    target = make_central_url("one")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge_worker, "WORKER_MIN_BYTES", 1 << 60)
        _batches(target, usb)
    return _everything(target)


def _sums(target: str) -> dict[str, tuple[int, int, int]]:
    with Central(target) as central:
        assert central_totals.check_z_reports(central) == []
        return {s.code: (s.totals.sales_count, s.totals.net, s.totals.gross)
                for s in central_totals.stand_totals(central)}


def test_rows_made_in_the_second_process_are_the_same(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str]) -> None:
    alone = _in_one_process(make_central_url, usb)
    assert made_by_worker == []
    target = make_central_url("two")

    batches = _batches(target, usb)

    assert [[(r.stand, r.applied) for r in b.merged] for b in batches] == [
        [("SUMUT", 40)], [("ACEH", 247), ("SUMUT", 12)], [("BALI", 247), ("SUMUT", 195)]]
    # sumut2 on SUMUT's stored products; sumut3 voids a sale of sumut2: made here
    assert made_by_worker == ["SUMUT"]
    assert _everything(target) == alone
    sums = _sums(target)
    assert sums["SUMUT"][0] == SALES - SALES // 100 and sums["SUMUT"][1] > 0


def test_the_second_process_dying_mid_merge_changes_nothing_of_the_result(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _in_one_process(make_central_url, usb)
    workers: list[MergeWorker] = []
    real_start = MergeWorker.start

    def start(self: MergeWorker) -> bool:
        workers.append(self)
        return real_start(self)

    def kill(done: int, total: int) -> None:  # while the first file is applied
        for w in workers:
            if w.process is not None and w.process.is_alive():
                w.process.kill()
                w.process.join()

    monkeypatch.setattr(MergeWorker, "start", start)
    target = make_central_url("two")

    batches = _batches(target, usb, progress=kill)

    assert all(b.refused == [] for b in batches)
    assert len(workers) == 2 and made_by_worker == []
    assert _everything(target) == alone


def test_no_second_process_merges_in_one(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _in_one_process(make_central_url, usb)
    monkeypatch.setattr(MergeWorker, "start", lambda self: False)
    target = make_central_url("two")

    batches = _batches(target, usb)

    assert all(b.refused == [] for b in batches) and made_by_worker == []
    assert _everything(target) == alone


def test_a_damaged_file_read_by_the_worker_is_refused_on_its_own_turn(
        central_url: str, usb: dict[str, Path], made_by_worker: list[str]) -> None:
    lines = usb["sumut1"].read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b"0", b"1", 1)  # one digit of an entry: signed, so refused
    usb["sumut1"].write_bytes(b"\n".join(lines))

    batch = _merge(central_url, [usb["sumut1"], usb["bali"], usb["aceh"]])

    assert [(r.stand, r.applied) for r in batch.merged] == [("ACEH", 247), ("BALI", 247)]
    assert [(p.name, e.code) for p, e in batch.outcomes if isinstance(e, Exception)] == [
        ("sumut1.posexport", "export.changed")]
    assert made_by_worker == ["BALI"]
    assert set(_sums(central_url)) == {"ACEH", "BALI"}


def test_rows_made_before_the_store_moved_on_are_not_written(
        central_url: str, usb: dict[str, Path]) -> None:
    """Another merge applied the same file between the worker's turn and this one: the
    entries are checked as any file's (here: already held), never written twice."""
    batch = read_export(usb["aceh"], parse_key(KEY))
    prepared = prepare_rows(batch.stand, batch.entries, after=(0, GENESIS),
                            dialect="postgresql" if "://" in central_url else "sqlite",
                            products={})
    assert prepared is not None and prepared.count == 247
    _merge(central_url, [usb["aceh"]])
    before = _everything(central_url)

    with Central(central_url) as central, central.writing() as conn:
        assert apply_prepared(conn, prepared, how="merge", now=WHEN) is None

    assert _everything(central_url) == before



def test_rows_gathered_alone_across_chunks_are_the_same(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 52 entries: the void of the 50th sale (the 52nd entry) in the next, gathered
    without the store (prepare_rows, as the worker does), written as apply_entries writes
    the same entries."""
    from posapp.sync import central_apply

    monkeypatch.setattr(central_apply, "_CHUNK", 52)
    alone = make_central_url("one")
    _merge(alone, [usb["aceh"]])
    batch = read_export(usb["aceh"], parse_key(KEY))
    target = make_central_url("two")
    with Central(target) as central, central.writing() as conn:
        prepared = prepare_rows(batch.stand, batch.entries, after=(0, GENESIS),
                                dialect=conn.dialect.name, products={})
        assert prepared is not None and len(prepared.chunks) == 5
        assert apply_prepared(conn, prepared, how="merge", now=WHEN) is not None

    assert _everything(target) == _everything(alone)


def test_files_shared_between_the_processes_make_the_same_store(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every second file read ahead is kept for this process (WORKER_SHARE): read here
    while the worker reads the one after it."""
    files = [usb["sumut1"], usb["bali"], usb["aceh"]]
    alone = make_central_url("one")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge_worker, "WORKER_MIN_BYTES", 1 << 60)
        _merge(alone, files)
    monkeypatch.setattr(read_ahead, "WORKER_SHARE", 2)
    monkeypatch.setattr(merge_worker, "WORKERS", 1)
    target = make_central_url("two")

    batch = _merge(target, files)

    assert [(r.stand, r.applied) for r in batch.merged] == [
        ("ACEH", 247), ("BALI", 247), ("SUMUT", 40)]
    assert made_by_worker == ["BALI"]  # SUMUT's file kept for this process
    assert _everything(target) == _everything(alone)



def test_a_stands_files_in_one_batch_follow_each_other_in_the_worker(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str]) -> None:
    """SUMUT's three files: the second's rows made on the products the first leaves, the
    third's on the second's, and its first entry voids the second's last sale."""
    files = [usb["sumut3"], usb["sumut1"], usb["aceh"], usb["sumut2"]]
    alone = make_central_url("one")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge_worker, "WORKER_MIN_BYTES", 1 << 60)
        _merge(alone, files)
    target = make_central_url("two")

    batch = _merge(target, files)

    assert [(r.stand, r.applied) for r in batch.merged] == [
        ("ACEH", 247), ("SUMUT", 40), ("SUMUT", 12), ("SUMUT", 195)]
    assert made_by_worker == ["SUMUT", "SUMUT", "SUMUT"]
    assert _everything(target) == _everything(alone)
    assert _sums(target)["SUMUT"][0] == SALES - SALES // 100

@pytest.mark.parametrize(("cores", "load", "second"), [
    (2, 0.3, True), (2, 1.5, True), (2, 1.6, False), (2, 9.0, False), (1, 0.0, False),
    (4, 3.0, True)])
def test_a_second_process_only_when_a_core_stands_idle(
        monkeypatch: pytest.MonkeyPatch, cores: int, load: float, second: bool) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cores)),
                        raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert merge_worker.cores_idle() is second


def test_two_second_processes_each_read_one_of_the_next_files(
        make_central_url: Callable[..., str], usb: dict[str, Path],
        made_by_worker: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """BALI's and SUMUT's first file read at once, each by one worker (on SQLite; on
    PostgreSQL one worker reads both), while ACEH's is read and applied here; SUMUT's next
    files follow its first in the worker that read it."""
    files = [usb["sumut3"], usb["bali"], usb["sumut1"], usb["aceh"], usb["sumut2"]]
    alone = make_central_url("one")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge_worker, "WORKER_MIN_BYTES", 1 << 60)
        _merge(alone, files)
    workers: list[MergeWorker] = []
    real_send = MergeWorker.send

    def send(self: MergeWorker, path: Path, *args: Any, **kw: Any) -> bool:
        workers.append(self)
        return real_send(self, path, *args, **kw)

    monkeypatch.setattr(MergeWorker, "send", send)
    target = make_central_url("two")

    batch = _merge(target, files)

    assert [(r.stand, r.applied) for r in batch.merged] == [
        ("ACEH", 247), ("BALI", 247), ("SUMUT", 40), ("SUMUT", 12), ("SUMUT", 195)]
    assert made_by_worker == ["BALI", "SUMUT", "SUMUT", "SUMUT"]
    assert len(set(workers)) == (1 if target.startswith("postgresql") else 2)
    assert workers[2:] == [workers[1]] * 2
    assert _everything(target) == _everything(alone)
