"""Network printers for tests: TCP servers on 127.0.0.1 in a thread, each acting like a
printer in one state (working, mute, jammed, out of paper, hanging up...)."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterator
from typing import Literal

from posapp.printing import checked

Behaviour = Literal["good", "mute", "paper_out", "offline", "never_reads", "resets",
                    "closes", "backlog_full"]

STATUS_OK = 0x12  # DLE EOT 1 and 4: fixed bits only (online; paper present)
PAPER_END = 0x12 | 0x60  # DLE EOT 4: roll end
OFFLINE = 0x12 | 0x08  # DLE EOT 1: off line


class FakePrinter:
    """A printer at ``network:127.0.0.1:PORT`` that behaves as *behaviour* says:

    * ``good``: reads everything, answers each ``DLE EOT n`` (online, paper present),
      closes its end when the sender does; ``received`` holds what it printed (the bytes
      without the status questions), ``jobs`` one entry per connection;
    * ``mute``: the same without answering ``DLE EOT`` (a cheap printer);
    * ``paper_out`` / ``offline``: answers ``DLE EOT`` with the roll's end / off line;
    * ``never_reads``: takes the connection and never reads (a jam, frozen firmware);
    * ``resets``: takes the connection and resets it (SO_LINGER 0);
    * ``closes``: takes the connection and closes it at once;
    * ``backlog_full``: a listening socket that never accepts, its backlog filled.

    Use it as a context manager; *port* reuses an address (the printer back on its IP).
    """

    def __init__(self, behaviour: Behaviour, port: int = 0) -> None:
        self.behaviour = behaviour
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.port: int = self.server.getsockname()[1]
        self.target = f"network:127.0.0.1:{self.port}"
        self.jobs: list[bytes] = []
        self.questions = 0  # DLE EOT questions heard
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._ended = threading.Condition()
        self._thread: threading.Thread | None = None

    @property
    def received(self) -> bytes:
        return b"".join(self.jobs)

    def wait_jobs(self, n: int = 1, limit: float = 30.0) -> list[bytes]:
        """The jobs once *n* connections have ended (*limit*: a generous bound, not a
        timing test)."""
        with self._ended:
            self._ended.wait_for(lambda: len(self.jobs) >= n, timeout=limit)
            return list(self.jobs)

    def __enter__(self) -> FakePrinter:
        if self.behaviour == "backlog_full":
            self._fill_backlog()
            return self
        self.server.listen(8)
        self.server.settimeout(0.05)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        for sock in self._held:
            with contextlib.suppress(OSError):
                sock.close()
        self.server.close()

    def _fill_backlog(self) -> None:
        """listen(0) and connections of our own that are never accepted: a new one hangs."""
        self.server.listen(0)
        for _ in range(8):
            sock = socket.socket()
            sock.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                sock.connect(("127.0.0.1", self.port))
            self._held.append(sock)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.behaviour == "never_reads":
                self._held.append(conn)
            elif self.behaviour == "resets":
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.close()
            elif self.behaviour == "closes":
                conn.close()
            else:
                with conn:
                    self._print(conn)

    def _print(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        job = bytearray()
        pending = b""
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            data = pending + chunk
            pending = b""
            while data:
                at = data.find(b"\x10\x04")
                if at < 0:
                    job += data
                    break
                if at + 2 >= len(data):  # the question's last byte is still on its way
                    job += data[:at]
                    pending = data[at:]
                    break
                job += data[:at]
                self._answer(conn, data[at + 2])
                data = data[at + 3:]
        with self._ended:
            self.jobs.append(bytes(job))
            self._ended.notify_all()

    def _answer(self, conn: socket.socket, n: int) -> None:
        self.questions += 1
        if self.behaviour == "mute":
            return
        byte = STATUS_OK
        if n == 4 and self.behaviour == "paper_out":
            byte = PAPER_END
        if n == 1 and self.behaviour == "offline":
            byte = OFFLINE
        with contextlib.suppress(OSError):
            conn.sendall(bytes([byte]))


@contextlib.contextmanager
def printer(behaviour: Behaviour, port: int = 0) -> Iterator[FakePrinter]:
    with FakePrinter(behaviour, port) as fake:
        yield fake


def free_port() -> int:
    """A port nothing listens on (bound a moment, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: What ``quick_waits`` sets (posapp's own: connect 3 s, job 4 s, a status answer 1 s).
QUICK_CONNECT, QUICK_JOB, QUICK_STATUS = 0.5, 1.0, 0.25


@contextlib.contextmanager
def quick_waits(*, connect: bool = True, job: bool = True, status: bool = True) -> Iterator[None]:
    """posapp's printer waits made shorter while a test waits one out on purpose (a printer
    that never reads, a full backlog, a cheap printer that never answers its status): the
    same sockets and code, the time-out comes sooner. Only around a printer that is meant to
    time out: a working one keeps posapp's waits, so a busy machine cannot fail its job."""
    saved = checked.CONNECT_TIMEOUT, checked.JOB_TIMEOUT, checked.STATUS_WAIT
    if connect:
        checked.CONNECT_TIMEOUT = QUICK_CONNECT
    if job:
        checked.JOB_TIMEOUT = QUICK_JOB
    if status:
        checked.STATUS_WAIT = QUICK_STATUS
    try:
        yield
    finally:
        checked.CONNECT_TIMEOUT, checked.JOB_TIMEOUT, checked.STATUS_WAIT = saved
