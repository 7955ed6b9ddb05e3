"""Printer trouble on the selling screen: a strip that says a receipt did not print and why,
with "Cetak ulang" and "Atur printer"; it goes when nothing is left to print. When the
printer got nothing of the receipts (it did not answer, is out of paper or off line), the
strip also says they print by themselves once the printer answers again.

A stand with no printer set is asked once, at its first sale, on the same strip: set a
printer up now, or sell without one (receipts are then PDF files in a folder). The answer is
kept in the stand's settings, so it is not asked again (also after a restart).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from posapp.domain.errors import PosError
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.widgets import button
from posapp.ui.stand.print_controller import PrintController


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class PrinterBanner(QFrame):
    """The strip; ``setup_requested`` asks the window to open the settings' printer part."""

    setup_requested = Signal()

    def __init__(self, session: StandSession, printing: PrintController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.printing = printing
        self.setObjectName("printerBanner")
        self.setProperty("role", "banner")
        self.text = QLabel(self)
        self.text.setObjectName("printerBannerText")
        self.text.setWordWrap(True)
        self.retry = button("printerRetryButton", self)
        self.retry.setProperty("role", "secondary")
        self.retry.clicked.connect(self._retry)
        self.setup = button("printerSetupButton", self)
        self.setup.setProperty("role", "secondary")
        self.setup.clicked.connect(self._setup)
        self.without = button("sellWithoutPrinterButton", self)
        self.without.setProperty("role", "secondary")
        self.without.clicked.connect(self._without_printer)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry)
        row.addWidget(self.setup)
        row.addWidget(self.without)
        self._asking = False
        self._problem = ""
        self._by_itself = False
        printing.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.retry.setText(self.tr("Print again"))
        self.setup.setText(self.tr("Set up printer"))
        self.without.setText(self.tr("Sell without a printer"))
        for widget, name in ((self.retry, self.tr("Print the receipts again")),
                             (self.setup, self.tr("Set up the printer")),
                             (self.without, self.tr("Sell without a printer (PDF receipts)"))):
            widget.setAccessibleName(name)
        self._show_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Shown while a job is not printed; the question while the stand has no printer
        and was not asked yet."""
        left = self.printing.not_printed()
        if not left:
            self.setVisible(False)
            return
        try:
            self._asking = self.session.settings.needs_printer_choice()
        except PosError:
            self._asking = False
        self._problem = "" if self._asking else (self.printing.trouble() or "")
        self._by_itself = not self._asking and self.printing.prints_by_itself()
        self.retry.setVisible(not self._asking)
        self.without.setVisible(self._asking)
        self._show_text()
        self.setVisible(True)

    def _show_text(self) -> None:
        self.text.setText(self._words(self.printing.not_printed()))

    def _words(self, left: int) -> str:
        """What the strip says with *left* jobs not printed."""
        if not left:
            return ""
        if self._asking:
            return self.tr("This stand has no printer yet, so the receipt was not printed. "
                           "Set one up now, or sell without a printer: receipts are then "
                           "saved as PDF files in {folder}.").format(
                folder=self.session.settings.pdf_folder())
        reason = _lower_first(self._problem)
        if left == 1:
            words = (self.tr("Receipt not printed: {reason}").format(reason=reason) if reason
                     else self.tr("Receipt not printed."))
            later = self.tr("It prints by itself as soon as the printer answers again.")
        else:
            words = (self.tr("{n} receipts not printed: {reason}").format(n=left, reason=reason)
                     if reason else self.tr("{n} receipts not printed.").format(n=left))
            later = self.tr("They print by themselves as soon as the printer answers again.")
        if not self._by_itself:
            return words
        return f"{words} {later}" if words.endswith((".", "?", "!")) else f"{words}. {later}"

    def _retry(self) -> None:
        self.printing.retry_all()

    def _setup(self) -> None:
        self._answer(self.session.settings.printer_choice_made)
        self.setup_requested.emit()

    def _without_printer(self) -> None:
        if self._answer(self.session.settings.sell_without_printer):
            self.printing.retry_all()  # the receipts waiting become PDF files

    def _answer(self, choose: Callable[[], object]) -> bool:
        try:
            choose()
        except PosError as exc:
            self.text.setText(user_message(exc))
            return False
        self.refresh()
        return True
