"""A batch merge's next files read while one is applied (services.merge).

Each file after the one being applied is read, checked and made into rows by one of the
merge's second processes (sync.merge_worker; on SQLite two of them on a large batch:
reading a file and making its rows costs about three times what writing them costs this
process, so one would leave this process waiting; on PostgreSQL one, with one file in six
read here), or in a thread when there is none (SQLite and the drivers let go of the
interpreter while they write). Each worker is handed two files at a time: it reads the
second while the first one's rows wait for their turn.

A file whose stand is the same as that of a file not yet applied is read after it (whether
the store holds it already, and the rows it makes, depend on it), unless the worker that
made the rows of the one before makes this one's from where that one leaves the stand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from posapp.domain.errors import PosError
from posapp.domain.journal import GENESIS
from posapp.sync import central_schema as cs
from posapp.sync import merge_worker
from posapp.sync.central_apply import Prepared, stand_state
from posapp.sync.central_rows import stored_products
from posapp.sync.central_store import Central
from posapp.sync.export_file import ExportBatch, read_export, read_export_header
from posapp.sync.merge_worker import READ_HERE, MergeWorker

#: A stand with more products than this is read ahead in a thread (they would be sent),
#: and so is a file larger than this (its rows are handed over whole, not chunk by chunk).
WORKER_MAX_PRODUCTS = 20_000
WORKER_MAX_FILE_BYTES = 64 << 20
#: With one second process: of this many files, one is read here while the worker reads
#: the next (reading and making rows cost more than writing them, so this process would
#: otherwise wait); 0: none.
WORKER_SHARE = 6


@dataclass(frozen=True)
class Held:
    """A file the store holds all of already: merging it again changes nothing."""

    path: Path
    stand: str
    skipped: int
    last_seq: int


_HERE = "here"  # read by take(), after the files after it are handed over
Read = Held | Future[ExportBatch] | MergeWorker | str


class ReadAhead:
    """``take`` each file of a batch in turn, with the files after it; what was read ahead
    for it comes back (or it is read then), and the files after it are started."""

    def __init__(self, central: Central, secret: bytes, pool: ThreadPoolExecutor,
                 workers: Sequence[MergeWorker] = ()) -> None:
        self.central, self.secret, self.pool = central, secret, pool
        self.workers = list(workers)
        self.planned: dict[Path, Read] = {}  # a MergeWorker: its answer not yet taken
        self.turns = 0
        self.last: tuple[Prepared, MergeWorker] | None = None  # the file being applied
        self.claims: dict[Path, tuple[str, int, int] | None] = {}  # each file's first line

    @property
    def window(self) -> int:
        """How many of the files after the one taken can be under way at once (one when
        no worker is alive: the thread)."""
        return max(1, sum(w.alive for w in self.workers) * merge_worker.JOBS_EACH)

    def peek(self, path: Path) -> tuple[str, int, int] | None:
        """``peek(path)``, read once for the batch."""
        if path not in self.claims:
            self.claims[path] = peek(path)
        return self.claims[path]

    def _stand(self, path: Path) -> str | None:
        claimed = self.peek(path)
        return claimed[0] if claimed is not None else None

    def take(self, path: Path, *,
             upcoming: Sequence[Path]) -> Held | ExportBatch | Prepared:
        """What was read ahead for *path*, or *path* read now; and the *upcoming* files
        (the next ones, in order) started, before *path* is read here."""
        read = self.planned.pop(path, None)
        got: Held | ExportBatch | Prepared | None = None
        if isinstance(read, Held):
            got = read
        elif isinstance(read, Future):
            got = read.result()
        elif isinstance(read, MergeWorker):
            answer = read.result()
            if answer != READ_HERE:
                assert isinstance(answer, Prepared)
                got = answer
                self.last = answer, read
        if not isinstance(got, Prepared):
            self.last = None
        self._plan(path, upcoming)
        return got or already_held(self.central, path, self.secret) or \
            read_export(path, self.secret)

    def _plan(self, path: Path, upcoming: Sequence[Path]) -> None:
        """The next files started, in order, as many as the workers alive take (one when
        none: the thread), each when the store's state for its stand is known now."""
        alive = [w for w in self.workers if w.alive]
        before = path
        stands = {self._stand(path)}
        for nxt in upcoming[:self.window]:
            mine = self._stand(nxt)
            if nxt not in self.planned:
                if before is not path and (mine is None or mine in stands):
                    return  # its stand's state is known once the file before it is applied
                if not self._start(nxt, after=before, alive=alive):
                    return
            stands.add(mine)
            before = nxt

    def _start(self, path: Path, *, after: Path, alive: list[MergeWorker]) -> bool:
        """*path* planned (False: not now, no worker free); *after* the file before it."""
        mine, theirs = self.peek(path), self.peek(after)
        if mine is None or theirs is None:
            self.planned[path] = _HERE
            return True
        if mine[0] == theirs[0]:  # after is the file being applied: follow it, or read here
            last = self.last
            self.planned[path] = _HERE
            if last is not None and last[0].details.code == mine[0] and \
                    mine[1] == last[0].last[0] + 1 and last[1] not in self.planned.values() and \
                    self._send(path, mine[0], [last[1]], following=last[0].last):
                self.planned[path] = last[1]
            return True
        jobs = list(self.planned.values())
        free = sorted((w for w in alive if jobs.count(w) < merge_worker.JOBS_EACH), key=jobs.count)
        if alive and not free:
            return False
        try:
            held = already_held(self.central, path, self.secret)
        except PosError:  # its own turn says so, as that file's refusal
            self.planned[path] = _HERE
            return True
        self.turns += 1
        if held is not None:
            self.planned[path] = held
        elif len(alive) == 1 and WORKER_SHARE and self.turns % WORKER_SHARE == 0:
            self.planned[path] = _HERE
        else:
            worker = self._send(path, mine[0], free)
            self.planned[path] = worker if worker is not None else \
                self.pool.submit(read_export, path, self.secret)
        return True

    def _send(self, path: Path, code: str, workers: list[MergeWorker], *,
              following: tuple[int, str] | None = None) -> MergeWorker | None:
        """*path* handed to the first of *workers* with what it needs of the store (its
        stand's state now: applying another stand's file does not change it), or to follow
        the file that worker read last, which ends at *following*; None: read it here."""
        if not workers or not workers[0].alive:
            return None
        worker = workers[0]
        try:
            if path.stat().st_size > WORKER_MAX_FILE_BYTES:
                return None
        except OSError:  # read here, where the refusal says why
            return None
        dialect = self.central.engine.dialect.name
        if following is not None:
            sent = worker.send(path, self.secret, after=following, products=None,
                               dialect=dialect)
            return worker if sent else None
        with self.central.reading() as conn:
            after = stand_state(conn, code)
            products = stored_products(conn, code) if after[0] else {}
        if len(products) > WORKER_MAX_PRODUCTS:
            return None
        sent = worker.send(path, self.secret, after=after, products=products, dialect=dialect)
        return worker if sent else None


def already_held(central: Central, path: Path, key: bytes) -> Held | None:
    """What merging *path* again comes to, when the store holds all of it already.

    Checked by its signature and the hashes at both ends of its slice, which the store's
    own chain links: the entries in between cannot differ without breaking SHA-256. This
    spares parsing and re-checking every entry of every file merged a second time.
    """
    claimed = peek(path)
    if claimed is None:
        return None
    with central.reading() as conn:
        if stand_state(conn, claimed[0])[0] < claimed[2]:
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
    return Held(path, code, header.count, last_seq)


def peek(path: Path) -> tuple[str, int, int] | None:
    """The stand, first and last seq an export file's first line claims (not yet checked)."""
    try:
        with path.open("rb") as f:
            raw = json.loads(f.readline(64 * 1024))
        return str(raw["stand"]["code"]), int(raw["first_seq"]), int(raw["last_seq"])
    except (OSError, ValueError, KeyError, TypeError):
        return None

