"""A support bundle: one zip file with what someone helping a stand by phone needs.

Inside: ``posapp.log`` (and its rotated files) and ``posapp-errors.log``; ``versions.txt``
(posapp, Python, the libraries, the system); per stand ``STAND/settings.json`` and a copy
of its database with the secrets removed (PIN hashes blanked, no event key), made with
SQLite's online backup API so the live session is never disturbed. Every password in a
connection URL is replaced by ``***`` in all three (``logs.redact_passwords``).
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from posapp import __version__
from posapp.bootstrap import DataDir
from posapp.domain.errors import StorageError
from posapp.logs import LOG_NAME, redact_passwords
from posapp.services import event
from posapp.services import settings as settings_service
from posapp.store.database import copy_database, sqlite_engine
from posapp.store.secrets import strip_copy
from posapp.store.uow import UnitOfWork

_LIBRARIES = ("PySide6-Essentials", "SQLAlchemy", "alembic", "reportlab", "python-escpos",
              "Babel", "openpyxl", "platformdirs", "psycopg", "segno")


@dataclass(frozen=True)
class Bundle:
    path: Path
    stands: list[str]
    files: int


def write_bundle(data: DataDir, out: Path) -> Bundle:
    """Write the support bundle of every stand in *data* to *out* (a .zip)."""
    if out.suffix.lower() != ".zip":
        raise StorageError("support.not_zip", name=out.name)
    if not out.parent.is_dir():
        raise StorageError("support.no_folder", out=str(out), folder=str(out.parent))
    codes = data.stand_codes()
    partial = out.with_name(f".{out.name}.part")
    try:
        with tempfile.TemporaryDirectory(prefix="posapp-support-") as tmp, \
                zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
            for log in sorted(data.root.glob(f"{LOG_NAME}*")) + sorted(
                    data.root.glob("posapp-errors.log")):
                z.writestr(f"logs/{log.name}", redact_passwords(
                    log.read_bytes().decode("utf-8", errors="replace")))
            z.writestr("versions.txt", versions())
            for code in codes:
                copy = Path(tmp) / f"{code}.sqlite"
                copy_database(data.stand_path(code), copy)
                z.writestr(f"{code}/settings.json", redact_passwords(_settings(copy)))
                _remove_secrets(copy)
                z.write(copy, f"{code}/{code}-no-secrets.sqlite")
            files = len(z.namelist())
        partial.replace(out)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StorageError("support.cannot_write", out=str(out), detail=str(exc)) from None
    return Bundle(out, codes, files)


def versions() -> str:
    lines = [f"posapp {__version__}", f"Python {sys.version.split()[0]}",
             f"{platform.system()} {platform.release()} ({platform.machine()})",
             f"platform {platform.platform()}"]
    for name in _LIBRARIES:
        try:
            lines.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{name} not installed")
    return "\n".join(lines) + "\n"


def _settings(copy: Path) -> str:
    engine = sqlite_engine(copy)
    try:
        conf = settings_service.get(UnitOfWork(engine, write=False))
        joined = event.event_id(UnitOfWork(engine, write=False))
    finally:
        engine.dispose()
    return json.dumps({**asdict(conf), "event_id": joined}, indent=2, ensure_ascii=False)


def _remove_secrets(copy: Path) -> None:
    """Blank the PIN hashes, delete any event key, hide every URL's password in the
    settings and notes (the last sync's target...), and leave no trace in free pages."""
    conn = sqlite3.connect(copy)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        for key, value in conn.execute("SELECT key, value FROM setting").fetchall():
            clean = redact_passwords(value) if isinstance(value, str) else value
            if clean != value:
                conn.execute("UPDATE setting SET value = ? WHERE key = ?", (clean, key))
        conn.commit()
    finally:
        conn.close()
    strip_copy(copy)
