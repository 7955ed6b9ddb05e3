"""The organizers' event report as an A4 PDF (ReportLab platypus). It only draws.

Cover (event, days covered, stands, overall net, key figures), the totals per stand,
bar charts of net sales (province, maker group, category, day, payment method), the orders
when any were taken (their money apart from sales, per stand, the open ones: pdf_event_orders),
a page per stand (its totals, payment methods, days and top products), and what each maker
group's products earned. Indonesian by default, English with ``lang="en"``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageBreakIfNotEmpty,
    PageTemplate,
    Paragraph,
    Spacer,
)

from posapp.domain.event_report import EventReport, StandSection
from posapp.domain.event_report_columns import (
    DAY_COLUMNS,
    METHOD_COLUMNS,
    PRODUCT_COLUMNS,
    STAND_COLUMNS,
    group_named,
    method_named,
    named,
)
from posapp.printing import pdf_event_tables as tables
from posapp.printing.event_report_charts import Bar, ChartFonts, bar_chart, empty_chart
from posapp.printing.event_report_text import Words, day_text, days_covered, printed_at
from posapp.printing.pdf_event_orders import orders_section, stand_line
from posapp.printing.pdf_event_style import GREY, NAVY, Fonts, Numbers, pdf_fonts
from posapp.printing.pdf_event_tables import Cells
from posapp.printing.report_files import replacing

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
WIDE_WIDTH = A4[1] - 2 * MARGIN  # the maker groups' table: A4 landscape
TOP_PRODUCTS = 12
CHART_TOP = 15  # maker groups and categories: the largest 15 drawn, the rest summed up


def render_event_pdf(report: EventReport, path: Path, *, lang: str = "id") -> Path:
    """Write *report* as a PDF at *path* (whole or not at all). Returns *path*."""
    w = Words(lang)
    fonts = pdf_fonts()
    with replacing(Path(path)) as tmp, _binary_streams():
        doc = _Document(str(tmp), report, lang, fonts)
        doc.build(_story(report, lang, fonts), canvasmaker=_numbered_canvas(
            fonts, lambda page, pages: w.say("event_report.page", page=page, pages=pages)))
    return Path(path)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams compressed (Flate) without ReportLab's ASCII85 layer over them: that
    layer is pure Python, a tenth of the report's time, and makes the file a fifth larger.
    (ReportLab reads the setting from its config when the file is written; either value
    makes a valid PDF, so another PDF written meanwhile on another thread is fine too.)"""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


class _Document(BaseDocTemplate):
    def __init__(self, filename: str, report: EventReport, lang: str, fonts: Fonts) -> None:
        w = Words(lang)
        title = w.say("event_report.title")
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN, invariant=True,
                         title=f"{title} — {report.event_name}".strip(" —"),
                         author="posapp", subject=title)
        frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN - 6 * mm, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = Frame(MARGIN, MARGIN, WIDE_WIDTH, A4[0] - 2 * MARGIN - 6 * mm, id="wide",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        printed = (f"{w.say('event_report.printed')} "
                   f"{printed_at(report.made_at, report.timezone, lang)}")

        def cover(canvas: Canvas, _doc: Any) -> None:
            _footer(canvas, fonts, printed)

        def body(canvas: Canvas, _doc: Any) -> None:
            page_w, page_h = canvas._pagesize
            canvas.saveState()
            canvas.setFont(fonts.regular, 8)
            canvas.setFillColor(GREY)
            top = page_h - MARGIN + 2
            canvas.drawString(MARGIN, top, report.event_name or title)
            canvas.drawRightString(page_w - MARGIN, top, title)
            canvas.setStrokeColor(NAVY)
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, top - 4, page_w - MARGIN, top - 4)
            canvas.restoreState()
            _footer(canvas, fonts, printed)

        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=cover),
            PageTemplate("body", [frame], onPage=body),
            PageTemplate("wide", [wide], onPage=body, pagesize=landscape(A4)),
        ])


def _footer(canvas: Canvas, fonts: Fonts, printed: str) -> None:
    canvas.saveState()
    canvas.setFont(fonts.regular, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, MARGIN - 10, f"{printed} · posapp")
    canvas.restoreState()


