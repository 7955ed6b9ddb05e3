"""The stand's own settings (language, printer, paper, QRIS, scanner, limits, central store),
typed.

They live in the ``setting`` table as text, one row per field. A missing key gives the
default, an unknown key is left alone, and a stored value that no longer makes sense (a
hand-edited file) reads as the default rather than stopping the stand from starting.

Longer than a screen: every setting is declared, checked and named here, next to each other
(the dataclass, its ranges, ``_check`` and ``SETTING_NAMES``), so that adding one is one
place to read; the central store's URL handling is the part that could move out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeGuard

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.messages import N_, Message, msg
from posapp.domain.policy import FREE_SETTINGS, Action
from posapp.printing.targets import missing_driver, system_printer_name
from posapp.services.users import Actor, Approval, approve
from posapp.store import tables as t
from posapp.store.secrets import (
    SecretStore,
    central_password_name,
    split_password,
    with_password,
)
from posapp.store.uow import UnitOfWork

LANGUAGES = ("id", "en")
PAPER_WIDTHS = (32, 42, 48)
SCANNER_SUFFIXES = ("enter", "tab", "none")
PRINTER_SCHEMES = ("file", "network", "usb", "serial", "cups", "win32", "pdf")
BACKUP_EVERY_RANGE = (1, 1000)
BACKUP_KEEP_RANGE = (1, 1000)
SCANNER_INTERVAL_RANGE = (5, 200)  # ms between two keys of one scan; people type slower
DISCOUNT_LIMIT_RANGE = (0, 100)
CASH_DIFFERENCE_LIMIT_RANGE = (0, 100_000_000)  # rupiah; 0: every difference needs approval

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_USB_ID = re.compile(r"^[0-9A-Fa-f]{4}$")
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no")


@dataclass(frozen=True)
class StandSettings:
    """What a stand may change about how its session works."""

    language: str = "id"
    printer: str = ""  # "" (none), file:PATH, network:HOST[:PORT], usb:VVVV:PPPP, serial:DEVICE,
    #                    cups:NAME, win32:NAME, pdf:FOLDER (no printer: each receipt a PDF file)
    printer_profile: str = ""  # a python-escpos capability profile (model), "" = default
    paper_width: int = 42  # characters per receipt line
    qris_payload: str = ""  # the text inside the stand's static QRIS sticker
    scanner_suffix: str = "enter"
    scanner_interval_ms: int = 30
    discount_limit_percent: int = 10  # a cashier's own limit; above it a supervisor approves
    customer_display: bool = False
    cash_drawer: bool = False  # a drawer on the receipt printer opens for cash sales
    central: str = ""  # the central store to sync to: an SQLite file's path or a
    #                    postgresql:// URL; "" = not set
    backup_folder: str = ""  # a second folder (a USB stick) for copies of the database
    backup_every: int = 10  # sales between two copies (one is made at every shift close too)
    backup_keep: int = 30  # copies kept there; the oldest go
    # Closing the shift (the cashier counts the drawer):
    blind_count: bool = False  # the expected cash is shown only once the count is confirmed
    cash_difference_limit: int = 50_000  # a count off by more (short or over, rupiah) needs
    #                                      a supervisor's PIN to close the shift
    cash_out_limit: int = 100_000  # cash taken out of the drawer above this (rupiah) needs
    #                                a supervisor's approval
    open_price_floor: int = 1_000  # an open-price piece sold below this needs a supervisor
    printer_asked: bool = False  # the stand without a printer answered, at its first sale,
    #                              whether to set one up or to sell without (PDF receipts)


DEFAULTS = StandSettings()


def get(uow: UnitOfWork) -> StandSettings:
    with uow:
        return load(uow)


def load(uow: UnitOfWork) -> StandSettings:
    """The stand's settings, inside an open unit of work."""
    stored = dict(uow.core.execute(_ALL).all())
    values: dict[str, Any] = {}
    for f in fields(StandSettings):
        text = stored.get(f.name)
        if text is None:
            continue
        try:
            value = _parse(text, type(getattr(DEFAULTS, f.name)))
            _check(replace(DEFAULTS, **{f.name: value}), f.name)
        except (InvalidInput, ValueError):
            continue
        values[f.name] = value
    if values.get("central"):  # its password is kept on this computer, not in the database
        values["central"] = _with_central_password(values["central"])
    return replace(DEFAULTS, **values)


