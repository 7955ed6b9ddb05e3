"""What the command line says: every line a message id with values, said from the catalogs.

``say("cli.sell.done", receipt=..., total=...)`` prints a line on standard output;
``warn(msg("cli.journal.broken", ...))`` (or ``warn(refusal)``) prints one on standard
error after ``posapp: ``; a table's words are ``text("cli....", LANG)`` between its figures.
The command line speaks English (``LANG``): ``--lang`` is the language of the reports and
receipts it prints, not of its own lines. ``--json`` output is data and does not come here.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from posapp.domain.messages import N_, SOURCE_LANGUAGE, Message, Sayable, msg, text
from posapp.domain.text import shown

#: The command line's language.
LANG = SOURCE_LANGUAGE
#: What starts every line of standard error that is a refusal, a warning or a problem.
PREFIX = "posapp: "


def say(said: str | Message, /, **values: object) -> None:
    """Print message *said* (an id with *values*, or a ``Message``) on standard output."""
    line = said.text(LANG) if isinstance(said, Message) else text(said, LANG, **values)
    print(shown(line, lines=True))  # a file name or a product's name may hold anything


def warn(said: Sayable | object, *, prefix: bool = True, end: str = "\n") -> None:
    """Print *said* (a message, a refusal; anything else as ``str`` makes it) on one line of
    standard error, after ``posapp: `` unless *prefix* is false."""
    line = shown(" ".join(_text(said).split()))
    print(f"{PREFIX if prefix else ''}{line}", end=end, file=sys.stderr)


#: What the command line counts: the message for one, and for none or several.
NOUNS = {
    "copy": (N_("cli.n.copy"), N_("cli.n.copies")),
    "entry": (N_("cli.n.entry"), N_("cli.n.entries")),
    "file": (N_("cli.n.file"), N_("cli.n.files")),
    "item": (N_("cli.n.item"), N_("cli.n.items")),
    "journal_entry": (N_("cli.n.journal_entry"), N_("cli.n.journal_entries")),
    "label": (N_("cli.n.label"), N_("cli.n.labels")),
    "line": (N_("cli.n.line"), N_("cli.n.lines")),
    "open_order": (N_("cli.n.open_order"), N_("cli.n.open_orders")),
    "product": (N_("cli.n.product"), N_("cli.n.products")),
    "sale": (N_("cli.n.sale"), N_("cli.n.sales")),
    "sheet": (N_("cli.n.sheet"), N_("cli.n.sheets")),
    "stand": (N_("cli.n.stand"), N_("cli.n.stands")),
}


def count(n: int, noun: str) -> Message:
    """*n* of *noun* (a key of ``NOUNS``): "1 sale", "3 sales"."""
    one, many = NOUNS[noun]
    return msg(one if n == 1 else many, n=n)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Guarded:
    """A text stream that writes control characters other than tab and newline as
    ``\\u001b``: readable on a terminal, valid inside a JSON string, never obeyed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, s: str) -> int:
        self._stream.write(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", s))
        return len(s)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """Standard output and error guarded (``_Guarded``) while a command runs: a name stored
    with an escape character, wherever a command prints it, cannot drive the terminal."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Guarded(out), _Guarded(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _text(said: Sayable | object) -> str:
    say_it = getattr(said, "text", None)
    return str(say_it(LANG)) if callable(say_it) else str(said)
