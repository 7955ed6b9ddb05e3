"""The event report PDF's look: colours, fonts and how numbers are written."""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal
from reportlab.lib import colors

from posapp.domain.money import format_rupiah
from posapp.printing.fonts import font_pair

NAVY = colors.HexColor("#1F3A5F")
HEAD_TEXT = colors.white
ZEBRA = colors.HexColor("#F2F5F9")
GROUP = colors.HexColor("#DCE6F1")
RULE = colors.HexColor("#9AA9BA")

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
    """DejaVu Sans (it has "é" and "—") when installed, else Helvetica."""
    return Fonts(*font_pair("sans"))