def save(uow: UnitOfWork, settings: StandSettings, *, actor: Actor | None = None,
         approval: Approval | None = None) -> StandSettings:
    """Check every field, then store them all in one transaction; nothing is stored on error.

    A change to a setting other than the cashier's own (``FREE_SETTINGS``: language, scanner,
    customer display) needs a supervisor (*actor*, or *approval*); so does a printer, except
    the first answer of a stand with none: its receipts as PDF files.

    A CUPS or Windows printer is refused where this computer cannot print to one, and a
    central store file whose folder does not exist (stored already, either is kept: a USB
    stick may be out for now; the job or the sync fails with the reason).
    """
    settings = replace(settings, printer=normalize_printer(settings.printer),
                       central=normalize_central(settings.central))
    for f in fields(StandSettings):
        _check(settings, f.name)
    scheme = settings.printer.partition(":")[0]
    reason = missing_driver(scheme) if scheme in ("cups", "win32") else None
    if reason is not None:
        raise InvalidInput(reason)
    check_central_place(settings.central)
    settings = replace(settings, backup_folder=settings.backup_folder.strip())
    with uow:
        conn = uow.core
        rows = dict(conn.execute(_ALL).all())
        stored = rows.get("backup_folder")
        if settings.backup_folder and (stored is None or stored != settings.backup_folder):
            check_backup_folder(settings.backup_folder)  # a new one must be there now
        approve(uow, Action.SETTINGS, actor=actor, approval=approval,
                needed=bool(_guarded_changes(load(uow), settings)))
        stored_central = _keep_central_password(settings.central)
        for f in fields(StandSettings):
            text = _format(getattr(settings, f.name))
            if f.name == "central":
                text = stored_central
            if rows.get(f.name) != text:
                _store(conn, f.name, text, new=f.name not in rows)
        uow.commit()
    return settings


def _guarded_changes(stored: StandSettings, wanted: StandSettings) -> set[str]:
    """The settings *wanted* changes that a cashier may not change alone."""
    changed = {f.name for f in fields(StandSettings)
               if getattr(stored, f.name) != getattr(wanted, f.name)} - FREE_SETTINGS
    if not stored.printer and wanted.printer.startswith("pdf:"):
        changed.discard("printer")  # a stand with no printer sells with PDF receipts
    return changed


def normalize_printer(target: str) -> str:
    """*target* without surrounding spaces, its scheme in lower case; refused when malformed."""
    if not isinstance(target, str):
        raise InvalidInput("settings.printer_not_text")
    target = target.strip()
    if not target:
        return ""
    scheme, sep, rest = target.partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in PRINTER_SCHEMES:
        raise InvalidInput("settings.unknown_printer", target=target)
    if _CONTROL.search(rest):
        raise InvalidInput("settings.printer_control_chars")
    if scheme in ("cups", "win32"):
        return f"{scheme}:{system_printer_name(scheme, rest)}"
    _PRINTER_CHECKS[scheme](rest)
    if scheme == "usb":
        rest = rest.lower()
    return f"{scheme}:{rest}"


def _check_file(rest: str) -> None:
    if not rest.strip():
        raise InvalidInput("printer.file_needs_path")


def _check_network(rest: str) -> None:
    host, sep, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    if not _HOST.match(host):
        raise InvalidInput("printer.network_host", target=rest)
    if sep and not (port.isdigit() and 1 <= int(port) <= 65535):
        raise InvalidInput("printer.network_port", port=port)


