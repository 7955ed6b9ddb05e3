"""Applying one stand's journal entries to the central store, exactly once.

An entry the store already has (same stand, seq and hash) is skipped; the same stand and seq
with another hash is a conflict, and a gap before the first new entry is refused: in both
cases nothing of the batch is applied (the caller's transaction rolls back). New entries are
stored as they are and the sales, refunds, shifts and products are rebuilt from them.

A merge may gather a file's rows in another process (``prepare_rows``, without the store)
and hand them here (``apply_prepared``): written the same way, chunk by chunk, when the store
still holds the stand where the rows were gathered from. For an SQLite store they come
packed into a database in memory with their pre-grouped sums (``packed``, sync.row_pack),
and are copied from it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, select

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.journal import GENESIS, Entry, entry_time, verify_chain
from posapp.domain.messages import N_
from posapp.sync import central_schema as cs
from posapp.sync.bulk import insert_rows
from posapp.sync.central_grouped import chunk_sums
from posapp.sync.central_rows import Gathered, NeedsStore, ProductRows, RowBuilder
from posapp.sync.export_file import StandDetails
from posapp.sync.row_pack import Packed, PackedRows, pack

Progress = Callable[[int, int], None]


class SyncConflict(NotAllowed):
    """The central store already has another entry at this stand and seq."""


@dataclass(frozen=True)
class ApplyResult:
    stand: str
    applied: int  # new entries stored
    skipped: int  # entries the store already had
    last_seq: int


@dataclass(frozen=True)
class Prepared:
    """A checked file's entries as journal rows and the rows rebuilt from them, per chunk,
    gathered on the stand's state (after_seq, after_hash) and its products then; the rows
    *packed* apart (``packed``: then ``journal`` and each chunk's rows are empty)."""

    details: StandDetails
    after_seq: int
    after_hash: str
    journal: list[list[tuple[Any, ...]]]
    chunks: list[Gathered]
    products: ProductRows
    packed: Packed | None = None

    @property
    def count(self) -> int:
        if self.packed is not None:
            return self.packed.count
        return sum(len(rows) for rows in self.journal)

    @property
    def last_row(self) -> tuple[Any, ...]:
        """Its last entry's journal row."""
        return tuple(self.journal[-1][-1]) if self.packed is None else self.packed.last_row

    @property
    def last(self) -> tuple[int, str]:
        """The seq and hash of its last entry: where the stand is once it is applied."""
        row = self.last_row
        return row[1], row[6]

    def entries(self) -> list[Entry]:
        rows = [r for chunk in self.journal for r in chunk] if self.packed is None else \
            PackedRows(self.packed).rows(cs.journal_entry.name)
        return [Entry(r[1], r[0], *r[2:]) for r in rows]


def packed(prepared: Prepared) -> Prepared:
    """*prepared* with its rows packed (row_pack, for an SQLite store) and each chunk's
    pre-grouped sums added up (central_grouped.chunk_sums): the merge's second process
    does both, this one only copies and adds."""
    if prepared.packed is not None:
        return prepared
    sums = [chunk_sums(g.by_table()) for g in prepared.chunks]
    rows = pack([[(cs.journal_entry.name, journal), *g.rows]
                 for journal, g in zip(prepared.journal, prepared.chunks, strict=True)])
    return dataclasses.replace(prepared, journal=[], packed=rows, chunks=[
        dataclasses.replace(g, rows=[], sums=s) for g, s in zip(prepared.chunks, sums,
                                                               strict=True)])


def stand_state(conn: Connection, code: str) -> tuple[int, str]:
    """The central store's last seq and hash for stand *code* ((0, GENESIS) when new)."""
    row = conn.execute(
        select(cs.stand.c.last_seq, cs.stand.c.last_hash).where(cs.stand.c.code == code)
    ).first()
    return (row.last_seq, row.last_hash) if row else (0, GENESIS)


def apply_entries(conn: Connection, details: StandDetails, entries: Sequence[Entry], *,
                  how: str, now: datetime, chain_checked: bool = False,
                  progress: Progress | None = None) -> ApplyResult:
    """Apply *entries* (one stand's, in seq order) inside the caller's locked transaction.

    *chain_checked* says the caller already verified that the entries chain to each other
    (an export file's reader does); the link to what the store has is always checked here.
    """
    code = details.code
    for e in entries:
        if e.stand != code:
            raise InvalidInput("central.entry_of_other_stand", seq=e.seq, other=e.stand,
                               stand=code)
    last_seq, last_hash = stand_state(conn, code)
    known = [e for e in entries if e.seq <= last_seq]
    new = [e for e in entries if e.seq > last_seq]
    _check_known(conn, code, known, how)
    if new:
        first = new[0]
        if first.seq != last_seq + 1:
            raise InvalidInput("central.entries_missing", stand=code, first=last_seq + 1,
                               last=first.seq - 1, since=last_seq)
        if first.prev_hash != last_hash:
            raise SyncConflict(_conflict(how, "not_following"), stand=code, seq=first.seq,
                               last=last_seq)
        if not chain_checked:
            broken = verify_chain(new, start_seq=first.seq, start_hash=last_hash)
            if broken is not None:
                raise InvalidInput("sync.journal_damaged", stand=code, seq=broken.seq,
                                   reason=broken.reason)
        _store(conn, details, new, progress)
    if new or how == "sync":  # a file merged again changes nothing, not even a time
        _touch_stand(conn, details, new, how, now)
    return ApplyResult(code, len(new), len(known), new[-1].seq if new else last_seq)


def prepare_rows(details: StandDetails, entries: Sequence[Entry], *, after: tuple[int, str],
                 dialect: str, products: dict[str, dict[str, Any]],
                 sold: dict[str, list[tuple[str, int]]] | None = None) -> Prepared | None:
    """*entries* (checked and chained from *after*, the stand's state in the store, whose
    *products* they are) with their rows gathered as ``_store`` gathers them, without the
    store; None when that needs the store (a void of a sale stored before, unless *sold*
    holds its lines). *products* and *sold* are changed in place: they become the stand's
    products once the rows are applied, and the lines of the sales they hold."""
    if not entries or entries[0].seq != after[0] + 1 or entries[0].prev_hash != after[1]:
        return None
    builder = RowBuilder(None, details, dialect=dialect, products=products, sold=sold)
    journal, chunks = [], []
    try:
        for start in range(0, len(entries), _CHUNK):
            chunk = entries[start:start + _CHUNK]
            journal.append(_journal_rows(chunk))
            for e in chunk:
                builder.add(e)
            chunks.append(builder.take())
        return Prepared(details, *after, journal, chunks, builder.take_products())
    except NeedsStore:
        return None


def apply_prepared(conn: Connection, prepared: Prepared, *, how: str, now: datetime,
                   progress: Progress | None = None) -> ApplyResult | None:
    """Write *prepared* inside the caller's locked transaction, as ``apply_entries`` would
    its entries; None (nothing done) when the store no longer holds the stand where they
    were gathered from (then apply the entries)."""
    details = prepared.details
    if stand_state(conn, details.code) != (prepared.after_seq, prepared.after_hash):
        return None
    builder = RowBuilder(conn, details)
    total, done = prepared.count, 0
    if prepared.packed is None:
        for rows, gathered in zip(prepared.journal, prepared.chunks, strict=True):
            insert_rows(conn, cs.journal_entry, rows)
            builder.write(gathered)
            done += len(rows)
            if progress is not None:
                progress(done, total)
    else:
        rows_apart = PackedRows(prepared.packed)
        for n, gathered in enumerate(prepared.chunks):
            rows_apart.copy(conn, n, journal=True)
            builder.write(gathered, partial(rows_apart.copy, chunk=n, journal=False))
            done = rows_apart.done.get(cs.journal_entry.name, 0)
            if progress is not None:
                progress(done, total)
    last = prepared.last_row
    last_entry = Entry(last[1], last[0], *last[2:])
    builder.finish(prepared.products)
    _touch_stand(conn, details, [last_entry], how, now)
    return ApplyResult(details.code, total, 0, last_entry.seq)


def _check_known(conn: Connection, code: str, known: Sequence[Entry], how: str) -> None:
    if not known:
        return
    theirs = dict(conn.execute(
        select(cs.journal_entry.c.seq, cs.journal_entry.c.hash).where(
            cs.journal_entry.c.stand == code,
            cs.journal_entry.c.seq.between(known[0].seq, known[-1].seq),
        )
    ).all())
    for e in known:
        if theirs.get(e.seq) != e.hash:
            raise SyncConflict(_conflict(how, "differs"), stand=code, seq=e.seq)


def _conflict(how: str, case: str) -> str:
    """The id of a conflict found by a sync or a merge (each says what was not done)."""
    return {
        ("merge", "differs"): N_("merge.conflict_differs"),
        ("merge", "not_following"): N_("merge.conflict_not_following"),
        ("sync", "differs"): N_("sync.conflict_differs"),
        ("sync", "not_following"): N_("sync.conflict_not_following"),
    }[("merge" if how == "merge" else "sync", case)]


_CHUNK = 2_000


def _store(conn: Connection, details: StandDetails, new: Sequence[Entry],
           progress: Progress | None) -> None:
    builder = RowBuilder(conn, details)
    total = len(new)
    for start in range(0, total, _CHUNK):
        chunk = new[start:start + _CHUNK]
        insert_rows(conn, cs.journal_entry, _journal_rows(chunk))
        for e in chunk:
            builder.add(e)
        builder.flush()
        if progress is not None:
            progress(min(start + _CHUNK, total), total)
    builder.finish()


def _journal_rows(chunk: Sequence[Entry]) -> list[tuple[Any, ...]]:
    return [(e.stand, e.seq, e.at, e.kind, e.payload, e.prev_hash, e.hash) for e in chunk]


def _touch_stand(conn: Connection, details: StandDetails, new: Sequence[Entry], how: str,
                 now: datetime) -> None:
    values: dict[str, Any] = {
        "name": details.name, "province": details.province, "event_name": details.event_name,
        "timezone": details.timezone, "last_sync_at": now, "last_sync_how": how,
    }
    if new:
        values |= {"last_seq": new[-1].seq, "last_hash": new[-1].hash,
                   "last_entry_at": entry_time(new[-1].at)}
    exists = conn.scalar(select(cs.stand.c.code).where(cs.stand.c.code == details.code))
    if exists is None:
        conn.execute(cs.stand.insert().values(code=details.code, **{
            "last_seq": 0, "last_hash": GENESIS, **values}))
    else:
        conn.execute(cs.stand.update().where(cs.stand.c.code == details.code).values(**values))

