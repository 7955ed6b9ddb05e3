"""The fonts of posapp's PDFs: DejaVu (it has "é", "—" and more than Latin-1) when the
system has it (Debian's fonts-dejavu-core, installed by make), else ReportLab's built-ins."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_FAMILIES = {
    "sans": ("DejaVuSans", "DejaVuSans-Bold", ("Helvetica", "Helvetica-Bold")),
    "mono": ("DejaVuSansMono", "DejaVuSansMono-Bold", ("Courier", "Courier-Bold")),
}


def font_pair(kind: str) -> tuple[str, str]:
    """(regular, bold) font names of *kind* ("sans" or "mono"), registered with ReportLab
    once; the built-in Helvetica or Courier when DejaVu is not installed."""
    regular, bold, fallback = _FAMILIES[kind]
    for folder in FONT_DIRS:
        if (folder / f"{regular}.ttf").is_file() and (folder / f"{bold}.ttf").is_file():
            if regular not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(regular, str(folder / f"{regular}.ttf")))
                pdfmetrics.registerFont(TTFont(bold, str(folder / f"{bold}.ttf")))
                pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold,
                                              italic=regular, boldItalic=bold)
            return regular, bold
    return fallback
