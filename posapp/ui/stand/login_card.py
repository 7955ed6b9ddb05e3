"""The log-in card's parts: the stand's name on a card, the cashiers as buttons, a PIN pad."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.stand import StandInfo
from posapp.ui.common.widgets import big_label, button

#: A card's least width, in widths of "M".
CARD_WIDTH_EM = 30
#: Name buttons per row.
NAME_COLUMNS = 2
#: Wider names than this (in widths of "M") get one name a row.
ONE_COLUMN_EM = 16
#: Arrow keys on the grid of names: (columns, rows) to move.
ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
          Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
#: Rows of names shown before the list scrolls (when the window has the room).
ROWS_SHOWN = 6
#: A name button's least width, in widths of "M": room for a name of about 12 letters.
NAME_WIDTH_EM = 10
#: Touch-sized keys (px): a name and a PIN pad key.
KEY_HEIGHT = 52


class Card(QFrame):
    """A compact framed card with the stand's name and province on top; ``body`` below."""

    def __init__(self, name: str, info: StandInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stand_label = big_label(f"{name}Stand", 22, self)
        self.stand_label.setText(info.name)
        self.stand_label.setWordWrap(True)
        self.place_label = big_label(f"{name}Place", 13, self, bold=False)
        self.place_label.setText(" · ".join(t for t in (info.province, info.event_name) if t))
        self.place_label.setWordWrap(True)
        for label in (self.stand_label, self.place_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # wide enough for the stand's name and province on a line or two, never past the
        # narrowest screen
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * CARD_WIDTH_EM)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(10)
        self.body.addWidget(self.stand_label)
        self.body.addWidget(self.place_label)


def centred(page: QWidget, card: QWidget) -> QGridLayout:
    """Lay *card* out in the middle of *page*, at its own size; the page scrolls when the
    window is smaller than the card. Returns the layout that centres it."""
    inner = QWidget()
    grid = QGridLayout(inner)
    grid.addWidget(card, 1, 1)
    for i in (0, 2):
        grid.setRowStretch(i, 1)
        grid.setColumnStretch(i, 1)
    scroll = QScrollArea(page)
    scroll.setObjectName(f"{page.objectName()}Scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(scroll)
    return grid


class NameButtons(QScrollArea):
    """The cashiers as large buttons (two a row, scrolling when there are many): a click,
    Space or Enter picks one; arrows move between them; a letter jumps to the next name
    starting with it. ``picked(name)`` says which."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginNames")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the buttons take it
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.buttonClicked.connect(self._clicked)
        self.buttons: list[QPushButton] = []
        self.columns = NAME_COLUMNS
        self._content = QWidget(self)
        self._grid = QGridLayout(self._content)
        self.setWidget(self._content)

    def sizeHint(self) -> QSize:
        """As wide as the names, as high as they are up to ROWS_SHOWN rows (then scrolls)."""
        content = self._content.sizeHint()
        rows = max(1, min(ROWS_SHOWN, -(-len(self.buttons) // self.columns)))
        row = KEY_HEIGHT + self._grid.verticalSpacing()
        return QSize(content.width() + self._bar_width(), min(content.height(), rows * row))

    def minimumSizeHint(self) -> QSize:
        """The names' width (never cut), one row high."""
        return QSize(self._content.minimumSizeHint().width() + self._bar_width(), KEY_HEIGHT)

    def _bar_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def set_names(self, names: list[str]) -> None:
        """One button per name, in this order; nothing picked."""
        self._content = QWidget(self)  # setWidget deletes the old names' buttons
        self._grid = QGridLayout(self._content)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.buttons = []
        for i, name in enumerate(names):
            b = button(f"loginNameButton{i}", self._content, height=KEY_HEIGHT)
            b.setText(name.replace("&", "&&"))
            b.setAccessibleName(name)
            b.setProperty("loginName", name)
            b.setCheckable(True)
            b.installEventFilter(self)
            self.group.addButton(b)
            self.buttons.append(b)
        em = self.fontMetrics().horizontalAdvance("M")
        widest = max([em * NAME_WIDTH_EM, *(b.sizeHint().width() for b in self.buttons)])
        # a very long name gets a row of its own, so the card stays narrower than the screen
        self.columns = NAME_COLUMNS if widest <= em * ONE_COLUMN_EM else 1
        for i, b in enumerate(self.buttons):
            self._grid.addWidget(b, i // self.columns, i % self.columns)
        for column in range(self.columns):
            self._grid.setColumnMinimumWidth(column, widest)
        self._grid.setRowStretch(len(names) // self.columns + 1, 1)
        self.setWidget(self._content)
        self.updateGeometry()  # as wide as the new names

    def current(self) -> str:
        """The picked name, or ''."""
        checked = self.group.checkedButton()
        return str(checked.property("loginName")) if checked is not None else ""

    def focused(self) -> str:
        """The name whose button has the keyboard focus, or ''."""
        return next((str(b.property("loginName")) for b in self.buttons if b.hasFocus()), "")

    def pick(self, name: str, *, announce: bool = True) -> bool:
        """Pick *name* (compared without case); False when no button has it."""
        for b in self.buttons:
            if str(b.property("loginName")).casefold() == name.casefold():
                b.setChecked(True)
                self.ensureWidgetVisible(b)
                if announce:
                    self.picked.emit(str(b.property("loginName")))
                return True
        return False

    def focus_first(self) -> None:
        target = self.group.checkedButton() or (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(target)

    def jump(self, letter: str) -> bool:
        """Focus the next name after the focused one that starts with *letter*; no pick yet
        (Enter picks it), so typing through several names never jumps to the PIN."""
        focused = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), -1)
        count = len(self.buttons)
        for step in range(1, count + 1):
            b = self.buttons[(focused + step) % count]
            if str(b.property("loginName"))[:1].casefold() == letter.casefold():
                b.setFocus(Qt.FocusReason.OtherFocusReason)
                self.ensureWidgetVisible(b)
                return True
        return False

    def _move(self, index: int, across: int, down: int) -> None:
        """Arrows move the focus on the grid of names (a name is picked with Enter)."""
        target = index + across + down * self.columns
        if across and target // self.columns != index // self.columns:
            return  # left and right stay on their row
        if 0 <= target < len(self.buttons):
            self.buttons[target].setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(self.buttons[target])

    def _clicked(self, b: QAbstractButton) -> None:
        b.setChecked(True)
        self.picked.emit(str(b.property("loginName")))

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if (isinstance(watched, QPushButton) and watched in self.buttons
                and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                watched.click()
                return True
            arrow = ARROWS.get(Qt.Key(event.key()))
            if arrow is not None:
                self._move(self.buttons.index(watched), *arrow)
                return True
            text = event.text()
            if text.isalpha() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.jump(text)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class PinPad(QWidget):
    """0-9, delete and OK as touch keys, typing into *field* (which keeps the keyboard:
    the keys never take the focus). ``ok`` is the OK key's click."""

    ok = Signal()

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.field = field
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.digits: list[QPushButton] = []
        for digit in range(10):
            key = self._key(f"pinKey{digit}", str(digit))
            key.clicked.connect(lambda _=False, d=str(digit): self._type(d))
            row, column = (3, 1) if digit == 0 else ((digit - 1) // 3, (digit - 1) % 3)
            grid.addWidget(key, row, column)
            self.digits.append(key)
        self.delete = self._key("pinDeleteButton", "")
        self.delete.setAutoRepeat(True)
        self.delete.clicked.connect(self.field.backspace)
        self.ok_button = self._key("loginButton", "")
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        self.ok_button.clicked.connect(self.ok)
        grid.addWidget(self.delete, 3, 0)
        grid.addWidget(self.ok_button, 3, 2)
        for column in range(3):  # three equal columns, however wide "Masuk" or "Hapus" is
            grid.setColumnStretch(column, 1)
        self.grid = grid

    def showEvent(self, event: QShowEvent) -> None:
        """Equal key columns as wide as the widest key (its text is known by now)."""
        widest = max(k.sizeHint().width() for k in (*self.digits, self.delete, self.ok_button))
        for column in range(3):
            self.grid.setColumnMinimumWidth(column, widest)
        super().showEvent(event)

    def _key(self, name: str, text: str) -> QPushButton:
        key = button(name, self, height=KEY_HEIGHT)
        key.setText(text)
        key.setAccessibleName(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setProperty("role", "secondary")
        return key

    def _type(self, digit: str) -> None:
        self.field.insert(digit)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
