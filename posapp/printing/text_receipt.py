"""A receipt layout as plain text, for the on-screen preview. It only draws."""

from __future__ import annotations

from collections.abc import Iterable

from posapp.domain.layout import Barcode, Block, Cut, Logo, QrCode, Row, Rule, Text


def render_text(blocks: Iterable[Block], width: int) -> str:
    """One line per block: rows padded to *width*, centred lines without trailing spaces.

    Double-size text is drawn at normal size; the barcode shows as ``||| JATIM-000123 |||``,
    a QR code as ``[QR]``, the logo as nothing and the cut as an empty line.
    """
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            out.append(_aligned(block.text, block.align, width))
        elif isinstance(block, Row):
            gap = max(width - len(block.left) - len(block.right), 1 if block.left else 0)
            out.append(f"{block.left}{' ' * gap}{block.right}")
        elif isinstance(block, Rule):
            out.append(block.char * width)
        elif isinstance(block, Barcode):
            shown = f"||| {block.data} |||"
            out.append(_aligned(shown if len(shown) <= width else block.data, "center", width))
        elif isinstance(block, QrCode):
            out.append(_aligned("[QR]", "center", width))
        elif isinstance(block, Cut):
            out.append("")
        elif isinstance(block, Logo):
            continue
    return "\n".join(out) + "\n"


def _aligned(text: str, align: str, width: int) -> str:
    if align == "center":
        return text.center(width).rstrip()
    if align == "right":
        return text.rjust(width)
    return text
