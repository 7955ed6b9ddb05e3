"""Printers that must show they took a job before it counts as printed.

A network or USB printer is asked for its real-time status (``DLE EOT 1``, the printer
status, and ``DLE EOT 4``, the paper sensor: what python-escpos's ``is_online`` and
``paper_status`` send) before the job and again after it:

* It answers before the job: it must say online and paper present, else the job fails and
  nothing is sent (a printer out of paper would keep the bytes and print them when paper is
  loaded, next to the copy printed again). Its answer after the job shows that it read
  every byte before it; it must say online and paper present again.
* It does not answer within ``STATUS_WAIT`` (many cheap printers know no ``DLE EOT``): the
  job is sent, then the connection is half-closed, and a network printer must close its end
  within the job's time (a printer on port 9100 ends a job when the sender closes, and most
  take one connection at a time). A USB printer must take every byte within the write
  timeout. That is as far as such a printer can be believed.
* A printer that takes the connection but not the bytes (a paper jam, frozen firmware, a
  Wi-Fi bridge that stopped), that closes or resets the connection, or that stops answering
  fails the job within ``JOB_TIMEOUT`` seconds after the connection was made; the
  connection itself waits ``CONNECT_TIMEOUT`` seconds at most.

File, serial, CUPS and Windows printers, and the in-memory Dummy, are written as before.
"""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass
from typing import Any

from posapp.domain.errors import PosError
from posapp.printing.escpos_quiet import quiet

with quiet():
    from escpos.escpos import Escpos
    from escpos.printer import Network, Usb

# The waits are read when a printer is made or asked, not when this module is imported:
# tests set them shorter (the same sockets and code paths, a broken printer fails sooner).
CONNECT_TIMEOUT = 3.0  # seconds to make the connection
JOB_TIMEOUT = 4.0  # seconds from the connection to the printer having shown it took the job
STATUS_WAIT = 1.0  # seconds a printer has to answer DLE EOT before it counts as mute
USB_TIMEOUT_MS = 4000  # python-escpos's USB write timeout (pyusb counts milliseconds)

#: DLE EOT 1 (printer status) and DLE EOT 4 (paper roll sensor), one byte back each.
STATUS_QUERY = b"\x10\x04\x01\x10\x04\x04"
_OFFLINE = 0x08  # printer status: bit 3, off line
_PAPER_END = 0x60  # paper sensor: bits 5 and 6, roll end
_FIXED = 0x93  # bits that are 0, 1, 0 (bit 0, bit 1, bit 4 and bit 7) in every status byte
_FIXED_VALUE = 0x12


class PrinterStuck(Exception):
    """The printer took the connection but not the job (or stopped answering) in time."""


class PrinterHungUp(Exception):
    """The printer closed the connection before it took the whole job."""


@dataclass(frozen=True)
class Status:
    """What a printer said to DLE EOT 1 and 4."""

    online: bool
    paper: bool


def parse_status(answer: bytes) -> Status | None:
    """The two status bytes as a Status; None unless they look like ESC/POS status bytes."""
    if len(answer) < 2 or any(b & _FIXED != _FIXED_VALUE for b in answer[:2]):
        return None
    return Status(online=not answer[0] & _OFFLINE, paper=not answer[1] & _PAPER_END)


def check_status(status: Status, target: str) -> None:
    """PosError when *status* says the printer cannot print now."""
    if not status.paper:
        raise PosError("printer.paper_out", target=target)
    if not status.online:
        raise PosError("printer.offline", target=target)


