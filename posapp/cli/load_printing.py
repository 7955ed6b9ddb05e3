"""Loading what a receipt's printing needs while the cashier's PIN is checked."""

from __future__ import annotations

import importlib
import threading

from posapp.cli.context import Context
from posapp.domain.errors import PosError

#: What printing a sale's receipt loads beyond the sale itself: python-escpos, with PIL,
#: qrcode, python-barcode and PyYAML, is about 95 ms of a printed ``posapp sell``.
_PRINTING = ("posapp.printing.printers", "posapp.printing.escpos_render",
             "posapp.services.receipts")


def load_printing_meanwhile(ctx: Context) -> None:
    """On a stand with a printer, load what printing the receipt needs in a thread of its
    own while this one checks the cashier's PIN: scrypt leaves the interpreter free, so the
    two share the time instead of adding up. Without a printer, or when the settings cannot
    be read, nothing (the sale reports that itself)."""
    from posapp.services import settings
    try:
        if not settings.get(ctx.stand().uow(write=False)).printer:
            return
    except PosError:
        return
    threading.Thread(target=_load_printing, name="posapp-load-printing", daemon=True).start()


def _load_printing() -> None:
    for name in _PRINTING:
        try:
            importlib.import_module(name)
        except Exception:  # printing imports it again and says what failed
            return
