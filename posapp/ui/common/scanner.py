"""Barcode scanner detection: tell a scanner's burst of keys from a person typing.

A USB scanner in keyboard mode "types" a code a few milliseconds per key and ends it with a
suffix (Enter, Tab, or nothing); a person rarely types faster than ~50 ms per key. One
`ScannerFilter`, installed on the QApplication, watches every key press in the process:

- printable keys are *held* (swallowed, a copy kept) while a burst may be forming;
- a burst that is fast enough, long enough and ends with the suffix becomes
  ``scanned(code, window)``, and none of its keys reach any widget;
- anything else (a pause longer than ``max_interval_ms``, another key, a burst too short) is
  *replayed* to the widget it was meant for, in order, so typing works with a ~30 ms delay.

Keys with Ctrl/Alt/Meta, auto-repeated keys and keys for a widget (or a child of a widget)
with the dynamic property ``scannerIgnore=True`` pass untouched.

Wiring (once, at start)::

    scanner = ScannerFilter(app, max_interval_ms=settings.scan_ms, suffix=settings.suffix)
    app.installEventFilter(scanner)
    # each window / dialog:
    scanner.scanned.connect(window.on_scanned)   # handles only `if window_arg is self`
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast, get_args

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

Suffix = Literal["enter", "tab", "none"]
SUFFIXES: tuple[str, ...] = get_args(Suffix)

IGNORE_PROPERTY = "scannerIgnore"

_Key = Qt.Key
_SUFFIX_KEYS: dict[str, frozenset[int]] = {
    "enter": frozenset({_Key.Key_Return.value, _Key.Key_Enter.value}),
    "tab": frozenset({_Key.Key_Tab.value}),
    "none": frozenset(),
}
# Pressed on their own, these neither end nor join a burst (scanners press Shift for capitals).
_MODIFIER_KEYS = frozenset(k.value for k in (
    _Key.Key_Shift, _Key.Key_Control, _Key.Key_Alt, _Key.Key_AltGr, _Key.Key_Meta,
    _Key.Key_Super_L, _Key.Key_Super_R, _Key.Key_Hyper_L, _Key.Key_Hyper_R,
    _Key.Key_CapsLock, _Key.Key_NumLock,
))
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
_KEY_PRESS = QEvent.Type.KeyPress
_KEY_RELEASE = QEvent.Type.KeyRelease


@dataclass(frozen=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    target: QWidget


def _owner_window(widget: QWidget) -> QWidget:
    """The window a key for *widget* belongs to: a popup (a completer's list, a menu) counts
    for the window it opened from, its parent's or else the active window."""
    window = widget.window()
    while window.windowType() == Qt.WindowType.Popup:
        parent = window.parentWidget()
        if parent is None:
            active = QApplication.activeWindow()
            return active if active is not None else window
        window = parent.window()
    return window


def _ignored(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.property(IGNORE_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def _elapsed_clock() -> Callable[[], int]:
    timer = QElapsedTimer()
    timer.start()
    return timer.elapsed


class ScannerFilter(QObject):
    """Application-wide key filter that turns scanner bursts into ``scanned(code, window)``.

    *clock* returns milliseconds (monotonic); tests pass a fake one. It is read once per
    key press that the filter looks at, and only to measure gaps between keys: the end of
    a burst is also detected by a single-shot timer when no key follows.
    """

    scanned = Signal(str, QWidget)

    def __init__(self, parent: QObject | None = None, *, max_interval_ms: int = 30,
                 min_length: int = 4, suffix: str = "enter",
                 clock: Callable[[], int] | None = None, enabled: bool = True) -> None:
        super().__init__(parent)
        self._clock = clock or _elapsed_clock()
        self._held: list[_HeldKey] = []
        self._last_ms = 0
        self._unreleased: Counter[int] = Counter()  # swallowed presses whose release is due
        self._replays: list[QKeyEvent] = []  # events being replayed right now (may nest)
        self._passed: tuple[int, Qt.KeyboardModifier, str, QWidget] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._end_burst)
        self._max_interval_ms = 30
        self._min_length = 4
        self._suffix: Suffix = "enter"
        self._enabled = bool(enabled)
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.suffix = suffix

    # -- settings ---------------------------------------------------------------------------

    @property
    def max_interval_ms(self) -> int:
        """Keys closer together than this (ms) belong to one burst."""
        return self._max_interval_ms

    @max_interval_ms.setter
    def max_interval_ms(self, value: int) -> None:
        if int(value) < 1:
            raise ValueError(f"max_interval_ms must be at least 1, not {value!r}")
        self._replay_held()
        self._max_interval_ms = int(value)

    @property
    def min_length(self) -> int:
        """Shortest burst taken as a scan (never less than 2 keys)."""
        return self._min_length

    @min_length.setter
    def min_length(self, value: int) -> None:
        if int(value) < 1:
            raise ValueError(f"min_length must be at least 1, not {value!r}")
        self._min_length = int(value)

    @property
    def suffix(self) -> Suffix:
        """The key the scanner sends after a code: "enter", "tab" or "none"."""
        return self._suffix

    @suffix.setter
    def suffix(self, value: str) -> None:
        if value not in SUFFIXES:
            raise ValueError(f"suffix must be one of {SUFFIXES}, not {value!r}")
        self._replay_held()
        self._suffix = cast(Suffix, value)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        if not value:
            self._replay_held()
            self._unreleased.clear()
        self._enabled = bool(value)

    @property
    def quiet_ms(self) -> int:
        """How long without a key ends a held burst: the interval, doubled if no suffix."""
        return self._max_interval_ms * (2 if self._suffix == "none" else 1)

    # -- the filter -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype != _KEY_PRESS and etype != _KEY_RELEASE:
            return False
        if not self._enabled or not isinstance(watched, QWidget) or self._is_replay(event):
            return False  # QWindow receivers: the same key reaches the focus widget next
        assert isinstance(event, QKeyEvent)
        if etype == _KEY_PRESS:
            return self._on_press(watched, event)
        return self._on_release(event)

    def _on_press(self, widget: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS or self._is_propagation(widget, event):
            return False
        now = self._clock()
        if self._held and now - self._last_ms > self._max_interval_ms:
            self._end_burst()  # the timer was late: the gap already ended the burst
        if (event.modifiers() & _COMMAND_MODIFIERS or event.isAutoRepeat()
                or _ignored(widget)):
            self._end_burst()
            return self._pass(widget, event)
        if key in _SUFFIX_KEYS[self._suffix]:
            if self._is_scan():
                self._unreleased[key] += 1
                self._emit_scan()
                return True
            self._replay_held()
            return self._pass(widget, event)
        text = event.text()
        if not text or not text.isprintable():
            self._end_burst()
            return self._pass(widget, event)
        self._held.append(_HeldKey(key, event.modifiers(), text, widget))
        self._unreleased[key] += 1
        self._last_ms = now
        self._timer.start(self.quiet_ms)
        return True

    def _on_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.isAutoRepeat() or self._unreleased[key] <= 0:
            return False
        self._unreleased[key] -= 1  # its press was held: replayed as press+release, or a scan
        return True

    # -- bursts -----------------------------------------------------------------------------

    def _is_scan(self) -> bool:
        return len(self._held) >= max(2, self._min_length)

    def _end_burst(self) -> None:
        """No more keys for this burst: a scan if there is no suffix to wait for, else typing."""
        if self._suffix == "none" and self._is_scan():
            self._emit_scan()
        else:
            self._replay_held()

    def _emit_scan(self) -> None:
        held, self._held = self._held, []
        self._timer.stop()
        targets = [h.target for h in held if isValid(h.target)]
        if targets:  # state is clean before a slot runs (it may open a dialog)
            self.scanned.emit("".join(h.text for h in held), _owner_window(targets[0]))

    def _replay_held(self) -> None:
        held, self._held = self._held, []
        self._timer.stop()
        for h in held:
            for etype in (_KEY_PRESS, _KEY_RELEASE):
                if isValid(h.target):
                    self._send(h.target, QKeyEvent(etype, h.key, h.modifiers, h.text))

    def _send(self, target: QWidget, event: QKeyEvent) -> None:
        self._replays.append(event)
        try:
            QCoreApplication.sendEvent(target, event)
        finally:
            self._replays.remove(event)

    def _is_replay(self, event: QEvent) -> bool:
        return any(event is e for e in self._replays)

    # -- keys let through -------------------------------------------------------------------

    def _pass(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Let *event* through; remember it so its trip up the parent chain passes too."""
        self._passed = (event.key(), event.modifiers(), event.text(), widget)
        return False

    def _is_propagation(self, widget: QWidget, event: QKeyEvent) -> bool:
        """The key press we let through, ignored by a child, now offered to its parent."""
        if self._passed is None or event.spontaneous():
            return False
        key, modifiers, text, child = self._passed
        return (key == event.key() and modifiers == event.modifiers() and text == event.text()
                and isValid(child) and widget.isAncestorOf(child))
