"""The key help (F1, or ? when the focus is not in a text field): every key of the stand
window with what it does, grouped by screen, over the window; Esc, F1 or a click closes it.

What each key does is said once, here (``KEY_HELP``, in English for ``self.tr``); the keys
themselves come from ``keymap.KEYS``, and ``docs/ui.md``'s key table is made from both
(``scripts/keys_doc.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.common.widgets import button
from posapp.ui.stand.keymap import KEYS, Key

CONTEXT = "HelpOverlay"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks *text* for the catalog under *context* (pyside6-lupdate reads the call by this
    name); Qt's own is typed as returning an object."""
    return text


# The screens, in the order the help shows them, with their titles.
GROUPS: dict[str, str] = {
    "selling": QT_TRANSLATE_NOOP("HelpOverlay", "Selling"),
    "payment": QT_TRANSLATE_NOOP("HelpOverlay", "Payment"),
    "paid": QT_TRANSLATE_NOOP("HelpOverlay", "After paying"),
    "window": QT_TRANSLATE_NOOP("HelpOverlay", "Everywhere"),
    "customerDisplay": QT_TRANSLATE_NOOP("HelpOverlay", "Customer display (docked)"),
}

# What each key of ``keymap.KEYS`` does, by the key's name (a test checks none is missing).
KEY_HELP: dict[str, str] = {
    "help": QT_TRANSLATE_NOOP("HelpOverlay", "Show or close this list of keys"),
    "helpMark": QT_TRANSLATE_NOOP("HelpOverlay",
                                  "The same list of keys (when not typing in a field)"),
    "search": QT_TRANSLATE_NOOP("HelpOverlay",
                                "Search products: name, SKU, barcode, maker group; "
                                "Down goes to the results, Enter adds"),
    "code": QT_TRANSLATE_NOOP("HelpOverlay", "Type or scan a product's code"),
    "quantity": QT_TRANSLATE_NOOP("HelpOverlay", "Change the quantity of the selected line"),
    "syncNow": QT_TRANSLATE_NOOP("HelpOverlay", "Sync with the central store now"),
    "otherItem": QT_TRANSLATE_NOOP("HelpOverlay",
                                   "Other item (free price): an item not in the catalog"),
    "lineDiscount": QT_TRANSLATE_NOOP("HelpOverlay", "Discount on the selected item"),
    "cartDiscount": QT_TRANSLATE_NOOP("HelpOverlay", "Discount on the whole sale"),
    "history": QT_TRANSLATE_NOOP("HelpOverlay", "Sales history: void, refund, print a copy"),
    "orders": QT_TRANSLATE_NOOP("HelpOverlay", "The orders list"),
    "catalog": QT_TRANSLATE_NOOP("HelpOverlay", "The catalog: products, prices, stock"),
    "pay": QT_TRANSLATE_NOOP("HelpOverlay", "Pay"),
    "newOrder": QT_TRANSLATE_NOOP("HelpOverlay", "A new order (the cart's items, for later)"),
    "removeLine": QT_TRANSLATE_NOOP("HelpOverlay", "Remove the selected line"),
    "more": QT_TRANSLATE_NOOP("HelpOverlay", "One more of the selected line"),
    "less": QT_TRANSLATE_NOOP("HelpOverlay", "One less of the selected line"),
    "logout": QT_TRANSLATE_NOOP("HelpOverlay", "Change cashier"),
    "customerDisplay": QT_TRANSLATE_NOOP("HelpOverlay", "Open or close the customer display"),
    "closeCustomerDisplay": QT_TRANSLATE_NOOP("HelpOverlay",
                                              "Close the customer display (after clicking it)"),
    "methodCash": QT_TRANSLATE_NOOP("HelpOverlay", "Pay in cash"),
    "methodQris": QT_TRANSLATE_NOOP("HelpOverlay", "Pay by QRIS"),
    "methodCard": QT_TRANSLATE_NOOP("HelpOverlay", "Pay by card (the bank's terminal)"),
    "methodTransfer": QT_TRANSLATE_NOOP("HelpOverlay", "Pay by bank transfer"),
    "quickCash1": QT_TRANSLATE_NOOP("HelpOverlay", "Cash: the exact amount"),
    "quickCash2": QT_TRANSLATE_NOOP("HelpOverlay", "Cash: the 2nd quick amount"),
    "quickCash3": QT_TRANSLATE_NOOP("HelpOverlay", "Cash: the 3rd quick amount"),
    "quickCash4": QT_TRANSLATE_NOOP("HelpOverlay", "Cash: the 4th quick amount"),
    "quickCash5": QT_TRANSLATE_NOOP("HelpOverlay", "Cash: the 5th quick amount"),
    "splitPayment": QT_TRANSLATE_NOOP("HelpOverlay",
                                      "Split the payment (part cash, part another way)"),
    "qrisSlip": QT_TRANSLATE_NOOP("HelpOverlay",
                                  "Print the QRIS code for the amount due on a slip"),
    "confirm": QT_TRANSLATE_NOOP("HelpOverlay", "Confirm the payment"),
    "back": QT_TRANSLATE_NOOP("HelpOverlay", "Back to the cart"),
    "newSale": QT_TRANSLATE_NOOP("HelpOverlay", "Start the next sale"),
    "reprint": QT_TRANSLATE_NOOP("HelpOverlay", "Print the receipt again"),
}

