"""Printer targets as text (``cups:NAME``, ``win32:NAME``, ...): the names of printers the
operating system knows, and whether this computer can drive a kind of target at all.

No python-escpos here (its import takes 0.2 s): the settings check targets with this.
"""

from __future__ import annotations

import importlib.util
import sys

from posapp.domain.errors import InvalidInput

FORMS = ("file:PATH, network:HOST[:PORT], usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME "
         "or win32:NAME")

#: The Python module each kind of target needs, and what to say when it is missing.
_DRIVERS = {
    "usb": ("usb", "USB printing needs the pyusb package (python-escpos[usb])"),
    "serial": ("serial", "serial printing needs the pyserial package (python-escpos[serial])"),
    "cups": ("cups", "CUPS printers (cups:NAME) need the pycups package, which this "
                     "computer does not have: use file:, network: or usb: instead"),
    "win32": ("win32print", "Windows printers (win32:NAME) need the pywin32 package"),
}
NOT_WINDOWS = ("Windows printers (win32:NAME) work only on Windows: on this computer use "
               "cups:, file:, network: or usb:")


def system_printer_name(scheme: str, rest: str) -> str:
    """The printer name in a ``cups:NAME`` or ``win32:NAME`` target, without surrounding
    spaces; InvalidInput when it is empty or not a name that kind of printer can have."""
    name = rest.strip()
    if scheme == "cups":
        if not name or any(c.isspace() or c in "/#\\" for c in name):
            raise InvalidInput(f"CUPS printer {rest!r}: give the queue name without spaces, "
                               "'/' or '#', like cups:TM-T20II (lpstat -p lists them)")
    elif not name:
        raise InvalidInput("a Windows printer needs its name, like win32:EPSON TM-T20II Receipt")
    return name


def missing_driver(scheme: str) -> str | None:
    """Why this computer cannot print to a *scheme* target (one line), or None when it can
    as far as can be told without loading the driver."""
    if scheme == "win32" and sys.platform != "win32":
        return NOT_WINDOWS
    if scheme not in _DRIVERS:
        return None
    module, message = _DRIVERS[scheme]
    return message if importlib.util.find_spec(module) is None else None


def driver_message(scheme: str) -> str:
    """What to say when the driver for *scheme* targets did not load."""
    return missing_driver(scheme) or _DRIVERS[scheme][1]
