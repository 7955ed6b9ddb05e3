"""Bar charts of net sales for the event report (ReportLab graphics, no Qt).

Horizontal bars, largest first (days in date order), the name of each bar on its left,
its exact amount at its end, and a rupiah axis in short form (``Rp 250 jt``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from posapp.printing.event_report_text import short_rupiah

BAR = colors.HexColor("#2E5A88")
NEGATIVE = colors.HexColor("#B03A2E")
GRID = colors.HexColor("#D5DCE4")
INK = colors.HexColor("#222222")

_PITCH_MAX = 16.0  # points per bar, at most
_PITCH_MIN = 7.0
_LABEL_SIZE = 7.5
_AXIS_ROOM = 22.0  # under the bars: tick labels


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


@dataclass(frozen=True)
class ChartFonts:
    regular: str
    bold: str


def bar_chart(bars: Sequence[Bar], *, width: float, max_height: float, fonts: ChartFonts,
              lang: str, amount: Callable[[int], str]) -> Drawing:
    """A drawing *width* wide and at most *max_height* high, one bar per item (top first).

    *amount* formats the exact value printed at each bar's end.
    """
    n = max(1, len(bars))
    pitch = max(_PITCH_MIN, min(_PITCH_MAX, (max_height - _AXIS_ROOM - 6) / n))
    size = min(_LABEL_SIZE, pitch * 0.62)
    plot_h = pitch * n
    height = plot_h + _AXIS_ROOM + 6
    drawing = Drawing(width, height)
    if not bars:
        return drawing

    names = [_fit(b.label, fonts.regular, size, width * 0.36) for b in bars]
    name_w = max(stringWidth(t, fonts.regular, size) for t in names) + 8
    values = [b.value for b in bars]
    end_w = max(stringWidth(amount(v), fonts.regular, size) for v in values) + 8
    low, high, step = _axis(min(0, *values), max(0, *values))

    chart = HorizontalBarChart()
    chart.x, chart.y = name_w, _AXIS_ROOM
    chart.width = max(60.0, width - name_w - end_w)
    chart.height = plot_h
    chart.data = [list(reversed(values))]  # the chart draws bottom-up: largest on top
    chart.barWidth = pitch * 0.68
    chart.groupSpacing = pitch * 0.32
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    for i, v in enumerate(reversed(values)):
        if v < 0:
            chart.bars[(0, i)].fillColor = NEGATIVE

    cat = chart.categoryAxis
    cat.categoryNames = list(reversed(names))
    cat.labels.boxAnchor = "e"
    cat.labels.dx = -4
    cat.labels.fontName = fonts.regular
    cat.labels.fontSize = size
    cat.labels.fillColor = INK
    cat.strokeColor = colors.HexColor("#888888")
    cat.visibleTicks = False

    val = chart.valueAxis
    val.valueMin, val.valueMax, val.valueStep = low, high, step
    val.labelTextFormat = lambda v: short_rupiah(v, lang)
    val.labels.fontName = fonts.regular
    val.labels.fontSize = 6.5
    val.labels.fillColor = INK
    val.visibleGrid = True
    val.gridStrokeColor = GRID
    val.gridStrokeWidth = 0.5
    val.strokeColor = colors.HexColor("#888888")

    drawing.add(chart)
    zero = _x(0, chart, low, high)
    for i, v in enumerate(values):  # the exact amount just right of each bar
        y = chart.y + plot_h - (i + 0.5) * pitch - size * 0.35
        drawing.add(String(max(zero, _x(v, chart, low, high)) + 3, y, amount(v),
                           fontName=fonts.regular, fontSize=size, fillColor=INK))
    return drawing


def _x(value: float, chart: HorizontalBarChart, low: float, high: float) -> float:
    return float(chart.x + (value - low) / (high - low) * chart.width)


def empty_chart(text: str, *, width: float, fonts: ChartFonts) -> Drawing:
    drawing = Drawing(width, 24)
    drawing.add(String(0, 8, text, fontName=fonts.regular, fontSize=9, fillColor=INK))
    return drawing


def _axis(low: int, high: int) -> tuple[float, float, float]:
    """A round axis from *low* to *high* (both include 0) in about five steps."""
    span = high - low
    if span <= 0:
        return 0.0, 1000.0, 250.0
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return (math.floor(low / step) * step, math.ceil(high / step) * step, step)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """*text*, cut with an ellipsis to fit *room* points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"
