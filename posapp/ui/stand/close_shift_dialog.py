"""Closing a shift, on purpose: count the drawer, check the count, confirm, read the Z report and
print it.

Longer than a screen: the dialog's four steps (count, "empty drawer?", confirm, closed) share
one set of figures and buttons, and each step's words, focus and default button are set here
together so that Enter can never close a shift by itself.

Steps: **count** (Enter goes on, never closes); **zero** (nothing counted while cash is
expected: "Laci kosong?"); **confirm** ("Tutup shift sekarang?" with the count repeated; only
a click or Space on the confirm button closes; a count off by more than the stand's limit asks
a supervisor's PIN first); **closed** (the Z report, print, done). With the stand's blind count
on, the expected cash and the difference appear only once the count is confirmed as the count;
the cashier may then count once more. Nothing is shown as short or over before anything is
counted. Whether a supervisor must approve is the shift service's rule; the dialog only asks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport
from posapp.domain.shift import close_needs_supervisor
from posapp.services.session.stand import StandSession
from posapp.services.settings import StandSettings
from posapp.ui.common.errors import user_message
from posapp.ui.common.pin_prompt import PinPrompt, PromptSlot, touch_button
from posapp.ui.stand.cash_count import COINS, NOTES, CashCount, count_name

__all__ = ["COINS", "NOTES", "CloseShiftDialog", "count_name"]

COUNT, ZERO, CONFIRM, CLOSED = "count", "zero", "confirm", "closed"


def _wrapping(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=name)
    label.setWordWrap(True)
    return label


class CloseShiftDialog(QDialog):
    """Count the cash, check the count, close the shift on an explicit confirm, read the Z
    report, print it (as often as wanted)."""

    shift_closed = Signal(object)  # the Z report (ShiftReport), once the shift is closed
    print_requested = Signal(int)  # the closed shift's number: its Z report to the printer

    def __init__(self, session: StandSession, parent: QWidget | None = None,
                 lang: str = "id") -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self.session = session
        self.lang = lang
        self.step = COUNT
        self.report: ShiftReport | None = None  # the Z report once closed
        self.prompts = PromptSlot(self)  # the supervisor's PIN prompt, one at a time
        self._x_report: ShiftReport | None = None  # the open shift's figures
        self._expected: int | None = None
        self._revealed = False  # blind count: the expected cash shown (the count confirmed)
        self._recounted = False  # blind count: the one recount after seeing it used
        self._fitted = False
        try:
            self.rules = session.settings.get()
        except PosError:
            self.rules = StandSettings()  # the service applies the stored ones all the same
        self._build()
        self.load_expected()
        self._enter(COUNT)

    @property
    def blind(self) -> bool:
        return self.rules.blind_count

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.count = CashCount(self)
        self.count.changed.connect(lambda _total: self._show_figures())
        self.shift_label = QLabel(self, objectName="shiftInfoLabel")
        self.expected_caption, self.counted_caption, self.over_short_caption = (
            QLabel(self), QLabel(self), QLabel(self))
        self.expected_label = QLabel(self, objectName="expectedLabel")
        self.counted_label = QLabel(self, objectName="countedLabel")
        self.over_short_label = QLabel(self, objectName="overShortLabel")
        figures = QGridLayout()
        for row, (caption, value) in enumerate((
                (self.expected_caption, self.expected_label),
                (self.counted_caption, self.counted_label),
                (self.over_short_caption, self.over_short_label))):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            value.setFont(font)
            figures.addWidget(caption, row, 0)
            figures.addWidget(value, row, 1)
        self.hint_label = _wrapping(self, "closeShiftHintLabel")
        self.question_label = _wrapping(self, "closeQuestionLabel")
        font = self.question_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.question_label.setFont(font)
        self.approval_label = _wrapping(self, "approvalLabel")
        self.approval_label.setProperty("role", "warning")
        self.error_label = _wrapping(self, "closeShiftErrorLabel")
        self.error_label.setProperty("role", "warning")
        self.error_label.hide()
        self.report_view = QPlainTextEdit(self, objectName="zReportView")
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # a 48-column Z report reads without scrolling sideways
        self.report_view.setMinimumWidth(
            self.report_view.fontMetrics().horizontalAdvance("0" * 48)
            + self.report_view.verticalScrollBar().sizeHint().width() + 12)
        summary = QVBoxLayout()
        summary.addWidget(self.shift_label)
        summary.addLayout(figures)
        for label in (self.hint_label, self.question_label, self.approval_label,
                      self.error_label):
            summary.addWidget(label)
        summary.addWidget(self.report_view, 1)
        summary.addStretch(0)
        summary_panel = QWidget(self)
        summary_panel.setLayout(summary)
        summary.setContentsMargins(0, 0, 0, 0)
        # as wide from the first step as the Z report will need: the dialog keeps its size
        summary_panel.setMinimumWidth(self.report_view.minimumWidth())
        body = QHBoxLayout()
        body.addWidget(self.count)
        body.addWidget(summary_panel, 1)

        self.cancel_button = self._button("cancelCloseButton", "secondary", self.reject)
        self.recount_button = self._button("recountButton", "secondary", self._recount)
        self.print_button = self._button("printZReportButton", "secondary", self._print_clicked)
        self.next_button = self._button("checkCountButton", "primary", self._check_count)
        self.confirm_button = self._button("confirmCloseButton", "primary", self._confirmed)
        self.done_button = self._button("closeDoneButton", "primary", self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.cancel_button, self.recount_button, self.print_button, self.next_button,
                  self.confirm_button, self.done_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _button(self, name: str, role: str, slot: object) -> QPushButton:
        b = touch_button(self, name)
        b.setProperty("role", role)
        b.clicked.connect(slot)
        return b

    # -- the steps -----------------------------------------------------------------------
    def _enter(self, step: str) -> None:
        """Show *step*: its buttons, its words, where the focus is, what Enter does."""
        self.step = step
        counting, asking, closed = step == COUNT, step in (ZERO, CONFIRM), step == CLOSED
        self.count.set_locked(not counting)
        self.cancel_button.setVisible(not closed)
        self.next_button.setVisible(counting)
        self.recount_button.setVisible(asking and not (self.blind and self._recounted
                                                       and step == CONFIRM))
        self.confirm_button.setVisible(asking)
        self.print_button.setVisible(closed)
        self.done_button.setVisible(closed)
        self.report_view.setVisible(closed)
        # Enter goes on from the count, and closes the dialog once the shift is closed; it
        # never answers the question (no default button then: a click or Space does).
        self.next_button.setDefault(counting)
        self.done_button.setDefault(closed)
        self.retranslate()
        if counting:
            self.count.focus_first()
        elif asking:
            self.confirm_button.setFocus()
        else:
            self.done_button.setFocus()

    def _check_count(self) -> None:
        """The count entered (Enter or the button): ask about an empty drawer, or confirm."""
        if self._x_report is None:
            return
        self.error_label.hide()
        if self.count.counted() == 0 and (self._expected or 0) > 0:
            self._enter(ZERO)
            return
        self._to_confirm()

    def _to_confirm(self) -> None:
        if self.blind and not self._revealed:
            self._revealed = True  # the count is the count now: the expected cash shows
        elif self.blind:
            self._recounted = True
        self._enter(CONFIRM)

    def _recount(self) -> None:
        self.error_label.hide()
        self._enter(COUNT)

    def _confirmed(self) -> None:
        if self.step == ZERO:  # "yes, the drawer is empty": now the real question
            self._to_confirm()
            return
        if self.needs_supervisor():
            self._ask_supervisor()
            return
        try:
            self._close()
        except PosError as exc:
            if exc.code == "shift.close_needs_supervisor":  # the limit changed meanwhile
                self._ask_supervisor()
            else:
                self._show_error(exc)

    def needs_supervisor(self) -> bool:
        """True when the count is off by more than the stand's limit and the cashier is no
        supervisor (the service checks it again)."""
        cashier = self.session.cashier
        if self._expected is None or (cashier is not None and cashier.is_supervisor):
            return False
        return close_needs_supervisor(self.count.counted() - self._expected,
                                      self.rules.cash_difference_limit)

    def _ask_supervisor(self) -> None:
        self.prompts.open(self._close, self.approval_label.text())

    @property
    def prompt(self) -> PinPrompt | None:
        """The supervisor's PIN prompt while it is up."""
        return self.prompts.current

    def _close(self, supervisor_name: str | None = None, supervisor_pin: str = "") -> None:
        """Close the shift with the count (a refusal is raised to the caller)."""
        report = self.session.close_shift(self.count.counted(), supervisor_name=supervisor_name,
                                          supervisor_pin=supervisor_pin)
        self.report = report
        self.error_label.hide()
        self.report_view.setPlainText(self.report_text())
        self._enter(CLOSED)
        self.shift_closed.emit(report)

    # -- words and figures ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close shift"))
        self.expected_caption.setText(self.tr("Expected cash"))
        self.counted_caption.setText(self.tr("Counted cash"))
        self.over_short_caption.setText(self.tr("Difference"))
        self.report_view.setAccessibleName(self.tr("Z report"))
        self._say_buttons()
        self._say_step()
        self._show_shift()
        self._show_figures()

    def _say_buttons(self) -> None:
        for b, text, name in (
            (self.cancel_button, self.tr("Cancel (Esc)"), self.tr("Cancel")),
            (self.recount_button, self.tr("Count again"), self.tr("Count again")),
            (self.print_button, self.tr("Print Z report"), self.tr("Print the Z report")),
            (self.done_button, self.tr("Done"), self.tr("Done")),
        ):
            b.setText(text)
            b.setAccessibleName(name)
        if self.blind:
            self.next_button.setText(self.tr("This is my count (Enter)"))
            self.next_button.setAccessibleName(self.tr("This is my count"))
        else:
            self.next_button.setText(self.tr("Continue (Enter)"))
            self.next_button.setAccessibleName(self.tr("Continue"))
        if self.step == ZERO:
            confirm = self.tr("Yes, the drawer is empty")
        elif self.needs_supervisor():
            confirm = self.tr("Close shift (supervisor PIN)")
        else:
            confirm = self.tr("Close shift now")
        self.confirm_button.setText(confirm)
        self.confirm_button.setAccessibleName(confirm)

    def _say_step(self) -> None:
        counted = format_rupiah(self.count.counted()).replace(" ", "\u00a0")  # one piece
        hint = question = approval = ""
        if self.step == COUNT and self.blind:
            hint = self.tr("Count the cash in the drawer, then press “This is my count”. "
                           "The expected cash appears after that.")
        elif self.step == COUNT:
            hint = self.tr("Count the cash in the drawer: the number of each note and coin.")
        elif self.step == ZERO:
            question = self.tr("Empty drawer? Counted {amount}").format(amount=counted)
            hint = self.tr("Count the cash first, or go on if the drawer really is empty.")
        elif self.step == CONFIRM:
            question = self.tr("Close the shift now? Counted cash: {amount}").format(
                amount=counted)
            if self.blind and not self._recounted:
                hint = self.tr("Your count is taken. You may count once more, or close "
                               "the shift.")
            if self.needs_supervisor():
                approval = self.tr(
                    "The difference is more than {limit}: a supervisor approves closing "
                    "the shift with their PIN.").format(
                    limit=format_rupiah(self.rules.cash_difference_limit))
        for label, text in ((self.hint_label, hint), (self.question_label, question),
                            (self.approval_label, approval)):
            label.setText(text)
            label.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load_expected(self) -> None:
        """Read the open shift's X figures: the cash the drawer should hold."""
        try:
            x_report = self.session.shift_report()
        except PosError as exc:
            self._show_error(exc)
            x_report = None
        self._x_report = x_report
        self._expected = x_report.expected_cash if x_report else None
        if x_report is None and self.report is None:
            self.next_button.setEnabled(False)
            if self.error_label.isHidden():
                self._say(self.tr("No shift is open."))
        self._show_shift()
        self._show_figures()

    def counted(self) -> int:
        return self.count.counted()

    def _show_shift(self) -> None:
        shown = self.report or self._x_report
        self.shift_label.setText("" if shown is None else self.tr(
            "Shift #{number}, opened by {name}").format(number=shown.shift_number,
                                                         name=shown.opened_by))

    def expected_shown(self) -> bool:
        """Whether the expected cash may be seen now (not before a blind count is taken)."""
        return self.report is not None or not self.blind or self._revealed

    def _show_figures(self) -> None:
        counted = self.report.counted_cash if self.report else self.count.counted()
        expected = self.report.expected_cash if self.report else self._expected
        self.counted_label.setText(format_rupiah(counted or 0))
        shown = self.expected_shown()
        for widget in (self.expected_caption, self.expected_label, self.over_short_caption,
                       self.over_short_label):
            widget.setVisible(shown)
        self.expected_label.setText("—" if expected is None else format_rupiah(expected))
        # Nothing counted yet, nothing short or over: the difference waits for a count.
        counting_nothing = self.step == COUNT and not counted
        if expected is None or counting_nothing or not shown:
            self._set_difference("—", "")
            return
        diff = (counted or 0) - expected
        if diff < 0:
            self._set_difference(self.tr("Short {amount}").format(amount=format_rupiah(-diff)),
                                 "short")
        elif diff > 0:
            self._set_difference(self.tr("Over {amount}").format(amount=format_rupiah(diff)),
                                 "over")
        else:
            self._set_difference(self.tr("Exact"), "exact")

    def _set_difference(self, text: str, state: str) -> None:
        """The difference and its state (a property the stylesheet reads: no colours here)."""
        label = self.over_short_label
        label.setText(text)
        if label.property("state") != state:
            label.setProperty("state", state)
            label.style().unpolish(label)
            label.style().polish(label)

    # -- after closing -------------------------------------------------------------------
    def _print_clicked(self) -> None:
        if self.report is None:
            return
        self.print_requested.emit(self.report.shift_number)
        self._say(self.tr("The Z report is printing: the printer state is in the status bar."))

    def report_text(self) -> str:
        """The Z report as the printer will have it, in the dialog's language."""
        if self.report is None:
            return ""
        return self.session.shift_report_text(self.report, self.lang)

    def set_report_language(self, lang: str) -> None:
        """Show the Z report in *lang* ("id" or "en") from now on."""
        self.lang = lang
        if self.report is not None:
            self.report_view.setPlainText(self.report_text())

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_error(self, exc: PosError) -> None:
        self._say(user_message(exc))

    # -- the screen ----------------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:
        first = visible and not self._fitted
        if first:  # sized before Qt centres it on its parent
            self._fitted = True
            self._fit_screen()
        super().setVisible(visible)
        if first:
            self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Moved up or left where its frame would cross the screen's free area."""
        screen = self.screen()
        if screen is None:  # pragma: no cover - a shown dialog is on a screen
            return
        room, frame = screen.availableGeometry(), self.frameGeometry()
        dx = min(0, room.right() - frame.right()) or max(0, room.left() - frame.left())
        dy = min(0, room.bottom() - frame.bottom()) or max(0, room.top() - frame.top())
        if dx or dy:
            self.move(self.pos().x() + dx, self.pos().y() + dy)

    def _fit_screen(self) -> None:
        """As large as the content wants, never larger than the screen's free area (the
        count table scrolls; the buttons stay in sight)."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or self.screen()
        if screen is None:  # pragma: no cover - there is always a screen
            return
        room = screen.availableGeometry().size()
        frame = QSize(12, 40)  # a title bar and borders the window manager adds
        self.resize(self.sizeHint().boundedTo(room - frame))
