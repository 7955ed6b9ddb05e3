"""Merge: apply stands' export files to the central store, each file all or nothing.

The store records the event it belongs to (its id, never the key); every file must be
signed with that event's key. The key comes from whoever merges (typed, or piped in), or
from this computer's secret store (store.secrets), where it is kept after a first merge
that checked out; an earlier posapp's key kept in the store itself moves there too, and
leaves the store. A file is read and checked outside the lock (signature, completeness,
chain), then applied under the lock, where its continuity with what the store already has
is checked. Merging a file twice changes nothing. The files of one batch are applied in
the order of their stand and first entry, whatever order they were given in; while one is
applied, the next is read, and its rows made, in a second process (sync.merge_worker) when
the batch is large enough to pay for starting one, else in a thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from sqlalchemy import Connection, delete, select

from posapp.domain.errors import NotAllowed, PosError
from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.domain.journal import GENESIS
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
    stand_state,
)
from posapp.sync.central_rows import stored_products
from posapp.sync.central_store import (
    EVENT_META,
    KEY_META,
    Central,
    claim_event,
    get_meta,
    set_meta,
    store_event,
)
from posapp.sync.export_file import ExportBatch, read_export, read_export_header
from posapp.sync.merge_worker import READ_HERE, MergeWorker

log = logging.getLogger(__name__)

#: The refusal when no key was given and none is kept for the store's event (callers
#: compare ``exc.code``).
NO_KEY = N_("merge.no_key")
#: A stand with more products than this is read ahead in a thread (they would be sent),
#: and so is a file larger than this (its rows are handed over whole, not chunk by chunk).
WORKER_MAX_PRODUCTS = 20_000
WORKER_MAX_FILE_BYTES = 64 << 20
#: Of this many files, one is read here while the worker reads the next: reading and
#: making rows cost more than writing them, so this process would otherwise wait.
WORKER_SHARE = 6


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
            merge_worker.started(paths) as worker:
        secret, typed = _key_for(central, key, store)
        ahead = _ReadAhead(central, secret, reader, worker)
        for path, following in pairwise([*batch_order(paths), None]):
            assert path is not None
            try:
                read = ahead.take(path, then=following)  # read while this one is applied
                done = read if isinstance(read, MergeResult) else \
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
    peeked = [(_peek(Path(p)), i, Path(p)) for i, p in enumerate(paths)]
    known = sorted((head, i, p) for head, i, p in peeked if head is not None)
    return [p for _, _, p in known] + [p for head, _, p in peeked if head is None]


_IN_WORKER, _HERE = "in the worker", "here"


class _ReadAhead:
    """The next file of a batch read and checked while the one before it is applied: in
    the second process, which makes its rows too, or else in a thread (SQLite and the
    drivers let go of the interpreter while they write). A file whose stand is the same as
    the one being applied is read after it (whether the store holds it already, and the
    rows it makes, depend on it), unless the worker made the rows of that one: then it
    makes this one's from where that one leaves the stand."""

    def __init__(self, central: Central, secret: bytes, pool: ThreadPoolExecutor,
                 worker: MergeWorker | None = None) -> None:
        self.central, self.secret, self.pool, self.worker = central, secret, pool, worker
        self.path: Path | None = None
        self.read: MergeResult | Future[ExportBatch] | str | None = None
        self.turns = 0
        self.last: Prepared | None = None  # the file being applied, if the worker read it

    def start(self, path: Path | None, *, after: Path) -> None:
        self.path, self.read = None, None
        if path is None:
            return
        mine, theirs = _peek(path), _peek(after)
        if mine is None or theirs is None:
            return
        if mine[0] == theirs[0]:
            last = self.last
            if last is not None and last.details.code == mine[0] and \
                    mine[1] == last.last[0] + 1 and self._send(path, mine[0], last.last):
                self.path, self.read = path, _IN_WORKER
            return
        try:
            held = _already_held(self.central, path, self.secret)
        except PosError:  # its own turn says so, as that file's refusal
            return
        self.path = path
        self.turns += 1
        if held is None and self.worker is not None and self.worker.alive and \
                self.turns % WORKER_SHARE == 0:
            self.read = _HERE  # read by take(), after the next file is handed over
            return
        self.read = held or (_IN_WORKER if self._send(path, mine[0]) else
                             self.pool.submit(read_export, path, self.secret))

    def _send(self, path: Path, code: str, following: tuple[int, str] | None = None) -> bool:
        """*path* handed to the worker with what it needs of the store (its stand's state
        now: applying another stand's file does not change it), or to follow the file the
        worker read last, which ends at *following*."""
        if self.worker is None or not self.worker.alive:
            return False
        try:
            if path.stat().st_size > WORKER_MAX_FILE_BYTES:
                return False
        except OSError:  # read here, where the refusal says why
            return False
        dialect = self.central.engine.dialect.name
        if following is not None:
            return self.worker.send(path, self.secret, after=following, products=None,
                                    dialect=dialect)
        with self.central.reading() as conn:
            after = stand_state(conn, code)
            products = stored_products(conn, code) if after[0] else {}
        if len(products) > WORKER_MAX_PRODUCTS:
            return False
        return self.worker.send(path, self.secret, after=after, products=products,
                                dialect=dialect)

    def take(self, path: Path, *,
             then: Path | None) -> MergeResult | ExportBatch | Prepared:
        """What was read ahead for *path*, or *path* read now; and *then*, the next file,
        started (before *path* is read here; after the worker's answer is taken, as the
        worker takes one job at a time)."""
        read = self.read if self.path == path else None
        got: MergeResult | ExportBatch | Prepared | None = None
        if isinstance(read, MergeResult):
            got = read
        elif isinstance(read, Future):
            got = read.result()
        elif read == _IN_WORKER:
            assert self.worker is not None
            answer = self.worker.result()
            if answer != READ_HERE:
                assert isinstance(answer, Prepared)
                got = answer
        self.last = got if isinstance(got, Prepared) else None
        self.start(then, after=path)
        return got or _already_held(self.central, path, self.secret) or \
            read_export(path, self.secret)


