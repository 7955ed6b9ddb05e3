"""Every screen of the stand app in the states a user sees, and the text visible on them.

``SCREENS`` maps a screen's name to a generator that opens it (``show()``/``open()``, never
``exec()``) and yields ``(moment, top-level widget)`` at each state worth reading; read the
widget's texts with ``visible_texts`` before asking the generator for the next state.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir
from posapp.domain.cart import Discount
from posapp.domain.event_key import new_key
from posapp.domain.fx import parse_rate
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import event, export, fx, orders, settings, shifts, sync, users
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.setup.wizard import SetupWizard
from posapp.ui.stand.customer_display import CustomerDisplay
from posapp.ui.stand.window import StandWindow
from tests.conftest import (
    BUDI,
    CASHIER,
    CASHIER_PIN,
    CATALOG_CSV,
    SUPERVISOR,
    SUPERVISOR_PIN,
    Stand,
    make_stand,
)
from tests.printer_servers import printer, quick_waits
from tests.unit.test_qris import STAND_STATIC

HIJAB = "JTM-JLB-001"  # Rp 85.000, 20 in stock
GEDOG = "JTM-BTK-002"  # Rp 325.000

Moment = tuple[str, QWidget]


@dataclass
class Ctx:
    qtbot: QtBot
    stand: Stand
    data: DataDir
    languages: Languages


# -- reading -----------------------------------------------------------------------------
def _plain(text: str) -> str:
    """A button's text as shown: the mnemonic ``&`` dropped (``&&`` is a shown ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _header_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or not isinstance(view, QTableView) or view.horizontalHeader().isHidden():
        return []
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(model.columnCount())]


def _menu_texts(window: QMainWindow) -> list[str]:
    bar = window.menuBar()
    if bar.isHidden():
        return []
    texts: list[str] = []
    for action in bar.actions():
        texts.append(_plain(action.text()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts += [_plain(a.text()) for a in menu.actions() if a.isVisible()]
    return texts


def _own_widgets(root: QWidget) -> list[QWidget]:
    """*root* and its visible widgets that are not in another window (a child dialog)."""
    return [w for w in (root, *root.findChildren(QWidget))
            if w.isVisible() and w.window() is root]


def visible_texts(root: QWidget) -> list[str]:
    """The UI text a user can read in the window *root* now (empty strings left out)."""
    texts = [root.windowTitle()]
    if isinstance(root, QMainWindow):
        texts += _menu_texts(root)
    if isinstance(root, QWizard) and root.currentPage() is not None:
        texts += [root.currentPage().title(), root.currentPage().subTitle()]
    for w in _own_widgets(root):
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(_plain(w.text()))
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.placeholderText(), *(w.itemText(i) for i in range(w.count()))]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableView):
            texts += _header_texts(w)
    return [t for t in texts if t and t.strip()]


def plain_texts(root: QWidget) -> list[str]:
    """The visible multi-line text views (receipt preview, Z report) of *root*."""
    return [w.toPlainText() for w in _own_widgets(root) if isinstance(w, QPlainTextEdit)]


# -- driving -----------------------------------------------------------------------------
def window(ctx: Ctx, session: StandSession) -> StandWindow:
    w = StandWindow(session, languages=ctx.languages)
    ctx.qtbot.addWidget(w)
    w.show()
    ctx.qtbot.waitExposed(w)
    return w


