"""A platypus Table that draws its plain-text cells in one PDF text object per table.

ReportLab's Table draws each string cell with ``canvas.drawString``: a text object of its
own, its font set again and its position formatted again, for every cell. The event report
draws about 50,000 cells, and that was three quarters of the PDF's time. This table lays
out, splits and repeats its rows exactly as Table does (the same pages); only the drawing
of the text is gathered: one text object, the font and colour set when they change, each
cell moved to where Table would have put it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Table


@lru_cache(maxsize=8192)
def text_width(text: str, font: str, size: float) -> float:
    """The drawn width of *text* (a report repeats the same amounts and names)."""
    return pdfmetrics.stringWidth(text, font, size)


class PlainTable(Table):
    """A Table whose cells are strings (or empty), drawn in one text object."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        self._curweight = self._curcolor = self._curcellstyle = None
        self._makeShadow()
        self._makeRoundedCornersClip()
        self._drawBkgrnd()
        text = canvas.beginText()
        font: tuple[str, float, float] | None = None
        color: Any = None
        for (x, y, width, height), value, style in self._cells():
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                raise TypeError(f"PlainTable draws text only, not {type(value).__name__}")
            if (style.fontname, style.fontsize, style.leading) != font:
                font = (style.fontname, style.fontsize, style.leading)
                text.setFont(*font)
            if style.color != color:
                color = style.color
                text.setFillColor(color)
            _draw_cell(text, value, style, x, y, width, height)
        canvas.drawText(text)
        self._drawLines()
        canvas.restoreState()
        if self._roundingRectDef:
            self._restoreRoundingObscuredLines()

    def _cells(self) -> Iterator[tuple[tuple[float, float, float, float], Any, Any]]:
        """Each cell's rectangle (x, y, width, height), value and style, as Table.draw
        walks them (a spanned cell once, over its whole span)."""
        if not self._spanCmds:
            for row, styles, y, height in zip(self._cellvalues, self._cellStyles,
                                              self._rowpositions[1:], self._rowHeights,
                                              strict=True):
                for value, style, x, width in zip(row, styles, self._colpositions[:-1],
                                                  self._colWidths, strict=True):
                    yield (x, y, width, height), value, style
            return
        for row in range(self._nrows):
            for col in range(self._ncols):
                rect = self._spanRects[col, row]
                if rect is not None:
                    yield rect, self._cellvalues[row][col], self._cellStyles[row][col]


def _draw_cell(text: PDFTextObject, value: str, style: Any, x: float, y: float,
               width: float, height: float) -> None:
    """*value* where Table's ``_drawCell`` puts a string: aligned in the padding, its
    first line's baseline a font size below the top padding (VALIGN TOP)."""
    lines = value.split("\n")
    size, leading = style.fontsize, style.leading
    if style.valign == "BOTTOM":
        top = y + style.bottomPadding + len(lines) * leading - size
    elif style.valign == "MIDDLE":
        top = y + (style.bottomPadding + height - style.topPadding
                   + len(lines) * leading) / 2.0 - size
    else:
        top = y + height - style.topPadding - size
    for line in lines:
        if style.alignment == "RIGHT":
            left = x + width - style.rightPadding - text_width(line, style.fontname, size)
        elif style.alignment in ("CENTRE", "CENTER"):
            left = (x + (width + style.leftPadding - style.rightPadding) * 0.5
                    - text_width(line, style.fontname, size) / 2.0)
        else:
            left = x + style.leftPadding
        # ReportLab's own setTextOrigin and textOut, minus their costs: the position
        # formatted by its general number formatter (a tenth of the PDF's time) and the
        # line measured again to move a cursor that is not used
        text._code.append(f"1 0 0 1 {left:.4f} {top:.4f} Tm")
        text._textOut(line)
        top -= leading
