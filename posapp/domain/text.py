"""Text that people type or files carry: one check where it enters, one clean-up where it
leaves.

Where text enters (the command line, the window's fields through the services, catalog
files), ``clean_text(value, kind)`` gives it back NFC-normalized and stripped, or refuses
it in one line: a control character other than tab and newline (ESC, GS... would drive a
terminal or a printer, and openpyxl refuses them), or more characters than the one limit of
its kind (``LIMITS``). Where text leaves: ``spreadsheet_cell`` for every CSV and XLSX
writer (no control characters, and a leading ``=``, ``+``, ``-``, ``@``, tab or carriage
return defused with a single quote, OWASP's rule against CSV injection; numbers stay
numbers), and ``shown`` for a terminal line (control characters and undecodable bytes made
visible, never sent).
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import N_, Message, msg


class TextKind(Enum):
    """A kind of text field: its limit in characters, its name in a refusal, and whether it
    may hold several lines."""

    NAME = ("name", 120, N_("text.kind.name"), False)  # a stand, an event, a product
    PERSON = ("person", 60, N_("text.kind.person"), False)  # a cashier, a supervisor
    LABEL = ("label", 120, N_("text.kind.label"), False)  # category, maker group, region
    CONTACT = ("contact", 120, N_("text.kind.contact"), False)  # a buyer's phone, e-mail...
    CODE = ("code", 64, N_("text.kind.code"), False)  # an SKU, a barcode, a receipt number
    REASON = ("reason", 200, N_("text.kind.reason"), False)  # void, refund, cash, stock
    ADDRESS = ("address", 400, N_("text.kind.address"), True)
    NOTE = ("note", 400, N_("text.kind.note"), False)  # an order's note
    ARGUMENT = ("argument", 4096, N_("text.kind.argument"), True)  # any word of the CLI

    def __init__(self, key: str, limit: int, label: str, multiline: bool) -> None:
        self.key = key
        self.limit = limit
        self.label = label
        self.multiline = multiline


#: The most characters a field of each kind may hold.
LIMITS = {kind.key: kind.limit for kind in TextKind}

#: Control characters (Unicode category Cc) other than tab and newline; a carriage return
#: is allowed only as part of a Windows line end (``\r\n``), which becomes ``\n``.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def control_character(value: str) -> str | None:
    """The first control character of *value* other than tab and newline, as ``U+001B``;
    None when there is none."""
    found = _CONTROL.search(value.replace("\r\n", "\n"))
    return f"U+{ord(found.group()):04X}" if found else None


def is_text(value: str) -> bool:
    """False when *value* holds bytes that were not valid text (surrogate escapes of a
    command line word or a file name that is not UTF-8)."""
    return _SURROGATE.search(value) is None


def clean_text(value: str, kind: TextKind, *, required: bool = False,
               what: Message | None = None) -> str:
    """*value* NFC-normalized and stripped (one line of single spaces unless *kind* is
    multiline), or InvalidInput in one line: not text, a control character, too long, or
    (with *required*) empty. *what* names the field in the refusal (else its kind)."""
    what = msg(kind.label) if what is None else what
    if not is_text(value):
        raise InvalidInput("text.not_text", what=what)
    char = control_character(value)
    if char is not None:
        raise InvalidInput("text.control_character", what=what, char=char)
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    if kind.multiline:
        value = "\n".join(line.strip() for line in value.strip().split("\n"))
    else:
        value = " ".join(value.split())
    if len(value) > kind.limit:
        raise InvalidInput("text.too_long", what=what, n=len(value), max=kind.limit)
    if required and not value:
        raise InvalidInput("text.missing", what=what)
    return value


def without_controls(value: str) -> str:
    """*value* with its control characters other than tab and newline removed (what a
    writer does with text stored before they were refused)."""
    return _CONTROL.sub("", value.replace("\r\n", "\n"))


def spreadsheet_cell(value: object) -> object:
    """*value* as a CSV or XLSX cell may hold it: text without control characters and with
    a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return defused by a single quote;
    anything else (numbers, dates, None) as it is. A text that only looks defused (``'@``)
    gets a quote too (``''@``), so ``undefused`` gives every text back as it was."""
    if not isinstance(value, str):
        return value
    value = without_controls(value)  # first: "\x01=cmd" must not become a formula
    return "'" + value if _needs_quote(value) else value


def undefused(value: str) -> str:
    """A cell read back from a file posapp wrote: ``'=Tas`` is ``=Tas`` again, ``''@`` is
    ``'@``."""
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value


def _needs_quote(value: str) -> bool:
    """A formula's start, after any number of single quotes."""
    return value.lstrip("'").startswith(_FORMULA_START)


def _escaped_surrogate(code: int) -> str:
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def shown(value: str, *, lines: bool = False) -> str:
    """*value* safe to print on a terminal: undecodable bytes as ``\\xff``, control
    characters as ``\\x1b``-style escapes (tab and newline too, unless *lines*)."""
    if not is_text(value):  # \udcff (a byte of a name that is not UTF-8) as \xff
        value = _SURROGATE.sub(lambda m: _escaped_surrogate(ord(m.group())), value)
    pattern = _CONTROL if lines else _ANY_CONTROL
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
