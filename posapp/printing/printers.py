"""Receipt printers built from the stand's ``printer`` setting, and one call to print.

Targets: ``file:PATH`` (a device node such as /dev/usb/lp0, or a plain file),
``network:HOST[:PORT]`` (port 9100 unless given), ``usb:VVVV:PPPP`` (needs pyusb),
``serial:DEVICE`` (needs pyserial), ``cups:NAME`` (a CUPS queue, needs pycups),
``win32:NAME`` (a Windows printer, needs pywin32) and ``dummy:`` (keeps the bytes in memory).

Network and USB printers are not believed blindly (``checked``): time limits on the
connection and the job, their status asked before and after the job.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.layout import Block
from posapp.printing import checked
from posapp.printing.checked import (
    USB_TIMEOUT_MS,
    CheckedNetwork,
    PrinterHungUp,
    PrinterStuck,
    after_job,
    before_job,
)
from posapp.printing.escpos_quiet import quiet
from posapp.printing.escpos_render import render_escpos
from posapp.printing.targets import driver_message, system_printer_name

with quiet():
    from escpos.capabilities import CAPABILITIES
    from escpos.escpos import Escpos
    from escpos.exceptions import Error as EscposError
    from escpos.printer import CupsPrinter, Dummy, File, Serial, Usb, Win32Raw

NETWORK_PORT = 9100

_CLASSES: dict[str, type[Escpos]] = {
    "dummy": Dummy, "file": File, "network": CheckedNetwork, "usb": Usb, "serial": Serial,
    "cups": CupsPrinter, "win32": Win32Raw,
}


def parse_target(target: str) -> tuple[str, tuple[Any, ...]]:
    """*target* as its kind and the arguments its python-escpos printer is built with:
    ``("network", ("10.0.0.7", 9100))``, ``("cups", ("TM-T20II",))``; InvalidInput when
    it is malformed."""
    scheme, sep, rest = target.strip().partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in _CLASSES:
        raise InvalidInput("printer.unknown_target", target=target)
    if scheme == "dummy":
        return scheme, ()
    if scheme == "file":
        if not rest.strip():
            raise InvalidInput("printer.file_needs_path")
        return scheme, (rest,)
    if scheme == "network":
        return scheme, _host_port(rest)
    if scheme == "usb":
        return scheme, _usb_ids(rest)
    if scheme == "serial":
        if not rest.strip():
            raise InvalidInput("printer.serial_needs_port")
        return scheme, (rest,)
    return scheme, (system_printer_name(scheme, rest),)


def printer_from_target(target: str, *, profile: str | None = None,
                        timeout: float | None = None) -> Escpos:
    """An unopened printer for *target*; InvalidInput when it is malformed or cannot work
    here (USB without pyusb, serial without pyserial, CUPS without pycups, a Windows
    printer elsewhere than on Windows, an unknown *profile*)."""
    if profile is not None and profile not in CAPABILITIES["profiles"]:
        raise InvalidInput("printer.unknown_profile", profile=profile)
    scheme, args = parse_target(target)
    cls = _CLASSES[scheme]
    # Built without its driver, a printer fails later, even in __del__: refuse it here.
    if not cls.is_usable():
        raise InvalidInput(driver_message(scheme))
    extra: dict[str, Any] = {}
    if scheme == "network":  # *timeout*: seconds to connect (checked.CONNECT_TIMEOUT)
        extra = {"connect_timeout": timeout}
    elif scheme == "usb":
        extra = {"timeout": USB_TIMEOUT_MS}
    with quiet():
        return cls(*args, profile=profile, **extra)


def print_blocks(target: str, blocks: Iterable[Block], width: int, *,
                 profile: str | None = None, drawer: bool = False) -> None:
    """Open the printer at *target*, draw *blocks* (after opening the cash drawer when
    *drawer*), close it.

    A printer that cannot be reached, says it cannot print (paper out, off line), does not
    take the job in time or fails mid-way gives one PosError line naming it.
    """
    printer = printer_from_target(target, profile=profile)
    with quiet():
        _print(printer, target, blocks, width, drawer=drawer)


def _print(printer: Escpos, target: str, blocks: Iterable[Block], width: int, *,
           drawer: bool) -> None:
    try:
        try:
            printer.open()
        except (OSError, EscposError) as exc:
            raise PosError("printer.no_answer", target=target, reason=_reason(exc)) from exc
        try:
            answered = before_job(printer, target)
            render_escpos(blocks, width, printer, drawer=drawer)
            after_job(printer, target, answered=answered)
        except PrinterStuck as exc:
            raise PosError("printer.stuck", target=target,
                           seconds=int(checked.JOB_TIMEOUT)) from exc
        except (PrinterHungUp, ConnectionResetError, ConnectionAbortedError,
                BrokenPipeError) as exc:  # it closed or reset the connection
            raise PosError("printer.hung_up", target=target) from exc
        except (OSError, EscposError) as exc:
            raise PosError("printer.failed", target=target, reason=_reason(exc)) from exc
    except PosError:
        with contextlib.suppress(OSError, EscposError):  # the first message is the one to show
            printer.close()
        raise
    try:
        printer.close()
    except (OSError, EscposError) as exc:
        raise PosError("printer.failed", target=target, reason=_reason(exc)) from exc


def _host_port(rest: str) -> tuple[str, int]:
    host, sep, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    if not host.strip() or " " in host:
        raise InvalidInput("printer.network_host", target=rest)
    if not sep:
        return host, NETWORK_PORT
    if not (port.isdigit() and 1 <= int(port) <= 65535):
        raise InvalidInput("printer.network_port", port=port)
    return host, int(port)


def _usb_ids(rest: str) -> tuple[int, int]:
    parts = rest.split(":")
    try:
        if len(parts) != 2 or not all(len(p) == 4 for p in parts):
            raise ValueError
        return int(parts[0], 16), int(parts[1], 16)
    except ValueError:
        raise InvalidInput("printer.usb_ids", target=rest) from None


def _reason(exc: BaseException) -> str:
    """The root cause of *exc* in a few words, on one line."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError):
            text = cause.strerror or str(cause) or type(cause).__name__
            return " ".join(text.split())
        cause = cause.__cause__ or cause.__context__
    return " ".join(str(exc).split()) or type(exc).__name__
