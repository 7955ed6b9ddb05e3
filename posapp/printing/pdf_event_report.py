"""The organizers' event report as an A4 PDF (ReportLab platypus). It only draws.

Cover (event, days covered, stands, overall net, key figures), the totals per stand,
bar charts of net sales (province, maker group, category, day, payment method), the orders
when any were taken (their money apart from sales, per stand, the open ones: pdf_event_orders),
a page per stand (its totals, payment methods, days and top products), and what each maker
group's products earned. Indonesian by default, English with ``lang="en"``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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

from posapp.printing import pdf_event_tables as tables
from posapp.printing.event_report_charts import Bar, ChartFonts, bar_chart, empty_chart
from posapp.printing.event_report_text import (
    day_text,
    days_covered,
    group_name,
    labels,
    method_name,
    printed_at,
)
from posapp.printing.pdf_event_orders import orders_section, stand_line
from posapp.printing.pdf_event_style import GREY, NAVY, Fonts, Numbers, pdf_fonts
from posapp.printing.report_files import replacing
from posapp.services.event_report_data import EventReport, StandSection

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
WIDE_WIDTH = A4[1] - 2 * MARGIN  # the maker groups' table: A4 landscape
TOP_PRODUCTS = 12
CHART_TOP = 15  # maker groups and categories: the largest 15 drawn, the rest summed up


def render_event_pdf(report: EventReport, path: Path, *, lang: str = "id") -> Path:
    """Write *report* as a PDF at *path* (whole or not at all). Returns *path*."""
    t = labels(lang)
    fonts = pdf_fonts()
    with replacing(Path(path)) as tmp:
        doc = _Document(str(tmp), report, lang, fonts)
        doc.build(_story(report, lang, fonts), canvasmaker=_numbered_canvas(
            fonts, t["page"]))
    return Path(path)


class _Document(BaseDocTemplate):
    def __init__(self, filename: str, report: EventReport, lang: str, fonts: Fonts) -> None:
        t = labels(lang)
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN, invariant=True,
                         title=f"{t['title']} — {report.event_name}".strip(" —"),
                         author="posapp", subject=t["title"])
        frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN - 6 * mm, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = Frame(MARGIN, MARGIN, WIDE_WIDTH, A4[0] - 2 * MARGIN - 6 * mm, id="wide",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        printed = f"{t['printed']} {printed_at(report.made_at, report.timezone, lang)}"

        def cover(canvas: Canvas, _doc: Any) -> None:
            _footer(canvas, fonts, printed)

        def body(canvas: Canvas, _doc: Any) -> None:
            page_w, page_h = canvas._pagesize
            canvas.saveState()
            canvas.setFont(fonts.regular, 8)
            canvas.setFillColor(GREY)
            top = page_h - MARGIN + 2
            canvas.drawString(MARGIN, top, report.event_name or t["title"])
            canvas.drawRightString(page_w - MARGIN, top, t["title"])
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


def _numbered_canvas(fonts: Fonts, page_text: str) -> type[Canvas]:
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
                self.drawRightString(self._pagesize[0] - MARGIN, MARGIN - 10, page_text.format(
                    page=self._pageNumber, pages=len(self._pages)))
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
    t = labels(lang)
    st = _styles(fonts)
    fmt = Numbers(lang)
    story: list[Flowable] = [*_cover(report, t, st, fmt, lang, fonts),
                             NextPageTemplate("body"), PageBreak()]
    story += [Paragraph(t["stand_totals"], st["h1"]),
              tables.stand_totals(report, t, fmt, fonts, WIDTH),
              Spacer(1, 4), Paragraph(t["note_refunds"], st["small"]), PageBreak()]
    story += _charts(report, t, st, fmt, lang, fonts)
    orders = report.orders if report.orders is not None and report.orders.any else None
    if orders is not None:
        story += [PageBreakIfNotEmpty(), *orders_section(orders, report.timezone, t, st, fmt,
                                                         fonts, WIDTH, lang)]
    stand_orders = {s.stand: s for s in orders.with_orders()} if orders is not None else {}
    for section in report.sections:
        story += [PageBreakIfNotEmpty(),
                  *_stand_page(section, report.timezone, t, st, fmt, lang, fonts)]
        if section.stand.code in stand_orders:
            story += [Paragraph(_esc(t["orders"]), st["h2"]),
                      Paragraph(_esc(stand_line(stand_orders[section.stand.code], t, fmt)),
                                st["body"])]
    story += [NextPageTemplate("wide"), PageBreakIfNotEmpty(),
              Paragraph(t["maker_table"], st["h1"]),
              Paragraph(t["maker_table_note"], st["small"]), Spacer(1, 6)]
    story += tables.maker_groups(report, t, fmt, fonts, WIDE_WIDTH, lang)
    return story


def _cover(report: EventReport, t: dict[str, str], st: dict[str, ParagraphStyle],
           fmt: Numbers, lang: str, fonts: Fonts) -> list[Flowable]:
    o = report.overall
    out: list[Flowable] = [
        Spacer(1, 40 * mm),
        Paragraph(_esc(t["title"]), st["kicker"]), Spacer(1, 4),
        Paragraph(_esc(report.event_name or t["title"]), st["title"]), Spacer(1, 8),
        Paragraph(_esc(days_covered(report.first_day, report.last_day, lang)),
                  st["cover_line"]),
        Paragraph(f"{_esc(t['stands_count'])}: {len(report.stands)}", st["cover_line"]),
        Spacer(1, 16 * mm),
        Paragraph(_esc(t["overall_net"]), st["kicker"]), Spacer(1, 4),
        Paragraph(_esc(fmt.rp(o.net)), st["big"]), Spacer(1, 14 * mm),
        tables.key_figures(o, t, fmt, fonts, WIDTH * 0.62, centred=True),
        Spacer(1, 8), Paragraph(_esc(t["note_refunds"]), st["small"]),
    ]
    if report.orders is not None and report.orders.any:
        line = stand_line(report.orders.total, t, fmt).replace("Rp ", "Rp\u00a0")
        out += [Spacer(1, 10), Paragraph(_esc(line), st["cover_orders"]),
                Paragraph(_esc(t["orders_note"]), st["small"])]
    out += [Paragraph(f"{_esc(t['check'])}: {_esc(note)}", st["warn"])
            for note in report.notes]
    return out


def _charts(report: EventReport, t: dict[str, str], st: dict[str, ParagraphStyle],
            fmt: Numbers, lang: str, fonts: Fonts) -> list[Flowable]:
    cf = ChartFonts(fonts.regular, fonts.bold)
    by = report.breakdowns
    page_h = A4[1] - 2 * MARGIN - 6 * mm - 40

    def chart(title: str, bars: list[Bar], height: float,
              limit: int | None = None) -> list[Flowable]:
        """The bars (the largest *limit*, then a line on how many others and their sum)."""
        head = [Paragraph(_esc(title), st["h2"])]
        if limit is not None and len(bars) > limit:
            rest = bars[limit:]
            head.append(Paragraph(_esc(t["top_n"].format(
                n=limit, total=len(bars), rest=len(rest),
                amount=fmt.rp(sum(b.value for b in rest)))), st["small"]))
            bars = bars[:limit]
        body = bar_chart(bars, width=WIDTH, max_height=height, fonts=cf, lang=lang,
                         amount=fmt.rp) if bars else empty_chart(t["no_sales"], width=WIDTH,
                                                                fonts=cf)
        return [KeepTogether([*head, body])]

    def bars(dim: str, name: Callable[[str], str]) -> list[Bar]:
        return [Bar(name(s.key[0]), s.net) for s in by[dim]]

    provinces = bars("province", lambda k: k or t["none"])
    groups = bars("maker_group", lambda k: group_name(k, lang))
    categories = bars("category", lambda k: k or t["none"])
    days = [Bar(day_text(d.day, lang), d.net) for d in report.day_figures]
    methods = bars("method", lambda k: method_name(k, lang))
    return [
        Paragraph(t["charts"], st["h1"]),
        *chart(t["by_province"], provinces, page_h - 30),
        *chart(t["by_maker_group"], groups, page_h * 0.45, CHART_TOP),
        *chart(t["by_category"], categories, page_h * 0.4, CHART_TOP),
        *chart(t["by_day"], days, page_h * 0.55),
        *chart(t["by_method"], methods, page_h * 0.3),
    ]


def _stand_page(section: StandSection, zone: str, t: dict[str, str],
                st: dict[str, ParagraphStyle], fmt: Numbers, lang: str,
                fonts: Fonts) -> list[Flowable]:
    s = section.stand
    title = f"{_esc(s.code)} · {_esc(s.name)}"
    lines = [f"{_esc(t['province'])}: {_esc(s.province or t['none'])}"]
    if s.last_entry_at is not None:
        when = printed_at(s.last_entry_at, zone, lang)
        lines.append(f"{_esc(t['last_entry'])}: {_esc(when)}")
    return [
        Paragraph(title, st["h1"]),
        Paragraph(" · ".join(lines), st["small"]), Spacer(1, 6),
        tables.key_figures(s.totals, t, fmt, fonts, WIDTH * 0.6),
        Paragraph(_esc(t["method"]), st["h2"]),
        tables.methods(section.methods, t, fmt, fonts, WIDTH * 0.8, lang),
        Paragraph(_esc(t["days"]), st["h2"]),
        tables.days(section.days, t, fmt, fonts, WIDTH * 0.8, lang),
        Paragraph(_esc(t["top_products"]), st["h2"]),
        tables.top_products(section.products[:TOP_PRODUCTS], t, fmt, fonts, WIDTH, lang),
    ]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
