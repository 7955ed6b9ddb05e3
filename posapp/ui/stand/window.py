"""The stand window: log-in, open shift, sell; the status bar; the function keys.

Made with ``deferred=True`` (as ``posapp run`` makes it), the window builds its pages and
paints them before SQLAlchemy and the services are loaded: the log-in card with the stand's
name and its cashiers, the shift's state, the selling screen's first tiles, all read with
plain sqlite3, and the menu's entries (disabled). Once it has painted, ``finish`` loads the
rest (the session's services, the payment panel, the printer, sync and backup, what the
menu's entries do, and the keys); a scan that comes before then waits and is added after.

Longer than a screen: the window is built in those two steps, each with the state the other
must respect (nothing of the second read before it is loaded), and its status bar reads
every desk; splitting it would spread that order over several modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QMenu, QStackedWidget, QWidget

from posapp.domain.errors import PosError
from posapp.services.session.stand import StandSession
from posapp.ui.common.fit import fill_screen
from posapp.ui.common.widgets import set_role
from posapp.ui.stand.keymap import key as key_of
from posapp.ui.stand.login_page import LoginPage, OpenShiftPage
from posapp.ui.stand.selling_page import SellingPage

if TYPE_CHECKING:  # loaded by finish(), after the first paint
    from posapp.services.settings import StandSettings
    from posapp.ui.common.i18n import Languages
    from posapp.ui.common.scanner import ScannerFilter
    from posapp.ui.stand.actions import StandActions
    from posapp.ui.stand.backup_controller import BackupController
    from posapp.ui.stand.help_overlay import HelpOverlay
    from posapp.ui.stand.payment_panel import PaymentPanel
    from posapp.ui.stand.print_controller import PrintController
    from posapp.ui.stand.printer_banner import PrinterBanner
    from posapp.ui.stand.sync_controller import SyncController

# The menu's entries, in order, and whether each has a key of its own (``keymap``); shown
# from the first paint, disabled until the window is whole.
MENU_ENTRIES = (("history", True), ("orders", True), ("newOrder", True),
                ("closeShift", False),  # no key: done on purpose
                ("catalog", True), ("settings", False), ("language", False),
                ("customerDisplay", True), ("printAgain", False), ("printJobs", False),
                ("printXReport", False), ("syncNow", True), ("logout", True))

# The status bar's labels; those after the first three are shown once the window is loaded.
STATUS_LABELS = ("statusStand", "statusCashier", "statusShift", "statusOrders",
                 "statusPrinter", "statusSync", "statusBackup")


class StandWindow(QMainWindow):
    """One stand's window; several may run in one process, each on its own database."""

    # The window is whole (``finish`` done): payment, printing, sync, menu and keys.
    loaded = Signal()
    payment: PaymentPanel
    printing: PrintController
    printer_banner: PrinterBanner
    sync: SyncController
    backups: BackupController
    actions_: StandActions
    help: HelpOverlay

    def __init__(
        self,
        session: StandSession,
        parent: QWidget | None = None,
        *,
        languages: Languages | None = None,
        scanner: ScannerFilter | None = None,
        deferred: bool = False,
    ) -> None:
        """*deferred*: paint the pages first and load the rest once painted (``finish``);
        else the window is whole when made."""
        super().__init__(parent)
        self.session = session
        self.languages = languages
        self.scanner = scanner
        self.is_loaded = False
        self._early_scans: list[str] = []  # scans before the window was whole
        self.setObjectName(f"standWindow_{session.info.code}")
        self.pages = QStackedWidget(self)
        self.login = LoginPage(session, self.pages)
        self.open_shift = OpenShiftPage(session, self.pages)
        self.selling = SellingPage(session, self.pages)
        for page in (self.login, self.open_shift, self.selling):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self._build_status()
        self.menu = QMenu(self)
        self.menu.setObjectName("standMenu")
        self.menuBar().addMenu(self.menu)
        self.menu_actions: dict[str, QAction] = {}
        for name, keyed in MENU_ENTRIES:  # seen from the first paint; enabled once whole
            action = QAction(self, objectName=f"{name}Action", enabled=False)
            if keyed:
                action.setShortcut(QKeySequence(key_of(name)))
            self.menu.addAction(action)
            self.addAction(action)
            self.menu_actions[name] = action
        self.login.logged_in.connect(self.show_current_page)
        self.open_shift.shift_opened.connect(self.show_current_page)
        if deferred:
            self.installEventFilter(self)  # the first paint starts finish()
            self.retranslate()
            self.show_current_page()
        else:
            self.finish()
        self.screen_fit = fill_screen(self, f"stand-{session.info.code}")  # each its own

    def finish(self) -> None:
        """Load the services and build the rest of the window (once)."""
        if self.is_loaded:
            return
        from posapp.ui.stand.actions import StandActions
        from posapp.ui.stand.backup_controller import BackupController
        from posapp.ui.stand.parts import StandParts
        from posapp.ui.stand.payment_panel import PaymentPanel
        from posapp.ui.stand.print_controller import PrintController
        from posapp.ui.stand.printer_banner import PrinterBanner
        from posapp.ui.stand.sync_controller import SyncController
        from posapp.ui.stand.upkeep_banner import UpkeepBanner

        session = self.session
        session.finish_loading()
        self.payment = PaymentPanel(session, self.pages)  # F12 from selling, Esc back
        self.pages.addWidget(self.payment)
        self.printing = PrintController(session, self)
        self.printing.changed.connect(self._update_printer_status)
        self.printer_banner = PrinterBanner(session, self.printing, self.selling)
        self.selling.add_banner(self.printer_banner)  # a receipt not printed, and why
        self.sync = SyncController(session, self)
        self.sync.changed.connect(self._update_sync_status)
        self.backups = BackupController(session, self)
        self.backups.changed.connect(self.update_backup_status)
        self.actions_ = StandActions(StandParts(
            window=self, session=session, selling=self.selling, payment=self.payment,
            printing=self.printing,
            sync=self.sync, backups=self.backups, languages=self.languages, scanner=self.scanner,
            is_selling=self.is_selling, show_current_page=self.show_current_page,
            update_orders_status=self.update_orders_status,
            update_backup_status=self.update_backup_status))
        # a failed sync's or backup's whole reason, with a retry
        self.selling.add_banner(UpkeepBanner("sync", self.sync.changed, self.sync.failure_text,
                                             self.actions_.sync_now, self.selling))
        self.selling.add_banner(UpkeepBanner(
            "backup", self.backups.changed, self.backups.failure_text,
            self.actions_.backup_now, self.selling))
        self._build_menu()
        self._build_keys()
        self.is_loaded = True
        for name in ("statusPrinter", "statusSync", "statusBackup"):  # the orders' when some
            self.status_labels[name].show()
        self.retranslate()
        self.show_current_page()
        early, self._early_scans = self._early_scans, []
        for code in early:
            self.on_scan(code, self)
        self.loaded.emit()

    def _finish_after_paint(self) -> None:
        """``finish``, run by the event loop: a stand that cannot be read says why, in one
        line, and its window closes (as a failed start would have said)."""
        try:
            self.finish()
        except PosError as exc:
            from PySide6.QtWidgets import QMessageBox

            from posapp.ui.common.errors import user_message

            QMessageBox.critical(self, self.windowTitle(), user_message(exc))
            self.close()

    def _build_status(self) -> None:
        self.status_labels: dict[str, QLabel] = {}
        for name in STATUS_LABELS:
            label = QLabel(self)
            label.setObjectName(name)
            self.status_labels[name] = label
            self.statusBar().addPermanentWidget(label)
        # a click on the printer opens the print jobs; on the sync, syncs; on the orders, them;
        # on the backup, makes one (or opens the settings to choose its folder)
        for name in STATUS_LABELS[3:]:
            self.status_labels[name].setCursor(Qt.CursorShape.PointingHandCursor)
            self.status_labels[name].installEventFilter(self)
            self.status_labels[name].hide()  # until finish() has read them

    def _build_menu(self) -> None:
        from posapp.ui.stand.help_overlay import HelpOverlay

        self.help = HelpOverlay(self)  # F1 or ?: every key, over the window
        slots = {
            "history": self.actions_.open_history,
            "orders": self.actions_.orders.open_orders,
            "newOrder": self.actions_.orders.take_order,
            "closeShift": self.actions_.close_shift,
            "catalog": self.actions_.open_catalog,
            "settings": self.actions_.open_settings,
            "language": self.actions_.toggle_language,
            "customerDisplay": self.actions_.toggle_customer_display,
            "printAgain": self.printing.retry_all,
            "printJobs": self.actions_.open_print_jobs,
            "printXReport": self.actions_.print_x_report,
            "syncNow": self.actions_.sync_now,
            "logout": self.logout,
        }
        for name, action in self.menu_actions.items():  # made with the window, disabled
            action.triggered.connect(slots[name])
            action.setEnabled(True)  # those of the selling screen: show_current_page

    def _build_keys(self) -> None:
        s = self.selling
        mark = QShortcut(self)  # ? is typed with Shift on most keyboards; a text field
        mark.setKeys([QKeySequence(key_of("helpMark")),  # takes it as a character
                      QKeySequence(f"Shift+{key_of('helpMark')}")])
        mark.activated.connect(self.help.toggle)
        mark.activatedAmbiguously.connect(self.help.toggle)  # where both forms match
        for key, slot in (
            (key_of("help"), self.help.toggle),
            (key_of("pay"), self.actions_.pay),
            (key_of("search"), s.search.setFocus),
            (key_of("code"), s.scan_input.setFocus),
            (key_of("quantity"), lambda: s._with_row(self.actions_.edit_quantity)),
            (key_of("otherItem"), self.actions_.custom_item),
            (key_of("lineDiscount"), lambda: s._with_row(self.actions_.line_discount)),
            (key_of("cartDiscount"), self.actions_.cart_discount),
            (key_of("removeLine"), s.remove_line),
            (key_of("more"), lambda: s.change_quantity(+1)),
            (key_of("less"), lambda: s.change_quantity(-1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            # the selling screen's keys: not while the payment panel takes its own
            self.pages.currentChanged.connect(
                lambda _i, k=shortcut: k.setEnabled(self.pages.currentWidget() is not self.payment))
        s.pay_requested.connect(self.actions_.pay)
        s.custom_item_requested.connect(self.actions_.custom_item)
        s.open_price_requested.connect(self.actions_.open_price)
        s.quantity_requested.connect(self.actions_.edit_quantity)
        s.line_discount_requested.connect(self.actions_.line_discount)
        s.cart_discount_requested.connect(self.actions_.cart_discount)
        s.order_requested.connect(self.actions_.orders.take_order)
        self.printer_banner.setup_requested.connect(self.open_printer_settings)

    def open_printer_settings(self) -> None:
        """The settings, the printer field ready to type in; once saved with a printer, the
        receipts waiting print."""
        self.actions_.open_settings()
        dialog = self.actions_.dialog
        field = dialog.findChild(QLineEdit, "printerInput") if dialog is not None else None
        if field is not None:
            field.setFocus()
        saved = getattr(dialog, "saved", None)
        if saved is not None:
            saved.connect(self._printer_saved)

    def _printer_saved(self, settings: StandSettings) -> None:
        if settings.printer:
            self.printing.retry_all()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("posapp: {stand}").format(stand=self.session.info.name))
        self.menu.setTitle(self.tr("Menu"))
        for name, text in (  # from the first paint (disabled until the window is whole)
            ("history", self.tr("Sales history, void, refund (F9)")),
            ("orders", self.tr("Orders (F10)")),
            ("newOrder", self.tr("New order (Shift+F12)")),
            ("closeShift", self.tr("Close shift…")),
            ("catalog", self.tr("Catalog (F11)")),
            ("settings", self.tr("Settings")),
            ("language", self.tr("Bahasa Indonesia / English")),
            ("customerDisplay", self.tr("Customer display")),
            ("printAgain", self.tr("Print the waiting print jobs again")),
            ("printJobs", self.tr("Print jobs…")),
            ("printXReport", self.tr("Print X report (shift so far)")),
            ("syncNow", self.tr("Sync now (F5)")),
            ("logout", self.tr("Log out (Ctrl+L)")),
        ):
            self.menu_actions[name].setText(text)
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_current_page(self) -> None:
        """Log-in without a cashier, open-shift without a shift, else the selling screen."""
        if self.session.cashier is not None and not self.is_loaded:
            self.finish()  # logged in before the window was whole: it is now, then shows
            return
        if self.session.cashier is None:
            self.pages.setCurrentWidget(self.login)
            self.login.reset()
        elif self.session.open_shift_number() is None:
            self.pages.setCurrentWidget(self.open_shift)
            self.open_shift.reset()
        else:
            self.pages.setCurrentWidget(self.selling)
            self.selling.load_last_sale()  # after a restart too: did the last sale go through
            self.selling.refresh_cart()
            self.selling.scan_input.setFocus()
        selling = self.is_selling()
        if self.is_loaded:
            for name in ("history", "orders", "newOrder", "closeShift", "catalog",
                         "printXReport"):
                self.menu_actions[name].setEnabled(selling)
        self._update_status()

    def is_selling(self) -> bool:
        """The selling screen is shown (not the log-in or the open-shift page)."""
        return self.pages.currentWidget() is self.selling

    def logout(self) -> None:
        """Ganti kasir: the next cashier starts on an empty selling screen, no payment in
        the panel, and the customer display idle."""
        self.session.logout()
        self.payment.clear()
        self.selling.reset()
        self.selling.refresh_cart()  # the customer display follows the emptied cart
        self.show_current_page()

    def on_scan(self, code: str, window: QWidget) -> None:
        """A scanner burst: add it when it was aimed at this window's selling screen; an
        order slip's number (no product's code) opens that order."""
        if window is self and not self.is_loaded:  # added once the window is whole
            self._early_scans.append(code)
            return
        if window is self and self.payment.is_paid():  # the next sale starts with a scan
            self.show_current_page()
        if window is self and self.is_selling():
            from posapp.ui.orders.models import looks_like_order_no

            if looks_like_order_no(code) and not self.session.catalog.knows(code):
                self.actions_.orders.open_orders(code)
            else:
                self.selling.add_code(code)

    def _update_status(self) -> None:
        info, cashier = self.session.info, self.session.cashier
        self.status_labels["statusStand"].setText(
            self.tr("Stand {code} · {province}").format(code=info.code, province=info.province)
        )
        self.status_labels["statusCashier"].setText(
            self.tr("Cashier: {name}").format(name=cashier.name)
            if cashier
            else self.tr("Not logged in")
        )
        number = self.session.open_shift_number()
        self.status_labels["statusShift"].setText(
            self.tr("Shift #{n}").format(n=number) if number else self.tr("No shift open")
        )
        if not self.is_loaded:
            return
        self.update_orders_status()
        self._update_printer_status()
        self._update_sync_status()
        self.update_backup_status()
        self.status_labels["statusPrinter"].setToolTip(self.tr("Click to see the print jobs"))

    def update_orders_status(self) -> None:
        """How many orders wait to be handed over (open or ready); a click lists them."""
        label = self.status_labels["statusOrders"]
        try:
            waiting = self.session.orders.count_open()
        except PosError:
            waiting = 0
        label.setText(self.tr("Orders to collect: {n}").format(n=waiting))
        label.setToolTip(self.tr("Click to see the orders (F10)"))
        label.setVisible(waiting > 0)

    def _update_printer_status(self) -> None:
        self.status_labels["statusPrinter"].setText(self._printer_status())

    def _printer_status(self) -> str:
        """Jobs not printed (failed, or waiting while nothing prints them: a crash left them),
        else printing, ready or the last error."""
        _waiting, _failed, error = self.printing.state()
        busy = self.printing.busy
        left = self.printing.not_printed()
        if left == 1:
            return self.tr("Printer: 1 receipt not printed")
        if left:
            return self.tr("Printer: {n} receipts not printed").format(n=left)
        if busy:
            return self.tr("Printer: printing…")
        return self.tr("Printer: ready") if error is None else self.tr("Printer: error")

    def _update_sync_status(self) -> None:
        """The last sync (or the one running); a failure's reason is on the sync strip."""
        label = self.status_labels["statusSync"]
        text = self.sync.status_text()
        label.setText(text)
        whole = self.sync.failure_text() or text
        hint = self.tr("Click to sync now (F5)")
        label.setToolTip(f"{whole}\n{hint}")
        label.setAccessibleName(whole)

    def update_backup_status(self) -> None:
        """The last backup (a failure as a warning); a failure's reason is on the backup strip."""
        label = self.status_labels["statusBackup"]
        text = self.backups.status_text()
        font = QFont(label.font())
        if not self.backups.folder():
            hint = self.tr("Click to choose the backup folder (a USB stick)")
            set_role(label, "muted")
        else:
            hint = self.tr("Click to make a backup now")
            failed = self.backups.failed()
            set_role(label, "error" if failed else "")
            font.setBold(failed)  # measured as shown
        label.setFont(font)
        label.setText(text)
        whole = self.backups.failure_text() or text
        label.setToolTip(f"{whole}\n{hint}")
        label.setAccessibleName(whole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self.is_loaded:
            self.removeEventFilter(self)  # painted once: the rest loads right after
            QTimer.singleShot(0, self, self._finish_after_paint)  # none once closed
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            if watched is self.status_labels["statusPrinter"]:
                self.actions_.open_print_jobs()
                return True
            if watched is self.status_labels["statusOrders"]:
                self.actions_.orders.open_orders()
                return True
            if watched is self.status_labels["statusSync"]:
                self.actions_.sync_now()
                return True
            if watched is self.status_labels["statusBackup"]:
                self.actions_.backup_now()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_loaded:
            self.actions_.close_customer_display()
        super().closeEvent(event)
