"""Product labels on A4 sheets: name, price, maker group and a Code128 that scans back.

Handicrafts arrive without barcodes, so the stand prints its own: the product's barcode when
it has one, else its SKU. A sheet layout is columns x rows of equal labels inside page
margins, with optional gaps between columns and rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from posapp.domain.errors import InvalidInput
from posapp.domain.money import format_rupiah
from posapp.domain.product import Product
from posapp.printing.fonts import font_pair

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


#: The smallest label anything sensible fits on (a short code, a short name).
MIN_LABEL_WIDTH_MM = 25.0
MIN_LABEL_HEIGHT_MM = 19.0
MAX_COPIES = 10_000

_PAD_X = 2.0 * mm  # inside each label: sheets are die-cut with about 1 mm of tolerance
_PAD_Y = 1.5 * mm
# A Code128 module (narrowest bar): at most 0.33 mm, at least two pixels at 300 dpi.
_MODULE_MAX = 0.33 * mm
_MODULE_MIN = 2 * 72 / 300
_QUIET_MODULES = 10  # quiet zone each side, as the symbology asks
_BAR_HEIGHT_MAX = 15 * mm
_BAR_HEIGHT_MIN = 5 * mm
_LEADING = 1.15


@dataclass(frozen=True, slots=True)
class LabelLayout:
    """*columns* x *rows* equal labels on an A4 portrait sheet; every length in mm.

    The label size follows from the page, the margins and the gaps.
    """

    columns: int
    rows: int
    top: float = 0.0
    left: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    column_gap: float = 0.0
    row_gap: float = 0.0

    def __post_init__(self) -> None:
        if not (1 <= self.columns <= 10 and 1 <= self.rows <= 30):
            raise InvalidInput("labels.sheet_size", columns=self.columns, rows=self.rows)
        lengths = (self.top, self.left, self.right, self.bottom, self.column_gap, self.row_gap)
        if any(not math.isfinite(v) or v < 0 for v in lengths):
            raise InvalidInput("labels.negative_margins")
        if (self.label_width < MIN_LABEL_WIDTH_MM - 0.005
                or self.label_height < MIN_LABEL_HEIGHT_MM - 0.005):
            raise InvalidInput("labels.too_small", width=_mm(self.label_width),
                               height=_mm(self.label_height), min_width=_whole(MIN_LABEL_WIDTH_MM),
                               min_height=_whole(MIN_LABEL_HEIGHT_MM))

    @property
    def label_width(self) -> float:
        """One label's width in mm."""
        inner = A4_WIDTH_MM - self.left - self.right - (self.columns - 1) * self.column_gap
        return inner / self.columns

    @property
    def label_height(self) -> float:
        """One label's height in mm."""
        inner = A4_HEIGHT_MM - self.top - self.bottom - (self.rows - 1) * self.row_gap
        return inner / self.rows

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def describe(self) -> str:
        return (f"{self.columns}x{self.rows} ({self.label_width:.1f} x "
                f"{self.label_height:.1f} mm)")


def _mm(length: float) -> float:
    """A length in mm to one decimal, as refusals show it."""
    return round(length, 1)


def _whole(length: float) -> float | int:
    """A length without a trailing ".0" (25, 22.5), as refusals show a limit."""
    return int(length) if float(length).is_integer() else length


#: Named A4 sheets, after common products (Avery Zweckform / Herma sizes):
#: 3x7 = 21 labels 70 x 42.3 mm, edge to edge (Avery 3652, Herma 4453);
#: 3x8 = 24 labels 70 x 37 mm, edge to edge (Avery 3474, Herma 4464);
#: 4x10 = 40 labels 48.5 x 25.4 mm, 21.5 mm top/bottom, 8 mm sides (Avery 3657, Herma 4608);
#: 2x7 = 14 labels 99.1 x 38.1 mm, 15.15 mm top/bottom, 4.65 mm sides, 2.5 mm column gap
#: (Avery L7163).
LAYOUTS: dict[str, LabelLayout] = {
    "3x7": LabelLayout(3, 7, top=0.45, bottom=0.45),
    "3x8": LabelLayout(3, 8, top=0.5, bottom=0.5),
    "4x10": LabelLayout(4, 10, top=21.5, left=8.0, right=8.0, bottom=21.5),
    "2x7": LabelLayout(2, 7, top=15.15, left=4.65, right=4.65, bottom=15.15, column_gap=2.5),
}

