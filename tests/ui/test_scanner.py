"""ScannerFilter: a scanner's fast burst becomes one scan; a person's typing reaches the field.

Time is a fake clock that moves a fixed step at every key the filter looks at, so "a burst
5 ms apart" or "a person 80 ms apart" is exact whatever the machine's speed. Keys are sent
to the focus widget, as the keyboard would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from posapp.ui.common.scanner import ScannerFilter

CODE = "8991234500017"


class StepClock:
    """Milliseconds that move *step* at each reading (the filter reads once per key)."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.now = 1_000

    def __call__(self) -> int:
        self.now += self.step
        return self.now


class Stand(QWidget):
    """A stand window in miniature: a search box and another field."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}.search")
        self.other = QLineEdit()
        self.other.setObjectName(f"{name}.other")
        self.entered: list[str] = []
        self.search.returnPressed.connect(lambda: self.entered.append(self.search.text()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.other)


@pytest.fixture
def clock() -> StepClock:
    return StepClock(step=Keyboard.SCANNER_MS)


@pytest.fixture
def scanner(qapp: QApplication, clock: StepClock) -> Iterator[ScannerFilter]:
    f = ScannerFilter(clock=clock)
    qapp.installEventFilter(f)
    yield f
    qapp.removeEventFilter(f)
    f.enabled = False


@pytest.fixture
def scans(scanner: ScannerFilter) -> list[tuple[str, QWidget]]:
    got: list[tuple[str, QWidget]] = []
    scanner.scanned.connect(lambda code, window: got.append((code, window)))
    return got


def show(qtbot: QtBot, name: str = "stand") -> Stand:
    w = Stand(name)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    w.search.setFocus()
    assert QApplication.focusWidget() is w.search
    return w


class Keyboard:
    """Keys as the hardware sends them: to the focus widget (or *to*), moving the clock.

    ``scanner`` sends without running the event loop and 5 ms apart on the clock;
    ``person`` waits for real between keys (timers fire) and 80 ms apart on the clock.
    """

    SCANNER_MS, PERSON_MS = 5, 80

    def __init__(self, qtbot: QtBot, clock: StepClock) -> None:
        self.qtbot = qtbot
        self.clock = clock

    def scanner(self, text: str, then: Qt.Key | None = None, *, to: QWidget | None = None) -> None:
        self.send(text, then, to=to, step=self.SCANNER_MS)

    def person(self, text: str, then: Qt.Key | None = None, *, to: QWidget | None = None) -> None:
        self.send(text, then, to=to, step=self.PERSON_MS, delay=self.PERSON_MS)

    def send(self, text: str, then: Qt.Key | None = None, *, to: QWidget | None = None,
             step: int, delay: int = -1) -> None:
        for ch in text:
            self.click(ch, to=to, step=step, delay=delay)
        if then is not None:
            self.click(then, to=to, step=step, delay=delay)

    def click(self, key: Qt.Key | str,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, *,
              to: QWidget | None = None, step: int = SCANNER_MS, delay: int = -1) -> None:
        target = to or QApplication.focusWidget()
        assert target is not None
        self.clock.step = step
        self.qtbot.keyClick(target, key, modifier, delay=delay)


@pytest.fixture
def kb(qtbot: QtBot, clock: StepClock) -> Keyboard:
    return Keyboard(qtbot, clock)


@pytest.mark.parametrize("focus", ["search", "other"])
def test_burst_with_enter_is_one_scan_and_leaves_no_digits(
        qtbot: QtBot, kb: Keyboard, scans: list, focus: str) -> None:
    w = show(qtbot)
    getattr(w, focus).setFocus()

    kb.scanner(CODE, Qt.Key.Key_Return)

    assert scans == [(CODE, w)]
    qtbot.wait(100)  # nothing is replayed later either
    assert (w.search.text(), w.other.text()) == ("", "")
    assert w.entered == []  # the Enter was the scanner's, not the search box's
    assert scans == [(CODE, w)]


def test_burst_with_shifted_capitals(qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    """Scanners press Shift around capitals; Shift alone does not break the burst."""
    w = show(qtbot)
    for ch in "JTM-BTK-001":
        kb.click(ch, Qt.KeyboardModifier.ShiftModifier if ch.isupper()
                 else Qt.KeyboardModifier.NoModifier)
    kb.click(Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    assert scans == [("JTM-BTK-001", w)]
    assert w.search.text() == ""


def test_slow_typing_reaches_the_field_and_enter_works(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    kb.person("batik", Qt.Key.Key_Return)  # real time passes too

    assert w.search.text() == "batik"
    assert w.entered == ["batik"]
    assert scans == []


def test_keys_80ms_apart_are_typing_even_if_the_timer_is_late(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    """A busy event loop delays the timer; the gap measured at each key still decides."""
    w = show(qtbot)
    kb.send(CODE, Qt.Key.Key_Return, step=80)  # 80 ms apart, yet no event loop between keys

    assert w.search.text() == CODE
    assert w.entered == [CODE]
    assert scans == []


def test_a_letter_then_a_pause_shows_up_after_the_hold(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    kb.click("b", step=Keyboard.PERSON_MS)
    assert w.search.text() == ""  # held: it could be the start of a scan

    qtbot.waitUntil(lambda: w.search.text() == "b", timeout=1000)
    kb.person("a")
    qtbot.waitUntil(lambda: w.search.text() == "ba", timeout=1000)
    assert scans == []


def test_short_fast_burst_is_replayed_as_typing_before_the_enter(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    kb.scanner("12", Qt.Key.Key_Return)

    assert w.search.text() == "12"
    assert w.entered == ["12"]  # replayed before the Enter reached the field
    assert scans == []


def test_min_length_can_be_changed_later(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    w = show(qtbot)
    scanner.min_length = 2
    kb.scanner("12", Qt.Key.Key_Return)

    assert scans == [("12", w)]
    assert w.search.text() == ""


def test_tab_suffix_scans_without_moving_focus(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    scanner.suffix = "tab"
    w = show(qtbot)
    kb.scanner(CODE, Qt.Key.Key_Return)
    assert scans == []  # Enter is not this scanner's suffix: the code was typing
    assert w.search.text() == CODE

    w.search.clear()
    kb.scanner(CODE, Qt.Key.Key_Tab)
    assert scans == [(CODE, w)]
    assert w.search.text() == ""
    assert QApplication.focusWidget() is w.search


def test_tab_typed_by_a_person_still_moves_focus(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    scanner.suffix = "tab"
    w = show(qtbot)
    kb.person("ab", Qt.Key.Key_Tab)

    assert w.search.text() == "ab"
    assert QApplication.focusWidget() is w.other
    assert scans == []


def test_no_suffix_ends_the_burst_on_silence(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    scanner.suffix = "none"
    w = show(qtbot)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        kb.scanner(CODE)

    assert blocker.args == [CODE, w]
    assert w.search.text() == ""
    qtbot.wait(100)
    assert scans == [(CODE, w)]


def test_no_suffix_short_burst_is_typing(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    scanner.suffix = "none"
    w = show(qtbot)
    kb.scanner("12")

    qtbot.waitUntil(lambda: w.search.text() == "12", timeout=1000)
    assert scans == []


def test_a_held_down_key_repeating_fast_is_typing(qtbot: QtBot, kb: Keyboard,
                                                 scans: list) -> None:
    """Auto-repeat can be faster than the burst interval; a scanner never auto-repeats."""
    w = show(qtbot)
    kb.click("0")
    for _ in range(5):
        repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier,
                           "0", True)
        QApplication.sendEvent(w.search, repeat)
    kb.click(Qt.Key.Key_Return)

    assert w.search.text() == "000000"
    assert w.entered == ["000000"]
    assert scans == []


def test_ctrl_keys_pass_through_after_the_held_keys(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    kb.scanner("ab")
    kb.click(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    assert w.search.text() == "ab"  # the held "ab" went first
    assert w.search.selectedText() == "ab"  # then Ctrl+A, untouched
    assert scans == []


def test_widget_with_scanner_ignore_gets_its_keys_directly(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    w.other.setProperty("scannerIgnore", True)  # e.g. a PIN field
    w.other.setFocus()
    kb.scanner("12345678", Qt.Key.Key_Return)

    assert w.other.text() == "12345678"  # at once, no hold
    assert scans == []


def test_scanner_ignore_on_a_parent_covers_its_children(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    w = show(qtbot)
    w.setProperty("scannerIgnore", True)  # e.g. a whole PIN dialog
    kb.scanner(CODE, Qt.Key.Key_Return)

    assert w.search.text() == CODE
    assert scans == []


class KeyLog(QWidget):
    """Records the key presses and releases it gets (its own, or those its children leave)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.keys: list[str] = []
        self.releases: list[str] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.text())

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self.releases.append(event.text())