def _numbered_canvas(fonts: Fonts, page_text: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that writes "Page N of M" on every page once it knows M."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(fonts.regular, 7.5)
                self.setFillColor(GREY)
                self.drawRightString(self._pagesize[0] - MARGIN, MARGIN - 10,
                                     page_text(self._pageNumber, len(self._pages)))
                super().showPage()
            super().save()

    return NumberedCanvas


def _styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=12)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10,
                                textColor=GREY),
        "kicker": ParagraphStyle("kicker", base, fontSize=12, leading=16, alignment=TA_CENTER,
                                 textColor=GREY),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=24, leading=30,
                                alignment=TA_CENTER, textColor=NAVY),
        "cover_line": ParagraphStyle("cover_line", base, fontSize=12, leading=18,
                                     alignment=TA_CENTER),
        "cover_orders": ParagraphStyle("cover_orders", base, fontSize=10, leading=14,
                                       alignment=TA_CENTER),
        "big": ParagraphStyle("big", base, fontName=fonts.bold, fontSize=26, leading=32,
                              alignment=TA_CENTER, textColor=NAVY),
        "h1": ParagraphStyle("h1", base, fontName=fonts.bold, fontSize=15, leading=19,
                             spaceAfter=6, textColor=NAVY),
        "h2": ParagraphStyle("h2", base, fontName=fonts.bold, fontSize=10.5, leading=14,
                             spaceBefore=12, spaceAfter=4, textColor=NAVY),
        "warn": ParagraphStyle("warn", base, textColor=colors.HexColor("#B03A2E")),
    }


def _story(report: EventReport, lang: str, fonts: Fonts) -> list[Flowable]:
    w = Words(lang)
    st = _styles(fonts)
    cells = Cells(w, Numbers(lang), report.timezone)
    story: list[Flowable] = [*_cover(report, cells, st, fonts),
                             NextPageTemplate("body"), PageBreak()]
    story += [Paragraph(_esc(w.say("event_report.stand_totals")), st["h1"]),
              tables.column_table(STAND_COLUMNS, report.stands, cells, fonts, WIDTH),
              Spacer(1, 4), Paragraph(_esc(w.say("event_report.note_refunds")), st["small"]),
              PageBreak()]
    story += _charts(report, cells, st, fonts)
    orders = report.orders if report.orders is not None and report.orders.any else None
    if orders is not None:
        story += [PageBreakIfNotEmpty(), *orders_section(orders, cells, st, fonts, WIDTH)]
    stand_orders = {s.stand: s for s in orders.with_orders()} if orders is not None else {}
    for section in report.sections:
        story += [PageBreakIfNotEmpty(), *_stand_page(section, cells, st, fonts)]
        if section.stand.code in stand_orders:
            line = stand_line(stand_orders[section.stand.code], w, cells.fmt)
            story += [Paragraph(_esc(w.say("event_report.orders")), st["h2"]),
                      Paragraph(_esc(line), st["body"])]
    story += [NextPageTemplate("wide"), PageBreakIfNotEmpty(),
              Paragraph(_esc(w.say("event_report.maker_table")), st["h1"]),
              Paragraph(_esc(w.say("event_report.maker_table_note")), st["small"]),
              Spacer(1, 6)]
    story += tables.maker_groups(report, cells, fonts, WIDE_WIDTH)
    return story


def _cover(report: EventReport, cells: Cells, st: dict[str, ParagraphStyle],
           fonts: Fonts) -> list[Flowable]:
    w, fmt, o = cells.w, cells.fmt, report.overall
    title = w.say("event_report.title")
    out: list[Flowable] = [
        Spacer(1, 40 * mm),
        Paragraph(_esc(title), st["kicker"]), Spacer(1, 4),
        Paragraph(_esc(report.event_name or title), st["title"]), Spacer(1, 8),
        Paragraph(_esc(days_covered(report.first_day, report.last_day, w.lang)),
                  st["cover_line"]),
        Paragraph(f"{_esc(w.say('event_report.stands_count'))}: {len(report.stands)}",
                  st["cover_line"]),
        Spacer(1, 16 * mm),
        Paragraph(_esc(w.say("event_report.overall_net")), st["kicker"]), Spacer(1, 4),
        Paragraph(_esc(fmt.rp(o.net)), st["big"]), Spacer(1, 14 * mm),
        tables.key_figures(o, w, fmt, fonts, WIDTH * 0.62, centred=True),
        Spacer(1, 8), Paragraph(_esc(w.say("event_report.note_refunds")), st["small"]),
    ]
    if report.orders is not None and report.orders.any:
        line = stand_line(report.orders.total, w, fmt).replace("Rp ", "Rp\u00a0")
        out += [Spacer(1, 10), Paragraph(_esc(line), st["cover_orders"]),
                Paragraph(_esc(w.say("event_report.orders_note")), st["small"])]
    out += [Paragraph(f"{_esc(w.say('event_report.check'))}: {_esc(note)}", st["warn"])
            for note in report.notes]
    return out