#: Margins of a sheet that is not a named one ("5x12"): 5 mm all round, no gaps.
GENERIC_MARGIN = 5.0

_SPEC = re.compile(r"^\s*(\d{1,2})\s*[xX×]\s*(\d{1,2})\s*$")


def parse_layout(spec: str) -> LabelLayout:
    """``"3x8"`` -> the named sheet; any other ``"CxR"`` -> C columns and R rows inside
    5 mm margins, label size computed. Raises InvalidInput for anything else."""
    match = _SPEC.match(spec)
    if match is None:
        raise InvalidInput("labels.bad_layout", spec=spec, layouts=list(LAYOUTS))
    columns, rows = int(match.group(1)), int(match.group(2))
    named = LAYOUTS.get(f"{columns}x{rows}")
    if named is not None:
        return named
    m = GENERIC_MARGIN
    return LabelLayout(columns, rows, top=m, left=m, right=m, bottom=m)


def sheet_count(labels: int, layout: LabelLayout, start_at: int = 1) -> int:
    """How many sheets *labels* labels take when the first one goes to position *start_at*."""
    return 0 if labels <= 0 else math.ceil((start_at - 1 + labels) / layout.per_sheet)


def label_code(product: Product) -> str:
    """What a product's Code128 carries: its barcode, else its SKU."""
    return (product.barcode or "").strip() or product.sku


@dataclass(frozen=True, slots=True)
class _Fonts:
    regular: str
    bold: str


@dataclass(frozen=True, slots=True)
class _Plan:
    """One product's label, laid out once and drawn for every copy."""

    name_lines: tuple[str, ...]
    name_size: float
    price: str
    price_size: float
    maker: str
    maker_size: float
    code: str
    code_size: float
    bars: Code128
    bar_height: float


def render_labels(products: Sequence[Product], path: Path, *, layout: LabelLayout,
                  copies: int = 1, start_at: int = 1) -> Path:
    """Write *copies* labels of each of *products* (in order, copies together) on A4 sheets.

    *start_at* is the first free position on the first sheet (1 = top left, counted along
    the rows), so a half-used sheet can go back in the printer. Each label shows the name
    (up to two lines, smaller if needed), the price (none for an open price), the maker
    group and a Code128 of the barcode (the SKU when there is none) with its text under it.
    Raises InvalidInput, before anything is written, when a code cannot be printed so that
    it scans. Returns *path*.
    """
    if not products:
        raise InvalidInput("labels.no_products")
    if isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
        raise InvalidInput("labels.copies", max=MAX_COPIES, copies=copies)
    if not 1 <= start_at <= layout.per_sheet:
        raise InvalidInput("labels.start_position", max=layout.per_sheet,
                           columns=layout.columns, rows=layout.rows, start=start_at)
    fonts = _fonts()
    width, height = layout.label_width * mm, layout.label_height * mm
    # everything is checked (and laid out once per product) before the file is opened
    plans = [_plan(product, fonts, width, height) for product in products]

    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    canvas.setTitle("Labels")
    position = start_at - 1
    for plan in plans:
        for _ in range(copies):
            if position == layout.per_sheet:
                canvas.showPage()
                position = 0
            row, column = divmod(position, layout.columns)
            x = (layout.left + column * (layout.label_width + layout.column_gap)) * mm
            top = A4[1] - (layout.top + row * (layout.label_height + layout.row_gap)) * mm
            _draw(canvas, plan, fonts, x, top - height, width, height)
            position += 1
    canvas.showPage()
    canvas.save()
    return path


def _fonts() -> _Fonts:
    """DejaVu Sans for names beyond Latin-1, else Helvetica."""
    return _Fonts(*font_pair("sans"))


