"""Cancelling an order: a reason, what happens to what was paid, and a supervisor's PIN."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.order import PaymentKind
from posapp.domain.tender import PaymentMethod
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.pin_prompt import TOUCH, SupervisorFields, touch_button
from posapp.ui.common.widgets import set_role
from posapp.ui.orders.models import OrderWords


class OrderCancelDialog(QDialog):
    """Cancel *order* (not handed over): the deposit given back by a method, or kept."""

    def __init__(self, session: StandSession, order: OrderView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderCancelDialog")
        fit_dialog(self)  # never past the screen
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.session, self.order = session, order
        self.outcome: OrderView | None = None
        self.words = OrderWords(self)
        self.detail = QLabel(self, objectName="cancelDetailLabel", wordWrap=True)
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self, objectName="cancelReasonInput", maxLength=200)
        self.refund = QRadioButton(self, objectName="refundDepositRadio")
        self.keep = QRadioButton(self, objectName="keepDepositRadio")
        self.choice = QButtonGroup(self)
        for button in (self.refund, self.keep):
            self.choice.addButton(button)
            button.setMinimumHeight(TOUCH)
        self.refund.setChecked(True)
        self.method_label = QLabel(self)
        self.method = QComboBox(self, objectName="refundMethodCombo")
        for m in PaymentMethod:
            self.method.addItem(m.value, m.value)
        self.method.setCurrentIndex(max(0, self.method.findData(self._main_method())))
        self.refund.toggled.connect(self.method.setEnabled)
        self.supervisor = SupervisorFields(self, session.user_names())
        self.supervisor.submitted.connect(self.confirm)
        self.error = QLabel(self, objectName="cancelErrorLabel", wordWrap=True)
        set_role(self.error, "error")
        self.error.hide()
        self.back = touch_button(self, "cancelBackButton")
        self.ok = touch_button(self, "confirmCancelOrderButton")
        self.back.clicked.connect(self.reject)
        self.ok.clicked.connect(self.confirm)
        for w in (self.reason, self.method):
            w.setMinimumHeight(TOUCH)
        self._lay_out()
        self.retranslate()
        self.reason.setFocus()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        paid = self.order.paid > 0
        if paid:
            form.addRow(self.refund)
            form.addRow(self.keep)
            form.addRow(self.method_label, self.method)
        for w in (self.refund, self.keep, self.method_label, self.method):
            w.setVisible(paid)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail)
        layout.addLayout(form)
        layout.addWidget(self.supervisor)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _main_method(self) -> str:
        """The method most of the deposit came by: the natural way to give it back."""
        paid: dict[str, int] = {}
        for p in self.order.payments:
            if p.kind != PaymentKind.REFUND.value:
                paid[p.method] = paid.get(p.method, 0) + p.amount
        return max(paid, key=lambda m: paid[m], default=PaymentMethod.CASH.value)

    def retranslate(self) -> None:
        o = self.order
        self.setWindowTitle(self.tr("Cancel order {number}").format(number=o.order_no))
        self.detail.setText(self.tr("Cancel order {number} of {buyer} ({total}, paid {paid})? "
                                    "A supervisor approves.").format(
            number=o.order_no, buyer=o.buyer.name, total=format_rupiah(o.total),
            paid=format_rupiah(o.paid)))
        self.reason_label.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the order is cancelled"))
        self.reason.setAccessibleName(self.tr("Reason for cancelling"))
        self.refund.setText(self.tr("Give the {amount} paid back").format(
            amount=format_rupiah(o.paid)))
        self.refund.setAccessibleName(self.tr("Give the deposit back"))
        self.keep.setText(self.tr("Keep the {amount} paid (the buyer gets nothing back)").format(
            amount=format_rupiah(o.paid)))
        self.keep.setAccessibleName(self.tr("Keep the deposit"))
        self.method_label.setText(self.tr("Give back by"))
        self.method.setAccessibleName(self.tr("Give the deposit back by"))
        for i in range(self.method.count()):
            self.method.setItemText(i, self.words.method(str(self.method.itemData(i))))
        self.back.setText(self.tr("Back (Esc)"))
        self.back.setAccessibleName(self.tr("Back without cancelling"))
        self.ok.setText(self.tr("Cancel the order"))
        self.ok.setAccessibleName(self.tr("Cancel the order"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def confirm(self) -> None:
        """Cancel with the supervisor's name and PIN; a refusal stays inline."""
        reason = " ".join(self.reason.text().split())
        if not reason:
            self._say(self.tr("Give a reason first."))
            self.reason.setFocus()
            return
        try:
            self.outcome = self.session.orders.cancel(
                self.order.order_no, supervisor=self.supervisor.name(),
                pin=self.supervisor.pin(), reason=reason,
                deposit="refund" if self.refund.isChecked() else "keep",
                method=PaymentMethod(self.method.currentData()))
        except PosError as exc:
            self._say(user_message(exc))
            self.supervisor.clear_pin()
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