# Keys whose usual name reads better than Qt's.
KEY_WORDS: dict[str, str] = {"Return": "Enter"}


def key_text(k: Key) -> str:
    """How the key is written on the keyboard: ``F12``, ``Shift+F12``, ``Enter``."""
    if k.sequence in KEY_WORDS:
        return KEY_WORDS[k.sequence]
    return QKeySequence(k.sequence).toString(QKeySequence.SequenceFormat.NativeText) \
        or k.sequence


def tr(text: str) -> str:
    """*text* (from KEY_HELP or GROUPS) in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


class HelpOverlay(QWidget):
    """The key list over its parent (the stand window), hidden until ``toggle``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setProperty("role", "overlay")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._back_to: QWidget | None = None
        self._build()
        self.retranslate()
        self.hide()
        parent.installEventFilter(self)  # follow the window's size

    def _build(self) -> None:
        self.card = QFrame(self)
        self.card.setObjectName("helpCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        self.title = QLabel(self.card)
        self.title.setObjectName("helpTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.closing = QLabel(self.card)
        self.closing.setObjectName("helpClosing")
        self.closing.setWordWrap(True)
        body = QWidget()
        columns = QGridLayout(body)
        self.group_titles: dict[str, QLabel] = {}
        self.keys: dict[str, QLabel] = {}
        self.descriptions: dict[str, QLabel] = {}
        for i, where in enumerate(GROUPS):
            group = QGridLayout()
            title = QLabel(body)
            title.setObjectName(f"helpGroup_{where}")
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            title.setMinimumHeight(QFontMetrics(bold).height() + 1)
            self.group_titles[where] = title
            group.addWidget(title, 0, 0, 1, 2)
            for row, k in enumerate((k for k in KEYS if k.where == where), start=1):
                shown = QLabel(key_text(k), body)
                shown.setObjectName(f"helpKey_{k.name}")
                shown.setFont(bold)
                said = QLabel(body)
                said.setObjectName(f"helpText_{k.name}")
                said.setWordWrap(True)
                self.keys[k.name], self.descriptions[k.name] = shown, said
                for label in (shown, said):  # a short screen scrolls, never squeezes a line
                    label.setMinimumHeight(label.fontMetrics().height() + 1)
                group.addWidget(shown, row, 0, Qt.AlignmentFlag.AlignTop)
                group.addWidget(said, row, 1)
            group.setColumnStretch(1, 1)
            group.setRowStretch(group.rowCount(), 1)
            columns.addLayout(group, i // 2 * 2, i % 2)  # selling | payment, after | everywhere
        self.scroller = QScrollArea(self.card)
        self.scroller.setObjectName("helpScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)
        self.close_button = button("closeHelpButton", self.card)
        self.close_button.setProperty("role", "secondary")
        self.close_button.clicked.connect(self.close_help)
        inner = QVBoxLayout(self.card)
        inner.addWidget(self.title)
        inner.addWidget(self.closing)
        inner.addWidget(self.scroller, 1)
        inner.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.card)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keys"))
        self.closing.setText(self.tr("Esc, F1 or a click closes this list."))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the list of keys"))
        self.setAccessibleName(self.tr("Keys"))
        for where, title in self.group_titles.items():
            title.setText(tr(GROUPS[where]))
        for name, label in self.descriptions.items():
            label.setText(tr(KEY_HELP[name]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing ---------------------------------------------------------------------
    def toggle(self) -> None:
        """Show the key list over the window, or close it when shown."""
        if self.isVisible():
            self.close_help()
        else:
            self.open_help()

    def open_help(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self._back_to = parent.focusWidget()
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def close_help(self) -> None:
        self.hide()
        if self._back_to is not None:
            self._back_to.setFocus()
        self._back_to = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.close_help()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_help()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and self.isVisible() \
                and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return super().eventFilter(watched, event)


def keys_table() -> str:
    """The key map as a Markdown table in English, grouped by screen (docs/ui.md has it
    between its ``keys:start``/``keys:end`` marks; ``scripts/keys_doc.py`` writes it)."""
    rows = ["| Screen | Key | What it does |", "|---|---|---|"]
    for where, title in GROUPS.items():
        for k in KEYS:
            if k.where == where:
                shown = KEY_WORDS.get(k.sequence, k.sequence).replace("|", "\\|")
                rows.append(f"| {title} | `{shown}` | {KEY_HELP[k.name]} |")
    return "\n".join(rows) + "\n"
