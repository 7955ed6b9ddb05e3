"""Render resources/icons/posapp.svg to the PNGs, .ico and .icns the installers use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The outputs are committed: a build does not need to run this, only a changed SVG does.
QtSvg (in PySide6-Essentials) draws the SVG; Pillow (python-escpos pulls it) writes the
Windows .ico and the macOS .icns.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "posapp.svg"
    for size in PNG_SIZES:
        (ICONS / f"posapp-{size}.png").write_bytes(render(svg, size))
    big = Image.open(io.BytesIO(render(svg, 1024))).convert("RGBA")
    big.save(ICONS / "posapp.ico", sizes=[(s, s) for s in ICO_SIZES])
    big.save(ICONS / "posapp.icns")
    for path in sorted(ICONS.iterdir()):
        print(f"{path.name}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
