"""The event report's tables (ReportLab platypus): one table style, and a table drawn from
a column list (posapp/domain/event_report_columns.py, open_order_columns.py) and its rows.

Cells are plain strings cut to their column's width (no Paragraphs), which keeps a report
of a few thousand product rows fast to lay out.
"""

from __future__ import annotations

import copy
import heapq
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from posapp.domain.event_report import EventReport
from posapp.domain.event_report_columns import GROUP_PRODUCT_COLUMNS
from posapp.domain.report_columns import Column, Kind, Where, shown_in
from posapp.domain.totals import Totals
from posapp.printing.event_report_text import Words, day_text, group_name, printed_at
from posapp.printing.pdf_event_cells import PlainTable
from posapp.printing.pdf_event_style import (
    GROUP,
    HEAD_TEXT,
    NAVY,
    RULE,
    ZEBRA,
    Fonts,
    Numbers,
)

R = TypeVar("R")
SIZE = 7.5
_PAD = 3.0
_MIN_TEXT = 40.0  # points: the narrowest a text column gets when the page is full
_WIDEST_GLYPH = 1.11  # em: no ASCII character of DejaVu Sans (Bold) or Helvetica is wider
NOT_KNOWN = "—"
SHORT_DAY, LONG_DAY = "d MMM y", "EEE d MMM y"


class Cells:
    """How a report's cells read: its words, its numbers and its time zone."""

    def __init__(self, words: Words, numbers: Numbers, zone: str) -> None:
        self.w, self.fmt, self.zone = words, numbers, zone

    def cell(self, column: Column[Any], value: object) -> str:
        if column.is_figure:
            return self.figure(column, _number(value))
        if value is None or (value == "" and column.kind is not Kind.TEXT):
            return NOT_KNOWN
        if column.kind is Kind.DAY:
            return day_text(str(value), self.w.lang, SHORT_DAY)
        if column.kind is Kind.WHEN and isinstance(value, datetime):
            return printed_at(value, self.zone, self.w.lang)
        return self.w.cell(value)

    def figure(self, column: Column[Any], value: int) -> str:
        return self.fmt.rp(value) if column.kind is Kind.MONEY else self.fmt.count(value)

    def header(self, columns: Sequence[Column[Any]]) -> list[str]:
        return [c.header(self.w.lang) for c in columns]

    def body(self, columns: Sequence[Column[R]], rows: Sequence[R]) -> list[list[str]]:
        """Each row's cells. A day that names its row (a first column: a table of days)
        is written with its weekday, ``Jum 26 Jun 2026``; a day among other facts (a due
        date) short, ``26 Jun 2026``."""
        body = [[self.cell(c, c.value(r)) for c in columns] for r in rows]
        if columns and columns[0].kind is Kind.DAY:
            for row, r in zip(body, rows, strict=True):
                day = columns[0].value(r)
                if day:
                    row[0] = day_text(str(day), self.w.lang, LONG_DAY)
        return body

    def total(self, columns: Sequence[Column[R]], rows: Sequence[R]) -> list[str]:
        """The TOTAL row: the label, then the sum of each column that adds up."""
        out = [self.figure(c, sum(_number(c.value(r)) for r in rows)) if c.adds_up else ""
               for c in columns]
        out[0] = self.w.say("event_report.total")
        return out


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0


def column_table(columns: Sequence[Column[R]], rows: Sequence[R], cells: Cells, fonts: Fonts,
                 width: float, *, total: bool = True, even: bool = False) -> Table:
    """The PDF's columns of *columns* (Where.PDF) as a table of *rows*, with a TOTAL row of
    the figures unless *total* is False; *even*: the figure columns equally wide."""
    shown = shown_in(columns, Where.PDF)
    header, body = cells.header(shown), cells.body(shown, rows)
    last = cells.total(shown, rows) if total else None
    figures = [c.is_figure for c in shown]
    first = figures.index(True) if even and True in figures else None
    widths = column_widths(width, texts(header, body, last, even_from=first), figures, fonts)
    return grid(header, body, widths, fonts, figures=figures, total=last)


