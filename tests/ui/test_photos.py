"""Product photos in the window: the photo cache and the cart's thumbnails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from posapp.services.session.stand import StandSession
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
    assert hijab is None
    assert model.index(0, CartModel.TOTAL).data(Qt.ItemDataRole.DecorationRole) is None
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
