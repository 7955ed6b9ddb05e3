"""Where the shipped resources (demo catalog, province list, translations) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """``POSAPP_RESOURCES``, the bundle's folder when frozen, or the source tree's."""
    env = os.environ.get("POSAPP_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name
