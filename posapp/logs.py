"""posapp's log: a rotating file in the data folder, for whoever helps a stand by phone.

``posapp.log`` (1 MB, the last 5 kept as posapp.log.1 ...). What goes in: each command or
window start, refusals, syncs, merges, backups, printer failures, and any unexpected error
with its traceback. What never does: PINs (never passed to a logger), event keys and the
passwords in connection URLs (a filter blanks anything shaped like them, should a message
ever carry one; ``redact_passwords`` is also what the support bundle applies).
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "posapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_KEY = re.compile(r"\b(?:[0-9A-Za-z]{4}[- ]){13}[0-9A-Za-z]{4}\b|\b[0-9A-Za-z]{56}\b")
#: scheme://user:password@host...: the password runs to the last @ before a space or quote.
_URL = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@\"'<>]*):"
                  r"(?P<password>[^\s\"'<>]*)@")
#: password=... in a libpq connection string, a query string or a log line.
_PARAM = re.compile(r"(?P<head>\bpassword\s*[=:]\s*)(?P<password>'[^']*'|\"[^\"]*\"|[^\s&;,]+)",
                    re.IGNORECASE)
HIDDEN = "***"


def redact_passwords(text: str) -> str:
    """*text* with every password of a URL (``postgresql://u:PASSWORD@h/db``, any scheme)
    or a ``password=...`` pair replaced by ``***``; paths and URLs without one unchanged."""
    if "://" in text:
        text = _URL.sub(lambda m: f"{m['head']}:{HIDDEN}@", text)
    if "assword" in text or "ASSWORD" in text:
        text = _PARAM.sub(lambda m: m["head"] + HIDDEN, text)
    return text


class Redact(logging.Filter):
    """Blank what looks like an event key or a URL's password in a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact_passwords(_KEY.sub("[event key]", message))
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(root: Path) -> Path | None:
    """Log posapp's records to *root*/posapp.log (replacing an earlier set-up of this
    process); None, and no file log, when the folder cannot be written."""
    logger = logging.getLogger("posapp")
    for handler in [h for h in logger.handlers if getattr(h, "posapp_file", False)]:
        logger.removeHandler(handler)
        handler.close()
    path = root / LOG_NAME
    try:
        root.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.posapp_file = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"))
    handler.addFilter(Redact())
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.DEBUG)  # the handler keeps INFO; others may want DEBUG
    return path
