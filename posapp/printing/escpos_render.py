"""A receipt layout as ESC/POS commands, sent to any python-escpos printer. It only draws.

Text goes out in one fixed code page, chosen on purpose rather than left to python-escpos's
automatic switching (which may pick a table the printer lacks: python-escpos#312, #369):
PC858 (PC850 with the euro sign), else PC850, else PC437, whichever the printer's profile
lists first. A character that code page lacks becomes one ASCII lookalike (``—`` gives ``-``,
``“`` gives ``"``, ``ő`` gives ``o``) or ``?``: always one character for one, so the
layout's columns hold.

python-escpos ``print()``s notices ("Using hardware barcode renderer"): the barcode and the
QR code are drawn in memory with those going to the log (``escpos_quiet``), then sent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from posapp.domain.layout import Barcode, Block, Cut, Logo, QrCode, Row, Rule, Text
from posapp.printing.escpos_quiet import notices_to_log, quiet

with quiet():
    from escpos.escpos import Escpos
    from escpos.printer import Dummy

#: Code pages in order of preference, by python-escpos name, with Python's codec for each.
CODE_PAGES = (("CP858", "cp858"), ("CP850", "cp850"), ("CP437", "cp437"))

#: One-for-one stand-ins for characters none of those code pages has.
LOOKALIKES = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u201c": '"',
    "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u2026": ".", "\u2022": "*", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u20ac": "E",
}

#: Printable dots per line: 58 mm paper (32 columns) and 80 mm paper (42 or 48 columns).
_DOTS = {32: 384, 42: 576, 48: 576}
_QR_MODULE_DOTS = 6


def render_escpos(blocks: Iterable[Block], width: int, printer: Escpos, *,
                  drawer: bool = False) -> None:
    """Draw *blocks* (laid out for *width* columns) on *printer*, starting from a reset.

    Double text is double width and height; the barcode is the printer's own Code128 with
    its text below; the QR code is the printer's own (``GS ( k``); the logo is skipped.
    With *drawer*, the cash drawer on the printer's drawer port opens first (the cashier
    gives change while the receipt prints; paper out does not keep the drawer shut).
    """
    name, codec = code_page(printer)
    printer.hw("INIT")  # clears a previous job's sizes and styles, and the code page
    if name in printer.profile.get_code_pages():
        printer.magic.encoding = None  # so that charcode() sends ESC t again after the reset
        printer.charcode(name)
    else:  # trust the table the reset selected; never switch
        printer.magic.encoding = name
        printer.magic.disabled = True
    if drawer:
        printer.cashdraw(2)
    for block in blocks:
        if isinstance(block, Text):
            double = block.double
            printer.set(align=block.align, bold=block.bold, normal_textsize=not double,
                        double_width=double, double_height=double)
            printer.text(printable(block.text, codec) + "\n")
        elif isinstance(block, Row):
            gap = max(width - len(block.left) - len(block.right), 1 if block.left else 0)
            _plain(printer, bold=block.bold)
            printer.text(printable(f"{block.left}{' ' * gap}{block.right}", codec) + "\n")
        elif isinstance(block, Rule):
            _plain(printer)
            printer.text(printable(block.char, codec) * width + "\n")
        elif isinstance(block, Barcode):
            _plain(printer, align="center")
            _in_memory(printer, "barcode", "{B" + block.data, "CODE128", function_type="B",
                       pos="BELOW", width=_module_width(block.data, width), height=64,
                       align_ct=True)
        elif isinstance(block, QrCode):
            _plain(printer, align="center")
            _in_memory(printer, "qr", block.data, native=True, size=_QR_MODULE_DOTS)
        elif isinstance(block, Cut):
            _plain(printer)
            printer.cut()
        elif isinstance(block, Logo):
            continue


def code_page(printer: Escpos) -> tuple[str, str]:
    """The code page text is sent in: (python-escpos name, Python codec name)."""
    pages = printer.profile.get_code_pages()
    for name, codec in CODE_PAGES:
        if name in pages:
            return name, codec
    return CODE_PAGES[-1]  # a profile listing none of them: PC437, the usual power-on table


def printable(text: str, codec: str) -> str:
    """*text* with every character *codec* cannot encode replaced by one stand-in."""
    if _CONTROL.search(text) is None and _encodes(text, codec):
        return text  # nearly every line of a receipt: checked whole, not a letter at a time
    return "".join(_printable_char(c, codec) for c in text)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # never sent as they are


@functools.lru_cache(maxsize=4096)
def _printable_char(char: str, codec: str) -> str:
    if _encodes(char, codec) and (char >= " " and not "\x7f" <= char < "\xa0"):
        return char
    if char in LOOKALIKES and _encodes(LOOKALIKES[char], codec):
        return LOOKALIKES[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    if base and base != char and base >= " " and _encodes(base, codec):
        return base
    return "?"


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _plain(printer: Escpos, *, bold: bool = False, align: str = "left") -> None:
    printer.set(align=align, bold=bold, normal_textsize=True)


def _module_width(data: str, width: int) -> int:
    """Dots per Code128 bar module: the widest (2 or 3) that fits the paper."""
    modules = 11 * (len(data) + 3) + 2  # code set, data, check symbol, stop
    return 3 if modules * 3 <= _DOTS.get(width, 384) else 2


def _in_memory(printer: Escpos, method: str, *args: Any, **kwargs: Any) -> None:
    """Call *method* on a scratch printer of *printer*'s profile (its notices go to the
    log), then send the commands it made to *printer*."""
    scratch = Dummy()
    scratch.profile = printer.profile
    notices_to_log(getattr(scratch, method), *args, **kwargs)
    printer._raw(scratch.output)
