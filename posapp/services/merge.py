"""Merge: apply stands' export files to the central store, each file all or nothing.

The store records the event it belongs to (its id, never the key); every file must be
signed with that event's key. The key comes from whoever merges (typed, or piped in), or
from this computer's secret store (store.secrets), where it is kept after a first merge
that checked out; an earlier posapp's key kept in the store itself moves there too, and
leaves the store. A file is read and checked outside the lock (signature, completeness,
chain), then applied under the lock, where its continuity with what the store already has
is checked. Merging a file twice changes nothing. The files of one batch are applied in
the order of their stand and first entry, whatever order they were given in; while one is
applied, the next ones are read, and their rows made, in second processes (sync.read_ahead,
sync.merge_worker) when the batch is large enough to pay for starting them, else in a
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete

from posapp.domain.errors import NotAllowed, PosError
from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.domain.messages import N_
from posapp.store.secrets import SecretStore, event_key_name
from posapp.store.uow import utc_now
from posapp.sync import central_schema as cs
from posapp.sync import merge_worker
from posapp.sync.central_apply import (
    Prepared,
    Progress,
    apply_entries,
    apply_prepared,
)
from posapp.sync.central_store import (
    EVENT_META,
    KEY_META,
    Central,
    claim_event,
    get_meta,
    set_meta,
    store_event,
)
from posapp.sync.export_file import ExportBatch, read_export
from posapp.sync.read_ahead import Held, ReadAhead, already_held, peek

log = logging.getLogger(__name__)

#: The refusal when no key was given and none is kept for the store's event (callers
#: compare ``exc.code``).
NO_KEY = N_("merge.no_key")


@dataclass(frozen=True)
class MergeResult:
    path: Path
    stand: str
    applied: int  # new entries
    skipped: int  # entries the store already had
    last_seq: int


@dataclass(frozen=True)
class BatchResult:
    """A batch's outcome: per file (in the order applied) a result or the refusal."""

    outcomes: list[tuple[Path, MergeResult | PosError]] = field(default_factory=list)

    @property
    def merged(self) -> list[MergeResult]:
        return [r for _, r in self.outcomes if isinstance(r, MergeResult) and r.applied]

    @property
    def already(self) -> list[MergeResult]:
        return [r for _, r in self.outcomes if isinstance(r, MergeResult) and not r.applied]

    @property
    def refused(self) -> list[PosError]:
        return [r for _, r in self.outcomes if isinstance(r, PosError)]


def needs_key(target: str, *, secrets: SecretStore | None = None) -> bool:
    """True when a merge into *target* needs the key typed: the store has no event yet (or
    does not exist), or this computer does not keep the key of its event."""
    store = secrets if secrets is not None else SecretStore()
    with Central(target) as central, central.writing() as conn:
        if get_meta(conn, KEY_META) is not None:
            return False  # an earlier posapp's store: the key moves out at the merge
        theirs = store_event(conn)
    return theirs is None or store.event_key(theirs) is None


def merge_file(target: str, path: Path, *, key: str | None = None,
               progress: Progress | None = None, clock: Callable[[], datetime] = utc_now,
               secrets: SecretStore | None = None) -> MergeResult:
    """Check and apply one export file; a PosError with the reason when it is refused."""
    store = secrets if secrets is not None else SecretStore()
    with Central(target) as central:
        secret, typed = _key_for(central, key, store)
        result = _merge_one(central, Path(path), secret, progress, clock)
    if typed:  # a key that checked out is kept on this computer for the next merge
        store.put(event_key_name(fingerprint(secret)), format_key(secret))
    return result


