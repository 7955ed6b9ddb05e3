"""The event report's tables (ReportLab platypus): one table style, and each table.

Cells are plain strings cut to their column's width (no Paragraphs), which keeps a report
of a few thousand product rows fast to lay out.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from posapp.domain.totals import Totals
from posapp.printing.event_report_text import day_text, group_name, method_name
from posapp.printing.pdf_event_style import (
    GROUP,
    HEAD_TEXT,
    NAVY,
    RULE,
    ZEBRA,
    Fonts,
    Numbers,
)
from posapp.services.central_views import Slice
from posapp.services.event_report_data import DayFigures, EventReport, ProductEarnings

SIZE = 7.5
_PAD = 3.0
_WIDEST_GLYPH = 1.11  # em: no ASCII character of DejaVu Sans (Bold) or Helvetica is wider


def grid(header: Sequence[str] | None, rows: Sequence[Sequence[Any]],
         widths: Sequence[float], fonts: Fonts, *, numeric_from: int,
         total: Sequence[str] | None = None, title: str | None = None) -> Table:
    """A table: navy header, zebra rows, an optional bold total row (its label across the
    text columns), and an optional title row above the header (title and header repeat on
    each page a long table takes).

    Columns from *numeric_from* on hold figures: right-aligned and never cut (make them
    wide enough with ``column_widths``); a text that does not fit is cut with an ellipsis.
    """
    def fit(cells: Sequence[Any], font: str) -> list[Any]:
        return [_fit(c, font, widths[i]) if i < numeric_from and isinstance(c, str) else c
                for i, c in enumerate(cells)]

    data: list[list[Any]] = []
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, SIZE),
        ("LEADING", (0, 0), (-1, -1), SIZE * 1.2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if title is not None:
        data.append([_fit(title, fonts.bold, sum(widths))] + [""] * (len(widths) - 1))
        style += [("SPAN", (0, 0), (-1, 0)), ("FONT", (0, 0), (-1, 0), fonts.bold, SIZE + 0.5),
                  ("BACKGROUND", (0, 0), (-1, 0), GROUP), ("TEXTCOLOR", (0, 0), (-1, 0), NAVY),
                  ("ALIGN", (0, 0), (-1, 0), "LEFT")]
    if header is not None:
        h = len(data)
        data.append([_fit(c, fonts.bold, widths[i]) for i, c in enumerate(header)])
        style += [("FONT", (0, h), (-1, h), fonts.bold, SIZE),
                  ("BACKGROUND", (0, h), (-1, h), NAVY), ("TEXTCOLOR", (0, h), (-1, h), HEAD_TEXT)]
    repeat = len(data)
    data += [fit(r, fonts.regular) for r in rows]
    style.append(("ROWBACKGROUNDS", (0, repeat), (-1, -1), [colors.white, ZEBRA]))
    if total is not None:
        label = _fit(total[0], fonts.bold, sum(widths[:numeric_from]))
        data.append([label, *([""] * (numeric_from - 1)), *total[numeric_from:]])
        style += [("FONT", (0, -1), (-1, -1), fonts.bold, SIZE),
                  ("BACKGROUND", (0, -1), (-1, -1), colors.white),
                  ("SPAN", (0, -1), (numeric_from - 1, -1)),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.9, NAVY)]
        if rows:  # a total never stands alone at the top of a page
            style.append(("NOSPLIT", (0, -2), (-1, -1)))
    style.append(("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE))
    table = Table(data, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def column_widths(width: float, columns: Sequence[Sequence[str]], flex: dict[int, float],
                  fonts: Fonts) -> list[float]:
    """Widths over *width* for columns holding *columns*' texts (header, cells, total):
    each column as wide as its widest text in bold (a text column at most a quarter of
    *width*), except the *flex* ones (index -> weight), which share what is left."""
    fixed = {i: min(_widest(cells, fonts.bold) + 2 * _PAD + 2, width / 4 if i in flex else width)
             for i, cells in enumerate(columns) if i not in flex}
    rest = max(width - sum(fixed.values()), 40.0 * len(flex))
    weight = sum(flex.values()) or 1.0
    return [fixed[i] if i in fixed else rest * flex[i] / weight for i in range(len(columns))]


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


def key_figures(o: Totals, t: dict[str, str], fmt: Numbers, fonts: Fonts, width: float, *,
                centred: bool = False) -> Table:
    rows = [
        [t["sales_count"], fmt.count(o.sales_count)],
        [t["gross"], fmt.rp(o.gross)],
        [t["discounts"], fmt.rp(-o.discounts)],
        [t["sales_total"], fmt.rp(o.sales_total)],
        [f"{t['refunds']} ({fmt.count(o.refunds_count)})", fmt.rp(-o.refunds)],
        [t["voids"], fmt.count(o.voids_count)],
    ]
    table = grid([t["key_figures"], ""], rows, [width * 0.6, width * 0.4], fonts,
                 numeric_from=1, total=[t["net"], fmt.rp(o.net)])
    table.hAlign = "CENTER" if centred else "LEFT"
    return table


def stand_totals(report: EventReport, t: dict[str, str], fmt: Numbers, fonts: Fonts,
                 width: float) -> Table:
    """Code, name and province (wrapped, the province under the name), sales count, sales
    (after discounts), refunds and net of every stand, and the total. Gross and discounts
    are on the cover and the stand pages."""
    o = report.overall
    header = [t["code"], f"{t['stand']} / {t['province']}", t["sales_count"],
              t["sales_total"], t["refunds"], t["net"]]
    total = [t["total"], "", fmt.count(o.sales_count), fmt.rp(o.sales_total),
             fmt.rp(o.refunds), fmt.rp(o.net)]
    rows: list[list[Any]] = [
        [s.code, s.name, fmt.count(s.totals.sales_count), fmt.rp(s.totals.sales_total),
         fmt.rp(s.totals.refunds), fmt.rp(s.totals.net)] for s in report.stands]
    widths = column_widths(width, texts(header, rows, total), {1: 1.0}, fonts)
    style = ParagraphStyle("stand", fontName=fonts.regular, fontSize=SIZE,
                           leading=SIZE * 1.2)
    for row, s in zip(rows, report.stands, strict=True):
        row[1] = Paragraph(f"{_esc(s.name)}<br/><font color='#666666'>"
                           f"{_esc(s.province)}</font>", style)
    return grid(header, rows, widths, fonts, numeric_from=2, total=total)


def methods(slices: Sequence[Slice], t: dict[str, str], fmt: Numbers, fonts: Fonts,
            width: float, lang: str) -> Table:
    header = [t["method"], t["sales"], t["refunds"], t["net"]]
    rows = [[method_name(s.key[0], lang), fmt.rp(s.sales), fmt.rp(s.refunds), fmt.rp(s.net)]
            for s in slices]
    total = [t["total"], fmt.rp(sum(s.sales for s in slices)),
             fmt.rp(sum(s.refunds for s in slices)), fmt.rp(sum(s.net for s in slices))]
    widths = column_widths(width, texts(header, rows, total, even_from=1), {0: 1}, fonts)
    return grid(header, rows, widths, fonts, numeric_from=1, total=total)


def days(figures: Sequence[DayFigures], t: dict[str, str], fmt: Numbers, fonts: Fonts,
         width: float, lang: str) -> Table:
    header = [t["day"], t["sales_count"], t["sales"], t["refunds"], t["net"]]
    rows = [[day_text(d.day, lang), fmt.count(d.sales_count), fmt.rp(d.sales),
             fmt.rp(d.refunds), fmt.rp(d.net)] for d in figures]
    total = [t["total"], fmt.count(sum(d.sales_count for d in figures)),
             fmt.rp(sum(d.sales for d in figures)), fmt.rp(sum(d.refunds for d in figures)),
             fmt.rp(sum(d.net for d in figures))]
    widths = column_widths(width, texts(header, rows, total, even_from=2), {0: 1}, fonts)
    return grid(header, rows, widths, fonts, numeric_from=1, total=total)


def top_products(products: Sequence[ProductEarnings], t: dict[str, str], fmt: Numbers,
                 fonts: Fonts, width: float, lang: str) -> Table:
    header = [t["sku"], t["product"], t["maker_group"], t["units"], t["net"]]
    rows = [[p.sku, p.name, group_name(p.maker_group, lang), fmt.count(p.units),
             fmt.rp(p.net)] for p in products]
    widths = column_widths(width, texts(header, rows), {1: 1.3, 2: 1.0}, fonts)
    return grid(header, rows, widths, fonts, numeric_from=3)


def maker_groups(report: EventReport, t: dict[str, str], fmt: Numbers, fonts: Fonts,
                 width: float, lang: str) -> list[Flowable]:
    """A table per maker group, titled with its name and home regions: its products
    (stand, SKU, name, category, units, sales, refunds, net) and the group's total; then
    the grand total. All share the same column widths."""
    header = [t["stand"], t["sku"], t["product"], t["category"], t["units"], t["sales"],
              t["refunds"], t["net"]]
    groups = report.maker_groups
    units = sum(g.units for g in groups)
    sales = sum(g.sales for g in groups)
    refunds = sum(g.refunds for g in groups)
    grand = [t["total"], "", "", "", fmt.count(units), fmt.rp(sales), fmt.rp(refunds),
             fmt.rp(sales - refunds)]
    codes = {(p.stand, p.sku) for g in groups for p in g.products}
    sample = [[stand, sku, "", "", "", "", "", ""] for stand, sku in codes]
    # a group's totals bound its products' figures (a net lies between -refunds and sales)
    sample += [["", "", "", "", f"-{fmt.count(g.units)}", fmt.rp(-g.sales),
                fmt.rp(-g.refunds), fmt.rp(-max(g.sales, g.refunds))] for g in groups]
    widths = column_widths(width, texts(header, sample), {2: 2.2, 3: 1.0}, fonts)
    out: list[Flowable] = []
    for g in groups:
        rows = [[p.stand, p.sku, p.name, p.category, fmt.count(p.units), fmt.rp(p.sales),
                 fmt.rp(p.refunds), fmt.rp(p.net)] for p in g.products]
        total = [t["total"], "", "", "", fmt.count(g.units), fmt.rp(g.sales),
                 fmt.rp(g.refunds), fmt.rp(g.net)]
        regions = ", ".join(sorted({p.region for p in g.products if p.region}))
        title = group_name(g.name, lang) + (f" · {regions}" if regions else "")
        table = grid(header, rows, widths, fonts, numeric_from=4, total=total, title=title)
        out.append(KeepTogether([table]) if len(rows) <= 12 else table)
    grand_widths = column_widths(width, texts(header, [], grand), {0: 1}, fonts)
    out += [Spacer(1, 6), grid(None, [], grand_widths, fonts, numeric_from=4, total=grand)]
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
