"""What the organizer window remembers between runs: the last central store and the language.

A small JSON file in the user's config folder (platformdirs). A URL is remembered without
its password (services.organizer.without_password, when the window stores it): reopening it
then relies on PGPASSWORD or ~/.pgpass, or the URL is typed again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)
FILE_NAME = "organizer.json"


def default_settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("posapp", appauthor=False)) / FILE_NAME


@dataclass
class OrganizerSettings:
    last_central: str = ""
    language: str = ""

    @classmethod
    def load(cls, path: Path) -> OrganizerSettings:
        """The settings in *path*; defaults when it is missing or unreadable."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        return cls(**{k: str(raw[k]) for k in ("last_central", "language") if k in raw})

    def save(self, path: Path) -> None:
        """Write to *path*; a folder that cannot be written only loses the memory."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        except OSError as exc:
            log.warning("cannot remember the organizer settings in %s: %s", path, exc)