def merge_files(target: str, paths: Sequence[Path], *, key: str | None = None,
                progress: Progress | None = None, clock: Callable[[], datetime] = utc_now,
                secrets: SecretStore | None = None) -> BatchResult:
    """Merge the files of one batch, ordered by stand and first entry; one refused file
    does not stop the others. A key that does not fit the store is refused once, before
    any file (a PosError raised)."""
    store = secrets if secrets is not None else SecretStore()
    batch = BatchResult()
    with Central(target) as central, ThreadPoolExecutor(1) as reader, \
            merge_worker.started(paths, merge_worker.WORKERS if central.is_sqlite else 1) \
            as workers:
        secret, typed = _key_for(central, key, store)
        ahead = ReadAhead(central, secret, reader, workers)
        order = batch_order(paths)
        for n, path in enumerate(order):
            try:  # the next files read while this one is applied
                read = ahead.take(path, upcoming=order[n + 1:n + 1 + ahead.window])
                done = _held(read) if isinstance(read, Held) else \
                    _apply(central, path, read, secret, progress, clock)
                log.info("merge of %s: stand %s, %d new entries", path, done.stand,
                         done.applied)
                batch.outcomes.append((path, done))
            except PosError as exc:
                log.warning("merge of %s refused: %s", path, exc.message)
                batch.outcomes.append((path, exc))
    if typed and batch.merged + batch.already:
        store.put(event_key_name(fingerprint(secret)), format_key(secret))
    return batch


def batch_order(paths: Sequence[Path]) -> list[Path]:
    """*paths* in the order to apply them: by stand, then first and last entry (as each
    file's first line claims; checked when it is read); files that do not say last, in the
    order given."""
    peeked = [(peek(Path(p)), i, Path(p)) for i, p in enumerate(paths)]
    known = sorted((head, i, p) for head, i, p in peeked if head is not None)
    return [p for _, _, p in known] + [p for head, _, p in peeked if head is None]


def _merge_one(central: Central, path: Path, secret: bytes, progress: Progress | None,
               clock: Callable[[], datetime]) -> MergeResult:
    known = already_held(central, path, secret)
    if known is not None:
        return _held(known)
    return _apply(central, path, read_export(path, secret), secret, progress, clock)


def _apply(central: Central, path: Path, batch: ExportBatch | Prepared, secret: bytes,
           progress: Progress | None, clock: Callable[[], datetime]) -> MergeResult:
    """Apply a checked file (its rows made here, or by the worker: *batch* a Prepared)."""
    ours = fingerprint(secret)
    details = batch.stand if isinstance(batch, ExportBatch) else batch.details
    with central.writing(attach=batch.packed if isinstance(batch, Prepared) else None) as conn:
        theirs = claim_event(conn, ours, details.code)
        if theirs is not None and theirs != ours:  # another organizer merged first
            raise NotAllowed("merge.wrong_event", ours=theirs, theirs=ours)
        _drop_stored_key(conn)
        result = apply_prepared(conn, batch, how="merge", now=clock(), progress=progress) \
            if isinstance(batch, Prepared) else None
        if result is None:  # made here, or the store moved on since the worker's turn
            entries = batch.entries if isinstance(batch, ExportBatch) else batch.entries()
            result = apply_entries(conn, details, entries, how="merge", now=clock(),
                                   chain_checked=True, progress=progress)
    return MergeResult(path, result.stand, result.applied, result.skipped, result.last_seq)


def _held(known: Held) -> MergeResult:
    return MergeResult(known.path, known.stand, 0, known.skipped, known.last_seq)


def event_key(central: Central, *, typed: str | None = None,
              secrets: SecretStore | None = None) -> bytes:
    """The key of the central store's event (*typed*, checked against the store's event,
    or the one this computer keeps); refused when it is not known here."""
    return _key_for(central, typed, secrets if secrets is not None else SecretStore())[0]


def _key_for(central: Central, typed: str | None,
             store: SecretStore) -> tuple[bytes, bool]:
    """The key to check files with, and whether it was typed (to keep once a file checks
    out). A key an earlier posapp kept in the store moves to this computer."""
    given = parse_key(typed) if typed else None
    with central.writing() as conn:
        theirs = store_event(conn)
        legacy = get_meta(conn, KEY_META)
        if legacy is not None and theirs is not None:
            store.put(event_key_name(theirs), format_key(parse_key(legacy)))
            set_meta(conn, EVENT_META, theirs)
            _drop_stored_key(conn)
    if given is not None:
        if theirs is not None and fingerprint(given) != theirs:
            raise NotAllowed("merge.wrong_event", ours=theirs, theirs=fingerprint(given))
        return given, True
    kept = store.event_key(theirs) if theirs is not None else None
    if kept is None:
        raise NotAllowed(NO_KEY)
    return kept, False


def _drop_stored_key(conn: Connection) -> None:
    conn.execute(delete(cs.meta).where(cs.meta.c.key == KEY_META))
