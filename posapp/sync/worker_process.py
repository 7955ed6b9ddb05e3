"""A second process of posapp's own, spawned and spoken to over a pipe: the event report's
PDF (services/event_report_files.py) and a merge's read-ahead (sync/merge_worker.py).

Multiprocessing's *spawn* start: the only one on Windows, and what a PyInstaller bundle
supports with ``freeze_support()`` in its entry point. A process that cannot be started is
no error: its caller does the work itself.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

log = logging.getLogger(__name__)

#: How long to wait for a worker that was told to stop before ending it.
STOP_WAIT_S = 2.0

W = TypeVar("W", bound="WorkerProcess")


class Channel:
    """One side's end of the talk with a worker: two one-way pipes, one in and one out, so
    one thread may send while another waits to receive (a pipe's end is for one thread at
    a time: the merge's worker answers from a thread of its own)."""

    def __init__(self, incoming: Connection, outgoing: Connection) -> None:
        self.incoming, self.outgoing = incoming, outgoing

    def send(self, obj: Any) -> None:
        self.outgoing.send(obj)

    def recv(self) -> Any:
        return self.incoming.recv()

    def close(self) -> None:
        self.incoming.close()
        self.outgoing.close()


def _serve_on(serve: Callable[[Channel], None], incoming: Connection,
              outgoing: Connection) -> None:
    """In the worker: *serve* on its ends of the two pipes."""
    serve(Channel(incoming, outgoing))


class WorkerProcess:
    """``start`` it, talk to it over ``conn`` (None instead of a job: stop), ``close`` it in
    any case. *serve* runs in the new process with its end of the talk; *what* names the
    work in the log."""

    def __init__(self, serve: Callable[[Channel], None], name: str, what: str) -> None:
        self.serve, self.name, self.what = serve, name, what
        self.process: Any = None
        self.conn: Channel | None = None

    def start(self) -> bool:
        """Start the process; False (and nothing running) when it cannot be started."""
        try:
            ctx = multiprocessing.get_context("spawn")
            jobs_in, jobs_out = ctx.Pipe(duplex=False)
            answers_in, answers_out = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_serve_on, args=(self.serve, jobs_in, answers_out),
                                  name=self.name, daemon=True)
            process.start()
        except (OSError, RuntimeError, ValueError) as exc:  # no pipe, no process, frozen
            log.info("%s: no second process (%s); one process", self.what, exc)
            return False
        jobs_in.close()  # only the worker's copies stay open: its exit reads as EOF here
        answers_out.close()
        self.process, self.conn = process, Channel(answers_in, jobs_out)
        return True

    def close(self) -> None:
        """Stop the worker (told first, then ended) and wait for it."""
        if self.conn is not None:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.conn.close()
        if self.process is not None:
            self.process.join(STOP_WAIT_S)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join()
        self.process = self.conn = None


@contextlib.contextmanager
def running(worker: W | None) -> Iterator[W | None]:
    """*worker* started, or None (no worker, or it cannot start); closed when the block
    ends, whatever happened in it."""
    if worker is not None and not worker.start():
        worker = None
    try:
        yield worker
    finally:
        if worker is not None:
            worker.close()
