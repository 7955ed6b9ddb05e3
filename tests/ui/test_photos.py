"""Product photos in the window: the photo cache and the cart's thumbnails."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.services.session.stand import StandSession
from posapp.ui.catalog.dialog import CatalogDialog
from posapp.ui.common.i18n import Languages
from posapp.ui.common.models import CartModel
from posapp.ui.common.photos import PhotoCache
from posapp.ui.stand.window import StandWindow
from tests.integration.test_photos import image_bytes

GEDOG, HIJAB = "JTM-BTK-002", "JTM-JLB-001"


class CountingDesk:
    """The products desk, counting what the cache reads through it."""

    def __init__(self, session: StandSession) -> None:
        self.desk = session.products
        self.stamp_reads = 0
        self.photo_reads: list[str] = []

    @property
    def photo_generation(self) -> int:
        return self.desk.photo_generation

    def photo_stamps(self):  # type: ignore[no-untyped-def]
        self.stamp_reads += 1
        return self.desk.photo_stamps()

    def photo(self, sku: str):  # type: ignore[no-untyped-def]
        self.photo_reads.append(sku)
        return self.desk.photo(sku)


def give_photo(session: StandSession, sku: str, tmp_path: Path, *,
               colour: tuple[int, int, int] = (200, 0, 0), size: tuple[int, int] = (800, 400)
               ) -> None:
    picture = tmp_path / f"{sku}-{colour}.png"
    picture.write_bytes(image_bytes("PNG", size, colour=colour))
    session.products.set_photo(sku, picture)


def test_the_cache_reads_nothing_until_asked_and_each_photo_once(
        qapp: object, session: StandSession, tmp_path: Path) -> None:
    give_photo(session, GEDOG, tmp_path)
    desk = CountingDesk(session)
    cache = PhotoCache(desk)  # type: ignore[arg-type]
    assert (desk.stamp_reads, desk.photo_reads) == (0, [])

    tile = cache.at_size(120)
    first, again, none = tile(GEDOG), tile(GEDOG), tile(HIJAB)

    assert isinstance(first, QPixmap) and again is first
    assert none is None
    assert (first.width(), first.height()) == (120, 60)  # 800x400 fitted, aspect kept
    assert (desk.stamp_reads, desk.photo_reads) == (1, [GEDOG])  # HIJAB: no read at all


def test_a_photo_changed_through_the_desk_is_read_again(
        qapp: object, session: StandSession, tmp_path: Path) -> None:
    cache = PhotoCache(session.products)
    give_photo(session, GEDOG, tmp_path, colour=(200, 0, 0))
    red = cache.pixmap(GEDOG, 64)
    assert red is not None and red.toImage().pixelColor(30, 20).red() > 150

    give_photo(session, GEDOG, tmp_path, colour=(0, 0, 200))
    blue = cache.pixmap(GEDOG, 64)
    assert blue is not None and blue.toImage().pixelColor(30, 20).blue() > 150

    session.products.remove_photo(GEDOG)
    assert cache.pixmap(GEDOG, 64) is None


def test_the_cart_shows_a_thumbnail_where_the_product_has_a_photo(
        qtbot: QtBot, session: StandSession, tmp_path: Path) -> None:
    give_photo(session, GEDOG, tmp_path)
    session.scan(GEDOG)
    session.scan(HIJAB)
    cache = PhotoCache(session.products)
    model = CartModel(photo_for=cache.at_size(32))
    model.set_totals(session.cart.totals())

    gedog = model.index(0, CartModel.NAME).data(Qt.ItemDataRole.DecorationRole)
    hijab = model.index(1, CartModel.NAME).data(Qt.ItemDataRole.DecorationRole)

    assert model.index(0, CartModel.NAME).data() == "Batik Gedog Tuban"
    assert isinstance(gedog, QPixmap) and gedog.width() == 32
    assert gedog.toImage().pixelColor(16, 8).red() > 150  # the red photo
    # the jilbab has none: an empty picture as wide, so both names start in one column
    assert isinstance(hijab, QPixmap) and hijab.width() == 32
    assert hijab.toImage().pixelColor(16, 8).alpha() == 0
    assert model.index(0, CartModel.TOTAL).data(Qt.ItemDataRole.DecorationRole) is None

    session.cart.remove(0)  # no line with a photo left: no pictures at all, as before photos
    model.set_totals(session.cart.totals())
    assert model.index(0, CartModel.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    assert CartModel().index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_the_selling_screens_cart_shows_the_photo(
        qtbot: QtBot, session: StandSession, tmp_path: Path) -> None:
    give_photo(session, GEDOG, tmp_path)
    window = StandWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    window.selling.add_code(GEDOG)

    model = window.selling.cart.model()
    shown = model.index(0, CartModel.NAME).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(shown, QPixmap) and not shown.isNull()
    assert window.selling.cart.iconSize().width() == 32


# -- the catalog screen ----------------------------------------------------------------------
def open_catalog(qtbot: QtBot, session: StandSession, sku: str) -> CatalogDialog:
    dialog = CatalogDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == sku)
    dialog.table.selectRow(row)
    assert dialog.inputs["sku"].text() == sku
    return dialog


def click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(dialog: CatalogDialog) -> tuple[str, str, bool]:
    """The thumbnail's text (empty when it shows a picture), the choose button's text and
    whether Remove can be pressed."""
    box = dialog.photo_box
    return box.thumbnail.text(), box.choose_button.text(), box.remove_button.isEnabled()


def test_the_catalog_screen_adds_replaces_and_removes_a_photo(
        qtbot: QtBot, session: StandSession, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    red, blue = tmp_path / "merah.jpg", tmp_path / "biru.png"
    red.write_bytes(image_bytes("JPEG", colour=(220, 0, 0)))
    blue.write_bytes(image_bytes("PNG", colour=(0, 0, 220)))
    dialog = open_catalog(qtbot, session, GEDOG)
    changes: list[int] = []
    dialog.catalogChanged.connect(lambda: changes.append(1))
    assert shown(dialog) == ("No photo yet.", "Add photo…", False)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(red), ""))
    click(qtbot, dialog, "choosePhotoButton")
    assert shown(dialog) == ("", "Replace photo…", True)
    assert dialog.status_label.text() == f"Photo of {GEDOG} saved."
    thumb = dialog.photo_box.thumbnail.pixmap()
    assert thumb.toImage().pixelColor(thumb.width() // 2 + 5, 10).red() > 150

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(blue), ""))
    click(qtbot, dialog, "choosePhotoButton")
    stored = session.products.photo(GEDOG)
    assert stored is not None
    assert QImage.fromData(stored.data).pixelColor(25, 10).blue() > 150

    click(qtbot, dialog, "removePhotoButton")
    assert session.products.photo(GEDOG) is None
    assert shown(dialog) == ("No photo yet.", "Add photo…", False)
    assert dialog.status_label.text() == f"Photo of {GEDOG} removed."
    assert len(changes) == 3  # the window's tiles and cart follow each change


def test_a_file_that_is_no_photo_is_refused_in_the_users_language(
        qtbot: QtBot, session: StandSession, tmp_path: Path, indonesian: Languages,
        monkeypatch: pytest.MonkeyPatch) -> None:
    text_file = tmp_path / "catatan.jpg"
    text_file.write_text("bukan gambar", encoding="utf-8")
    tiny = tmp_path / "kecil.png"
    tiny.write_bytes(image_bytes("PNG", (60, 60)))
    dialog = open_catalog(qtbot, session, GEDOG)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text_file), ""))
    click(qtbot, dialog, "choosePhotoButton")
    assert dialog.error_label.text() == "catatan.jpg bukan gambar JPEG, PNG, atau WebP"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tiny), ""))
    click(qtbot, dialog, "choosePhotoButton")
    assert dialog.error_label.text() == (
        "kecil.png hanya 60x60 px; foto minimal 100 px di setiap sisi")
    assert session.products.photo(GEDOG) is None
    assert dialog.photo_box.choose_button.text() == "Tambah foto…"


def test_a_new_product_gets_its_photo_after_it_is_saved(
        qtbot: QtBot, session: StandSession) -> None:
    dialog = open_catalog(qtbot, session, GEDOG)
    click(qtbot, dialog, "newProductButton")
    assert shown(dialog)[0] == "Save the product first."
    assert not dialog.photo_box.choose_button.isEnabled()
