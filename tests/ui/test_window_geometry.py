"""Windows open filling the screen and remember where the user left them, per screen;
dialogs never get bigger than the screen, their buttons below the scrolling content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from posapp.services.session.stand import StandSession
from posapp.ui.common.fit import (
    BREAK,
    breakable,
    fit_dialog,
    screen_key,
    scrolling_body,
    window_settings,
)
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.stand.window import StandWindow


def available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_geometry_is_remembered_in_a_temp_folder_never_the_users() -> None:
    assert not window_settings().fileName().startswith(str(Path.home() / ".config"))


def test_the_stand_window_opens_filling_the_screen(qtbot: QtBot,
                                                   session: StandSession) -> None:
    window_settings().clear()
    window = StandWindow(session)
    qtbot.addWidget(window)
    assert window.geometry() == available()
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_window_left_smaller_opens_there_again_on_the_same_screen(qtbot: QtBot,
                                                                    tmp_path: Path) -> None:
    window_settings().clear()
    first = OrganizerWindow(tmp_path / "organizer.json")
    qtbot.addWidget(first)
    first.show()
    first.setWindowState(Qt.WindowState.WindowNoState)
    left = QRect(available().x() + 20, available().y() + 30, 700, 500)
    first.setGeometry(left)
    QApplication.processEvents()
    first.close()
    screen = QGuiApplication.primaryScreen()
    assert window_settings().value(f"organizer/{screen_key(screen)}") is not None

    again = OrganizerWindow(tmp_path / "organizer.json")
    qtbot.addWidget(again)
    assert again.geometry() == left
    assert not again.windowState() & Qt.WindowState.WindowMaximized


def test_a_remembered_geometry_that_no_longer_fits_is_not_used(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    settings = window_settings()
    settings.setValue(f"organizer/{screen_key(screen)}", "0,0,5000,3000,0")
    settings.sync()
    window = OrganizerWindow(tmp_path / "organizer.json")
    qtbot.addWidget(window)
    assert window.geometry() == available()
    assert window.windowState() & Qt.WindowState.WindowMaximized


def long_dialog(fields: int) -> tuple[QDialog, QPushButton]:
    dialog = QDialog(objectName="longDialog")
    body, buttons = scrolling_body(dialog)
    form = QFormLayout(body)
    for n in range(fields):
        form.addRow(f"Field {n}", QLineEdit(objectName=f"field{n}"))
    ok = QPushButton("OK", objectName="okButton")
    buttons.addStretch(1)
    buttons.addWidget(ok)
    return dialog, ok


def test_a_dialog_taller_than_the_screen_scrolls_and_keeps_its_buttons_visible(
        qtbot: QtBot) -> None:
    dialog, ok = long_dialog(60)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert available().contains(dialog.frameGeometry())
    assert dialog.rect().contains(QRect(ok.mapTo(dialog, ok.rect().topLeft()), ok.size()))
    scroll = dialog.findChild(QScrollArea, "longDialogScroll")
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0


def test_a_short_dialog_opens_at_what_it_needs(qtbot: QtBot) -> None:
    dialog, _ok = long_dialog(3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() < available().height() // 2
    scroll = dialog.findChild(QScrollArea, "longDialogScroll")
    assert scroll is not None and scroll.verticalScrollBar().maximum() == 0


def test_a_long_path_may_wrap_after_each_folder_and_reads_the_same() -> None:
    shown = breakable("/media/usb/laporan/hari-1.xlsx")
    assert shown.count(BREAK) == 4
    assert shown.replace(BREAK, "") == "/media/usb/laporan/hari-1.xlsx"


def test_a_dialog_grows_when_a_message_appears_in_it(qtbot: QtBot) -> None:
    dialog = QDialog(objectName="growingDialog")
    message = QLabel(objectName="message", wordWrap=True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit(objectName="field"))
    layout.addWidget(message)
    fit_dialog(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    message.setText("Jumlah tidak valid. Ketik angka saja, mis. 150.000. " * 12)
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert available().contains(dialog.frameGeometry())


def test_each_stand_window_remembers_its_own_place(qtbot: QtBot,
                                                   session: StandSession) -> None:
    window_settings().clear()
    first = StandWindow(session)
    qtbot.addWidget(first)
    first.show()
    first.setWindowState(Qt.WindowState.WindowNoState)
    left = QRect(available().x() + 20, available().y() + 10, 760, 520)
    first.setGeometry(left)
    QApplication.processEvents()
    first.close()
    screen = QGuiApplication.primaryScreen()
    assert window_settings().value(f"stand-{session.info.code}/{screen_key(screen)}")
    again = StandWindow(session)
    qtbot.addWidget(again)
    assert again.geometry() == left
