"""A receipt layout as a PDF (80 mm roll or A6), for an office printer or to hand a buyer
a file. It only draws: the same blocks and the same lines as the text renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Barcode, Block, Cut, Logo, QrCode, Row, Rule, Text
from posapp.printing.fonts import font_pair
from posapp.printing.text_receipt import render_text

#: Page kinds: an 80 mm roll as long as the receipt, or A6 portrait (several pages if long).
PAGES = ("roll80", "a6")

_LEADING = 1.2  # line height as a multiple of the font size
_BAR_HEIGHT = 12 * mm
_BAR_MODULE = 0.33 * mm  # the widest a barcode's narrowest bar gets
_QR_SIZE = 32 * mm


@dataclass(frozen=True, slots=True)
class _Page:
    width: float
    height: float | None  # None: as long as the content (a roll)
    margin: float


@dataclass(frozen=True, slots=True)
class _Fonts:
    regular: str
    bold: str
    size: float  # the size at which *width* characters fill the printable width


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    bold: bool = False
    scale: float = 1.0  # 2.0 for double-size text


_Item = _Line | Barcode | QrCode


def render_pdf(blocks: Iterable[Block], width: int, path: Path, *,
               page: str = "roll80") -> Path:
    """Write the receipt *blocks* (laid out for *width* columns) as a PDF at *path*.

    *page* is ``"roll80"`` (80 mm wide, as long as the receipt) or ``"a6"`` (A6 portrait,
    more pages when long). Text is monospaced, one line per layout line, as
    ``render_text`` draws it; bold and double-size text are drawn bold and larger. The
    barcode is a Code128 with its text under it, the QR code a QR code; the logo is not
    drawn yet and the cut draws nothing. Returns *path*.
    """
    if page not in PAGES:
        raise InvalidInput("receipt.no_pdf_page", page=page, pages=list(PAGES))
    if width < 1:
        raise InvalidInput("receipt.too_narrow", width=width)
    layout = _Page(80 * mm, None, 3 * mm) if page == "roll80" else _Page(A6[0], A6[1], 8 * mm)
    usable = layout.width - 2 * layout.margin
    fonts = _fonts(width, usable)
    items = [item for block in blocks if (item := _item(block, width)) is not None]
    heights = [_height(item, fonts, usable) for item in items]

    page_height = layout.height or sum(heights) + 2 * layout.margin
    canvas = Canvas(str(path), pagesize=(layout.width, page_height), invariant=True)
    top = page_height - layout.margin
    y = top
    for item, height in zip(items, heights, strict=True):
        if layout.height and y - height < layout.margin - 0.01 and y < top:  # A6 runs out
            canvas.showPage()
            y = top
        _draw(canvas, item, fonts, layout.margin, y, usable)
        y -= height
    canvas.showPage()
    canvas.save()
    return path


def _fonts(width: int, usable: float) -> _Fonts:
    """DejaVu Sans Mono (else Courier), sized so that *width* characters fill *usable*
    points."""
    regular, bold = font_pair("mono")
    return _Fonts(regular, bold, usable / pdfmetrics.stringWidth("M" * width, regular, 1))


def _item(block: Block, width: int) -> _Item | None:
    """What one block draws: a line of text as ``render_text`` has it, a code, or nothing."""
    if isinstance(block, Text) and block.double:
        # double size: centred or aligned within half the columns, drawn twice as large
        plain = Text(block.text, align=block.align)
        return _Line(render_text([plain], max(1, width // 2)).rstrip("\n"), block.bold, 2.0)
    if isinstance(block, Text | Row | Rule):
        return _Line(render_text([block], width).rstrip("\n"), getattr(block, "bold", False))
    if isinstance(block, Barcode | QrCode):
        return block
    if isinstance(block, Logo | Cut):
        return None
    raise TypeError(f"not a receipt block: {block!r}")


def _size(line: _Line, fonts: _Fonts, usable: float) -> float:
    """The font size for *line*: its scale, shrunk if the line would not fit otherwise."""
    font = fonts.bold if line.bold else fonts.regular
    size = fonts.size * line.scale
    drawn = pdfmetrics.stringWidth(line.text, font, size)
    return size * usable / drawn if drawn > usable else size


def _height(item: _Item, fonts: _Fonts, usable: float) -> float:
    if isinstance(item, _Line):
        return _size(item, fonts, usable) * _LEADING
    if isinstance(item, Barcode):
        return _BAR_HEIGHT + 2 * fonts.size * _LEADING  # bars, text, a line of air
    return min(_QR_SIZE, usable) + fonts.size * _LEADING


def _draw(canvas: Canvas, item: _Item, fonts: _Fonts, left: float, top: float,
          usable: float) -> None:
    """Draw *item* with its top edge at *top*."""
    if isinstance(item, _Line):
        size = _size(item, fonts, usable)
        canvas.setFont(fonts.bold if item.bold else fonts.regular, size)
        canvas.drawString(left, top - size, item.text)  # the descent stays in the leading
    elif isinstance(item, Barcode):
        _draw_barcode(canvas, item.data, fonts, left, top - fonts.size * _LEADING / 2, usable)
    else:
        side = min(_QR_SIZE, usable)
        widget = QrCodeWidget(item.data, barLevel="M", barWidth=side, barHeight=side)
        drawing = Drawing(side, side)
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, left + (usable - side) / 2, top - side)


def _draw_barcode(canvas: Canvas, data: str, fonts: _Fonts, left: float, top: float,
                  usable: float) -> None:
    """Code128 bars of *data*, centred, with quiet zones of ten modules, and *data* under."""
    probe = Code128(data, barWidth=1, humanReadable=False, quiet=False)
    modules = probe.width + 20
    module = min(_BAR_MODULE, usable / modules)
    bars = Code128(data, barWidth=module, barHeight=_BAR_HEIGHT, humanReadable=False,
                   quiet=True, lquiet=10 * module, rquiet=10 * module)
    bars.drawOn(canvas, left + (usable - bars.width) / 2, top - _BAR_HEIGHT)
    line = _Line(data)
    size = _size(line, fonts, usable)
    canvas.setFont(fonts.regular, size)
    canvas.drawCentredString(left + usable / 2, top - _BAR_HEIGHT - size, data)
