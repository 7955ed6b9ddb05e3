"""Sales history: this shift's (or every) sale, search, a reprint preview, void and refund."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import NotFound, PosError
from posapp.domain.money import format_rupiah
from posapp.domain.tender import PAYMENT_METHODS, PaymentMethod
from posapp.services import history, returns, settings, shifts
from posapp.services.history import SaleDetail, SaleSummary
from posapp.services.receipts import receipt_for
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import TOUCH, Approve, PinPrompt, touch_button
from posapp.ui.stand.history_model import (
    SaleLinesModel,
    SalesModel,
    local_time,
    matches,
    receipt_preview,
)


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
        self.sale: SaleDetail | None = None  # the open sale
        self.prompt: PinPrompt | None = None  # the supervisor prompt while it is up
        self._sales: list[SaleSummary] = []
        self._spins: dict[int, QSpinBox] = {}  # line number -> quantity to refund
        self._selecting = False
        self._shift_number: int | None = None  # the open shift's, None when closed
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.search = QLineEdit(self, objectName="historySearch", clearButtonEnabled=True)
        self.all_toggle = QCheckBox(self, objectName="historyAllToggle")
        self.sales_model = SalesModel(self.session.info.zone, self)
        self.table = self._table("historyTable", self.sales_model, SalesModel.STATUS)
        self.receipt_input = QLineEdit(self, objectName="receiptInput")
        self.open_button = touch_button(self, "openReceiptButton")
        self.sale_label = QLabel(self, objectName="saleTitleLabel", wordWrap=True)
        self.lines_model = SaleLinesModel(self)
        self.lines_table = self._table("saleLinesTable", self.lines_model, SaleLinesModel.ITEM)
        self.reason_label, self.method_label = QLabel(self), QLabel(self)
        self.reason_input = QLineEdit(self, objectName="reasonInput", maxLength=200)
        self.refund_method = QComboBox(self, objectName="refundMethod")
        for info in PAYMENT_METHODS:
            self.refund_method.addItem(info.method.value, info.method.value)
        self.void_button, self.refund_button, self.reprint_button, self.close_button = (
            touch_button(self, n)
            for n in ("voidButton", "refundButton", "reprintButton", "historyCloseButton")
        )
        self.status_label = QLabel(self, objectName="historyStatusLabel", wordWrap=True)
        self.error_label = QLabel(self, objectName="historyErrorLabel", wordWrap=True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.preview_box = QGroupBox(self, objectName="receiptPreviewBox")
        self.preview = QPlainTextEdit(self.preview_box, objectName="receiptPreview", readOnly=True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        QVBoxLayout(self.preview_box).addWidget(self.preview)
        for w in (self.status_label, self.error_label, self.preview_box):
            w.hide()
        for w in (
            self.search,
            self.receipt_input,
            self.reason_input,
            self.refund_method,
            self.all_toggle,
        ):
            w.setMinimumHeight(TOUCH)

        left = QGridLayout()
        left.addWidget(self.search, 0, 0)
        left.addWidget(self.all_toggle, 0, 1)
        left.addWidget(self.table, 1, 0, 1, 2)
        right = QGridLayout()
        right.addWidget(self.receipt_input, 0, 0, 1, 2)
        right.addWidget(self.open_button, 0, 2)
        right.addWidget(self.sale_label, 1, 0, 1, 3)
        right.addWidget(self.lines_table, 2, 0, 1, 3)
        right.addWidget(self.reason_label, 3, 0)
        right.addWidget(self.reason_input, 3, 1, 1, 2)
        right.addWidget(self.method_label, 4, 0)
        right.addWidget(self.refund_method, 4, 1, 1, 2)
        for col, button in enumerate((self.void_button, self.refund_button, self.reprint_button)):
            right.addWidget(button, 5, col)
        for row, widget in enumerate(
            (self.status_label, self.error_label, self.preview_box, self.close_button), start=6
        ):
            right.addWidget(widget, row, 0, 1, 3)
        right.setRowStretch(2, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

        self.search.textChanged.connect(self._apply_filter)
        self.all_toggle.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.receipt_input.returnPressed.connect(self._receipt_entered)
        self.open_button.clicked.connect(self._receipt_entered)
        self.void_button.clicked.connect(self._void_clicked)
        self.refund_button.clicked.connect(self._refund_clicked)
        self.reprint_button.clicked.connect(self._reprint_clicked)
        self.close_button.clicked.connect(self.reject)
        self.resize(1100, 680)
        self._update_buttons()

    def _table(self, name: str, model: SalesModel | SaleLinesModel, stretch: int) -> QTableView:
        view = QTableView(self, objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(TOUCH + 4)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sales history"))
        for widget, text, accessible in (
            (self.all_toggle, self.tr("All shifts"), self.tr("Show the sales of all shifts")),
            (self.open_button, self.tr("Open"), self.tr("Open receipt")),
            (self.void_button, self.tr("Void sale"), self.tr("Void sale")),
            (self.refund_button, self.tr("Refund selected"), self.tr("Refund selected")),
            (self.reprint_button, self.tr("Reprint"), self.tr("Reprint")),
            (self.close_button, self.tr("Close (Esc)"), self.tr("Close")),
        ):
            widget.setText(text)
            widget.setAccessibleName(accessible)
        for edit, text in (
            (self.search, self.tr("Search by receipt number or amount")),
            (self.receipt_input, self.tr("Scan or type a receipt number")),
            (self.reason_input, self.tr("Reason for the void or refund")),
        ):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        self.reason_label.setText(self.tr("Reason"))
        self.method_label.setText(self.tr("Refund by"))
        self.table.setAccessibleName(self.tr("Sales"))
        self.lines_table.setAccessibleName(self.tr("Lines of the sale"))
        self.refund_method.setAccessibleName(self.tr("Refund method"))
        for i, info in enumerate(PAYMENT_METHODS):
            self.refund_method.setItemText(i, info.method.label.text(current_language()))
        self.preview_box.setTitle(self.tr("Receipt copy (sent to the printer)"))
        self.preview.setAccessibleName(self.tr("Receipt preview"))
        self.sales_model.retranslate()
        self.lines_model.retranslate()
        lines = {ln.line_no: ln for ln in self.sale.lines} if self.sale else {}
        for line_no, spin in self._spins.items():
            spin.setAccessibleName(
                self.tr("Quantity to refund: {item}").format(item=lines[line_no].name)
            )
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sales again (this shift, or all with the toggle)."""
        try:
            sales = history.list_sales(
                self.session.handle.uow(write=False), everything=self.all_toggle.isChecked()
            )
            with self.session.handle.uow(write=False) as uow:
                shift = shifts.open_shift_row(uow)
                self._shift_number = shift.number if shift else None
        except PosError as exc:
            self._show_error(exc)
            return
        self._sales = sales[::-1]  # newest first
        self._apply_filter()

    def _apply_filter(self) -> None:
        text = self.search.text()
        self.sales_model.set_rows([s for s in self._sales if matches(s, text)])
        if self.sale is not None:
            self._select(self.sale.receipt_no)

    def _select(self, receipt_no: str) -> bool:
        row = self.sales_model.row_of(receipt_no)
        self._selecting = True
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self._selecting = False
        return row >= 0

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sale = self.sales_model.sale_at(current.row())
        if sale is not None and not self._selecting:
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
            line = self.sale.line_for_code(code) if self.sale else None
            spin = self._spins.get(line.line_no) if line else None
            if spin is not None and spin.isEnabled() and spin.value() < spin.maximum():
                spin.setValue(spin.value() + 1)
                return True
            self._show_error(exc)
            return False

    def _open(self, receipt_no: str, *, quiet: bool = True) -> bool:
        """Show the sale *receipt_no*; NotFound is raised unless *quiet*."""
        try:
            detail = history.sale_detail(self.session.handle.uow(write=False), receipt_no)
        except NotFound:
            if quiet:
                return False
            raise
        except PosError as exc:
            self._show_error(exc)
            return False
        self._show_sale(detail)
        if not self._select(detail.receipt_no):
            self.search.clear()  # refilters and selects
            if not self._select(detail.receipt_no) and not self.all_toggle.isChecked():
                self.all_toggle.setChecked(True)  # an earlier shift's sale: list them all
        return True

    def _receipt_entered(self) -> None:
        if self.open_receipt(self.receipt_input.text()):
            self.receipt_input.clear()

    def _show_sale(self, detail: SaleDetail) -> None:
        self.sale = detail
        self.lines_model.set_rows(detail.lines)
        for old in self._spins.values():
            old.setParent(None)  # gone now, not at the next deleteLater
        self._spins = {}
        for row, line in enumerate(detail.lines):
            spin = QSpinBox(self.lines_table, objectName=f"refundQty{line.line_no}")
            spin.setRange(0, max(0, line.refundable))
            spin.setMinimumHeight(TOUCH)
            spin.setEnabled(not detail.voided and line.refundable > 0)
            self.lines_table.setIndexWidget(
                self.lines_model.index(row, SaleLinesModel.REFUND), spin
            )
            self._spins[line.line_no] = spin
        if detail.payments:  # refund the way most of it was paid
            method = max(detail.payments, key=lambda p: p[1])[0]
            self.refund_method.setCurrentIndex(max(0, self.refund_method.findData(method)))
        for widget in (self.preview_box, self.status_label, self.error_label):
            widget.hide()
        self.retranslate()
        self._update_buttons()

    def _show_title(self) -> None:
        sale = self.sale
        if sale is None:
            self.sale_label.setText(self.tr("Scan or type a receipt number, or pick a sale."))
            return
        parts = [
            sale.receipt_no,
            local_time(sale.created_at, self.session.info.zone),
            sale.cashier,
            format_rupiah(sale.total),
        ]
        if sale.voided:
            parts.append(self.tr("Voided"))
        elif sale.refunded:
            parts.append(self.tr("Refunded {amount}").format(amount=format_rupiah(sale.refunded)))
        self.sale_label.setText(" · ".join(parts))

    def _update_buttons(self) -> None:
        sale = self.sale  # a void is for this shift's sales; a refund needs a shift open
        live = sale is not None and not sale.voided and self._shift_number is not None
        self.void_button.setEnabled(
            live
            and sale is not None
            and not sale.refunds
            and sale.shift_number == self._shift_number
        )
        self.refund_button.setEnabled(
            live and sale is not None and any(ln.refundable > 0 for ln in sale.lines)
        )
        self.reprint_button.setEnabled(sale is not None)

    # -- actions -------------------------------------------------------------------------
    def _void_clicked(self) -> None:
        sale, reason = self.sale, self._reason()
        if sale is None or reason is None:
            return
        ids = {ln.product_id for ln in sale.lines if ln.product_id is not None}

        def approve(name: str, pin: str) -> None:
            result = returns.void_sale(
                self.session.handle.uow(),
                sale.receipt_no,
                supervisor_name=name,
                supervisor_pin=pin,
                reason=reason,
            )
            self._changed(
                sale.receipt_no,
                self.tr("Sale {receipt} voided: {amount} taken off the shift.").format(
                    receipt=result.receipt_no, amount=format_rupiah(result.total)
                ),
                ids,
            )

        self._ask(
            self.tr("Void sale {receipt} ({amount})").format(
                receipt=sale.receipt_no, amount=format_rupiah(sale.total)
            ),
            approve,
        )

    def _refund_clicked(self) -> None:
        sale = self.sale
        picked = (
            [
                (ln, self._spins[ln.line_no].value())
                for ln in sale.lines
                if self._spins[ln.line_no].value() > 0
            ]
            if sale
            else []
        )
        if sale is not None and not picked:
            self._say(self.tr("Choose how many to refund on at least one line."), error=True)
            return
        reason = self._reason()
        if sale is None or reason is None:
            return
        items = [returns.RefundItem(str(ln.line_no), qty, line_no=ln.line_no) for ln, qty in picked]
        ids = {ln.product_id for ln, _ in picked if ln.product_id is not None}
        method = PaymentMethod(self.refund_method.currentData())
        method_name = self.refund_method.currentText()

        def approve(name: str, pin: str) -> None:
            result = returns.refund(
                self.session.handle.uow(),
                sale.receipt_no,
                items,
                supervisor_name=name,
                supervisor_pin=pin,
                reason=reason,
                method=method,
            )
            self._changed(
                sale.receipt_no,
                self.tr("Refund {refund}: give back {amount} ({method}).").format(
                    refund=result.refund_no, amount=format_rupiah(result.amount), method=method_name
                ),
                ids,
            )
            self.refunded.emit(result.refund_no)

        self._ask(
            self.tr("Refund {count} item(s) of sale {receipt} by {method}").format(
                count=sum(q for _, q in picked), receipt=sale.receipt_no, method=method_name
            ),
            approve,
        )

    def _reprint_clicked(self) -> None:
        if self.sale is None:
            return
        uow = self.session.handle.uow
        try:  # the copy as it prints, at the stand's paper width
            width = settings.get(uow(write=False)).paper_width
            copy = receipt_for(uow(write=False), self.sale.receipt_no, lang=self.lang, kind="copy")
        except PosError as exc:
            self._show_error(exc)
            return
        self.preview.setPlainText(receipt_preview(copy, width, lang=self.lang))
        self.preview_box.show()
        self.reprint_requested.emit(self.sale.receipt_no)

    def _reason(self) -> str | None:
        if self.sale is None:
            self._say(self.tr("Open a sale first: scan or type its receipt number."), error=True)
            return None
        reason = " ".join(self.reason_input.text().split())
        if not reason:
            self._say(self.tr("Give a reason first."), error=True)
            self.reason_input.setFocus()
            return None
        return reason

    def _ask(self, detail: str, approve: Approve) -> None:
        if self.prompt is not None:
            self.prompt.reject()
        self.prompt = PinPrompt(approve, detail=detail, parent=self)
        self.prompt.finished.connect(self._prompt_finished)
        self.prompt.open()

    def _prompt_finished(self) -> None:
        if self.prompt is not None:
            self.prompt.deleteLater()
            self.prompt = None

    def _changed(self, receipt_no: str, message: str, product_ids: set[int]) -> None:
        """After a void or refund: stock figures, the list and the sale read again."""
        self.reason_input.clear()
        self.refresh()
        self._open(receipt_no)
        self._say(message, error=False)
        try:
            self.session.refresh_stock(product_ids)
        except PosError as exc:  # done all the same; the grid's figures catch up later
            self._show_error(exc)
        self.changed.emit(product_ids)

    def _say(self, text: str, *, error: bool) -> None:
        shown, hidden = (
            (self.error_label, self.status_label)
            if error
            else (self.status_label, self.error_label)
        )
        shown.setText(text)
        shown.show()
        hidden.hide()

    def _show_error(self, exc: PosError) -> None:
        self._say(user_message(exc), error=True)
