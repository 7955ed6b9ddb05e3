"""Secrets kept on this computer, outside every database: event keys and central-store
passwords.

A stand's database (and so every backup copy of it) holds only what names a secret: the
event id it joined, a central store's URL without its password. The secrets themselves go
to the system keyring through the ``keyring`` package where one is installed and usable,
else to ``secrets.json`` in posapp's config folder (``POSAPP_CONFIG_DIR``, else the user
config folder of platformdirs), a file only its user may read (0600, its folder 0700).

Names: ``event-key:EVENT_ID`` (the written key) and ``central-password:URL`` (the URL
without its password). Keying by event id rather than by stand means a stand restored on
the same computer finds its key again, and a key stored for one event is never used for
another.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from posapp.domain.errors import PosError, StorageError
from posapp.domain.event_key import KEY_BYTES, fingerprint, format_key, parse_key

SERVICE = "posapp"
FILE_NAME = "secrets.json"
#: The stand's setting rows: the event it joined (its id), and where a key used to be kept.
EVENT_ID_SETTING, LEGACY_KEY_SETTING, CENTRAL_SETTING = "event_id", "event_key", "central"


def config_dir() -> Path:
    """``POSAPP_CONFIG_DIR`` if set, else the user's config folder (platformdirs)."""
    env = os.environ.get("POSAPP_CONFIG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("posapp", appauthor=False))


def event_key_name(event_id: str) -> str:
    return f"event-key:{event_id}"


def central_password_name(url_without_password: str) -> str:
    return f"central-password:{url_without_password}"


class SecretStore:
    """get, put and forget named secrets: the keyring when usable, else the 0600 file."""

    def __init__(self, folder: Path | None = None, *, use_keyring: bool = True) -> None:
        self.folder = folder if folder is not None else config_dir()
        self._keyring = _usable_keyring() if use_keyring else None

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def get(self, name: str) -> str | None:
        if self._keyring is not None:
            with contextlib.suppress(Exception):  # a locked or broken keyring: try the file
                value = self._keyring.get_password(SERVICE, name)
                if value is not None:
                    return str(value)
        value = self._read().get(name)
        return value if isinstance(value, str) else None

    def put(self, name: str, value: str) -> None:
        if self._keyring is not None:
            try:
                self._keyring.set_password(SERVICE, name, value)
            except Exception:  # any keyring failure: the file instead
                pass
            else:
                self._drop_from_file(name)
                return
        stored = self._read()
        if stored.get(name) != value:
            stored[name] = value
            self._write(stored)

    def event_key(self, event: str) -> bytes | None:
        """The key of *event* kept here (None when absent, unreadable or another event's)."""
        text = self.get(event_key_name(event))
        if text is None:
            return None
        try:
            key = parse_key(text)
        except PosError:
            return None
        return key if fingerprint(key) == event else None

    def forget(self, name: str) -> None:
        if self._keyring is not None:
            with contextlib.suppress(Exception):
                self._keyring.delete_password(SERVICE, name)
        self._drop_from_file(name)

    def _drop_from_file(self, name: str) -> None:
        stored = self._read()
        if name in stored:
            del stored[name]
            self._write(stored)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        """Replace the file whole (written under another name first), readable only by
        its user from the first byte; a folder that cannot be written is one line."""
        partial = self.folder / f".{FILE_NAME}.{os.getpid()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1, sort_keys=True)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise StorageError("secrets.cannot_write", path=str(self.path),
                               detail=str(exc.strerror or exc)) from None


def _usable_keyring() -> Any:
    """The system keyring when the optional ``keyring`` package is installed and has a real
    backend (not its fail or null one); None otherwise, or with POSAPP_SECRETS=file."""
    if os.environ.get("POSAPP_SECRETS", "").lower() == "file":
        return None
    keyring = _keyring_module()
    try:
        ring = keyring.get_keyring() if keyring is not None else None
    except Exception:  # no backend: the file
        return None
    if ring is None:
        return None
    if getattr(ring, "priority", 0) <= 0 or type(ring).__module__.startswith(
            ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        return None
    return ring


@functools.cache
def _keyring_module() -> Any:
    """The optional ``keyring`` package, looked for once per process (None: not there)."""
    try:
        return importlib.import_module("keyring")
    except Exception:  # not installed, or broken on import: the file
        return None


def split_password(target: str) -> tuple[str, str | None]:
    """A central store's *target* without its password, and the password (None when the
    target is a path or a URL without one)."""
    if "://" not in target:
        return target, None
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        return target, None
    if url.password is None:
        return target, None
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query)
    return bare.render_as_string(hide_password=False), str(url.password)


def with_password(target: str, password: str | None) -> str:
    """*target* (a URL without a password) with *password* put back."""
    if not password or "://" not in target:
        return target
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def move_secrets_out(database: Path, store: SecretStore | None = None) -> bool:
    """Move an event key and a central store's password that an earlier posapp kept in
    the stand *database* into the secret store, and remove them from the database (its
    freed pages overwritten). True when something moved."""
    conn = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        rows = dict(conn.execute(
            "SELECT key, value FROM setting WHERE key IN (?, ?)",
            (LEGACY_KEY_SETTING, CENTRAL_SETTING)).fetchall())
        key_hex = rows.get(LEGACY_KEY_SETTING)
        bare, password = split_password(rows.get(CENTRAL_SETTING) or "")
        if key_hex is None and password is None:
            return False
        store = store if store is not None else SecretStore()
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            key = key_from_hex(key_hex) if key_hex is not None else None
            if key is not None:
                event = fingerprint(key)
                store.put(event_key_name(event), format_key(key))
                conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                             (EVENT_ID_SETTING, event))
            if key_hex is not None:  # a damaged key is no use anywhere: gone too
                conn.execute("DELETE FROM setting WHERE key = ?", (LEGACY_KEY_SETTING,))
            if password is not None:
                store.put(central_password_name(bare), password)
                conn.execute("UPDATE setting SET value = ? WHERE key = ?",
                             (bare, CENTRAL_SETTING))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        with contextlib.suppress(sqlite3.Error):  # the old pages out of the WAL as well
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    finally:
        conn.close()


def key_from_hex(value: str) -> bytes | None:
    """An event key as older stands kept it in their database (hex), or None if it is not one."""
    try:
        key = bytes.fromhex(value.strip())
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def strip_copy(copy: Path) -> None:
    """Leave no secret in *copy* (a stand database about to leave the laptop): PIN hashes
    blanked, any event key and connection password removed, then vacuumed so that nothing
    of them stays in free pages."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN")
        conn.execute("UPDATE app_user SET pin_hash = ''")
        conn.execute("DELETE FROM setting WHERE key = ?", (LEGACY_KEY_SETTING,))
        row = conn.execute("SELECT value FROM setting WHERE key = ?",
                           (CENTRAL_SETTING,)).fetchone()
        if row is not None:
            conn.execute("UPDATE setting SET value = ? WHERE key = ?",
                         (split_password(row[0])[0], CENTRAL_SETTING))
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()
