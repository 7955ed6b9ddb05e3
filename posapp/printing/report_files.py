"""Writing a report file whole or not at all: a temp file next to it, renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from posapp.domain.errors import StorageError

#: A ``.part`` file untouched for this long is a leftover of a write that was interrupted
#: (a crash, a pulled stick), not one another posapp is writing now.
LEFTOVER_AGE_S = 60


def remove_leftovers(folder: Path, prefix: str) -> list[Path]:
    """Remove the ``.part`` files in *folder* whose names start with *prefix* (the temp
    files of earlier writes of the same file that never finished); return those removed.
    A folder that cannot be read or a file that cannot be removed is left as it is."""
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [p for p in Path(folder).iterdir()
                      if p.name.startswith(prefix) and p.name.endswith(".part")]
    except OSError:
        return removed
    for part in candidates:
        with contextlib.suppress(OSError):
            if part.is_file() and now - part.stat().st_mtime > LEFTOVER_AGE_S:
                part.unlink()
                removed.append(part)
    return removed


def check_writable(path: Path) -> None:
    """Refuse, in one line, a path that cannot be written (before the slow work starts)."""
    path = Path(path)
    if path.is_dir():
        raise StorageError("storage.write_to_folder", file=str(path))
    if not path.parent.is_dir():
        raise StorageError("storage.write_folder_missing", file=str(path),
                           folder=str(path.parent))
    with replacing(path, keep=False):
        pass


@contextlib.contextmanager
def replacing(path: Path, *, keep: bool = True) -> Iterator[Path]:
    """A temp path in *path*'s folder; when the block ends well it replaces *path*.

    On any error the temp file is removed and *path* is left as it was. An OSError
    becomes a StorageError naming *path*.
    """
    path = Path(path)
    remove_leftovers(path.parent, f".{path.name}.")
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.close(fd)
    except OSError as exc:
        raise StorageError("storage.cannot_write", file=str(path),
                           reason=str(exc.strerror or exc)) from None
    tmp = Path(name)
    try:
        with contextlib.suppress(OSError):  # mkstemp's 0600 is for secrets, not reports
            os.chmod(tmp, 0o644)
        yield tmp
        if keep:
            os.replace(tmp, path)
    except OSError as exc:
        raise StorageError("storage.cannot_replace", file=str(path),
                           reason=str(exc.strerror or exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
