"""QR codes as QImages: the stand's dynamic QRIS code for the amount being paid.

The code holds the text exactly as given (UTF-8, byte mode, error correction M) with the
standard 4-module quiet zone, drawn black on white with whole-pixel modules so it stays sharp.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from posapp.domain.errors import InvalidInput
from posapp.domain.qris import dynamic_payload
from posapp.ui.common.qris_view import QR_SIZE

if TYPE_CHECKING:
    import segno

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
_BLACK, _WHITE = 0, 255


def _symbol(text: str) -> segno.QRCode:
    import segno  # loaded with the first QR code shown, not with the window

    # bytes: byte mode, the UTF-8 exactly; no boost: error correction stays M, as asked
    return segno.make(text.encode("utf-8"), error="m", mode="byte", micro=False,
                      boost_error=False)


def qr_modules(text: str) -> int:
    """How many modules across the code of *text* is, its quiet zone included."""
    return int(_symbol(text).symbol_size(border=QUIET_ZONE)[0])


def qr_image(text: str, *, size_px: int = 360) -> QImage:
    """A QR code of *text*: about *size_px* square, each module a whole number of pixels.

    The modules are ``size_px // modules`` pixels wide (at least 1); any pixels left over
    become extra white margin, so the image is exactly *size_px* square when the code fits.
    """
    qr = _symbol(text)
    matrix = [[bool(dark) for dark in line]
              for line in qr.matrix_iter(border=QUIET_ZONE)]  # the quiet zone included
    modules = len(matrix)
    scale = max(1, size_px // modules)
    side = max(size_px, modules * scale)
    margin = (side - modules * scale) // 2
    blank = bytes([_WHITE]) * side
    rows = [blank] * margin
    for line in matrix:
        row = b"".join(bytes([_BLACK if dark else _WHITE]) * scale for dark in line)
        padded = bytes([_WHITE]) * margin + row
        padded += bytes([_WHITE]) * (side - len(padded))
        rows.extend([padded] * scale)
    rows.extend([blank] * (side - len(rows)))
    data = b"".join(rows)
    # copy(): the QImage must own its pixels, not borrow the Python bytes
    return QImage(data, side, side, side, QImage.Format.Format_Grayscale8).copy()


def qris_image_maker(static_payload: str) -> Callable[[int], QImage | None] | None:
    """What QrisView needs to draw the stand's code: amount -> the dynamic QRIS image.

    None when the stand has no QRIS payload (the view keeps its placeholder). The function
    returns None for an amount QRIS refuses (0, over Rp 10.000.000) or a payload that no
    longer parses, so the view shows no code rather than a wrong one.
    """
    if not static_payload.strip():
        return None

    def make(amount: int) -> QImage | None:
        try:
            payload = dynamic_payload(static_payload, amount)
        except InvalidInput:
            return None
        return qr_image(payload, size_px=QR_SIZE)

    return make
