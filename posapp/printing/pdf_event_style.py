"""The event report PDF's look: colours, fonts and how numbers are written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from posapp.domain.money import format_rupiah

NAVY = colors.HexColor("#1F3A5F")
HEAD_TEXT = colors.white
ZEBRA = colors.HexColor("#F2F5F9")
GROUP = colors.HexColor("#DCE6F1")
RULE = colors.HexColor("#9AA9BA")

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_SANS = ("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold", "DejaVuSans-Bold.ttf")
GREY = colors.HexColor("#555555")


class Numbers:
    """Amounts and counts as the report's language writes them (each value formatted once:
    a report repeats the same amounts many times)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._locale = "id_ID" if lang == "id" else "en"
        self._amounts: dict[int, str] = {}
        self._counts: dict[int, str] = {}

    def rp(self, amount: int) -> str:
        text = self._amounts.get(amount)
        if text is None:
            text = self._amounts[amount] = format_rupiah(amount, self._locale)
        return text

    def count(self, n: int) -> str:
        text = self._counts.get(n)
        if text is None:
            text = self._counts[n] = format_decimal(n, format="#,##0", locale=self._locale)
        return text


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


def pdf_fonts() -> Fonts:
    """DejaVu Sans (registered once; it has "é" and "—") when installed, else Helvetica."""
    name, file, bold_name, bold_file = _SANS
    for folder in _FONT_DIRS:
        if (folder / file).is_file() and (folder / bold_file).is_file():
            registered = pdfmetrics.getRegisteredFontNames()
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
            if bold_name not in registered:
                pdfmetrics.registerFont(TTFont(bold_name, str(folder / bold_file)))
            pdfmetrics.registerFontFamily(name, normal=name, bold=bold_name,
                                          italic=name, boldItalic=bold_name)
            return Fonts(name, bold_name)
    return Fonts("Helvetica", "Helvetica-Bold")
