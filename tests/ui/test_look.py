"""The look as a user sees it: the stylesheet loads without Qt's complaints, a role changes
the colour a button is drawn in, the focus ring shows, every mapped icon loads, and the
stand and organizer windows carry their icons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.resources import resource
from posapp.services.session.stand import StandSession
from posapp.ui.common.look import (
    ICON_COLOUR,
    ICON_FOR,
    apply_icons,
    apply_look,
    icon,
    icons_dir,
)
from posapp.ui.common.look_tokens import COLOURS, stylesheet
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.stand.window import StandWindow
from tests.conftest import Stand
from tests.unit.test_look_contrast import contrast


@pytest.fixture
def look(qapp: QApplication) -> Iterator[QApplication]:
    """The look on the shared application for one test, the plain one again afterwards."""
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), qapp.font()
    apply_look(qapp)
    yield qapp
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def colour_at(widget: QWidget, x: int, y: int) -> str:
    image = widget.grab().toImage()
    scale = image.devicePixelRatio()
    return QColor(image.pixel(int(x * scale), int(y * scale))).name()


#: the shown buttons' windows, kept alive until the test's end (qtbot closes them)
HOLDERS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _let_go() -> Iterator[None]:
    yield
    HOLDERS.clear()


def shown_button(qtbot: QtBot, role: str | None, name: str = "plainButton") -> QPushButton:
    holder = QWidget()
    HOLDERS.append(holder)
    qtbot.addWidget(holder)
    b = QPushButton("Bayar Rp 625.000", holder)
    b.setObjectName(name)
    if role:
        b.setProperty("role", role)
    QVBoxLayout(holder).addWidget(b)
    holder.resize(320, 90)
    holder.show()
    qtbot.waitExposed(holder)
    return b


def test_the_stylesheet_and_a_stand_window_load_without_qt_warnings(
        qapp: QApplication, jatim: Stand, qtbot: QtBot, qtlog) -> None:  # type: ignore[no-untyped-def]
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), qapp.font()
    try:
        apply_look(qapp)
        window = StandWindow(StandSession.open(jatim.handle))
        qtbot.addWidget(window)
        apply_icons(window)
        window.show()
        qtbot.waitExposed(window)
        window.grab()
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setFont(font)
    complaints = [r.message for r in qtlog.records
                  if r.type.name in ("QtWarningMsg", "QtCriticalMsg")
                  and "propagateSizeHints" not in r.message]  # the offscreen platform's
    assert complaints == []
    assert qapp.styleSheet() == ""  # and the fixture-less test left the app as it was


def test_every_token_in_the_stylesheet_is_filled_in() -> None:
    sheet = stylesheet()
    assert "@" not in re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    assert COLOURS["primary"] in sheet and COLOURS["focus"] in sheet


def test_a_role_changes_the_colour_a_button_is_drawn_in(look: QApplication,
                                                        qtbot: QtBot) -> None:
    inside = {}
    edge = {}
    for role in (None, "primary", "secondary", "danger"):
        b = shown_button(qtbot, role)
        inside[role] = colour_at(b, 6, b.height() // 2)
        edge[role] = colour_at(b, 0, b.height() // 2)
    assert inside[None] == COLOURS["surface"]
    assert inside["primary"] == COLOURS["primary"]
    assert inside["secondary"] == COLOURS["primary_tint"]
    assert inside["danger"] == COLOURS["surface"] and edge["danger"] == COLOURS["danger"]
    assert edge[None] == COLOURS["border"]


def test_a_notice_strip_is_tinted_by_its_role(look: QApplication, qtbot: QtBot) -> None:
    holder = QWidget()
    HOLDERS.append(holder)
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    strips = {}
    for role in ("banner", "warning", None):
        strip = QLabel("1 struk belum tercetak", holder)
        if role:
            strip.setProperty("role", role)
        layout.addWidget(strip)
        strips[role] = strip
    holder.resize(400, 160)
    holder.show()
    qtbot.waitExposed(holder)
    middle = {role: colour_at(s, s.width() - 3, s.height() // 2) for role, s in strips.items()}
    edge = {role: colour_at(s, 1, s.height() // 2) for role, s in strips.items()}
    assert middle == {"banner": COLOURS["primary_tint"], "warning": COLOURS["warning_tint"],
                      None: COLOURS["window"]}
    assert (edge["banner"], edge["warning"]) == (COLOURS["primary"], COLOURS["warning_edge"])


def test_the_primary_button_is_larger_and_bold(look: QApplication, qtbot: QtBot) -> None:
    plain, primary = shown_button(qtbot, None), shown_button(qtbot, "primary")
    assert primary.font().bold() and not plain.font().bold()
    assert primary.font().pointSizeF() > plain.font().pointSizeF()


def test_the_focus_ring_shows_on_a_button_and_a_text_field(look: QApplication,
                                                           qtbot: QtBot) -> None:
    b = shown_button(qtbot, None)
    other = QPushButton("Kembali", b.parentWidget())
    b.parentWidget().layout().addWidget(other)
    other.show()
    other.setFocus()
    qtbot.waitUntil(lambda: other.hasFocus())
    assert colour_at(b, 0, b.height() // 2) == COLOURS["border"]
    b.setFocus()
    qtbot.waitUntil(lambda: b.hasFocus())
    assert colour_at(b, 0, b.height() // 2) == COLOURS["focus"]
    assert colour_at(b, 1, b.height() // 2) == COLOURS["focus"]  # two pixels wide
    assert contrast(COLOURS["focus"], COLOURS["surface"]) >= 3


def test_the_palette_pairs_reach_wcag_aa(look: QApplication) -> None:
    p, r = look.palette(), QPalette.ColorRole
    for text, background in ((r.WindowText, r.Window), (r.Text, r.Base),
                             (r.ButtonText, r.Button), (r.HighlightedText, r.Highlight),
                             (r.PlaceholderText, r.Base), (r.ToolTipText, r.ToolTipBase),
                             (r.Text, r.AlternateBase)):
        ratio = contrast(p.color(text).name(), p.color(background).name())
        assert ratio >= 4.5, (text, background, ratio)


def test_every_mapped_icon_loads_and_is_drawn_in_its_colour(qapp: QApplication) -> None:
    for name in sorted(set(ICON_FOR.values())):
        drawn = icon(name, "#b42318")
        assert not drawn.isNull(), name
        image = drawn.pixmap(24, 24).toImage()
        inked = {QColor(image.pixel(x, y)).name() for x in range(image.width())
                 for y in range(image.height()) if QColor(image.pixel(x, y)).alpha() == 255}
        assert "#b42318" in inked, name
    assert icon("no-such-icon").isNull()


def test_the_shipped_icons_are_those_used_with_their_licence() -> None:
    shipped = {p.stem for p in icons_dir().glob("*.svg")}
    in_sheet = set(re.findall(r"url\(icons:([a-z0-9-]+)\.svg\)",
                              resource("style/posapp.qss").read_text(encoding="utf-8")))
    assert shipped == set(ICON_FOR.values()) | in_sheet
    licence = (icons_dir() / "LICENSE").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence


def test_the_stand_window_gets_icons_on_its_main_actions(look: QApplication, jatim: Stand,
                                                         qtbot: QtBot) -> None:
    window = StandWindow(StandSession.open(jatim.handle))
    qtbot.addWidget(window)
    apply_icons(window)
    for name in ("history", "orders", "catalog", "settings", "syncNow", "logout",
                 "closeShift", "customerDisplay"):
        assert not window.menu_actions[name].icon().isNull(), name
    assert window.selling.pay.icon().isNull() == bool(window.selling.pay.styleSheet())
    assert not window.selling.remove.icon().isNull()
    assert not window.login.login_button.icon().isNull()
    fields = len(window.selling.search.actions())
    apply_icons(window)  # twice: still one search icon in the field
    assert len(window.selling.search.actions()) == fields >= 1


def test_a_dialog_opened_later_gets_its_icons_when_first_shown(look: QApplication,
                                                               qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    void, close = QPushButton("Batalkan", dialog), QPushButton("Tutup", dialog)
    void.setObjectName("voidButton")
    void.setProperty("role", "danger")
    close.setObjectName("historyCloseButton")  # not a main action: words alone
    mine = QPushButton("Cetak", dialog)
    mine.setObjectName("reprintButton")
    own = QIcon(str(icons_dir() / "x.svg"))
    mine.setIcon(own)
    assert void.icon().isNull()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not void.icon().isNull() and close.icon().isNull()
    image = void.icon().pixmap(24, 24).toImage()
    assert any(QColor(image.pixel(x, y)).name() == ICON_COLOUR["danger"]
               for x in range(24) for y in range(24))
    assert mine.icon().cacheKey() == own.cacheKey()  # an icon set elsewhere stays


def test_a_button_with_colours_of_its_own_gets_no_icon(look: QApplication,
                                                       qtbot: QtBot) -> None:
    b = shown_button(qtbot, None, "payButton")
    assert not b.icon().isNull()
    own = shown_button(qtbot, None, "voidButton")
    own.setStyleSheet("background: #2e7d32; color: white;")
    own.setIcon(QIcon())
    own.setProperty("lookIcon", None)
    own.style().unpolish(own)
    own.style().polish(own)
    assert own.icon().isNull()


def test_a_role_set_later_recolours_the_icon(look: QApplication, qtbot: QtBot) -> None:
    b = shown_button(qtbot, None, "payButton")
    before = b.icon().pixmap(24, 24).toImage()
    b.setProperty("role", "primary")
    b.style().unpolish(b)
    b.style().polish(b)
    after = b.icon().pixmap(24, 24).toImage()
    colours = {QColor(after.pixel(x, y)).name() for x in range(24) for y in range(24)
               if QColor(after.pixel(x, y)).alpha() == 255}
    assert before != after and COLOURS["on_primary"] in colours


def test_the_organizer_window_has_the_same_look_and_its_icons(look: QApplication,
                                                             qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    window = OrganizerWindow(tmp_path / "organizer.json")
    qtbot.addWidget(window)
    apply_icons(window)
    window.show()
    qtbot.waitExposed(window)
    for name in ("openFile", "newFile", "openUrl"):
        assert not window.buttons[name].icon().isNull(), name
        assert not window.menu_actions[name].icon().isNull(), name
    assert not window.merge_panel.merge_button.icon().isNull()
    assert colour_at(window, 2, window.height() // 2) == COLOURS["window"]
    assert window.font().pointSizeF() == 10.0
