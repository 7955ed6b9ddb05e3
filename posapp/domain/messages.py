"""Messages: an id and values in the code, the words in gettext catalogs.

Every sentence posapp says outside Qt's widgets (a refusal, a printed label, a report
heading, a line of the command line) is a message id that names the case, such as
``sale.payment_short``, with named values (amounts as ``int`` rupiah, counts, names). The
words live in one gettext catalog per language, ``resources/locale/<lang>/LC_MESSAGES/
posapp.po``, kept with Babel's tools (``make translations``); the id is the catalog's msgid
and each language's msgstr is the template, for example::

    msgid "sale.payment_short"
    msgstr "Pembayaran kurang: dibayar {paid:rp}, tagihan {due:rp} (kurang {missing:rp})"

A placeholder is ``{name}`` or ``{name:spec}``; the specs are ``rp`` (rupiah as
``format_rupiah`` writes them), ``n`` (a whole number grouped as the language writes it) and
``list`` (items joined by commas). A value that is itself a ``Message`` (or a ``PosError``)
is said in the same language. ``!r`` quotes a value as Python does (for the command line).

English is the command line's and the log's language; Bahasa Indonesia is the window's and
the paper's default.
"""

from __future__ import annotations

import gettext
import io
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from posapp.domain.rupiah import format_rupiah

#: The languages posapp speaks, the default first.
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
#: The command line's and the log's language.
SOURCE_LANGUAGE = "en"
DOMAIN = "posapp"

#: What a message id looks like: a family and a case, dotted, lower case.
CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\Z")
#: The format specs a placeholder may carry.
SPECS = frozenset({"", "rp", "n", "list"})


def N_(code: str) -> str:
    """Mark *code* as a message id said later (a label in a table); returns it unchanged."""
    return code


class Sayable(Protocol):
    def text(self, lang: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Message:
    """A message id with its values, said in any language by ``text``."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        return text(self.code, lang, **self.values)


def msg(code: str, /, **values: object) -> Message:
    """A ``Message`` to say later, or to pass as the value of another message."""
    return Message(code, values)


def to_data(said: Any) -> dict[str, object]:
    """A message (a ``Message`` or a ``PosError``) as JSON-ready data, to keep and say later:
    ``{"code": ..., "values": {...}}``, a nested message as the same kind of dict, a value
    JSON cannot hold as its text."""
    return {"code": said.code, "values": {k: _value_data(v) for k, v in said.values.items()}}


def from_data(data: object) -> Message | None:
    """The ``Message`` kept by ``to_data``; None when *data* is not one (say, older plain
    text)."""
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return None
    values = data.get("values")
    if not isinstance(values, dict):
        return None
    return Message(data["code"], {str(k): _data_value(v) for k, v in values.items()})


def _value_data(value: object) -> object:
    if hasattr(value, "code") and hasattr(value, "values"):
        return to_data(value)
    if isinstance(value, list | tuple):
        return [_value_data(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _data_value(data: object) -> object:
    if isinstance(data, dict):
        return from_data(data) or str(data)
    if isinstance(data, list):
        return [_data_value(v) for v in data]
    return data


def locale_dir() -> Path:
    from posapp.resources import resource  # a leaf module: where the shipped files are

    return resource("locale")


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """*lang*'s compiled catalog; compiled from the ``.po`` when no newer ``.mo`` is there."""
    folder = locale_dir() / lang / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as fp:
                return gettext.GNUTranslations(fp)
        if po.is_file():
            return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    except (OSError, ImportError):  # no catalog, or no Babel tools to compile one (a bundle)
        pass
    return gettext.NullTranslations()


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of the catalog *po* (Babel's reader and writer)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        cat = read_po(fp)
    out = io.BytesIO()
    write_mo(out, cat, use_fuzzy=False)
    return out.getvalue()


def template(code: str, lang: str) -> str | None:
    """*code*'s words in *lang* (English when *lang* lacks them); None when no catalog has it."""
    for candidate in (lang, SOURCE_LANGUAGE):
        found = catalog(candidate).gettext(code)
        if found != code:
            return found
    return None


def text(code: str, lang: str = SOURCE_LANGUAGE, /, **values: object) -> str:
    """Say *code* with *values* in *lang*.

    Never raises: an id no catalog knows is said as the id and its values, and a placeholder
    without a value stays in braces (the catalog tests make sure neither happens).
    """
    words = template(code, lang)
    if words is None:
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{code} ({shown})" if shown else code
    try:
        return _formatter(lang).vformat(words, (), _Values(values))
    except (ValueError, IndexError, TypeError, AttributeError):
        return words


def placeholders(words: str) -> dict[str, str]:
    """The placeholders of a template: name -> format spec."""
    found: dict[str, str] = {}
    for _, name, spec, _ in string.Formatter().parse(words):
        if name is not None:
            found[name] = spec or ""
    return found


def is_code(value: str) -> bool:
    return CODE.match(value) is not None


class _Missing(str):
    """A placeholder without a value: said as itself, in braces."""


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return _Missing("{" + key + "}")


class _Formatter(string.Formatter):
    """str.format with posapp's specs, saying nested messages in the same language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return kwargs[key]

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return str(value)
        if hasattr(value, "text") and callable(value.text):
            value = value.text(self.lang)
        if format_spec == "rp":
            return format_rupiah(int(value))
        if format_spec == "n":
            grouped = f"{int(value):,}"
            return grouped.replace(",", ".") if self.lang == "id" else grouped
        if format_spec == "list":
            items: Iterable[Any] = value
            return ", ".join(
                i.text(self.lang) if hasattr(i, "text") else str(i) for i in items)
        return super().format_field(value, format_spec)


@cache
def _formatter(lang: str) -> _Formatter:
    return _Formatter(lang)
