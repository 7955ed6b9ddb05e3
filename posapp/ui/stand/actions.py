"""What the stand window's buttons and keys do: open the dialogs, apply their results."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from posapp.domain.cart import Discount
from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.money import parse_rupiah
from posapp.domain.product import Product
from posapp.services.settings import StandSettings
from posapp.services.users import Approval
from posapp.ui.common.errors import user_message
from posapp.ui.common.input_dialog import Field, InputDialog
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, PromptSlot
from posapp.ui.orders.menu import OrderMenu
from posapp.ui.stand.parts import StandParts

if TYPE_CHECKING:
    from posapp.services.session.stand import StandSession


class StandActions(QObject):
    """The window's verbs, on the parts the window hands in (it is never imported here).
    Dialogs are imported when first opened: a faster start."""

    def __init__(self, parts: StandParts) -> None:
        super().__init__(parts.window)
        self.parts = parts
        self.window = parts.window  # the dialogs' parent
        self.dialog: QDialog | None = None  # the one open dialog (tests look at it)
        self.customer_display: QObject | None = None
        self.prompts = PromptSlot(self.window)  # a supervisor's PIN prompt (the X report)
        self._panel_wired = False  # the payment panel's signals, connected at the first F12
        # taking orders, the orders list, their slips: dialogs open as this class opens them
        self.orders = OrderMenu(parts, open_dialog=self._open,
                                follow_payment=self._follow_payment, parent=self)

    @property
    def session(self) -> StandSession:
        return self.parts.session

    def _refresh(self) -> None:
        self.parts.selling.load_last_sale()  # a dialog may have voided or refunded it
        self.parts.selling.refresh_cart()

    def _open(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(self._refresh)
        dialog.open()
        return dialog

    def _ask(self, title: str, fields: list[Field], on_ok: Callable[[list[str]], object],
             name: str) -> QDialog:
        """An InputDialog whose *on_ok* may raise PosError (shown inline, dialog stays)."""
        def attempt(values: list[str]) -> str | None:
            try:
                on_ok(values)
            except PosError as exc:
                return user_message(exc)
            return None

        return self._open(InputDialog(self.window, title, fields, attempt, name=name,
                                      ok_text=self.tr("OK (Enter)"),
                                      cancel_text=self.tr("Cancel (Esc)")))

    # -- selling -------------------------------------------------------------------
    def pay(self) -> None:
        """The payment panel for the cart (F12); Esc goes back to it."""
        if self.session.cart.is_empty or not self.parts.is_selling():
            return
        panel = self.parts.payment
        if not self._panel_wired:
            self._panel_wired = True
            panel.paid.connect(lambda _sale: self._paid())
            panel.closed.connect(self.parts.show_current_page)
            panel.reprint_requested.connect(lambda no: self.parts.printing.receipt(no, copy=True))
            panel.qris_slip_requested.connect(self._qris_slip)
        panel.start(self.session.settings.get().qris_payload)
        self._follow_payment(panel)  # the buyer sees the QRIS code

    def _follow_payment(self, payment: QWidget) -> None:
        """The buyer's display, when open, shows the QRIS code of *payment* (the panel, or
        an order's payment dialog)."""
        from posapp.ui.stand.customer_display import CustomerDisplay

        if isinstance(self.customer_display, CustomerDisplay):
            self.customer_display.follow_payment(payment)

    def _qris_slip(self, amount: int) -> None:
        """A slip with the QRIS code for *amount*, through the print queue."""
        try:
            self.parts.printing.qris_slip(amount)
        except PosError as exc:
            self.parts.payment.say(user_message(exc))
            return
        self.parts.payment.say(self.tr("QRIS slip sent to the printer"))

    def _paid(self) -> None:
        sale = self.session.last_sale
        if sale is not None:  # committed already: receipt and backup in the background
            self.parts.printing.receipt(sale.receipt_no)
            self.parts.backups.after_sale()
        self.parts.selling.refresh_products()  # stock figures changed
        self._refresh()

    def custom_item(self) -> None:
        def add(values: list[str]) -> None:
            price = parse_rupiah(values[1] or "0")
            if price > 0 and self.session.price_needs_supervisor(None, price):
                self._approve(lambda: self.session.cart.add_custom(values[0], price))
            else:
                self.session.cart.add_custom(values[0], price)

        self._ask(self.tr("Custom item"), [
            Field("customNameInput", self.tr("Description (motif, size, colour)")),
            Field("customPriceInput", self.tr("Price (Rp)")),
        ], add, "customItemDialog")

    def open_price(self, product: Product) -> None:
        def add(values: list[str]) -> None:
            price = parse_rupiah(values[0] or "0")
            if price > 0 and self.session.price_needs_supervisor(product, price):
                self._approve(lambda: self.session.add(product, price=price))
            else:
                self.session.add(product, price=price)

        self._ask(product.name, [Field("openPriceInput", self.tr("Price of this piece (Rp)"))],
                  add, "openPriceDialog")

    def edit_quantity(self, row: int) -> None:
        line = self.session.cart.lines[row]

        def apply(values: list[str]) -> None:
            text = values[0].strip()
            if not text.isdigit():
                raise InvalidInput("cart.quantity_not_whole", quantity=text)
            self.session.cart.set_quantity(row, int(text))

        self._ask(line.product.name, [Field("quantityInput", self.tr("Quantity"),
                                            text=str(line.quantity))], apply, "quantityDialog")

    def line_discount(self, row: int) -> None:
        base = self.session.cart.lines[row].subtotal
        self._discount(base, lambda d: self.session.cart.set_line_discount(row, d))

    def cart_discount(self) -> None:
        if self.session.cart.is_empty:
            return
        base = sum(line.net for line in self.session.cart.lines)
        self._discount(base, self.session.cart.set_discount)

    def _discount(self, base: int, apply: Callable[[Discount | None], object]) -> None:
        def take(values: list[str]) -> None:
            text = values[0].strip()
            discount = Discount.parse(text) if text else None
            if discount is not None:
                discount.on(base)  # refuse a discount larger than the amount now
            if discount is not None and self.session.needs_supervisor(discount, base):
                self._approve(lambda: apply(discount))
            else:
                apply(discount)

        self._ask(self.tr("Discount"), [Field("discountInput",
                                              self.tr("10% or an amount (empty: none)"))],
                  take, "discountDialog")

    def _approve(self, then: Callable[[], object]) -> None:
        """Ask a supervisor's name and PIN, then run *then*."""
        def check(values: list[str]) -> None:
            self.session.approve(values[0], values[1])
            then()

        self._ask(self.tr("Supervisor approval"), [
            Field("supervisorNameInput", self.tr("Supervisor")),
            Field("supervisorPinInput", self.tr("PIN"), secret=True),
        ], check, "approvalDialog")

    # -- other screens ---------------------------------------------------------------
    def open_history(self) -> None:
        from posapp.ui.stand.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.session, self.window, lang=self.parts.lang())
        dialog.changed.connect(lambda _ids: self.parts.selling.refresh_products())
        dialog.changed.connect(lambda _ids: self._refresh())  # a voided last sale: not paid
        dialog.reprint_requested.connect(lambda no: self.parts.printing.receipt(no, copy=True))
        dialog.refunded.connect(self.parts.printing.receipt)  # the refund's own receipt
        if self.parts.scanner is not None:  # a scanned receipt or product opens or picks it
            self.parts.scanner.scanned.connect(
                lambda code, w: w is dialog and dialog.open_receipt(code))
        self._open(dialog)

    def close_shift(self) -> None:
        from posapp.ui.stand.close_shift_dialog import CloseShiftDialog

        dialog = CloseShiftDialog(self.session, self.window, lang=self.parts.lang())
        dialog.finished.connect(self.parts.show_current_page)
        dialog.shift_closed.connect(lambda _report: self._shift_closed())
        dialog.print_requested.connect(lambda number: self._print_report("z", number))
        self._open(dialog)

    def _shift_closed(self) -> None:
        """A copy of the closed shift's data to the backup folder, and a sync; both in the
        background."""
        self.parts.backups.after_shift_close()
        self.parts.sync.after_shift_close()

    def print_x_report(self) -> None:
        """The open shift's X report to the printer (through the print queue). On a stand
        that counts the drawer blind the service wants a supervisor for a cashier (the report
        shows the cash expected): the PIN prompt asks for one and queues it on approval."""
        try:
            self.parts.printing.report("x")
        except PosError as exc:
            if exc.code != NEEDS_SUPERVISOR:
                self.parts.say(user_message(exc))
                return
            self.prompts.open(lambda name, pin: self.parts.printing.report(
                "x", approval=Approval(name, pin)), user_message(exc))

    def _print_report(self, which: Literal["x", "z"], number: int | None = None) -> None:
        try:
            self.parts.printing.report(which, number)
        except PosError as exc:
            self.parts.say(user_message(exc))

    def open_print_jobs(self) -> None:
        """The receipts and reports waiting or not printed, to print again."""
        from posapp.ui.stand.print_jobs_dialog import PrintJobsDialog

        self._open(PrintJobsDialog(self.parts.printing, self.session.info.zone, self.window))

    def open_catalog(self) -> None:
        from posapp.ui.catalog.dialog import CatalogDialog

        dialog = CatalogDialog(self.session, self.window)
        dialog.catalogChanged.connect(self.parts.selling.reload_catalog)
        self._open(dialog)

    def open_settings(self) -> None:
        from posapp.ui.setup.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.settings, self.window, scanner=self.parts.scanner)
        dialog.saved.connect(self.apply_settings)
        before = self.parts.backups.folder()
        dialog.saved.connect(lambda s: self._first_backup(s, before))
        self._open(dialog)

    def sync_now(self) -> None:
        """Send the new journal entries to the central store, in the background."""
        try:
            self.parts.sync.sync_now()
        except PosError as exc:  # no central store set: say where to set it
            self.parts.say(user_message(exc))

    def backup_now(self) -> None:
        """A copy to the backup folder now, in the background; without a folder set, the
        settings to choose one."""
        if self.parts.backups.folder():
            self.parts.backups.request(force=True)
        else:
            self.open_settings()

    def _first_backup(self, s: StandSettings, before: str) -> None:
        """A new backup folder gets its first copy at once (the status bar shows it worked)."""
        if s.backup_folder and s.backup_folder != before:
            self.parts.backups.request(force=True)

    def apply_settings(self, s: StandSettings) -> None:
        """Settings take effect at once: language, scanner, discount limit, backup folder."""
        if self.parts.languages is not None:
            self.parts.languages.use(s.language)
        if self.parts.scanner is not None:
            self.parts.scanner.max_interval_ms = s.scanner_interval_ms
            self.parts.scanner.suffix = s.scanner_suffix
        self.session.discount_limit = Decimal(s.discount_limit_percent)
        self.parts.backups.reload()
        self.parts.update_backup_status()

    def toggle_language(self) -> None:
        languages = self.parts.languages
        if languages is not None:
            languages.use("en" if languages.current == "id" else "id")

    def toggle_customer_display(self) -> None:
        """Open the buyer's display (full-screen on a second screen if any, else docked in
        the selling screen's corner); again: close it."""
        from posapp.ui.stand.customer_display import CustomerDisplay

        display = self.customer_display
        if isinstance(display, CustomerDisplay) and display.presented:
            self.close_customer_display()
            return
        if not isinstance(display, CustomerDisplay):  # else reuse one closed by its own window
            display = CustomerDisplay(self.session, photos=self.parts.selling.photos)
            self.parts.selling.cart_changed.connect(display.refresh)
            display.corner.covers.connect(self.parts.selling.keep_corner_free)  # docked
            self.customer_display = display
        was_active = self.window.isActiveWindow()
        display.present(self.window, shown_when=self.parts.is_selling)
        if was_active:  # scans keep going to the stand window
            self.window.activateWindow()

    def close_customer_display(self) -> None:
        """Close the buyer's display, if open (also when the stand window closes)."""
        display, self.customer_display = self.customer_display, None
        if display is None:
            return
        from posapp.ui.stand.customer_display import CustomerDisplay

        if isinstance(display, CustomerDisplay):
            self.parts.selling.cart_changed.disconnect(display.refresh)
            display.close()
        display.deleteLater()
