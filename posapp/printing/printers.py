"""Receipt printers built from the stand's ``printer`` setting, and one call to print.

Targets: ``file:PATH`` (a device node such as /dev/usb/lp0, or a plain file),
``network:HOST[:PORT]`` (port 9100 unless given), ``usb:VVVV:PPPP`` (needs pyusb),
``serial:DEVICE`` (needs pyserial) and ``dummy:`` (keeps the bytes in memory).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from escpos.capabilities import CAPABILITIES
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Serial, Usb

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.receipt import Block
from posapp.printing.escpos_render import render_escpos

NETWORK_PORT = 9100
NETWORK_TIMEOUT = 10.0  # seconds, to connect and for each write

_FORMS = "file:PATH, network:HOST[:PORT], usb:VENDOR:PRODUCT, serial:DEVICE or dummy:"


def printer_from_target(target: str, *, profile: str | None = None,
                        timeout: float = NETWORK_TIMEOUT) -> Escpos:
    """An unopened printer for *target*; InvalidInput when it is malformed or cannot work
    here (USB without pyusb, serial without pyserial, an unknown *profile*)."""
    scheme, sep, rest = target.strip().partition(":")
    scheme = scheme.lower()
    if profile is not None and profile not in CAPABILITIES["profiles"]:
        raise InvalidInput(f"unknown printer profile {profile!r}")
    if not sep:
        raise InvalidInput(f"unknown printer {target!r}: use {_FORMS}")
    if scheme == "dummy":
        return Dummy(profile=profile)
    if scheme == "file":
        if not rest.strip():
            raise InvalidInput("a file printer needs a path, like file:/dev/usb/lp0")
        return File(rest, profile=profile)
    if scheme == "network":
        host, port = _host_port(rest)
        return Network(host, port, timeout=timeout, profile=profile)
    if scheme == "usb":
        vendor, product = _usb_ids(rest)
        if not Usb.is_usable():  # constructing one without pyusb fails later, even in __del__
            raise InvalidInput("USB printing needs the pyusb package (python-escpos[usb])")
        return Usb(vendor, product, profile=profile)
    if scheme == "serial":
        if not rest.strip():
            raise InvalidInput("a serial printer needs a port, like serial:/dev/ttyUSB0")
        if not Serial.is_usable():
            raise InvalidInput("serial printing needs the pyserial package "
                               "(python-escpos[serial])")
        return Serial(rest, profile=profile)
    raise InvalidInput(f"unknown printer {target!r}: use {_FORMS}")


def print_blocks(target: str, blocks: Iterable[Block], width: int, *,
                 profile: str | None = None) -> None:
    """Open the printer at *target*, draw *blocks*, close it.

    A printer that cannot be reached or fails mid-way gives one PosError line naming it.
    """
    printer = printer_from_target(target, profile=profile)
    try:
        try:
            printer.open()
        except (OSError, EscposError) as exc:
            raise PosError(f"printer {target} did not answer: {_reason(exc)}") from exc
        try:
            render_escpos(blocks, width, printer)
        except (OSError, EscposError) as exc:
            raise PosError(f"printer {target} failed while printing: {_reason(exc)}") from exc
    except PosError:
        with contextlib.suppress(OSError, EscposError):  # the first message is the one to show
            printer.close()
        raise
    try:
        printer.close()
    except (OSError, EscposError) as exc:
        raise PosError(f"printer {target} failed while printing: {_reason(exc)}") from exc


def _host_port(rest: str) -> tuple[str, int]:
    host, sep, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    if not host.strip() or " " in host:
        raise InvalidInput(f"network printer {rest!r}: give a host name or IP address, "
                           "like network:192.168.1.50:9100")
    if not sep:
        return host, NETWORK_PORT
    if not (port.isdigit() and 1 <= int(port) <= 65535):
        raise InvalidInput(f"network printer port {port!r} must be a number from 1 to 65535")
    return host, int(port)


def _usb_ids(rest: str) -> tuple[int, int]:
    parts = rest.split(":")
    try:
        if len(parts) != 2 or not all(len(p) == 4 for p in parts):
            raise ValueError
        return int(parts[0], 16), int(parts[1], 16)
    except ValueError:
        raise InvalidInput(f"USB printer {rest!r}: give vendor and product id as 4 hex digits "
                           "each, like usb:04b8:0202") from None


def _reason(exc: BaseException) -> str:
    """The root cause of *exc* in a few words, on one line."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError):
            text = cause.strerror or str(cause) or type(cause).__name__
            return " ".join(text.split())
        cause = cause.__cause__ or cause.__context__
    return " ".join(str(exc).split()) or type(exc).__name__
