"""The selling screen as a cashier uses it: the keyboard through the search, the search
cleared for the next buyer, what an unknown code or an empty search says, the tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from posapp.services.session.stand import StandSession
from posapp.ui.stand.selling_page import CODE_MAX_LENGTH, SellingPage
from posapp.ui.stand.tiles import PLAIN_TINT, TILE_TEXT, TILE_TINTS, contrast_ratio
from tests.conftest import CASHIER, CASHIER_PIN, Stand
from tests.ui.test_stand_window import logged_in
from tests.ui.test_window_printing import pay_cash

HIJAB = "JTM-JLB-001"  # Rp 85.000


def cart_names(page: SellingPage) -> list[str]:
    return [line.product.name for line in page.session.cart.lines]


def test_down_from_the_search_and_enter_add_the_highlighted_tile(jatim: Stand,
                                                                qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    s = w.selling
    s.search.setFocus()
    qtbot.keyClicks(s.search, "batik")
    found = [s.grid_model.product_at(s.grid_model.index(0, c)) for c in range(2)]
    assert all(p is not None for p in found)  # more than one: Enter alone does not pick
    qtbot.keyClick(s.search, Qt.Key.Key_Down)
    assert s.grid.hasFocus()
    qtbot.keyClick(s.grid, Qt.Key.Key_Right)
    qtbot.keyClick(s.grid, Qt.Key.Key_Return)
    assert cart_names(s) == [found[1].name]  # type: ignore[union-attr]
    assert s.search.text() == "" and s.search.hasFocus()  # ready for the next item
    assert s.total.text() != "Rp 0"
    qtbot.keyClick(s.search, Qt.Key.Key_Down)
    qtbot.keyClicks(s.grid, "tas")  # typing on the tiles goes on in the search box
    assert s.search.text() == "tas" and s.search.hasFocus()
    qtbot.keyClick(s.search, Qt.Key.Key_Down)
    qtbot.keyClick(s.grid, Qt.Key.Key_Up)  # from the first row: back to the search
    assert s.search.hasFocus()


def test_enter_in_the_search_adds_its_only_match_and_the_search_clears(
        jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    s = w.selling
    s.search.setFocus()
    qtbot.keyClicks(s.search, "gedog")
    qtbot.keyClick(s.search, Qt.Key.Key_Return)
    assert [line.product.sku for line in s.session.cart.lines] == ["JTM-BTK-002"]
    assert s.search.text() == ""
    assert len(s.grid_model.products) == s.session.catalog.count()  # the full grid again


def test_the_search_clears_after_a_sale(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    s = w.selling
    s.add_code(HIJAB)
    qtbot.keyClicks(s.search, "tenun")
    pay_cash(qtbot, w, "100.000")
    assert s.search.text() == ""
    assert not s.not_found.isVisible()


def test_a_search_that_finds_nothing_says_so_with_the_next_step(jatim: Stand,
                                                               qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    s = w.selling
    qtbot.keyClicks(s.search, "kapal selam")
    assert s.grid_model.product_at(s.grid_model.index(0, 0)) is None
    assert s.not_found.isVisible()
    assert s.not_found.text() == ("No item found: “kapal selam”. Check the spelling, or add "
                                  "it as “Other item (free price)” with F6.")
    s.search.clear()
    assert not s.not_found.isVisible()


def test_the_empty_search_in_indonesian(jatim: Stand, qtbot: QtBot, indonesian: object) -> None:
    w = logged_in(jatim, qtbot)
    qtbot.keyClicks(w.selling.search, "kapal selam")
    assert w.selling.not_found.text().startswith("Barang tidak ditemukan: “kapal selam”.")
    assert "Barang lain (harga bebas)" in w.selling.not_found.text()
    w.selling.add_code("8990000000000")
    assert w.selling.warning.text().startswith("Barang tidak ditemukan: 8990000000000.")


def test_an_unknown_code_is_one_line_with_the_next_step(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    assert not w.selling.add_code("8990000000000")
    assert w.selling.warning.text() == (
        "Item not found: 8990000000000. Check the code, or search by name (F2).")
    assert w.selling.session.cart.is_empty


def test_a_long_paste_is_cut_to_one_short_line(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    s = w.selling
    pasted = "8990000000000 " * 360  # about 5,000 characters, as a clipboard might hold
    QApplication.clipboard().setText(pasted)
    s.scan_input.setFocus()
    s.scan_input.paste()
    assert len(s.scan_input.text()) == CODE_MAX_LENGTH
    qtbot.keyClick(s.scan_input, Qt.Key.Key_Return)
    text = s.warning.text()
    assert "\n" not in text and len(text) < 120
    assert "…" in text
    # a scanner burst bypasses the field: the message still repeats only a short piece
    s.add_code(pasted)
    assert len(s.warning.text()) < 120
    search = s.findChild(QLineEdit, "searchInput")
    assert search is not None and 0 < search.maxLength() <= 200


def test_every_tile_tint_keeps_its_text_readable() -> None:
    """WCAG AA: text on every category's tint has a contrast of at least 4.5:1."""
    for tint in (*TILE_TINTS, PLAIN_TINT):
        assert QColor(tint).isValid()
        assert contrast_ratio(tint, TILE_TEXT) >= 4.5, tint
    assert len(set(TILE_TINTS)) == len(TILE_TINTS)
    assert contrast_ratio("#ffffff", "#000000") == 21  # the formula itself


def test_tiles_are_tinted_by_category_and_show_a_photo_when_given(jatim: Stand,
                                                                 qtbot: QtBot) -> None:
    session = StandSession.open(jatim.handle)
    session.login(CASHIER, CASHIER_PIN)
    red = QPixmap(40, 40)
    red.fill(QColor("#c62828"))
    asked: list[str] = []

    def photo_for(sku: str) -> QPixmap | None:
        asked.append(sku)
        return red if sku == HIJAB else None

    page = SellingPage(session, photo_for=photo_for)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    image = page.grid.viewport().grab().toImage()
    categories = session.catalog.categories()
    assert len(categories) >= 2
    tints = {page.tiles.tints[c] for c in categories}
    assert len(tints) == len(categories)  # each category its own tint
    seen = {image.pixelColor(x, 10).name() for x in range(0, image.width(), 4)}
    assert seen & tints  # the tints are painted
    assert HIJAB in asked
    reds = sum(image.pixelColor(x, y).name() == "#c62828"
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    assert reds > 50  # the photo is drawn on its tile


def test_the_carts_figures_stay_on_one_line_each(jatim: Stand, qtbot: QtBot) -> None:
    """Every figure's column is as wide as Qt needs for its text: "Rp 153.000" is one line,
    never "Rp" above "153.000" (the columns are sized by posapp, not by Qt, for speed)."""
    from posapp.ui.stand.cart_panel import FIGURE_COLUMNS

    w = logged_in(jatim, qtbot)
    s = w.selling
    s.add_code(HIJAB)
    s.add_code(HIJAB)
    s.add_code("JTM-BTK-001")  # Rp 1.250.000: the widest total
    view = s.cart
    header = view.horizontalHeader()
    for col in FIGURE_COLUMNS:
        assert header.sectionSize(col) >= view.sizeHintForColumn(col), col
        for row in range(s.cart_model.rowCount()):
            text = s.cart_model.index(row, col).data()
            assert view.visualRect(s.cart_model.index(row, col)).width() > \
                view.fontMetrics().horizontalAdvance(text), (row, col, text)