def _check_usb(rest: str) -> None:
    parts = rest.split(":")
    if len(parts) != 2 or not all(_USB_ID.match(p) for p in parts):
        raise InvalidInput("printer.usb_ids", target=rest)


def _check_pdf(rest: str) -> None:
    if not rest.strip():
        raise InvalidInput("printer.pdf_needs_folder")


def _check_serial(rest: str) -> None:
    if not rest.strip() or " " in rest:
        raise InvalidInput("settings.serial_printer_no_port")


def without_printer(settings: StandSettings, folder: Path) -> StandSettings:
    """*settings* for a stand that sells without a printer: every receipt, slip and report
    is a PDF file in *folder*; the first sale's question is answered."""
    return replace(settings, printer=f"pdf:{folder}", printer_asked=True)


def needs_printer_choice(settings: StandSettings) -> bool:
    """No printer is set and the stand was not asked yet whether to sell without one."""
    return not settings.printer and not settings.printer_asked


def normalize_central(target: str) -> str:
    """*target* (a central store) without surrounding spaces, a file path made absolute;
    refused when it is neither a path nor a PostgreSQL URL. "" stays "" (not set)."""
    if not isinstance(target, str):
        raise InvalidInput("settings.central_not_text")
    target = target.strip()
    if not target:
        return ""
    if _CONTROL.search(target):
        raise InvalidInput("settings.central_control_chars")
    if "://" not in target:
        return str(Path(target).expanduser().absolute())
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        raise InvalidInput("central.not_a_url", target=target) from None
    if url.get_backend_name() != "postgresql":
        raise InvalidInput("central.not_postgresql", backend=url.get_backend_name())
    return target


def _keep_central_password(target: str) -> str:
    """*target* as the database keeps it: a URL's password goes to this computer's secret
    store (store.secrets), never into the stand's database or its backups."""
    bare, password = split_password(target)
    if password is not None:
        SecretStore().put(central_password_name(bare), password)
    return bare


def _with_central_password(stored: str) -> str:
    """The central store's URL with the password this computer keeps for it."""
    if "://" not in stored:
        return stored
    return with_password(stored, SecretStore().get(central_password_name(stored)))


def check_central_place(target: str) -> None:
    """Refuse a central store file that could not be made: its folder does not exist, or
    it is a folder. A URL is not checked here (the server may be down for now)."""
    if not target or "://" in target:
        return
    path = Path(target)
    if path.is_dir():
        raise InvalidInput("central.is_folder", target=str(path))
    if not path.parent.is_dir():
        raise InvalidInput("central.folder_missing", folder=str(path.parent))


def check_backup_folder(folder: str) -> None:
    """Refuse a backup folder that is not there (a USB stick not plugged in)."""
    if not Path(folder).is_dir():
        raise InvalidInput("settings.backup_folder_missing", folder=folder)


_PRINTER_CHECKS = {
    "file": _check_file, "network": _check_network, "usb": _check_usb, "serial": _check_serial,
    "pdf": _check_pdf,
}


