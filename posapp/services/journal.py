"""Appending to and checking the stand's hash-chained journal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, insert, select

from posapp.domain.journal import (
    GENESIS,
    ChainBreak,
    Entry,
    canonical_json,
    entry_hash,
    verify_chain,
)
from posapp.store import tables
from posapp.store.prepared import Prepared
from posapp.store.uow import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


def append(uow: UnitOfWork, stand: str, kind: str, payload: dict[str, Any], *,
           tip: tuple[int, str] | None = None) -> Entry:
    """Add an entry in the caller's transaction, chained to the last one.

    *tip* is the last entry's (seq, hash) when the caller already read it in this
    transaction (see ``last_entry``); otherwise it is read here.
    """
    conn = uow.connection
    if tip is None:
        last = conn.execute(_LAST).first()
        tip = (last.seq, last.hash) if last else (0, GENESIS)
    seq, prev = tip[0] + 1, tip[1]
    at = uow.clock().isoformat(timespec="microseconds") + "Z"
    body = canonical_json(payload)
    entry = Entry(seq, stand, at, kind, body, prev, entry_hash(prev, seq, stand, at, kind, body))
    _INSERT.run(conn, {"seq": seq, "stand": stand, "at": at, "kind": kind, "payload": body,
                       "prev_hash": prev, "hash": entry.hash})
    return entry


_JOURNAL = tables.journal
_LAST = select(_JOURNAL.c.seq, _JOURNAL.c.hash).order_by(_JOURNAL.c.seq.desc()).limit(1)
#: The last entry's seq and hash, as scalar subqueries to fold into a caller's query.
LAST_SEQ = select(_JOURNAL.c.seq).order_by(_JOURNAL.c.seq.desc()).limit(1).scalar_subquery()
LAST_HASH = select(_JOURNAL.c.hash).order_by(_JOURNAL.c.seq.desc()).limit(1).scalar_subquery()
_INSERT = Prepared(insert(_JOURNAL),
                   ["seq", "stand", "at", "kind", "payload", "prev_hash", "hash"])


def iter_entries(session: Session | Connection, *, since: int = 0,
                 batch: int = 5_000) -> Iterator[Entry]:
    """Entries with seq > *since*, in order, read in batches (plain rows: no ORM objects)."""
    last = since
    while True:
        rows = session.execute(_BATCH, {"after": last, "n": batch}).all()
        if not rows:
            return
        for r in rows:
            yield Entry(*r)
        last = rows[-1][0]


_BATCH = (
    select(_JOURNAL.c.seq, _JOURNAL.c.stand, _JOURNAL.c.at, _JOURNAL.c.kind, _JOURNAL.c.payload,
           _JOURNAL.c.prev_hash, _JOURNAL.c.hash)
    .where(_JOURNAL.c.seq > bindparam("after")).order_by(_JOURNAL.c.seq)
    .limit(bindparam("n"))
)


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    last_hash: str
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(uow: UnitOfWork) -> VerifyResult:
    """Check the whole chain; name the first entry where it breaks."""
    count, last_hash = 0, GENESIS

    def counted() -> Iterator[Entry]:
        nonlocal count, last_hash
        for e in iter_entries(uow.core):
            count += 1
            last_hash = e.hash
            yield e

    broken = verify_chain(counted())
    return VerifyResult(entries=count, last_hash=last_hash, broken=broken)