def _plan(product: Product, fonts: _Fonts, width: float, height: float) -> _Plan:
    usable_w, usable_h = width - 2 * _PAD_X, height - 2 * _PAD_Y
    scale = min(1.2, max(0.6, usable_h / 85))  # 85 pt of label: 9 pt names
    name_size, price_size = 9 * scale, 10 * scale
    maker_size, code_size = 6.5 * scale, 7 * scale

    name_lines, name_size = _fit_lines(" ".join(product.name.split()), fonts.bold, name_size,
                                       usable_w, 2)
    maker, maker_size = _fit_lines(" ".join(product.maker_group.split()), fonts.regular,
                                   maker_size, usable_w, 1)
    price = format_rupiah(product.price) if product.price else ""

    code = label_code(product)
    if not code or any(not " " <= ch <= "~" for ch in code):
        raise InvalidInput("labels.code_not_ascii", sku=product.sku, code=code)
    probe = Code128(code, barWidth=1, humanReadable=False, quiet=False)
    module = min(_MODULE_MAX, usable_w / (probe.width + 2 * _QUIET_MODULES))
    if module < _MODULE_MIN:
        raise InvalidInput("labels.code_too_long", sku=product.sku, code=code,
                           width=_mm(width / mm))
    text_h = (2 * name_size + price_size + (maker_size if maker else 0)) * _LEADING
    bar_height = min(_BAR_HEIGHT_MAX, usable_h - text_h - code_size * _LEADING)
    if bar_height < _BAR_HEIGHT_MIN:
        raise InvalidInput("labels.too_low", height=_mm(height / mm))
    bars = Code128(code, barWidth=module, barHeight=bar_height, humanReadable=False,
                   quiet=True, lquiet=_QUIET_MODULES * module, rquiet=_QUIET_MODULES * module)
    code_size = min(code_size, code_size * usable_w / pdfmetrics.stringWidth(
        code, fonts.regular, code_size))
    return _Plan(tuple(name_lines), name_size, price, price_size, maker[0] if maker else "",
                 maker_size, code, code_size, bars, bar_height)


def _draw(canvas: Canvas, plan: _Plan, fonts: _Fonts, x: float, y: float,
          width: float, height: float) -> None:
    """Draw *plan* in the label whose bottom-left corner is (*x*, *y*)."""
    left, usable_w = x + _PAD_X, width - 2 * _PAD_X
    cursor = y + height - _PAD_Y
    canvas.setFont(fonts.bold, plan.name_size)
    for line in plan.name_lines:
        cursor -= plan.name_size * _LEADING
        canvas.drawString(left, cursor + plan.name_size * 0.2, line)
    cursor -= plan.name_size * _LEADING * (2 - len(plan.name_lines))
    cursor -= plan.price_size * _LEADING
    if plan.price:
        canvas.setFont(fonts.bold, plan.price_size)
        canvas.drawString(left, cursor + plan.price_size * 0.2, plan.price)
    if plan.maker:
        cursor -= plan.maker_size * _LEADING
        canvas.setFont(fonts.regular, plan.maker_size)
        canvas.drawString(left, cursor + plan.maker_size * 0.2, plan.maker)
    text_base = y + _PAD_Y + plan.code_size * 0.2
    bars_bottom = y + _PAD_Y + plan.code_size * _LEADING
    plan.bars.drawOn(canvas, left + (usable_w - plan.bars.width) / 2, bars_bottom)
    canvas.setFont(fonts.regular, plan.code_size)
    canvas.drawCentredString(left + usable_w / 2, text_base, plan.code)


def _fit_lines(text: str, font: str, size: float, width: float,
               lines: int) -> tuple[list[str], float]:
    """*text* word-wrapped to at most *lines* lines of *width*: shrunk down to 70 % of
    *size* if needed, then cut with an ellipsis. Returns the lines and the size used."""
    if not text:
        return [], size
    smallest = size * 0.7
    current = size
    while current >= smallest - 1e-9:
        wrapped = _wrap(text, font, current, width)
        if len(wrapped) <= lines:
            return wrapped, current
        current -= size * 0.05
    wrapped = _wrap(text, font, smallest, width)[:lines]
    last = wrapped[-1]
    while last and pdfmetrics.stringWidth(last + "…", font, smallest) > width:
        last = last[:-1]
    wrapped[-1] = last.rstrip() + "…"
    return wrapped, smallest


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than *width* is broken between characters."""
    def fits(s: str) -> bool:
        return pdfmetrics.stringWidth(s, font, size) <= width

    out: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if fits(candidate):
            line = candidate
            continue
        if line:
            out.append(line)
        line = ""
        while not fits(word):
            cut = len(word) - 1
            while cut > 1 and not fits(word[:cut]):
                cut -= 1
            out.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        out.append(line)
    return out