class CheckedNetwork(Network):
    """python-escpos's network printer with a time limit on everything, its status asked
    for, and a close that waits for the printer to show it read the job."""

    def __init__(self, host: str, port: int, *, connect_timeout: float | None = None,
                 job_timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(host, port, timeout=CONNECT_TIMEOUT if connect_timeout is None
                         else connect_timeout, **kwargs)
        self.job_timeout = JOB_TIMEOUT if job_timeout is None else job_timeout
        self._deadline = 0.0
        self._conn: socket.socket | None = None  # the open connection (also ``device``)

    def open(self, raise_not_found: bool = True) -> None:
        """Connect (OSError after ``timeout`` seconds); the job's time starts."""
        self.close()
        self._conn = socket.create_connection((self.host, self.port), timeout=self.timeout)
        self.device = self._conn
        self._deadline = time.monotonic() + self.job_timeout

    def _socket(self) -> socket.socket:
        sock = self._conn
        assert sock is not None, "open() first"
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise PrinterStuck
        sock.settimeout(left)
        return sock

    def _raw(self, msg: bytes) -> None:
        try:
            self._socket().sendall(msg)
        except TimeoutError as exc:
            raise PrinterStuck from exc

    def read_for(self, wait: float, want: int) -> bytes:
        """Up to *want* bytes the printer sends within *wait* seconds (and the job's time);
        PrinterHungUp when it closes the connection."""
        sock = self._socket()
        until = min(self._deadline, time.monotonic() + wait)
        got = b""
        while len(got) < want:
            left = until - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(left)
            try:
                chunk = sock.recv(want - len(got))
            except TimeoutError:
                break
            if not chunk:
                raise PrinterHungUp
            got += chunk
        return got

    def hung_up(self) -> bool:
        """Whether the printer has closed its end already (without waiting)."""
        sock = self._conn
        assert sock is not None, "open() first"
        sock.setblocking(False)
        try:
            return sock.recv(1, socket.MSG_PEEK) == b""
        except BlockingIOError:
            return False
        finally:
            sock.settimeout(self.timeout)

    def finish(self) -> None:
        """Half-close and wait for the printer to close its end (it read the job's end);
        PrinterStuck when it does not in the job's time. Status bytes it sends are skipped."""
        sock = self._socket()
        sock.shutdown(socket.SHUT_WR)
        while True:
            sock = self._socket()
            try:
                if not sock.recv(64):
                    return
            except TimeoutError as exc:
                raise PrinterStuck from exc

    def close(self) -> None:
        sock, self._conn = getattr(self, "_conn", None), None
        self._device = False
        if sock is None:
            return
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()


def status_of(printer: Escpos, wait: float | None = None) -> Status | None:
    """Ask *printer* for its status; None when it does not answer within *wait* seconds
    (``STATUS_WAIT`` by default; a network printer; USB: pyusb's read timeout) or is not a
    kind that can answer."""
    printer._raw(STATUS_QUERY)
    if isinstance(printer, CheckedNetwork):
        return parse_status(printer.read_for(STATUS_WAIT if wait is None else wait, 2))
    if isinstance(printer, Usb):
        answer = b""
        with contextlib.suppress(Exception):  # pyusb: a timeout, or no IN endpoint
            while len(answer) < 2:
                chunk = bytes(printer._read())
                if not chunk:
                    break
                answer += chunk
        return parse_status(answer)
    return None


def answers_status(printer: Escpos) -> bool:
    """Whether *printer* is a kind asked for its status (network, USB)."""
    return isinstance(printer, CheckedNetwork | Usb)


def before_job(printer: Escpos, target: str) -> bool:
    """Check *printer* can print now; whether it answered its status (PosError when it
    says it cannot print)."""
    if not answers_status(printer):
        return False
    status = status_of(printer)
    if status is None:
        return False
    check_status(status, target)
    return True


def after_job(printer: Escpos, target: str, *, answered: bool) -> None:
    """Make sure *printer* took the job just sent (see the module's notes)."""
    if not answers_status(printer):
        return
    if answered:  # it answers once it has read everything before the question
        status = status_of(printer, wait=JOB_TIMEOUT)
        if status is None:
            raise PrinterStuck
        check_status(status, target)
        return
    if isinstance(printer, CheckedNetwork):
        if printer.hung_up():
            raise PrinterHungUp
        printer.finish()
