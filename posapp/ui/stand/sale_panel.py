"""The history's right side: one sale (title, lines with a refund quantity each, the reason
and the refund method), its Void, Refund and Reprint buttons, what happened, and the copy
sent to the printer. It shows a sale; the history dialog does what the buttons ask."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.tender import PAYMENT_METHODS, PaymentMethod
from posapp.services.history import LineDetail, SaleDetail
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.record_list import list_table, local_time
from posapp.ui.common.widgets import set_role
from posapp.ui.stand.history_model import SaleLinesModel


class SalePanel(QWidget):
    """The open sale and what can be done with it (which buttons are live)."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.sale: SaleDetail | None = None  # the open sale
        self.shift_number: int | None = None  # the open shift's, None when closed
        self.spins: dict[int, QSpinBox] = {}  # line number -> quantity to refund
        self.sale_label = QLabel(self, objectName="saleTitleLabel", wordWrap=True)
        self.lines_model = SaleLinesModel(self)
        self.lines_table = list_table(self, "saleLinesTable", self.lines_model,
                                      SaleLinesModel.ITEM)
        self.reason_label, self.method_label = QLabel(self), QLabel(self)
        self.reason_input = QLineEdit(self, objectName="reasonInput", maxLength=200)
        self.refund_method = QComboBox(self, objectName="refundMethod")
        for info in PAYMENT_METHODS:
            self.refund_method.addItem(info.method.value, info.method.value)
        self.void_button, self.refund_button, self.reprint_button = (
            touch_button(self, n) for n in ("voidButton", "refundButton", "reprintButton"))
        self.status_label = QLabel(self, objectName="historyStatusLabel", wordWrap=True)
        self.error_label = QLabel(self, objectName="historyErrorLabel", wordWrap=True)
        set_role(self.error_label, "error")
        self.preview_box = QGroupBox(self, objectName="receiptPreviewBox")
        self.preview = QPlainTextEdit(self.preview_box, objectName="receiptPreview", readOnly=True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        QVBoxLayout(self.preview_box).addWidget(self.preview)
        for w in (self.status_label, self.error_label, self.preview_box):
            w.hide()
        for w in (self.reason_input, self.refund_method):
            w.setMinimumHeight(TOUCH)
        self._lay_out()
        self.update_buttons()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.sale_label, 0, 0, 1, 3)
        grid.addWidget(self.lines_table, 1, 0, 1, 3)
        grid.addWidget(self.reason_label, 2, 0)
        grid.addWidget(self.reason_input, 2, 1, 1, 2)
        grid.addWidget(self.method_label, 3, 0)
        grid.addWidget(self.refund_method, 3, 1, 1, 2)
        for col, button in enumerate((self.void_button, self.refund_button, self.reprint_button)):
            grid.addWidget(button, 4, col)
        for row, widget in enumerate((self.status_label, self.error_label, self.preview_box),
                                     start=5):
            grid.addWidget(widget, row, 0, 1, 3)
        grid.setRowStretch(1, 1)

    def focus_chain(self) -> list[QWidget]:
        """Tab's order through the sale: its lines, reason, method, then the buttons."""
        return [self.lines_table, self.reason_input, self.refund_method, self.void_button,
                self.refund_button, self.reprint_button]

    def retranslate(self) -> None:
        for button, text in ((self.void_button, self.tr("Void sale")),
                             (self.refund_button, self.tr("Refund selected")),
                             (self.reprint_button, self.tr("Reprint"))):
            button.setText(text)
            button.setAccessibleName(text)
        text = self.tr("Reason for the void or refund")
        self.reason_input.setPlaceholderText(text)
        self.reason_input.setAccessibleName(text)
        self.reason_label.setText(self.tr("Reason"))
        self.method_label.setText(self.tr("Refund by"))
        self.lines_table.setAccessibleName(self.tr("Lines of the sale"))
        self.refund_method.setAccessibleName(self.tr("Refund method"))
        for i, info in enumerate(PAYMENT_METHODS):
            self.refund_method.setItemText(i, info.method.label.text(current_language()))
        self.preview_box.setTitle(self.tr("Receipt copy (sent to the printer)"))
        self.preview.setAccessibleName(self.tr("Receipt preview"))
        self.lines_model.retranslate()
        lines = {ln.line_no: ln for ln in self.sale.lines} if self.sale else {}
        for line_no, spin in self.spins.items():
            spin.setAccessibleName(
                self.tr("Quantity to refund: {item}").format(item=lines[line_no].name))
        self._show_title()

    # -- one sale --------------------------------------------------------------------------
    def show_sale(self, detail: SaleDetail) -> None:
        """Show *detail*: its lines with a refund quantity each, refunded the way it was paid."""
        self.sale = detail
        self.lines_model.set_rows(detail.lines)
        for old in self.spins.values():
            old.setParent(None)  # gone now, not at the next deleteLater
        self.spins = {}
        for row, line in enumerate(detail.lines):
            spin = QSpinBox(self.lines_table, objectName=f"refundQty{line.line_no}")
            spin.setRange(0, max(0, line.refundable))
            spin.setMinimumHeight(TOUCH)
            spin.setEnabled(not detail.voided and line.refundable > 0)
            self.lines_table.setIndexWidget(
                self.lines_model.index(row, SaleLinesModel.REFUND), spin)
            self.spins[line.line_no] = spin
        if detail.payments:  # refund the way most of it was paid
            method = max(detail.payments, key=lambda p: p[1])[0]
            self.refund_method.setCurrentIndex(max(0, self.refund_method.findData(method)))
        for widget in (self.preview_box, self.status_label, self.error_label):
            widget.hide()
        self.retranslate()
        self.update_buttons()

    def pick(self, code: str) -> bool:
        """One more unit to refund of the open sale's product *code*; False when it is none
        of its products or no more of it can be refunded."""
        line = self.sale.line_for_code(code) if self.sale else None
        spin = self.spins.get(line.line_no) if line else None
        if spin is None or not spin.isEnabled() or spin.value() >= spin.maximum():
            return False
        spin.setValue(spin.value() + 1)
        return True

    def picked(self) -> list[tuple[LineDetail, int]]:
        """The lines with a quantity to refund, and that quantity."""
        if self.sale is None:
            return []
        return [(ln, self.spins[ln.line_no].value()) for ln in self.sale.lines
                if self.spins[ln.line_no].value() > 0]

    def refund_by(self) -> tuple[PaymentMethod, str]:
        """The chosen refund method and its name as shown."""
        return PaymentMethod(self.refund_method.currentData()), self.refund_method.currentText()

    def _show_title(self) -> None:
        sale = self.sale
        if sale is None:
            self.sale_label.setText(self.tr("Scan or type a receipt number, or pick a sale."))
            return
        parts = [sale.receipt_no, local_time(sale.created_at, self.zone),
                 sale.cashier, format_rupiah(sale.total)]
        if sale.voided:
            parts.append(self.tr("Voided"))
        elif sale.refunded:
            parts.append(self.tr("Refunded {amount}").format(amount=format_rupiah(sale.refunded)))
        self.sale_label.setText(" · ".join(parts))

    def update_buttons(self) -> None:
        """A void is for this shift's sales; a refund needs a shift open; a copy, a sale."""
        sale, shift = self.sale, self.shift_number
        live = sale is not None and not sale.voided and shift is not None
        self.void_button.setEnabled(live and sale is not None and not sale.refunds
                                    and sale.shift_number == shift)
        self.refund_button.setEnabled(live and sale is not None
                                      and any(ln.refundable > 0 for ln in sale.lines))
        self.reprint_button.setEnabled(sale is not None)

    # -- what happened ---------------------------------------------------------------------
    def show_copy(self, text: str) -> None:
        """The receipt copy as it prints."""
        self.preview.setPlainText(text)
        self.preview_box.show()

    def say(self, text: str, *, error: bool) -> None:
        shown, hidden = ((self.error_label, self.status_label) if error
                         else (self.status_label, self.error_label))
        shown.setText(text)
        shown.show()
        hidden.hide()

    def show_error(self, exc: PosError) -> None:
        self.say(user_message(exc), error=True)