def test_no_press_or_release_of_a_scan_reaches_a_widget(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    log = KeyLog()
    qtbot.addWidget(log)
    with qtbot.waitActive(log):
        log.show()
        log.activateWindow()
    log.setFocus()
    kb.scanner(CODE, Qt.Key.Key_Return)
    assert scans == [(CODE, log)]

    kb.person("ab")  # typing: each press comes with its release, once
    qtbot.waitUntil(lambda: len(log.releases) == 2, timeout=1000)
    qtbot.wait(50)
    assert (log.keys, log.releases) == (["a", "b"], ["a", "b"])


def test_keys_an_ignored_child_leaves_go_up_untouched(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    """A button marked scannerIgnore does not take digits: its parent gets them at once."""
    parent = KeyLog()
    qtbot.addWidget(parent)
    button = QPushButton("PIN pad", parent)
    button.setProperty("scannerIgnore", True)
    with qtbot.waitActive(parent):
        parent.show()
        parent.activateWindow()
    button.setFocus()
    kb.scanner("12345678")
    assert "".join(parent.keys) == "12345678"  # each at once, none held back
    kb.click(Qt.Key.Key_Return)

    assert "".join(parent.keys) == "12345678\r"
    assert scans == []


def test_disabled_filter_lets_everything_through(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    w = show(qtbot)
    scanner.enabled = False
    kb.scanner(CODE, Qt.Key.Key_Return)

    assert w.search.text() == CODE
    assert scans == []


def test_disabling_mid_burst_delivers_the_held_keys(
        qtbot: QtBot, kb: Keyboard, scanner: ScannerFilter, scans: list) -> None:
    w = show(qtbot)
    kb.scanner("899")
    scanner.enabled = False

    assert w.search.text() == "899"
    assert scans == []


def test_two_windows_the_scan_goes_to_the_focused_one(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    a = show(qtbot, "A")
    b = show(qtbot, "B")  # shown last: active, its search box has focus

    kb.scanner(CODE, Qt.Key.Key_Return)
    with qtbot.waitActive(a):
        a.activateWindow()
    a.other.setFocus()
    kb.scanner("8991234500024", Qt.Key.Key_Return)

    assert scans == [(CODE, b), ("8991234500024", a)]
    assert [f.text() for f in (a.search, a.other, b.search, b.other)] == ["", "", "", ""]


def test_burst_into_a_completer_popup_belongs_to_the_window(
        qtbot: QtBot, kb: Keyboard, scans: list) -> None:
    """While the search box's suggestions are open, keys go to the popup list."""
    w = show(qtbot)
    completer = QCompleter(["batik tulis", "batik gedog"], w.search)
    w.search.setCompleter(completer)
    kb.person("ba")
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=1000)

    kb.scanner(CODE, Qt.Key.Key_Return, to=popup)

    assert scans == [(CODE, w)]
    assert w.search.text() == "ba"


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="suffix"):
        ScannerFilter(suffix="space")  # type: ignore[arg-type]
    f = ScannerFilter()
    assert (f.max_interval_ms, f.min_length, f.suffix, f.enabled) == (30, 4, "enter", True)
    with pytest.raises(ValueError, match="max_interval_ms"):
        f.max_interval_ms = 0