def _check(s: StandSettings, name: str) -> None:
    """Refuse the field *name* of *s* with a one-line reason."""
    value = getattr(s, name)
    if name == "language" and value not in LANGUAGES:
        raise InvalidInput("settings.unknown_language", value=value)
    if name == "printer":
        normalize_printer(value)
    if name == "printer_profile" and value:
        from posapp.printing.escpos_quiet import quiet

        with quiet():  # python-escpos only when a profile is being set
            from escpos.capabilities import CAPABILITIES

        if value not in CAPABILITIES["profiles"]:
            raise InvalidInput("settings.unknown_printer_profile", profile=value)
    if name == "paper_width" and not (_is_int(value) and value in PAPER_WIDTHS):
        raise InvalidInput("settings.paper_width", value=value)
    if name == "qris_payload":
        if not isinstance(value, str):
            raise InvalidInput("settings.qris_not_text")
        if value != value.strip():
            raise InvalidInput("settings.qris_spaces")
        if _CONTROL.search(value):
            raise InvalidInput("settings.qris_control_chars")
        if value:
            from posapp.domain.qris import parse_qris  # loaded when a sticker is set

            parse_qris(value)  # a malformed sticker is refused with its reason
    if name == "scanner_suffix" and value not in SCANNER_SUFFIXES:
        raise InvalidInput("settings.unknown_scanner_suffix", value=value)
    if name == "scanner_interval_ms":
        _check_range(value, SCANNER_INTERVAL_RANGE, name)
    if name == "discount_limit_percent":
        _check_range(value, DISCOUNT_LIMIT_RANGE, name)
    if name == "central":
        normalize_central(value)
    if name == "backup_folder" and (not isinstance(value, str) or _CONTROL.search(value)):
        raise InvalidInput("settings.backup_folder_not_path")
    if name == "backup_every":
        _check_range(value, BACKUP_EVERY_RANGE, name)
    if name == "backup_keep":
        _check_range(value, BACKUP_KEEP_RANGE, name)
    if name in ("cash_difference_limit", "cash_out_limit", "open_price_floor"):
        _check_range(value, CASH_DIFFERENCE_LIMIT_RANGE, name)
    if name in ("customer_display", "cash_drawer", "blind_count", "printer_asked") \
            and not isinstance(value, bool):
        raise InvalidInput("settings.not_on_off", what=setting_name(name), value=value)


def _check_range(value: object, bounds: tuple[int, int], name: str) -> None:
    low, high = bounds
    if not (_is_int(value) and low <= value <= high):
        raise InvalidInput("settings.out_of_range", what=setting_name(name), low=low,
                           high=high, value=value)


#: The settings a refusal names, by field: each said in the user's language.
SETTING_NAMES = {
    "scanner_interval_ms": N_("settings.name.scanner_interval_ms"),
    "discount_limit_percent": N_("settings.name.discount_limit_percent"),
    "backup_every": N_("settings.name.backup_every"),
    "backup_keep": N_("settings.name.backup_keep"),
    "customer_display": N_("settings.name.customer_display"),
    "cash_drawer": N_("settings.name.cash_drawer"),
    "blind_count": N_("settings.name.blind_count"),
    "cash_difference_limit": N_("settings.name.cash_difference_limit"),
    "cash_out_limit": N_("settings.name.cash_out_limit"),
    "open_price_floor": N_("settings.name.open_price_floor"),
    "printer_asked": N_("settings.name.printer_asked"),
}


def setting_name(field: str) -> Message:
    """The name of setting *field* (``discount_limit_percent``), to say in a message."""
    return msg(SETTING_NAMES[field])


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse(text: str, kind: type) -> Any:
    if kind is bool:
        word = text.strip().lower()
        if word not in _TRUE + _FALSE:
            raise ValueError(text)
        return word in _TRUE
    if kind is int:
        return int(text.strip())
    return text


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read_note(uow: UnitOfWork, key: str) -> dict[str, Any] | None:
    """A small state the stand keeps in its setting table as JSON (the last sync, the last
    backup); None when there is none or it is not readable."""
    with uow:
        text = uow.core.scalar(_ONE, {"key": key})
    try:
        value = json.loads(text) if text is not None else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def write_note(uow: Callable[..., UnitOfWork], key: str, value: dict[str, Any]) -> None:
    """Keep *value* under *key*; a busy database is let go (the note is only a note)."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        with uow() as w:
            conn = w.core
            _store(conn, key, text, new=conn.scalar(_ONE, {"key": key}) is None)
            w.commit()
    except PosError:
        pass


def _store(conn: Connection, key: str, text: str, *, new: bool) -> None:
    if new:
        conn.execute(insert(t.setting).values(key=key, value=text))
    else:
        conn.execute(update(t.setting).where(t.setting.c.key == key).values(value=text))


# Prepared once: the settings are read on every sale's path.
_ALL = select(t.setting.c.key, t.setting.c.value)
_ONE = select(t.setting.c.value).where(t.setting.c.key == bindparam("key"))
