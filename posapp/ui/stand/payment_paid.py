"""After paying: the change largest, the total and what was paid, then the next sale."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posapp.domain.money import format_rupiah
from posapp.domain.tender import Payment, method_label
from posapp.services.checkout import SaleResult
from posapp.ui.common.i18n import current_language
from posapp.ui.common.widgets import big_label, button
from posapp.ui.stand.keymap import key

NEW_SALE_KEY = key("newSale")
REPRINT_KEY = key("reprint")


class PaidView(QWidget):
    """The sale just paid; Enter (or the next scan) starts the next one."""

    new_sale = Signal()
    reprint = Signal(str)  # the receipt number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paidView")
        self.sale: SaleResult | None = None
        self.payments: list[Payment] = []
        self.title = big_label("paidTitleLabel", 20, self)
        self.change_caption = big_label("paidChangeCaption", 22, self, bold=False)
        self.change_label = big_label("paidChangeLabel", 56, self)
        self.total_label = big_label("paidTotalLabel", 18, self, bold=False)
        self.payments_label = big_label("paidPaymentsLabel", 16, self, bold=False)
        self.payments_label.setWordWrap(True)
        self.receipt_label = QLabel(self)
        self.receipt_label.setObjectName("paidReceiptLabel")
        for label in (self.title, self.change_caption, self.change_label, self.total_label,
                      self.payments_label, self.receipt_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reprint_button = button("reprintReceiptButton", self, height=56)
        self.reprint_button.setProperty("role", "secondary")
        self.reprint_button.clicked.connect(self.request_reprint)
        self.new_sale_button = button("newSaleButton", self, height=64)
        self.new_sale_button.setProperty("role", "primary")
        font = self.new_sale_button.font()
        font.setPointSize(18)
        font.setBold(True)
        self.new_sale_button.setFont(font)
        self.new_sale_button.clicked.connect(self.new_sale.emit)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button, 1)
        actions.addWidget(self.new_sale_button, 2)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.change_caption, self.change_label, self.total_label,
                       self.payments_label, self.receipt_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.retranslate()

    def show_sale(self, sale: SaleResult, payments: list[Payment]) -> None:
        self.sale, self.payments = sale, list(payments)
        self.retranslate()
        self.new_sale_button.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Paid"))
        self.change_caption.setText(self.tr("Change to give"))
        self.reprint_button.setText(self.tr("Reprint receipt (%1)").replace("%1", REPRINT_KEY))
        self.reprint_button.setAccessibleName(self.tr("Reprint receipt"))
        self.new_sale_button.setText(self.tr("New sale (Enter)"))
        self.new_sale_button.setAccessibleName(self.tr("New sale"))
        sale = self.sale
        if sale is None:
            return
        self.change_label.setText(format_rupiah(sale.change))
        self.change_label.setAccessibleName(self.tr("Change to give"))
        self.total_label.setText(self.tr("Total %1").replace("%1", format_rupiah(sale.total)))
        lang = current_language()
        paid = ", ".join(f"{method_label(p.method, lang)} {format_rupiah(p.tendered)}"
                         for p in self.payments)
        self.payments_label.setText(self.tr("Paid: %1").replace("%1", paid))
        self.receipt_label.setText(self.tr("Receipt %1").replace("%1", sale.receipt_no))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def request_reprint(self) -> None:
        if self.sale is not None:
            self.reprint.emit(self.sale.receipt_no)

    def buttons(self) -> list[QPushButton]:
        return [self.reprint_button, self.new_sale_button]