def logged_in(ctx: Ctx) -> StandWindow:
    session = StandSession.open(ctx.stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    w = window(ctx, session)
    assert w.pages.currentWidget() is w.selling
    return w


def sell(session: StandSession, codes: list[str],
         method: PaymentMethod = PaymentMethod.CASH) -> str:
    for code in codes:
        session.scan(code)
    return session.pay([Payment(method, session.total())]).receipt_no


def click(ctx: Ctx, parent: QWidget, name: str) -> None:
    button = parent.findChild(QAbstractButton, name)
    assert button is not None, f"no button named {name}"
    ctx.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_in(ctx: Ctx, parent: QWidget, name: str, text: str) -> None:
    edit = parent.findChild(QLineEdit, name)
    assert edit is not None, f"no line edit named {name}"
    edit.clear()
    ctx.qtbot.keyClicks(edit, text)


def opened(w: StandWindow) -> QDialog:
    dialog = w.actions_.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


# -- the screens -------------------------------------------------------------------------
def login_page(ctx: Ctx) -> Iterator[Moment]:
    w = window(ctx, StandSession.open(ctx.stand.handle))
    assert w.pages.currentWidget() is w.login
    yield "log-in page", w
    click(ctx, w.login, "loginButton")  # no name picked yet
    assert w.login.error.isVisible()
    yield "log-in page, no name picked", w
    assert w.login.pick(CASHIER)
    for digit in "0000":
        click(ctx, w.login, f"pinKey{digit}")
    click(ctx, w.login, "loginButton")
    assert w.login.error.isVisible()
    yield "log-in page, wrong PIN", w
    for n, name in enumerate(("Dewi Sartika Wulandari", "Eko", "Fajar", "Gita", "Hasan",
                              "Indah Permatasari", "Joko", "Kartika", "Lestari", "Made",
                              "Nyoman Ayu", "Putu")):
        users.add_user(ctx.stand.handle.uow(), name, users.Role.CASHIER, f"{n:04}", approval=BUDI)
    w.logout()
    assert len(w.login.names.buttons) == 14
    yield "log-in page, fourteen cashiers", w


def open_shift_page(ctx: Ctx) -> Iterator[Moment]:
    till = StandSession.open(ctx.stand.handle)  # the last shift's last sale, then closed
    till.login(CASHIER, CASHIER_PIN)
    sell(till, [HIJAB])
    shifts.close_shift(ctx.stand.handle.uow(), ctx.stand.cashier, 585_000)
    w = logged_in_without_shift(ctx)
    assert w.open_shift.last_sale.isVisible()
    yield "open-shift page, the last sale after a restart", w
    type_in(ctx, w.open_shift, "openingCashInput", "lima ratus")
    w.open_shift.submit()
    assert w.open_shift.error.isVisible()
    yield "open-shift page, not an amount", w


def logged_in_without_shift(ctx: Ctx) -> StandWindow:
    session = StandSession.open(ctx.stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    w = window(ctx, session)
    assert w.pages.currentWidget() is w.open_shift
    return w


def selling_page(ctx: Ctx) -> Iterator[Moment]:
    w = logged_in(ctx)
    yield "selling page, empty cart", w
    w.selling.add_code("8990000000000" * 400)  # a long paste, scanned
    assert w.selling.warning.isVisible()
    yield "selling page, unknown code", w
    w.selling.search.setText("kapal selam")
    assert w.selling.not_found.isVisible()
    yield "selling page, nothing found", w
    w.selling.search.clear()
    w.selling.add_code(HIJAB)
    w.selling.add_code(HIJAB)
    w.session.cart.set_discount(Discount.parse("10%"))
    w.selling.refresh_cart()
    yield "selling page, a product in the cart", w
    w.help.toggle()
    yield "selling page, key help", w
    w.help.toggle()
    more_products(ctx, w)  # a stand's real catalog: the tiles reach the bottom corner
    w.actions_.toggle_customer_display()  # one screen: docked in that corner
    assert isinstance(w.actions_.customer_display, CustomerDisplay)
    assert w.actions_.customer_display.docked and w.selling.dock_slot.isVisible()
    yield "selling page, the customer display docked", w
    w.actions_.close_customer_display()
    w.actions_.pay()
    type_in(ctx, w.payment, "cashReceivedInput", "200.000")
    click(ctx, w.payment, "confirmPaymentButton")
    click(ctx, w.payment, "newSaleButton")
    assert w.selling.last_change.isVisible()
    yield "selling page, a finished sale with change", w
    banner = w.printer_banner
    ctx.qtbot.waitUntil(lambda: not w.printing.busy and banner.isVisible(), timeout=15_000)
    assert banner.without.isVisible()
    yield "selling page, no printer yet: asked", w
    w.session.settings.printer_choice_made()  # "set up later": the failure's banner
    banner.refresh()
    assert banner.retry.isVisible()
    yield "selling page, printer banner", w
    w.logout()  # Ganti kasir: the buyer's change goes, the stand's last sale stays
    w.session.login(CASHIER, CASHIER_PIN)
    w.show_current_page()
    assert w.selling.cart_box.last_sale.isVisible()
    yield "selling page, the last sale after log-in", w


def more_products(ctx: Ctx, w: StandWindow, count: int = 40) -> None:
    """The stand's catalog with *count* more products, imported and shown on the tiles."""
    rows = [f"JTM-LAIN-{i:03},,Kerajinan Tangan Nomor {i},Kerajinan Kayu,Sanggar Kriya,"
            f"Malang,{50_000 + i * 1_000},10" for i in range(count)]
    path = ctx.data.root / "more-products.csv"
    path.write_text(CATALOG_CSV + "\n".join(rows) + "\n", encoding="utf-8")
    w.session.catalog = w.session.products.import_file(path, lambda _done, _all: None,
                                                       approval=BUDI).selling
    w.selling.reload_catalog()
    assert w.selling.grid_model.rowCount() * w.selling.grid_model.columnCount() >= count


def use_qris(ctx: Ctx) -> None:
    """The stand's QRIS sticker's text set: the panel and the display show real codes."""
    settings.save(ctx.stand.handle.uow(), replace(
        settings.get(ctx.stand.handle.uow(write=False)), qris_payload=STAND_STATIC), approval=BUDI)


def payment_panel(ctx: Ctx) -> Iterator[Moment]:
    use_qris(ctx)
    w = logged_in(ctx)
    w.selling.add_code(HIJAB)
    w.selling.add_code(GEDOG)
    w.actions_.pay()
    panel = w.payment
    assert w.pages.currentWidget() is panel
    yield "payment panel, cash", w
    type_in(ctx, panel, "cashReceivedInput", "seratus")
    yield "payment panel, not an amount", w
    type_in(ctx, panel, "cashReceivedInput", "500.000")
    yield "payment panel, cash with change", w
    click(ctx, panel, "methodQris")
    assert not panel.qris_view.is_placeholder
    yield "payment panel, QRIS", w
    type_in(ctx, panel, "cashReceivedInput", "100.000")
    click(ctx, panel, "addPaymentButton")
    yield "payment panel, split: QRIS taken, the rest to pay", w
    click(ctx, panel, "methodCard")
    type_in(ctx, panel, "cashReceivedInput", "900.000")
    click(ctx, panel, "confirmPaymentButton")
    yield "payment panel, split: card above what is left refused", w
    click(ctx, panel, "methodCash")
    type_in(ctx, panel, "cashReceivedInput", "400.000")
    click(ctx, panel, "confirmPaymentButton")
    assert panel.is_paid()
    yield "payment panel, after paying", w


def history_dialog(ctx: Ctx) -> Iterator[Moment]:
    session = StandSession.open(ctx.stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    for _ in range(12):  # the widest totals (Rp 10.075.000) and a list taller than its view
        sell(session, [GEDOG] * 31)
    first = sell(session, [HIJAB, HIJAB])
    second = sell(session, [GEDOG], PaymentMethod.QRIS)
    w = window(ctx, session)
    w.actions_.open_history()
    dialog = opened(w)
    table = dialog.findChild(QTableView, "historyTable")
    assert table is not None and table.property("fitsWidth")  # the probe: no sideways scroll
    yield "history dialog", dialog
    type_in(ctx, dialog, "receiptInput", second)
    click(ctx, dialog, "openReceiptButton")
    click(ctx, dialog, "reprintButton")
    yield "history dialog, a sale opened and its preview", dialog
    click(ctx, dialog, "refundButton")
    yield "history dialog, refund without a quantity", dialog
    dialog.open_receipt(first)
    spin = dialog.findChild(QSpinBox, "refundQty1")
    assert spin is not None
    spin.setValue(1)
    click(ctx, dialog, "refundButton")
    yield "history dialog, refund without a reason", dialog
    type_in(ctx, dialog, "reasonInput", "salah ukuran")
    click(ctx, dialog, "refundButton")
    prompt = dialog.prompt
    assert prompt is not None and prompt.isVisible()
    yield "supervisor PIN prompt", prompt
    type_in(ctx, prompt, "supervisorNameInput", CASHIER)
    type_in(ctx, prompt, "supervisorPinInput", CASHIER_PIN)
    click(ctx, prompt, "pinConfirmButton")
    yield "supervisor PIN prompt, a cashier refused", prompt
    type_in(ctx, prompt, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, prompt, "supervisorPinInput", SUPERVISOR_PIN)
    click(ctx, prompt, "pinConfirmButton")
    yield "history dialog, a refund done", dialog
    dialog.open_receipt(second)
    type_in(ctx, dialog, "reasonInput", "salah input")
    click(ctx, dialog, "voidButton")
    prompt = dialog.prompt
    assert prompt is not None and prompt.isVisible()
    type_in(ctx, prompt, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, prompt, "supervisorPinInput", SUPERVISOR_PIN)
    click(ctx, prompt, "pinConfirmButton")
    assert dialog.sale is not None and dialog.sale.receipt_no == second and dialog.sale.voided
    yield "history dialog, a sale voided", dialog


def close_shift_dialog(ctx: Ctx) -> Iterator[Moment]:
    w = logged_in(ctx)
    sell(w.session, [HIJAB])
    sell(w.session, [HIJAB], PaymentMethod.QRIS)  # Rp 585.000 expected in the drawer
    w.actions_.close_shift()
    dialog = opened(w)
    yield "close-shift dialog", dialog
    click(ctx, dialog, "checkCountButton")
    yield "close-shift dialog, Rp 0 counted: an empty drawer?", dialog
    click(ctx, dialog, "recountButton")
    counts(dialog, count100000=4)
    yield "close-shift dialog, short", dialog
    counts(dialog, count100000=6)
    yield "close-shift dialog, over", dialog
    counts(dialog, count100000=5, count50000=1, count20000=1, count10000=1)
    click(ctx, dialog, "checkCountButton")
    yield "close-shift dialog, confirm", dialog
    click(ctx, dialog, "recountButton")
    counts(dialog, count100000=3, count50000=1, count20000=1, count10000=1)
    click(ctx, dialog, "checkCountButton")
    yield "close-shift dialog, confirm, a supervisor must approve", dialog
    click(ctx, dialog, "confirmCloseButton")
    prompt = dialog.prompt  # type: ignore[attr-defined]
    assert prompt is not None and prompt.isVisible()
    yield "close-shift supervisor PIN prompt", prompt
    prompt.reject()
    dialog.reject()
    settings.save(w.session.handle.uow(), replace(
        settings.get(w.session.handle.uow(write=False)), blind_count=True), approval=BUDI)
    w.actions_.close_shift()
    dialog = opened(w)
    yield "close-shift dialog, blind count", dialog
    counts(dialog, count100000=5, count50000=1, count20000=1)
    click(ctx, dialog, "checkCountButton")
    yield "close-shift dialog, blind count taken", dialog
    click(ctx, dialog, "recountButton")
    counts(dialog, count10000=1, count5000=1)
    click(ctx, dialog, "checkCountButton")
    yield "close-shift dialog, blind count, exact after the recount", dialog
    click(ctx, dialog, "confirmCloseButton")
    yield "close-shift dialog, closed with the Z report", dialog
    click(ctx, dialog, "closeDoneButton")
    assert w.pages.currentWidget() is w.open_shift
    yield "open-shift page after closing", w


def x_report_prompt(ctx: Ctx) -> Iterator[Moment]:
    """The menu's X report on a stand that counts the drawer blind: Ani asks, Budi approves;
    printing it again from the print jobs list asks again."""
    settings.save(ctx.stand.handle.uow(), replace(settings.DEFAULTS, blind_count=True),
                  approval=BUDI)
    w = logged_in(ctx)
    w.actions_.print_x_report()
    prompt = w.actions_.prompts.current
    assert prompt is not None and prompt.isVisible()
    yield "X report on a blind-count stand, supervisor PIN prompt", prompt
    type_in(ctx, prompt, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, prompt, "supervisorPinInput", "000000")
    click(ctx, prompt, "pinConfirmButton")
    yield "X report supervisor PIN prompt, a wrong PIN", prompt
    type_in(ctx, prompt, "supervisorPinInput", SUPERVISOR_PIN)
    click(ctx, prompt, "pinConfirmButton")
    ctx.qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)  # no printer: not printed
    yield "stand window, the approved X report not printed", w
    w.actions_.open_print_jobs()
    jobs = opened(w)
    (x_job,) = w.printing.pending()
    jobs.print_again(x_job.id)  # type: ignore[attr-defined]
    again = jobs.prompts.current  # type: ignore[attr-defined]
    assert again is not None and again.isVisible()
    yield "print jobs dialog, the X report again, supervisor PIN prompt", again
    jobs.deleteLater()  # now: a list left open would follow a later test's language
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def counts(dialog: QDialog, **numbers: int) -> None:
    """Count the drawer: how many of each note or coin (spin box names)."""
    for name, n in numbers.items():
        spin = dialog.findChild(QSpinBox, name)
        assert spin is not None, f"no spin box named {name}"
        spin.setValue(n)


def catalog_dialog(ctx: Ctx) -> Iterator[Moment]:
    w = logged_in(ctx)
    w.actions_.open_catalog()
    dialog = opened(w)
    yield "catalog dialog", dialog
    table = dialog.findChild(QTableView, "catalogTable")
    assert table is not None and table.property("fitsWidth")  # the probe: no sideways scroll
    table.selectRow(0)
    click(ctx, dialog, "saveProductButton")
    yield "catalog dialog, a product saved", dialog
    click(ctx, dialog, "adjustStockButton")
    yield "catalog dialog, stock change without a reason", dialog
    from tests.integration.test_photos import image_bytes  # a real JPEG, as a user picks

    picture = ctx.data.root / "foto.jpg"
    picture.write_bytes(image_bytes("JPEG", (1200, 900)))
    sku = table.model().index(0, 0).data()
    w.session.products.set_photo(sku, picture)
    table.selectRow(1)
    table.selectRow(0)  # the form shows the product afresh, with its photo
    yield "catalog dialog, a product with its photo", dialog


def settings_dialog(ctx: Ctx) -> Iterator[Moment]:
    w = logged_in(ctx)
    w.actions_.open_settings()
    dialog = opened(w)
    yield "settings dialog", dialog
    type_in(ctx, dialog, "centralInput", str(ctx.data.root / "no-stick" / "central.sqlite"))
    click(ctx, dialog, "saveSettingsButton")
    yield "settings dialog, the central store's folder missing", dialog
    type_in(ctx, dialog, "centralInput", "")
    type_in(ctx, dialog, "backupFolderInput", str(ctx.data.root / "no-stick"))
    click(ctx, dialog, "saveSettingsButton")
    yield "settings dialog, the backup folder missing", dialog
    click(ctx, dialog, "joinEventButton")
    join = dialog.join_dialog  # type: ignore[attr-defined]
    assert join is not None and join.isVisible()
    yield "join event dialog", join
    key = new_key()
    type_in(ctx, join, "eventKeyInput", key[:-5])
    click(ctx, join, "joinEventOkButton")
    yield "join event dialog, a typo", join
    type_in(ctx, join, "eventKeyInput", key)
    click(ctx, join, "joinEventOkButton")
    prompt = join.findChild(PinPrompt)  # Ani is a cashier: a supervisor approves
    assert prompt is not None and prompt.isVisible()
    yield "join event dialog, a supervisor's approval asked", prompt
    type_in(ctx, prompt, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, prompt, "supervisorPinInput", SUPERVISOR_PIN)
    click(ctx, prompt, "pinConfirmButton")
    assert not join.isVisible()
    yield "settings dialog, joined", dialog
    click(ctx, dialog, "joinEventButton")
    join = dialog.join_dialog  # type: ignore[attr-defined]
    type_in(ctx, join, "eventKeyInput", new_key())
    click(ctx, join, "joinEventOkButton")
    yield "join event dialog, replacing asks first", join


def setup_wizard(ctx: Ctx) -> Iterator[Moment]:
    wizard = SetupWizard(ctx.data)
    ctx.qtbot.addWidget(wizard)
    wizard.show()
    yield "set-up wizard, the stand", wizard
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, the stand without a province", wizard
    combo = wizard.findChild(QComboBox, "provinceCombo")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("Jawa Barat"))
    type_in(ctx, wizard, "eventNameInput", "Pameran HANI 2026")
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, the catalog", wizard
    click(ctx, wizard, "importCatalogRadio")
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, the catalog without a file", wizard
    click(ctx, wizard, "demoCatalogRadio")
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, the organizers' event", wizard
    type_in(ctx, wizard, "eventKeyInput", "bukan kunci")
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, not an event key", wizard
    type_in(ctx, wizard, "eventKeyInput", new_key().lower())
    type_in(ctx, wizard, "centralInput", str(ctx.data.root / "central.sqlite"))
    click(ctx, wizard, "wizardNextButton")
    yield "set-up wizard, the first supervisor", wizard
    type_in(ctx, wizard, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, wizard, "supervisorPinInput", "1234")
    type_in(ctx, wizard, "supervisorPinRepeat", "4321")
    click(ctx, wizard, "wizardFinishButton")
    yield "set-up wizard, PINs not the same", wizard
    click(ctx, wizard, "wizardBackButton")
    yield "set-up wizard, back to the event key taken", wizard


def input_dialogs(ctx: Ctx) -> Iterator[Moment]:
    w = logged_in(ctx)
    w.selling.add_code(HIJAB)
    w.actions_.custom_item()
    dialog = opened(w)
    yield "custom item dialog", dialog
    click(ctx, dialog, "inputOkButton")
    yield "custom item dialog, no description", dialog
    dialog.reject()
    w.actions_.cart_discount()
    dialog = opened(w)
    yield "discount dialog", dialog
    type_in(ctx, dialog, "discountInput", "200%")
    click(ctx, dialog, "inputOkButton")
    yield "discount dialog, above 100%", dialog
    type_in(ctx, dialog, "discountInput", "50%")
    click(ctx, dialog, "inputOkButton")  # above the cashier's limit: a supervisor approves
    dialog = opened(w)
    assert dialog.objectName() == "approvalDialog"
    yield "approval dialog", dialog
    type_in(ctx, dialog, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, dialog, "supervisorPinInput", "0000")
    click(ctx, dialog, "inputOkButton")
    yield "approval dialog, wrong PIN", dialog


def organizer_window(ctx: Ctx) -> Iterator[Moment]:
    w = OrganizerWindow(ctx.data.root / "organizer.json", languages=ctx.languages)
    ctx.qtbot.addWidget(w)
    w.show()
    ctx.qtbot.waitExposed(w)
    yield "organizer window, nothing open", w
    notes = ctx.data.root / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        w.open_target(str(notes))
    assert w.message.isVisible()
    yield "organizer window, not a central store", w
    session = StandSession.open(ctx.stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    sell(session, [HIJAB, GEDOG])
    sell(session, [HIJAB], PaymentMethod.QRIS)
    hijab = ctx.stand.product(HIJAB)
    orders.place(ctx.stand.handle.uow(), ctx.stand.cashier,
                 Buyer("Ms. Nguyen Thi Lan", phone="+84 90 123 4567", country="Vietnam",
                       address="12 Hang Bac, Hanoi"),
                 [OrderItem(hijab.name, hijab.price, 5, sku=hijab.sku, product_id=hijab.id),
                  OrderItem("Batik tulis motif parang, biru, 2 m", 1_250_000, 1)],
                 due=date(2099, 1, 1), deposit=[Payment(PaymentMethod.CASH, 500_000)])
    central = str(ctx.data.root / "central.sqlite")
    sync.sync_stand(ctx.stand.handle.uow, central)
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        w.open_target(central)
    assert w.target == central
    assert all(table.property("fitsWidth") for table in (  # the probe: no sideways scroll
        w.dashboard.table, w.dashboard.orders.stand_table, w.dashboard.orders.open_table))
    yield "organizer window, a central store", w
    w.dashboard.tabs.setCurrentWidget(w.dashboard.orders)
    assert w.dashboard.orders.open_model.rowCount() == 1
    yield "organizer window, the orders tab", w
    with ctx.qtbot.waitSignal(w.reports.finished, timeout=60_000):
        w.reports.write("xlsx", ctx.data.root / "laporan.xlsx")
    assert w.reports.result.isVisible()
    yield "organizer window, a report written", w
    with ctx.qtbot.waitSignal(w.reports.finished, timeout=60_000):
        w.reports.write("orders", ctx.data.root / "gone" / "pesanan.csv")
    yield "organizer window, a file refused", w
    w.dashboard.tabs.setCurrentIndex(0)
    d = w.dashboard
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        d.stand_filter.setCurrentIndex(1)
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        d.day_filter.setCurrentIndex(1)
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        d.dimension.setCurrentIndex(d.dimension.findData("method"))
    yield "organizer window, one stand and one day by payment method", w
    key = new_key()
    event.join(ctx.stand.handle.uow(), key, approval=BUDI)
    sell(session, [GEDOG], PaymentMethod.CARD)
    exported = export.export_journal(ctx.stand.handle.uow(), ctx.data.root).path
    w.merge_panel.merge([exported, notes])
    ctx.qtbot.waitUntil(lambda: w.merge_panel.key_dialog is not None
                        and w.merge_panel.key_dialog.isVisible(), timeout=20_000)
    dialog = w.merge_panel.key_dialog
    assert dialog is not None
    yield "event key dialog", dialog
    type_in(ctx, dialog, "eventKeyInput", key[:-5])
    click(ctx, dialog, "inputOkButton")
    assert dialog.error.isVisible()
    yield "event key dialog, a typo", dialog
    type_in(ctx, dialog, "eventKeyInput", key)
    with ctx.qtbot.waitSignal(w.refreshed, timeout=20_000):
        click(ctx, dialog, "inputOkButton")
    assert w.merge_panel.results.count() == 2
    yield "organizer window, merged and refused files", w
    w.open_actions.open_url()
    url_dialog = w.open_actions.url_dialog
    assert url_dialog is not None
    yield "central store URL dialog", url_dialog
    type_in(ctx, url_dialog, "centralUrlInput", "mysql://server/event")
    click(ctx, url_dialog, "inputOkButton")
    yield "central store URL dialog, not a PostgreSQL URL", url_dialog


def customer_display(ctx: Ctx) -> Iterator[Moment]:
    """One screen: a card docked in the stand window's corner (the window is what the user
    sees); then as a second screen shows it, full screen."""
    use_qris(ctx)
    w = logged_in(ctx)
    w.actions_.toggle_customer_display()
    display = w.actions_.customer_display
    assert isinstance(display, CustomerDisplay) and display.isVisible() and display.docked
    yield "customer display docked, welcome", w
    w.selling.add_code(HIJAB)
    w.selling.add_code(GEDOG)
    w.session.cart.set_discount(Discount.parse("10%"))
    w.selling.refresh_cart()
    yield "customer display docked, the cart", w
    display.show_full_screen(w.screen())
    assert display.isWindow() and display.isVisible()
    yield "customer display, the cart", display
    w.actions_.pay()
    click(ctx, w.payment, "methodQris")
    ctx.qtbot.waitUntil(lambda: any(v.isVisible() for v in display.findChildren(QLabel,
                                                                               "customerQrisView")))
    yield "customer display, QRIS", display
    click(ctx, w.payment, "methodCash")
    type_in(ctx, w.payment, "cashReceivedInput", "400.000")
    click(ctx, w.payment, "confirmPaymentButton")
    yield "customer display, change", display
    display.dock(w, shown_when=w.is_selling)
    yield "customer display docked, change", w


def print_jobs_dialog(ctx: Ctx) -> Iterator[Moment]:
    settings.save(ctx.stand.handle.uow(), replace(settings.DEFAULTS, printer="file:"
                                                  + str(ctx.data.root / "gone" / "lp0")),
                                                        approval=BUDI)
    w = logged_in(ctx)
    w.printing.receipt(sell(w.session, [HIJAB]))
    ctx.qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    yield "stand window, a receipt not printed", w
    # the longest reason, without "prints by itself" (waited out with quick_waits: 1 s)
    with printer("never_reads") as stuck, quick_waits():
        settings.save(ctx.stand.handle.uow(), replace(settings.DEFAULTS, printer=stuck.target),
                      approval=BUDI)
        w.printing.retry_all()
        ctx.qtbot.waitUntil(lambda: not w.printing.busy, timeout=30_000)
    yield "stand window, a receipt a stuck printer may still hold", w
    ctx.qtbot.mouseClick(w.status_labels["statusPrinter"], Qt.MouseButton.LeftButton)
    dialog = opened(w)
    table = dialog.findChild(QTableView, "printJobsTable")
    assert table is not None and table.property("fitsWidth")  # the probe: no sideways scroll
    yield "print jobs dialog, a receipt not printed", dialog
    settings.save(ctx.stand.handle.uow(), settings.DEFAULTS, approval=BUDI)
    w.actions_.print_x_report()  # no printer: it fails too
    ctx.qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    yield "print jobs dialog, a receipt and a report not printed", dialog
    settings.save(ctx.stand.handle.uow(), replace(settings.DEFAULTS, printer="file:"
                                                  + str(ctx.data.root / "lp0")), approval=BUDI)
    click(ctx, dialog, "printAllAgainButton")
    ctx.qtbot.waitUntil(lambda: not w.printing.busy and not w.printing.pending(),
                        timeout=15_000)
    yield "print jobs dialog, everything printed", dialog


def sync_status(ctx: Ctx) -> Iterator[Moment]:
    """The status bar's sync: never, synced, failed with a conflict's reason."""
    stand = ctx.stand
    central = ctx.data.root / "central.sqlite"
    settings.save(stand.handle.uow(), replace(settings.get(stand.handle.uow(write=False)),
                                              central=str(central)), approval=BUDI)
    w = logged_in(ctx)
    yield "stand window, never synced", w
    sell(w.session, [HIJAB])
    with ctx.qtbot.waitSignal(w.sync.finished, timeout=20_000):
        w.menu_actions["syncNow"].trigger()
    yield "stand window, synced", w
    catalog_file = ctx.data.root / "catalog.csv"
    catalog_file.write_text(CATALOG_CSV, encoding="utf-8")
    other = make_stand(DataDir(ctx.data.root / "other"), stand.handle.code, catalog_file)
    try:
        central.unlink()  # another laptop set up as the same stand syncs first
        other_till = StandSession.open(other.handle)
        other_till.login(CASHIER, CASHIER_PIN)
        sell(other_till, [GEDOG])
        sync.sync_stand(other.handle.uow, str(central))
    finally:
        other.handle.close()
    sell(w.session, [HIJAB])
    with ctx.qtbot.waitSignal(w.sync.finished, timeout=20_000):
        w.menu_actions["syncNow"].trigger()
    assert w.status_labels["statusSync"].text() != ""
    yield "stand window, sync refused: another laptop is the same stand", w


def backup_status(ctx: Ctx) -> Iterator[Moment]:
    """The status bar's backup: not set, made, failed (the USB stick pulled out)."""
    stand = ctx.stand
    w = logged_in(ctx)
    yield "stand window, no backup folder", w
    stick = ctx.data.root / "usb"
    stick.mkdir()
    settings.save(stand.handle.uow(), replace(settings.get(stand.handle.uow(write=False)),
                                              backup_folder=str(stick)), approval=BUDI)
    w.backups.reload()  # as the settings dialog's Save does
    with ctx.qtbot.waitSignal(w.backups.finished, timeout=20_000):
        w.backups.request(force=True)
    yield "stand window, backed up", w
    shutil.rmtree(stick)  # pulled out
    with ctx.qtbot.waitSignal(w.backups.finished, timeout=20_000):
        w.backups.request(force=True)
    assert w.backups.failed()
    yield "stand window, backup failed: the USB stick pulled out", w


def order_dialog(ctx: Ctx) -> Iterator[Moment]:
    """Taking an order from the cart: refused, the deposit (refused, by QRIS, split, taken),
    saved."""
    use_qris(ctx)
    fx.set_rates(ctx.stand.handle.uow(), [parse_rate("MYR=3.500")])  # an estimate shown
    w = logged_in(ctx)
    w.selling.add_code(HIJAB)
    w.session.cart.set_discount(Discount.parse("5%"))
    w.selling.refresh_cart()
    click(ctx, w.selling, "orderInsteadButton")
    dialog = opened(w)
    yield "order dialog, from the cart", dialog
    click(ctx, dialog, "saveOrderButton")
    yield "order dialog, no buyer's name", dialog
    type_in(ctx, dialog, "buyerNameInput", "Mdm. Siti Aminah")
    type_in(ctx, dialog, "buyerPhoneInput", "+60 12-345 6789")
    dialog.country.setCurrentText("Malaysia")  # type: ignore[attr-defined]
    dialog.ship.setChecked(True)  # type: ignore[attr-defined]
    type_in(ctx, dialog, "customDescriptionInput", "Batik tulis motif parang, biru, 2 m")
    type_in(ctx, dialog, "customPriceInput", "1.250.000")
    click(ctx, dialog, "addCustomButton")
    dialog.lines.add_code("JTM-CST-001")  # an open price: the made-to-order fields
    yield "order dialog, shipped, an item without a fixed price", dialog
    click(ctx, dialog, "depositButton")
    deposit = dialog.payment  # type: ignore[attr-defined]
    assert deposit is not None and deposit.isVisible()
    yield "deposit dialog", deposit
    type_in(ctx, deposit, "cashReceivedInput", "9.000.000")
    click(ctx, deposit, "confirmPaymentButton")
    yield "deposit dialog, above the total", deposit
    click(ctx, deposit, "methodQris")
    type_in(ctx, deposit, "cashReceivedInput", "200.000")
    assert not deposit.tender.qris_view.is_placeholder
    yield "deposit dialog, QRIS", deposit
    click(ctx, deposit, "addPaymentButton")
    click(ctx, deposit, "methodCash")
    yield "deposit dialog, split: QRIS taken, cash for the rest", deposit
    click(ctx, deposit, "removePaymentButton")
    type_in(ctx, deposit, "cashReceivedInput", "500.000")
    click(ctx, deposit, "confirmPaymentButton")
    type_in(ctx, dialog, "buyerAddressInput", "Jalan Ampang 12, Kuala Lumpur")
    click(ctx, dialog, "saveOrderButton")
    assert dialog.view is not None  # type: ignore[attr-defined]
    yield "order dialog, saved", dialog


def orders_list(ctx: Ctx) -> Iterator[Moment]:
    """The orders list, an order open, an unknown number; paying (by QRIS too), handing over
    (with change), cancelling."""
    use_qris(ctx)
    fx.set_rates(ctx.stand.handle.uow(), [parse_rate("MYR=3.500")])  # an estimate shown
    hijab = ctx.stand.product(HIJAB)
    for hijabs, paid in ((4, 200_000), (1, 0)):
        orders.place(ctx.stand.handle.uow(), ctx.stand.cashier,
                     Buyer("Mdm. Siti Aminah", phone="+60 12-345 6789", country="Malaysia"),
                     [OrderItem(hijab.name, hijab.price, hijabs, sku=hijab.sku,
                                product_id=hijab.id),
                      OrderItem("Batik tulis motif parang, biru, 2 m", 1_250_000, 1)],
                     due=date.today(), deposit=[Payment(PaymentMethod.QRIS, paid)] if paid
                     else None)
    w = logged_in(ctx)
    w.actions_.orders.open_orders()
    dialog = opened(w)
    table = dialog.findChild(QTableView, "ordersTable")
    assert table is not None and table.property("fitsWidth")  # the probe: no sideways scroll
    yield "orders list", dialog
    type_in(ctx, dialog, "orderNumberInput", "JATIM-P00001")
    click(ctx, dialog, "openOrderButton")
    yield "orders list, an order open", dialog
    type_in(ctx, dialog, "orderNumberInput", "JATIM-P09999")
    click(ctx, dialog, "openOrderButton")
    yield "orders list, no such order", dialog
    actions = dialog.actions_  # type: ignore[attr-defined]
    click(ctx, dialog, "payOrderButton")
    yield "order payment dialog", actions.dialog
    click(ctx, actions.dialog, "methodQris")
    assert not actions.dialog.tender.qris_view.is_placeholder
    yield "order payment dialog, the balance by QRIS", actions.dialog
    click(ctx, actions.dialog, "methodCard")
    type_in(ctx, actions.dialog, "cashReceivedInput", "9.000.000")
    click(ctx, actions.dialog, "confirmPaymentButton")
    yield "order payment dialog, card above the balance", actions.dialog
    actions.dialog.reject()
    spin = dialog.findChild(QSpinBox, "handOverQty2")
    assert spin is not None
    spin.setValue(0)
    click(ctx, dialog, "handOverButton")
    yield "hand-over payment dialog, part of the order", actions.dialog
    type_in(ctx, actions.dialog, "cashReceivedInput", "1.500.000")
    yield "hand-over payment dialog, cash with change", actions.dialog
    type_in(ctx, actions.dialog, "cashReceivedInput", "200.000")
    yield "hand-over payment dialog, part paid in cash", actions.dialog
    click(ctx, actions.dialog, "confirmPaymentButton")
    yield "orders list, part handed over", dialog
    dialog.open_order("JATIM-P00002")  # type: ignore[attr-defined]
    click(ctx, dialog, "cancelOrderButton")
    yield "cancel order dialog", actions.dialog
    type_in(ctx, actions.dialog, "cancelReasonInput", "pembeli batal")
    type_in(ctx, actions.dialog, "supervisorNameInput", SUPERVISOR)
    type_in(ctx, actions.dialog, "supervisorPinInput", "0000")
    click(ctx, actions.dialog, "confirmCancelOrderButton")
    yield "cancel order dialog, wrong PIN", actions.dialog
    type_in(ctx, actions.dialog, "supervisorPinInput", SUPERVISOR_PIN)
    click(ctx, actions.dialog, "confirmCancelOrderButton")
    yield "orders list, an order cancelled", dialog
    ctx.qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)


SCREENS: dict[str, Callable[[Ctx], Iterator[Moment]]] = {
    "login": login_page,
    "open_shift": open_shift_page,
    "selling": selling_page,
    "payment": payment_panel,
    "history": history_dialog,
    "close_shift": close_shift_dialog,
    "x_report_prompt": x_report_prompt,
    "customer_display": customer_display,
    "catalog": catalog_dialog,
    "settings": settings_dialog,
    "print_jobs": print_jobs_dialog,
    "setup_wizard": setup_wizard,
    "input_dialogs": input_dialogs,
    "organizer": organizer_window,
    "sync_status": sync_status,
    "backup_status": backup_status,
    "order_dialog": order_dialog,
    "orders": orders_list,
}
