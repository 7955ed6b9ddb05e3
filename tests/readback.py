"""Reading printed output back, as a person would check it: poppler for PDFs, zbar for codes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def needs(*tools: str, package: str) -> pytest.MarkDecorator:
    """Skip, naming the Debian package, when one of *tools* is missing."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return pytest.mark.skipif(
        bool(missing), reason=f"{', '.join(missing)} not found: install Debian's {package}")


needs_poppler = needs("pdftotext", "pdfinfo", package="poppler-utils")
needs_zbar = needs("pdftoppm", "zbarimg", package="poppler-utils and zbar-tools")


def run(*args: str | Path) -> str:
    """A command's standard output (it must succeed)."""
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          check=True).stdout
