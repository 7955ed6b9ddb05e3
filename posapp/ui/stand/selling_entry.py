"""The selling screen's entry: the search box, the code field and the warning under them.

Long pastes are cut to one short line here: the code field holds at most a code, the search
a few words, and a message repeats at most SHOWN_MAX_LENGTH characters of either.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from posapp.ui.common.widgets import message_label

# The longest code a scanner or a person types (GS1-128 carries at most 48 characters);
# a longer paste is cut here, never repeated in a message.
CODE_MAX_LENGTH = 64
# The longest search (a few words).
SEARCH_MAX_LENGTH = 100
# The most of a code or a search a message repeats (cut with "…").
SHOWN_MAX_LENGTH = 30


def shown(text: str) -> str:
    """*text* as a message repeats it: one line, at most SHOWN_MAX_LENGTH characters."""
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MAX_LENGTH else text[:SHOWN_MAX_LENGTH - 1] + "…"


def say(label: QLabel, text: str) -> None:
    """A notice line: shown while it has words."""
    label.setText(text)
    label.setVisible(bool(text))


class EntryBar(QWidget):
    """Search (F2) and code (F3) side by side, a warning line under them; ``code_entered``
    says a code typed and confirmed with Enter (the field is emptied for the next one)."""

    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchInput")
        self.search.setClearButtonEnabled(True)
        self.search_clear = self.search.findChild(QToolButton)  # Qt's own, named for readers
        if self.search_clear is not None:
            self.search_clear.setObjectName("searchClearButton")
        self.search.setMinimumHeight(44)
        self.search.setMaxLength(SEARCH_MAX_LENGTH)
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setMinimumHeight(44)
        self.scan_input.setMaxLength(CODE_MAX_LENGTH)
        self.scan_input.returnPressed.connect(self._typed_code)
        self.warning = message_label("scanWarning", self)
        self.warning.setProperty("role", "warning")
        top = QGridLayout()
        top.addWidget(self.search, 0, 0)
        top.addWidget(self.scan_input, 0, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.warning)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, SKU, barcode, maker group (F2)"))
        self.scan_input.setPlaceholderText(self.tr("Type or scan a code, Enter (F3)"))
        if self.search_clear is not None:
            self.search_clear.setAccessibleName(self.tr("Clear the search"))
        self.search.setAccessibleName(self.tr("Search products"))
        self.scan_input.setAccessibleName(self.tr("Code"))

    def unknown_code(self, code: str) -> str:
        """What the warning says of a code no product has, with the next step."""
        return self.tr("Item not found: {code}. Check the code, or search by name "
                       "(F2).").format(code=shown(code))

    def warn(self, text: str) -> None:
        """The warning line says *text* ("" hides it)."""
        say(self.warning, text)

    def clear_search(self) -> None:
        if self.search.text():
            self.search.clear()

    def _typed_code(self) -> None:
        code = self.scan_input.text().strip()
        self.scan_input.clear()
        if code:
            self.code_entered.emit(code)
