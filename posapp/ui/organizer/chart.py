"""A horizontal bar chart drawn with QPainter: a label, a bar and the rupiah figure per slice.

QtCharts lives in PySide6-Addons, which posapp does not install; a few bars need no more.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from posapp.domain.event_report import Slice
from posapp.domain.money import format_rupiah

Bar = tuple[str, int]  # (label, net rupiah)
TOP = 10
ROW = 44  # a line of text, the bar under it, a gap
BAR_HEIGHT = 16
PAD = 8
BAR_COLOR = QColor("#00796b")
NEGATIVE_COLOR = QColor("#b00020")


def top_bars(slices: Sequence[Slice], others: str, *, top: int = TOP,
             label: dict[str, str] | None = None) -> list[Bar]:
    """The *top* largest slices by net, the rest added up as one bar named *others*.

    *label* renames slices (a payment method's translated name); the figures add up to the
    slices' net in every case.
    """
    names = label or {}
    ordered = sorted(slices, key=lambda s: (-s.net, s.label))
    bars = [(names.get(s.label, s.label), s.net) for s in ordered[:top]]
    rest = ordered[top:]
    if len(rest) == 1:
        bars.append((names.get(rest[0].label, rest[0].label), rest[0].net))
    elif rest:
        bars.append((others, sum(s.net for s in rest)))
    return bars


class BarChart(QWidget):
    """Bars for the figures given; an empty chart shows *empty_text*."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(320)

    def set_bars(self, bars: list[Bar], empty_text: str) -> None:
        self.bars = bars
        self.empty_text = empty_text
        self.setAccessibleDescription(
            "; ".join(f"{name}: {format_rupiah(net)}" for name, net in bars) or empty_text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, max(len(self.bars), 3) * ROW + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 3 * ROW + 2 * PAD)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Per slice: its name on one line, then the bar and the figure under it."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(self.foregroundRole())
        area = self.rect().adjusted(PAD, PAD, -PAD, -PAD)
        painter.setPen(text_color)
        if not self.bars:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        figure_w = max(metrics.horizontalAdvance(format_rupiah(v)) for _, v in self.bars) + PAD
        bar_w = max(area.width() - figure_w - PAD, 10)
        largest = max((v for _, v in self.bars), default=0) or 1
        for i, (name, net) in enumerate(self.bars):
            y = area.top() + i * ROW
            painter.setPen(text_color)
            painter.drawText(QRect(area.left(), y, area.width(), line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, area.width()))
            width = bar_w * max(net, 0) // largest
            bar_top = y + line + 2
            if net > 0:
                painter.fillRect(QRect(area.left(), bar_top, max(width, 2), BAR_HEIGHT),
                                 BAR_COLOR)
            painter.setPen(NEGATIVE_COLOR if net < 0 else text_color)
            painter.drawText(QRect(area.left() + width + PAD, bar_top - 2, figure_w,
                                   BAR_HEIGHT + 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             format_rupiah(net))
        painter.end()
