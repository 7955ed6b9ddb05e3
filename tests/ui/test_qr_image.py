"""Real QR images: they decode (zbarimg) to exactly the text, and the payment dialog shows them."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QPushButton

from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.services import settings
from posapp.ui.common.qr_image import qr_image, qris_image_maker
from posapp.ui.common.qris_view import QrisView
from tests.conftest import Stand
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import ASTRAPAY_STATIC, STAND_STATIC


def choose_qris(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.findChild(QPushButton, "methodQris"), Qt.MouseButton.LeftButton)


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


def pay_by_qris_with_the_stand_code(jatim: Stand, qtbot) -> QrisView:  # type: ignore[no-untyped-def]
    """Log in with the stand's QRIS payload set, scan a Rp 85.000 scarf, F12, choose QRIS."""
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, qris_payload=STAND_STATIC))
    w = logged_in(jatim, qtbot)
    qtbot.keyClicks(w.selling.scan_input, "JTM-JLB-001")
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    dialog = w.actions_.dialog
    assert dialog is not None and dialog.objectName() == "paymentDialog"
    choose_qris(qtbot, dialog)
    view = dialog.findChild(QrisView, "qrisView")
    assert view.isVisible()
    return view


def test_paying_by_qris_shows_the_stands_dynamic_code(jatim: Stand, qtbot,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    view = pay_by_qris_with_the_stand_code(jatim, qtbot)
    assert not view.is_placeholder and view.amount == 85_000
    # The pixmap the view shows; test_the_whole_code_is_on_screen checks what is drawn.
    payload = parse_qris(decode(view.pixmap().toImage(), tmp_path / "shown.png"))
    assert payload.is_dynamic and payload.amount == 85_000
    assert payload.nmid == parse_qris(STAND_STATIC).nmid
    assert payload.text == dynamic_payload(STAND_STATIC, 85_000)


def test_the_whole_code_is_on_screen(jatim: Stand, qtbot,  # type: ignore[no-untyped-def]
                                     tmp_path: Path) -> None:
    view = pay_by_qris_with_the_stand_code(jatim, qtbot)
    assert view.height() >= view.pixmap().height()
    assert parse_qris(decode(view.grab().toImage(), tmp_path / "grab.png")).amount == 85_000


def test_without_a_payload_the_placeholder_stays(jatim: Stand, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    qtbot.keyClick(w, Qt.Key.Key_F12)
    dialog = w.actions_.dialog
    assert dialog is not None
    choose_qris(qtbot, dialog)
    view = dialog.findChild(QrisView, "qrisView")
    assert view.isVisible() and view.is_placeholder
