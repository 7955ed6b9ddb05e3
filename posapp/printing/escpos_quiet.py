"""python-escpos without its side effects on the console and on logging.

python-escpos calls ``logging.basicConfig()`` when imported, and its printers log through
the root logger (``logging.info("File printer enabled")``), which calls ``basicConfig()``
again whenever the root logger has no handler: either way a stderr handler is left on the
root logger. It also ``print()``s notices ("Using hardware barcode renderer").

Every use of python-escpos in posapp (its import included) runs inside ``quiet()``: the
root logger's handlers are as they were afterwards, python-escpos's own records and its
notices become DEBUG records of this module's logger. While ``quiet()`` runs, a root logger
without handlers holds a ``NullHandler``, so that ``basicConfig()`` adds none: a stderr
handler added for the length of a print would show those DEBUG records on the console
(the command line logs posapp's records at DEBUG, to its file only). This module does not
import python-escpos itself.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import os
import platform
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger(__name__)

_STDOUT = threading.Lock()  # sys.stdout is one for the process: one redirection at a time


class _EscposRecords(logging.Filter):
    """On the root logger: records python-escpos logs there become DEBUG records of ``log``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if f"{os.sep}escpos{os.sep}" not in record.pathname:
            return True
        log.debug("python-escpos: %s", record.getMessage())
        return False


_FILTER = _EscposRecords()  # stateless; adding it twice is a no-op
_PLACEHOLDER = logging.NullHandler()  # on a root logger with no handler, while quiet() runs
_USERS = [0]  # how many quiet() blocks run now (threads, nesting), guarded by _PLACE
_PLACE = threading.Lock()


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Run python-escpos code: its log records go to posapp's log at DEBUG, and a handler
    it adds to the root logger is taken off again at the end."""
    root = logging.getLogger()
    root.addFilter(_FILTER)
    with _PLACE:
        _USERS[0] += 1
        if not root.handlers:
            root.addHandler(_PLACEHOLDER)  # basicConfig() then adds no stderr handler
    before = list(root.handlers)
    try:
        with _capabilities_cache():
            yield
    finally:
        for handler in list(root.handlers):
            if handler not in before and _from_basic_config(handler):
                root.removeHandler(handler)
        with _PLACE:
            _USERS[0] -= 1
            if not _USERS[0]:
                root.removeHandler(_PLACEHOLDER)


@contextlib.contextmanager
def _capabilities_cache() -> Iterator[None]:
    """Around python-escpos's first import: its capabilities module pickles the printer
    database into ``mkdtemp()``, a new temp folder per process that is never removed (and
    called even when ESCPOS_CAPABILITIES_PICKLE_DIR is set). Point both at one folder in
    posapp's cache, so the pickle is made once and reused, and nothing piles up in /tmp.

    python-escpos writes the pickle in place, and a second process started at the same
    moment (two stand windows, a window and ``posapp print``) read it half written and
    failed to import (EOFError). So a process that finds no up-to-date pickle lets
    python-escpos write one in a folder of its own, then moves it into the shared folder
    in one step: the shared folder only ever holds a whole pickle."""
    if "escpos.capabilities" in sys.modules:
        yield
        return
    from platformdirs import user_cache_dir

    folder = os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR") or os.path.join(
        user_cache_dir("posapp", appauthor=False), "escpos")
    try:
        os.makedirs(folder, exist_ok=True)
        own = None if _pickle_is_fresh(folder) else tempfile.mkdtemp(dir=folder)
    except OSError:
        yield  # an unwritable cache: python-escpos's own temp folder, as before
        return
    where = own or folder
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = where
    real = tempfile.mkdtemp
    tempfile.mkdtemp = lambda *args, **kwargs: where  # type: ignore[assignment]
    try:
        yield
    finally:
        tempfile.mkdtemp = real
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = folder
        if own is not None:
            _publish(own, folder)


def _pickle_name() -> str:
    return f"{platform.python_version()}.capabilities.pickle"  # as python-escpos names it


def _pickle_is_fresh(folder: str) -> bool:
    """Whether *folder* holds a pickle python-escpos will read as it is (not older than
    the printer database it was made from)."""
    spec = importlib.util.find_spec("escpos")
    if spec is None or not spec.submodule_search_locations:
        return False
    source = os.path.join(next(iter(spec.submodule_search_locations)), "capabilities.json")
    try:
        return os.path.getmtime(os.path.join(folder, _pickle_name())) >= os.path.getmtime(
            source)
    except OSError:
        return False


def _publish(own: str, folder: str) -> None:
    """Move the pickle made in *own* into *folder* (atomically), then remove *own*."""
    made = os.path.join(own, _pickle_name())
    try:
        if os.path.exists(made):
            os.replace(made, os.path.join(folder, _pickle_name()))
    except OSError as exc:  # the next start makes it again
        log.debug("python-escpos capabilities pickle not kept: %s", exc)
    shutil.rmtree(own, ignore_errors=True)


def _from_basic_config(handler: logging.Handler) -> bool:
    return (type(handler) is logging.StreamHandler and handler.stream is sys.stderr
            and handler.formatter is not None
            and handler.formatter._fmt == logging.BASIC_FORMAT)


def notices_to_log(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call *call* with what it prints to stdout sent to the log (DEBUG) instead.

    Keep *call* to work in memory: the redirection is process-wide, so it is held one
    thread at a time.
    """
    with _STDOUT, contextlib.redirect_stdout(_LogWriter()):
        return call(*args, **kwargs)


class _LogWriter(io.TextIOBase):
    """A text stream whose lines become DEBUG log records."""

    def write(self, s: str) -> int:
        for line in s.splitlines():
            if line.strip():
                log.debug("python-escpos: %s", line.strip())
        return len(s)

