"""Sales history: this shift's (or every) sale, search, a reprint preview, void and refund."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from posapp.domain.errors import NotFound, PosError
from posapp.domain.money import format_rupiah
from posapp.services.history import SaleDetail, SaleSummary
from posapp.services.returns import RefundItem
from posapp.services.session.stand import StandSession
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.pin_prompt import TOUCH, Approve, PinPrompt, PromptSlot, touch_button
from posapp.ui.common.record_list import RecordList, set_tab_order
from posapp.ui.stand.history_model import SalesModel, matches
from posapp.ui.stand.sale_panel import SalePanel


class HistoryDialog(QDialog):
    """Past sales; open one by row, receipt number or scan; void, refund, reprint preview."""

    changed = Signal(set)  # product ids whose stock a void or refund changed
    reprint_requested = Signal(str)  # a receipt number whose copy should go to the printer
    refunded = Signal(str)  # a new refund's number: its receipt goes to the printer

    def __init__(self, session: StandSession, parent: QWidget | None = None,
                 lang: str = "id") -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.session, self.lang = session, lang
        self.prompts = PromptSlot(self)  # the supervisor's PIN prompt, one at a time
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.sales_model = SalesModel(self.session.info.zone, self)
        self.records = RecordList(  # no sideways scroll at 1024x600: a long stand code's
            self.sales_model, key=lambda s: s.receipt_no, table="historyTable",  # receipts
            stretch=SalesModel.CASHIER, parent=self, fits=True,  # leave out what is spare
            spare=(SalesModel.ITEMS, SalesModel.CASHIER))
        self.table = self.records.table
        self.search = self.records.add_search("historySearch", matches)
        self.all_toggle = QCheckBox(self, objectName="historyAllToggle")
        self.all_toggle.setMinimumHeight(TOUCH)
        self.records.add_tool(self.all_toggle)
        self.receipt_input, self.open_button = self.records.add_code_field(
            "receiptInput", "openReceiptButton", self.open_receipt, shares=(2, 1))
        self.detail = SalePanel(self.session.info.zone, self)
        self.close_button = touch_button(self, "historyCloseButton")
        self.records.add_detail(self.detail, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.records, 1)
        layout.addLayout(footer)
        fit_dialog(self, roomy=True)
        set_tab_order([*self.records.focus_chain(), *self.detail.focus_chain(),
                       self.close_button])

        self.all_toggle.toggled.connect(self.refresh)
        self.records.chosen.connect(self._row_chosen)
        self.detail.void_button.clicked.connect(self._void_clicked)
        self.detail.refund_button.clicked.connect(self._refund_clicked)
        self.detail.reprint_button.clicked.connect(self._reprint_clicked)
        self.close_button.clicked.connect(self.reject)

    @property
    def sale(self) -> SaleDetail | None:
        """The open sale."""
        return self.detail.sale

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sales history"))
        for widget, text, accessible in (
            (self.all_toggle, self.tr("All shifts"), self.tr("Show the sales of all shifts")),
            (self.open_button, self.tr("Open"), self.tr("Open receipt")),
            (self.close_button, self.tr("Close (Esc)"), self.tr("Close")),
        ):
            widget.setText(text)
            widget.setAccessibleName(accessible)
        for edit, text in (
            (self.search, self.tr("Search by receipt number or amount")),
            (self.receipt_input, self.tr("Scan or type a receipt number")),
        ):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        self.table.setAccessibleName(self.tr("Sales"))
        self.sales_model.retranslate()
        self.detail.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sales again (this shift, or all with the toggle)."""
        try:
            listed = self.session.sales.history(everything=self.all_toggle.isChecked())
        except PosError as exc:
            self.detail.show_error(exc)
            return
        self.detail.shift_number = listed.open_shift
        self.records.set_records(listed.sales[::-1])  # newest first

    def _row_chosen(self, sale: SaleSummary) -> None:
        self._open(sale.receipt_no)

    # -- one sale ------------------------------------------------------------------------
    def open_receipt(self, code: str) -> bool:
        """Open the sale with receipt number *code* (typed or scanned) and select it.

        With a sale open, the code of one of its products instead adds a unit to refund.
        """
        code = code.strip()
        try:
            return bool(code) and self._open(code, quiet=False)
        except NotFound as exc:
            if self.detail.pick(code):
                return True
            self.detail.show_error(exc)
            return False

    def _open(self, receipt_no: str, *, quiet: bool = True) -> bool:
        """Show the sale *receipt_no*; NotFound is raised unless *quiet*."""
        try:
            detail = self.session.sales.detail(receipt_no)
        except NotFound:
            if quiet:
                return False
            raise
        except PosError as exc:
            self.detail.show_error(exc)
            return False
        self.detail.show_sale(detail)
        if not self.records.reveal(detail.receipt_no) and not self.all_toggle.isChecked():
            self.all_toggle.setChecked(True)  # an earlier shift's sale: list them all
        return True

    # -- actions -------------------------------------------------------------------------
    def _void_clicked(self) -> None:
        sale, reason = self.sale, self._reason()
        if sale is None or reason is None:
            return
        ids = {ln.product_id for ln in sale.lines if ln.product_id is not None}

        def approve(name: str, pin: str) -> None:
            result = self.session.sales.void(sale.receipt_no, supervisor=name, pin=pin,
                                             reason=reason)
            self._changed(
                sale.receipt_no,
                self.tr("Sale {receipt} voided: {amount} taken off the shift.").format(
                    receipt=result.receipt_no, amount=format_rupiah(result.total)),
                ids)

        self._ask(self.tr("Void sale {receipt} ({amount})").format(
            receipt=sale.receipt_no, amount=format_rupiah(sale.total)), approve)

    def _refund_clicked(self) -> None:
        sale, picked = self.sale, self.detail.picked()
        if sale is not None and not picked:
            self.detail.say(self.tr("Choose how many to refund on at least one line."),
                            error=True)
            return
        reason = self._reason()
        if sale is None or reason is None:
            return
        items = [RefundItem(str(ln.line_no), qty, line_no=ln.line_no) for ln, qty in picked]
        ids = {ln.product_id for ln, _ in picked if ln.product_id is not None}
        method, method_name = self.detail.refund_by()

        def approve(name: str, pin: str) -> None:
            result = self.session.sales.refund(sale.receipt_no, items, supervisor=name, pin=pin,
                                               reason=reason, method=method)
            self._changed(
                sale.receipt_no,
                self.tr("Refund {refund}: give back {amount} ({method}).").format(
                    refund=result.refund_no, amount=format_rupiah(result.amount),
                    method=method_name),
                ids)
            self.refunded.emit(result.refund_no)

        self._ask(self.tr("Refund {count} item(s) of sale {receipt} by {method}").format(
            count=sum(q for _, q in picked), receipt=sale.receipt_no, method=method_name),
            approve)

    def _reprint_clicked(self) -> None:
        if self.sale is None:
            return
        try:  # the copy as it prints, at the stand's paper width
            copy = self.session.sales.copy_preview(self.sale.receipt_no, self.lang)
        except PosError as exc:
            self.detail.show_error(exc)
            return
        self.detail.show_copy(copy)
        self.reprint_requested.emit(self.sale.receipt_no)

    def _reason(self) -> str | None:
        if self.sale is None:
            self.detail.say(self.tr("Open a sale first: scan or type its receipt number."),
                            error=True)
            return None
        reason = " ".join(self.detail.reason_input.text().split())
        if not reason:
            self.detail.say(self.tr("Give a reason first."), error=True)
            self.detail.reason_input.setFocus()
            return None
        return reason

    def _ask(self, detail: str, approve: Approve) -> None:
        self.prompts.open(approve, detail)

    @property
    def prompt(self) -> PinPrompt | None:
        """The supervisor's PIN prompt while it is up."""
        return self.prompts.current

    def _changed(self, receipt_no: str, message: str, product_ids: set[int]) -> None:
        """After a void or refund: stock figures, the list and the sale read again."""
        self.detail.reason_input.clear()
        self.refresh()
        self._open(receipt_no)
        self.detail.say(message, error=False)
        self.changed.emit(product_ids)  # the grid reads their stock afresh
