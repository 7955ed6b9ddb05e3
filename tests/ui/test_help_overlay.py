"""The key help over the stand window (F1, or ?): every key of the key map with what it
does, in the user's language; and docs/ui.md's key table, made from the same map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from posapp.ui.stand.help_overlay import GROUPS, KEY_HELP, keys_table
from posapp.ui.stand.keymap import KEYS
from tests.conftest import Stand
from tests.ui.test_stand_window import logged_in

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_has_a_description_and_a_screen() -> None:
    assert {k.name for k in KEYS} == set(KEY_HELP)
    assert {k.where for k in KEYS} <= set(GROUPS)
    assert all(text.strip() for text in KEY_HELP.values())


def test_f1_shows_every_key_and_esc_closes_it(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    assert not w.help.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert w.help.isVisible()
    assert w.help.geometry() == w.rect()  # over the whole window
    for k in KEYS:
        assert w.help.descriptions[k.name].text() == KEY_HELP[k.name]
        assert w.help.keys[k.name].text()
    assert w.help.keys["newSale"].text() == "Enter"
    assert w.help.group_titles["paid"].text() == "After paying"
    qtbot.keyClick(w.help, Qt.Key.Key_Escape)
    assert not w.help.isVisible()
    assert w.selling.scan_input.hasFocus()  # back where the cashier was


def test_f1_again_or_a_click_closes_it(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.keyClick(w.help, Qt.Key.Key_F1)
    assert not w.help.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.mouseClick(w.help, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not w.help.isVisible()


def test_a_question_mark_opens_it_unless_typed_into_a_field(jatim: Stand,
                                                           qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    w.selling.search.setFocus()
    qtbot.keyClicks(w.selling.search, "?")
    assert w.selling.search.text() == "?" and not w.help.isVisible()
    w.selling.cart.setFocus()
    qtbot.keyClick(w.selling.cart, "?")
    assert w.help.isVisible()
    qtbot.keyClick(w.help, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert not w.help.isVisible()  # typed with Shift, as on most keyboards
    w.selling.search.setFocus()
    qtbot.keyClick(w.selling.search, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert w.selling.search.text() == "??" and not w.help.isVisible()


def test_the_help_in_indonesian(jatim: Stand, qtbot: QtBot, indonesian: object) -> None:
    w = logged_in(jatim, qtbot)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert w.help.title.text() == "Tombol pintas"
    assert w.help.group_titles["selling"].text() == "Layar penjualan"
    assert w.help.descriptions["reprint"].text() == "Cetak ulang struk"
    assert w.help.close_button.text() == "Tutup (Esc)"


def test_the_docs_key_table_is_the_key_map() -> None:
    text = (ROOT / "docs" / "ui.md").read_text(encoding="utf-8")
    assert keys_table() in text
    assert "| Everywhere | `F1` | Show or close this list of keys |" in text
    done = subprocess.run([sys.executable, "scripts/keys_doc.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
