"""Printer targets as text (``cups:NAME``, ``win32:NAME``, ...): the names of printers the
operating system knows, and whether this computer can drive a kind of target at all.

No python-escpos here (its import takes 0.2 s): the settings check targets with this.
"""

from __future__ import annotations

import importlib.util
import sys

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import N_

FORMS = ("file:PATH, network:HOST[:PORT], usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME "
         "or win32:NAME")

#: The Python module each kind of target needs, and the id of what to say when it is missing.
_DRIVERS = {
    "usb": ("usb", N_("printer.needs_pyusb")),
    "serial": ("serial", N_("printer.needs_pyserial")),
    "cups": ("cups", N_("printer.needs_pycups")),
    "win32": ("win32print", N_("printer.needs_pywin32")),
}
#: The id of the refusal of a Windows printer elsewhere than on Windows.
NOT_WINDOWS = N_("printer.win32_only_on_windows")


def system_printer_name(scheme: str, rest: str) -> str:
    """The printer name in a ``cups:NAME`` or ``win32:NAME`` target, without surrounding
    spaces; InvalidInput when it is empty or not a name that kind of printer can have."""
    name = rest.strip()
    if scheme == "cups":
        if not name or any(c.isspace() or c in "/#\\" for c in name):
            raise InvalidInput("printer.cups_name", name=rest)
    elif not name:
        raise InvalidInput("printer.win32_needs_name")
    return name


def missing_driver(scheme: str) -> str | None:
    """Why this computer cannot print to a *scheme* target (a message id without values,
    ``InvalidInput(reason)`` says it), or None when it can as far as can be told without
    loading the driver."""
    if scheme == "win32" and sys.platform != "win32":
        return NOT_WINDOWS
    if scheme not in _DRIVERS:
        return None
    module, message = _DRIVERS[scheme]
    return message if importlib.util.find_spec(module) is None else None


def driver_message(scheme: str) -> str:
    """The id of what to say when the driver for *scheme* targets did not load."""
    return missing_driver(scheme) or _DRIVERS[scheme][1]
