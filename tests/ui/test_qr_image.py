"""Real QR images: they decode (zbarimg) to exactly the text, and the payment panel shows them
large enough for a phone a metre away."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton, QWidget

from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.services import settings
from posapp.ui.common.qr_image import qr_image, qris_image_maker
from posapp.ui.stand.payment_qris import QrisCode
from tests.conftest import BUDI, Stand
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import ASTRAPAY_STATIC, STAND_STATIC


def choose_qris(qtbot, panel: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.findChild(QPushButton, "methodQris"), Qt.MouseButton.LeftButton)


def decode(image: QImage, path: Path) -> str:
    """The text zbarimg reads from *image* (saved as PNG at *path*)."""
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg missing: install the Debian package zbar-tools")
    assert image.save(str(path), "PNG")
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True,
                          check=False, timeout=30)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout.decode("utf-8").removesuffix("\n")


@pytest.mark.parametrize("text", [STAND_STATIC, ASTRAPAY_STATIC, "12345678901234567890",
                                  dynamic_payload(STAND_STATIC, 85_000)])
def test_the_code_decodes_to_exactly_the_text(text: str, tmp_path: Path) -> None:
    assert decode(qr_image(text), tmp_path / "code.png") == text


def test_modules_are_whole_black_and_white_pixels() -> None:
    image = qr_image("00020101", size_px=200)
    assert (image.width(), image.height()) == (200, 200)
    colours = {image.pixelColor(x, y).name() for x in range(200) for y in range(200)}
    assert colours == {"#000000", "#ffffff"}
    assert image.pixelColor(0, 0).name() == "#ffffff"  # the quiet zone


def test_a_tiny_size_still_gives_one_pixel_per_module(tmp_path: Path) -> None:
    image = qr_image(STAND_STATIC, size_px=10)
    assert image.width() == image.height() > 10
    assert decode(image.scaled(image.width() * 4, image.height() * 4), tmp_path / "x.png") \
        == STAND_STATIC


def test_the_maker_needs_a_payload_and_an_amount_qris_accepts(tmp_path: Path) -> None:
    assert qris_image_maker("") is None
    make = qris_image_maker(STAND_STATIC)
    assert make is not None
    assert make(12_000_000) is None
    assert make(0) is None
    image = make(10_000_000)
    assert image is not None
    assert parse_qris(decode(image, tmp_path / "max.png")).amount == 10_000_000


def pay_by_qris_with_the_stand_code(jatim: Stand, qtbot) -> QrisCode:  # type: ignore[no-untyped-def]
    """Log in with the stand's QRIS payload set, scan a Rp 85.000 scarf, F12, choose QRIS."""
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)
    w = logged_in(jatim, qtbot)
    qtbot.keyClicks(w.selling.scan_input, "JTM-JLB-001")
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.pages.currentWidget() is w.payment
    choose_qris(qtbot, w.payment)
    view = w.payment.qris_view
    assert view.isVisible()
    return view


def test_paying_by_qris_shows_the_stands_dynamic_code(jatim: Stand, qtbot,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    view = pay_by_qris_with_the_stand_code(jatim, qtbot)
    image = view.code_image()
    assert not view.is_placeholder and image is not None
    payload = parse_qris(decode(image, tmp_path / "shown.png"))
    assert payload.is_dynamic and payload.amount == 85_000
    assert payload.nmid == parse_qris(STAND_STATIC).nmid
    assert payload.text == dynamic_payload(STAND_STATIC, 85_000)


def test_a_phone_at_one_metre_reads_the_code_on_a_14_inch_screen(
        jatim: Stand, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The panel as a 1366x768 laptop shows it, seen by a phone camera 1 m away.

    A 14" 16:9 screen is 310 mm wide: 310 mm / 1366 px = about 0.23 mm per screen pixel.
    A phone's main camera (about 70 degrees across) sees about 1.2 m at 1 m, on about
    4,000 pixels: 0.3 mm per camera pixel. One screen pixel is 0.23 / 0.3 = 0.77 camera
    pixels, so the grab is scaled to 77 % (smoothly, as the lens blurs) before decoding.
    """
    view = pay_by_qris_with_the_stand_code(jatim, qtbot)
    window = view.window()
    window.resize(1366, 768 - 40)  # the screen less a task bar
    qtbot.waitUntil(lambda: view.code_rect().width() >= 320)
    grab = window.grab().toImage()
    factor = 0.23 / 0.3
    seen = grab.scaled(round(grab.width() * factor), round(grab.height() * factor),
                       Qt.AspectRatioMode.IgnoreAspectRatio,
                       Qt.TransformationMode.SmoothTransformation)
    payload = parse_qris(decode(seen, tmp_path / "phone.png"))  # parse_qris checks the CRC
    assert payload.text == dynamic_payload(STAND_STATIC, 85_000)
    assert payload.amount == 85_000 and payload.is_dynamic


def test_without_a_payload_the_panel_says_so(jatim: Stand, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    qtbot.keyClick(w, Qt.Key.Key_F12)
    choose_qris(qtbot, w.payment)
    view = w.payment.qris_view
    assert view.isVisible() and view.is_placeholder and "no QRIS code" in view.text()