def _charts(report: EventReport, cells: Cells, st: dict[str, ParagraphStyle],
            fonts: Fonts) -> list[Flowable]:
    w, fmt, lang = cells.w, cells.fmt, cells.w.lang
    cf = ChartFonts(fonts.regular, fonts.bold)
    by = report.breakdowns
    page_h = A4[1] - 2 * MARGIN - 6 * mm - 40

    def chart(title: str, bars: list[Bar], height: float,
              limit: int | None = None) -> list[Flowable]:
        """The bars (the largest *limit*, then a line on how many others and their sum)."""
        head = [Paragraph(_esc(title), st["h2"])]
        if limit is not None and len(bars) > limit:
            rest = bars[limit:]
            head.append(Paragraph(_esc(w.say(
                "event_report.top_n", n=limit, total=len(bars), rest=len(rest),
                amount=fmt.rp(sum(b.value for b in rest)))), st["small"]))
            bars = bars[:limit]
        body = bar_chart(bars, width=WIDTH, max_height=height, fonts=cf, lang=lang,
                         amount=fmt.rp) if bars else empty_chart(
            w.say("event_report.no_sales"), width=WIDTH, fonts=cf)
        return [KeepTogether([*head, body])]

    def bars(dim: str, name: Callable[[str], object]) -> list[Bar]:
        return [Bar(w.cell(name(s.key[0])), s.net) for s in by[dim]]

    days = [Bar(day_text(d.day, lang), d.net) for d in report.day_figures]
    return [
        Paragraph(_esc(w.say("event_report.charts")), st["h1"]),
        *chart(w.say("event_report.by_province"), bars("province", named), page_h - 30),
        *chart(w.say("event_report.by_maker_group"), bars("maker_group", group_named),
               page_h * 0.45, CHART_TOP),
        *chart(w.say("event_report.by_category"), bars("category", named), page_h * 0.4,
               CHART_TOP),
        *chart(w.say("event_report.by_day"), days, page_h * 0.55),
        *chart(w.say("event_report.by_method"), bars("method", method_named), page_h * 0.3),
    ]


def _stand_page(section: StandSection, cells: Cells, st: dict[str, ParagraphStyle],
                fonts: Fonts) -> list[Flowable]:
    w, s = cells.w, section.stand
    title = f"{_esc(s.code)} · {_esc(s.name)}"
    lines = [f"{_esc(w.say('event_report.province'))}: "
             f"{_esc(w.cell(named(s.province)))}"]
    if s.last_entry_at is not None:
        when = printed_at(s.last_entry_at, cells.zone, w.lang)
        lines.append(f"{_esc(w.say('event_report.last_entry'))}: {_esc(when)}")
    return [
        Paragraph(title, st["h1"]),
        Paragraph(" · ".join(lines), st["small"]), Spacer(1, 6),
        tables.key_figures(s.totals, w, cells.fmt, fonts, WIDTH * 0.6),
        Paragraph(_esc(w.say("event_report.method")), st["h2"]),
        tables.column_table(METHOD_COLUMNS, section.methods, cells, fonts, WIDTH * 0.8,
                            even=True),
        Paragraph(_esc(w.say("event_report.days")), st["h2"]),
        tables.column_table(DAY_COLUMNS, section.days, cells, fonts, WIDTH * 0.8, even=True),
        Paragraph(_esc(w.say("event_report.top_products")), st["h2"]),
        tables.column_table(PRODUCT_COLUMNS, section.products[:TOP_PRODUCTS], cells, fonts,
                            WIDTH, total=False),
    ]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
