"""A batch merge's next file read, checked and made into rows in a second process.

``posapp merge`` of many files on two cores: while this process writes one file's rows into
the central store, a worker process reads the next file, checks its signature and chain,
decodes its entries and gathers the rows they make (central_apply.prepare_rows), and hands
them back (for an SQLite store packed into a database in memory, with their pre-grouped
sums: row_pack, central_apply.packed). On a large batch two of them share the next files
(sync.read_ahead). The store stays this process's alone: the worker is given what it
needs of it (the stand's last seq and hash, and its products) with each job, and the rows
are written only if the store still holds the stand there when their turn comes.

A stand's next file in the same batch is made into rows from where the worker's last one
left the stand (its products, and its sales' lines for a void), and written once that one
is.

Multiprocessing's *spawn* start (the only one on Windows, and what a PyInstaller bundle
supports with ``freeze_support()`` in its entry point). When no second process can be
started, or it dies, or a file needs the store to make its rows, the file is read here, as
it would be without the worker: the result is the same either way. A refusal found by the
worker (a damaged file) comes back as the same PosError, for that file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from posapp.domain.errors import PosError
from posapp.sync.central_apply import Prepared, packed, prepare_rows
from posapp.sync.export_file import read_export
from posapp.sync.worker_process import Channel, WorkerProcess, running

log = logging.getLogger(__name__)

#: Stand on its own: a job's answer when the file is to be read in the merging process.
READ_HERE = "read here"
#: A second process reads ahead when the files after the first hold at least this much (a
#: start costs about 0.3 s of the other core; one stand's day of 5,000 sales is 5 MB).
WORKER_MIN_BYTES = 4 << 20
#: A second process only when about this many cores stand idle (the 1-minute load average
#: below the cores less this): on a busy machine two processes share what one would get,
#: and the handing over costs more than it saves (measured: 1.2x to 1.6x one process's
#: time at a load of 6 to 16 on 2 cores; docs/performance.md).
WORKER_IDLE_CORES = 0.5
#: At most this many second processes for an SQLite store (each file's rows are made by
#: one; a PostgreSQL store gets one: its writes cost this process and the server more than
#: the reading costs the worker), and this many files handed to each at a time (the next
#: one under way while the last one's rows wait).
WORKERS = 2
JOBS_EACH = 2


def started(paths: Sequence[Path], most: int = WORKERS,
            ) -> contextlib.AbstractContextManager[list[MergeWorker]]:
    """Started MergeWorkers when the files after the first are worth one and a core is
    idle (up to *most* when they are worth as many: on SQLite, making a file's rows costs
    about three times what writing them costs the merging process), else none; stopped
    when the block ends."""
    size = 0
    for p in paths[1:]:
        with contextlib.suppress(OSError):
            size += Path(p).stat().st_size
    wanted = 0 if len(paths) < 2 or size < WORKER_MIN_BYTES or not cores_idle() else \
        min(most, len(paths) - 1, size // max(WORKER_MIN_BYTES, 1))
    return _all_running([MergeWorker() for _ in range(wanted)])


@contextlib.contextmanager
def _all_running(workers: list[MergeWorker]) -> Iterator[list[MergeWorker]]:
    with contextlib.ExitStack() as stack:
        yield [w for w in (stack.enter_context(running(w)) for w in workers) if w is not None]


def cores_idle() -> bool:
    """Whether a core is free for a second process (the load, where it is known)."""
    affinity = getattr(os, "sched_getaffinity", None)  # Linux
    cores = len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: not known
        load = 0.0
    return cores > 1 and load <= cores - WORKER_IDLE_CORES


class MergeWorker(WorkerProcess):
    """A process that reads the files it is sent, one job at a time: ``start`` it, ``send``
    jobs (at most JOBS_EACH before taking the first one's ``result``), take their results
    in the same order; ``close`` it in any case."""

    def __init__(self) -> None:
        super().__init__(serve, "posapp-merge-read", "merge")

    @property
    def alive(self) -> bool:
        return self.conn is not None

    def send(self, path: Path, key: bytes, *, after: tuple[int, str], dialect: str,
             products: dict[str, dict[str, Any]] | None) -> bool:
        """Hand over one file; False when the worker is gone (then read it here).
        *products* None: the file follows the last one sent, of the same stand, and its
        rows are made on the products that one left (where that one's rows were made)."""
        if self.conn is None:
            return False
        try:
            self.conn.send((str(path), key, after, dialect, products))
            return True
        except (OSError, EOFError, ValueError) as exc:
            self._lost(exc)
            return False

    def result(self) -> Prepared | str:
        """The job's rows, or READ_HERE (the worker died, or the file's rows need the
        store); re-raises a PosError the worker refused the file with."""
        if self.conn is None:
            return READ_HERE
        try:
            outcome, detail = self.conn.recv()
        except (OSError, EOFError) as exc:
            self._lost(exc)
            return READ_HERE
        if outcome == "refused":
            raise detail
        if outcome == "failed":  # not a refusal: read here, where it says so itself
            log.warning("merge: the reading process failed (%s); reading here", detail)
            return READ_HERE
        return detail if detail is not None else READ_HERE

    def _lost(self, exc: BaseException) -> None:
        log.warning("merge: the reading process is gone (%s); one process from here", exc)
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def serve(conn: Channel) -> None:
    """The worker: for each job, the file read and its rows gathered, answered as ("ok",
    Prepared or None), ("refused", PosError) or ("failed", one line), in the order of the
    jobs. None instead of a job: done. Ctrl+C is the parent's to handle. Nothing here ever
    prints.

    The answers are sent by a thread of their own: a file's rows wait in the pipe until
    the parent takes them, and meanwhile the next job sent is under way."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    outbox: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
    threading.Thread(target=_send_all, args=(conn, outbox), name="answers",
                     daemon=True).start()
    kept: tuple[str, tuple[int, str], dict[str, Any], dict[str, Any]] | None = None
    while True:
        try:
            job = conn.recv()
        except Exception:  # the parent is gone
            return
        if job is None:
            return
        path, key, after, dialect, products = job
        answer: tuple[str, object]
        following, kept = kept, None
        try:
            batch = read_export(path, key)
            code = batch.stand.code
            sold: dict[str, Any] = {}
            if products is None and following is not None and \
                    following[:2] == (code, tuple(after)):  # where the last one left it
                products, sold = following[2], following[3]
            prepared = None if products is None else prepare_rows(
                batch.stand, batch.entries, after=tuple(after), dialect=dialect,
                products=products, sold=sold)
            if prepared is not None and products is not None:
                kept = code, prepared.last, products, sold
            answer = ("ok", packed(prepared) if prepared is not None and
                      dialect == "sqlite" else prepared)
        except PosError as exc:
            answer = ("refused", exc)
        except Exception as exc:  # a fault, not the file's: the parent reads it itself
            answer = ("failed", f"{type(exc).__name__}: {exc}")
        outbox.put(answer)


def _send_all(conn: Channel, outbox: queue.SimpleQueue[tuple[str, object]]) -> None:
    while True:
        try:
            conn.send(outbox.get())
        except Exception:  # the parent is gone: the next job's recv says so too
            return