def grid(header: Sequence[str] | None, rows: Sequence[Sequence[Any]],
         widths: Sequence[float], fonts: Fonts, *, figures: Sequence[bool],
         total: Sequence[str] | None = None, title: str | None = None) -> Table:
    """A table: navy header, zebra rows, an optional bold total row (its label across the
    text columns before the first figure), and an optional title row above the header
    (title and header repeat on each page a long table takes).

    The *figures* columns are right-aligned and never cut (make them wide enough with
    ``column_widths``); a text that does not fit its column is cut with an ellipsis.
    """
    def fit(cells: Sequence[Any], font: str) -> list[Any]:
        return [_fit(c, font, widths[i]) if not figures[i] and isinstance(c, str) else c
                for i, c in enumerate(cells)]

    look = _Looks(fonts, figures)
    data: list[list[Any]] = []
    cell_styles: list[list[CellStyle]] = []
    style: list[tuple[Any, ...]] = []
    if title is not None:
        data.append([_fit(title, fonts.bold, sum(widths))] + [""] * (len(widths) - 1))
        cell_styles.append(look.row(fonts.bold, NAVY, figures_right=False))
        style += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), GROUP)]
    if header is not None:
        h = len(data)
        data.append([_fit(c, fonts.bold, widths[i]) for i, c in enumerate(header)])
        cell_styles.append(look.row(fonts.bold, HEAD_TEXT))
        style.append(("BACKGROUND", (0, h), (-1, h), NAVY))
    repeat = len(data)
    data += [fit(r, fonts.regular) for r in rows]
    cell_styles += [look.row(fonts.regular) for _ in rows]
    style.append(("ROWBACKGROUNDS", (0, repeat), (-1, -1), [colors.white, ZEBRA]))
    if total is not None:
        texts_before = next((i for i, f in enumerate(figures) if f), len(figures)) or 1
        label = _fit(total[0], fonts.bold, sum(widths[:texts_before]))
        data.append([label, *([""] * (texts_before - 1)), *total[texts_before:]])
        cell_styles.append(look.row(fonts.bold))
        style += [("BACKGROUND", (0, -1), (-1, -1), colors.white),
                  ("SPAN", (0, -1), (texts_before - 1, -1)),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.9, NAVY)]
        if rows:  # a total never stands alone at the top of a page
            style.append(("NOSPLIT", (0, -2), (-1, -1)))
    style.append(("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE))
    table = PlainTable(data, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT",
                       cellStyles=cell_styles)
    table.setStyle(TableStyle(style))
    return table


class _Looks:
    """The cells' styles, given to the Table made (rather than TableStyle commands that
    set font, size, paddings and alignment cell by cell: a fifth of the PDF's time)."""

    def __init__(self, fonts: Fonts, figures: Sequence[bool]) -> None:
        self.figures = list(figures)
        self.base = CellStyle("cell")
        self.base.fontsize, self.base.leading = SIZE, SIZE * 1.2
        self.base.topPadding, self.base.bottomPadding = 1.6, 2.2
        self.base.leftPadding = self.base.rightPadding = _PAD
        self.base.valign = "TOP"
        self._protos: dict[tuple[str, Any, bool], tuple[CellStyle, CellStyle]] = {}

    def row(self, font: str, color: Any = None, *, figures_right: bool = True
            ) -> list[CellStyle]:
        """A row's styles in *font* and *color* (black when None), the figure columns
        right-aligned unless not *figures_right*: each cell its own (ReportLab changes a
        cell's style in place, as the open orders' red rows do)."""
        key = (font, color, figures_right)
        if key not in self._protos:
            left, right = copy.copy(self.base), copy.copy(self.base)
            for proto in (left, right):
                proto.fontname = font
                if color is not None:
                    proto.color = color
            right.alignment = "RIGHT" if figures_right else "LEFT"
            self._protos[key] = (left, right)
        left, right = self._protos[key]
        return [copy.copy(right if f else left) for f in self.figures]


def column_widths(width: float, columns: Sequence[Sequence[str]], figures: Sequence[bool],
                  fonts: Fonts) -> list[float]:
    """Widths over *width* for columns holding *columns*' texts (header, cells, total).

    A figure column is as wide as its widest text in bold. The text columns share the rest:
    each as wide as its widest text when they all fit (what is left over spread in
    proportion); otherwise the ones narrower than an even share keep their width and the
    others split what remains.
    """
    natural = [_widest(cells, fonts.bold) + 2 * _PAD + 2 for cells in columns]
    text_cols = [i for i, f in enumerate(figures) if not f]
    room = width - sum(n for n, f in zip(natural, figures, strict=True) if f)
    widths = list(natural)
    wanted = sum(natural[i] for i in text_cols)
    if not text_cols:
        return widths
    if wanted <= room:
        for i in text_cols:
            widths[i] = natural[i] + (room - wanted) * natural[i] / wanted
        return widths
    left, rest = list(text_cols), max(room, _MIN_TEXT * len(text_cols))
    while left:
        share = rest / len(left)
        fitting = [i for i in left if natural[i] <= share]
        if not fitting:
            for i in left:
                widths[i] = max(share, _MIN_TEXT)
            break
        for i in fitting:
            rest -= natural[i]
        left = [i for i in left if i not in fitting]
    return widths


def texts(header: Sequence[str], rows: Sequence[Sequence[str]],
          total: Sequence[str] | None = None, *, even_from: int | None = None) -> list[list[str]]:
    """Each column's texts, for ``column_widths``; columns from *even_from* on all get the
    texts of all of them (so they come out equally wide)."""
    cols = [[header[i], *(r[i] for r in rows), *([total[i]] if total and i else [])]
            for i in range(len(header))]
    if even_from is not None:
        every = [c for col in cols[even_from:] for c in col]
        cols[even_from:] = [every] * (len(cols) - even_from)
    return cols


def key_figures(o: Totals, w: Words, fmt: Numbers, fonts: Fonts, width: float, *,
                centred: bool = False) -> Table:
    """Sales, gross, discounts, sales total, refunds and voids, and the net."""
    rows = [
        [w.say("event_report.sales_count"), fmt.count(o.sales_count)],
        [w.say("event_report.gross"), fmt.rp(o.gross)],
        [w.say("event_report.discounts"), fmt.rp(-o.discounts)],
        [w.say("event_report.sales_total"), fmt.rp(o.sales_total)],
        [f"{w.say('event_report.refunds')} ({fmt.count(o.refunds_count)})", fmt.rp(-o.refunds)],
        [w.say("event_report.voids"), fmt.count(o.voids_count)],
    ]
    table = grid([w.say("event_report.key_figures"), ""], rows, [width * 0.6, width * 0.4],
                 fonts, figures=[False, True],
                 total=[w.say("event_report.net"), fmt.rp(o.net)])
    table.hAlign = "CENTER" if centred else "LEFT"
    return table


def maker_groups(report: EventReport, cells: Cells, fonts: Fonts,
                 width: float) -> list[Flowable]:
    """A table per maker group, titled with its name and home regions: its products and the
    group's total; then the grand total. All share the same column widths."""
    shown = shown_in(GROUP_PRODUCT_COLUMNS, Where.PDF)
    groups = report.maker_groups
    every = [p for g in groups for p in g.products]
    header, grand = cells.header(shown), cells.total(shown, every)
    bodies = [cells.body(shown, g.products) for g in groups]
    totals = [cells.total(shown, g.products) for g in groups]
    figures = [c.is_figure for c in shown]
    widths = column_widths(width, texts(header, [r for b in bodies for r in b] + totals, grand),
                           figures, fonts)
    out: list[Flowable] = []
    for g, body, total in zip(groups, bodies, totals, strict=True):
        regions = ", ".join(g.regions)
        title = group_name(g.name, cells.w.lang) + (f" · {regions}" if regions else "")
        table = grid(header, body, widths, fonts, figures=figures, total=total, title=title)
        out.append(KeepTogether([table]) if len(body) <= 12 else table)
    out += [Spacer(1, 6), grid(None, [], widths, fonts, figures=figures, total=grand)]
    return out


def _widest(texts: Sequence[str], font: str) -> float:
    """The width of the widest of *texts* (measuring only the longest few)."""
    longest = heapq.nlargest(12, set(texts), key=len)
    return max((pdfmetrics.stringWidth(t, font, SIZE) for t in longest), default=0.0)


def _fit(text: str, font: str, width: float) -> str:
    """*text* cut with an ellipsis to fit a cell *width* points wide (padding included)."""
    room = width - 2 * _PAD
    if text.isascii() and len(text) * SIZE * _WIDEST_GLYPH <= room:  # surely fits
        return text
    drawn = pdfmetrics.stringWidth(text, font, SIZE)
    if drawn <= room:
        return text
    text = text[: int(len(text) * room / drawn)]  # about right; then one letter at a time
    while text and pdfmetrics.stringWidth(text + "…", font, SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"