def _merge_one(central: Central, path: Path, secret: bytes, progress: Progress | None,
               clock: Callable[[], datetime]) -> MergeResult:
    known = _already_held(central, path, secret)
    if known is not None:
        return known
    return _apply(central, path, read_export(path, secret), secret, progress, clock)


def _apply(central: Central, path: Path, batch: ExportBatch | Prepared, secret: bytes,
           progress: Progress | None, clock: Callable[[], datetime]) -> MergeResult:
    """Apply a checked file (its rows made here, or by the worker: *batch* a Prepared)."""
    ours = fingerprint(secret)
    details = batch.stand if isinstance(batch, ExportBatch) else batch.details
    with central.writing() as conn:
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


def _already_held(central: Central, path: Path, key: bytes) -> MergeResult | None:
    """The result of merging *path* again, when the store holds all of it already.

    Checked by its signature and the hashes at both ends of its slice, which the store's
    own chain links: the entries in between cannot differ without breaking SHA-256. This
    spares parsing and re-checking every entry of every file merged a second time.
    """
    peek = _peek(path)
    if peek is None:
        return None
    with central.reading() as conn:
        if stand_state(conn, peek[0])[0] < peek[2]:
            return None
    header = read_export_header(path, key)
    code = header.stand.code
    with central.reading() as conn:
        last_seq, _ = stand_state(conn, code)
        if header.last_seq > last_seq or header.count <= 0:
            return None
        ends = dict(conn.execute(
            select(cs.journal_entry.c.seq, cs.journal_entry.c.hash).where(
                cs.journal_entry.c.stand == code,
                cs.journal_entry.c.seq.in_([header.first_seq - 1, header.last_seq]))
        ).all())
    ends[0] = GENESIS
    if ends.get(header.first_seq - 1) != header.prev_hash or \
            ends.get(header.last_seq) != header.last_hash:
        return None  # read it whole: the apply names the conflict
    return MergeResult(path, code, 0, header.count, last_seq)


def _peek(path: Path) -> tuple[str, int, int] | None:
    """The stand, first and last seq an export file's first line claims (not yet checked)."""
    try:
        with path.open("rb") as f:
            raw = json.loads(f.readline(64 * 1024))
        return str(raw["stand"]["code"]), int(raw["first_seq"]), int(raw["last_seq"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
