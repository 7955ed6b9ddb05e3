"""Render the screens at the stand laptops' sizes (``make screenshots``), offscreen.

Each size runs in a process of its own with an offscreen screen of that size, the windows
filling it as they open at a stand: 1366x768 and 1024x600 by default, into
``build/screenshots/<size>/`` (not tracked). ``--update`` (``make screenshots UPDATE=1``)
also writes the 1366x768 shots the README and docs show into ``docs/screenshots/``.

A demo stand in a temp folder, Bahasa Indonesia (or ``--lang en``): log-in, opening cash,
selling (empty, an unknown code, a cart), payment (cash, QRIS, split), after paying, the
customer display, the sales history, the print jobs, the catalog (list and a product), the
settings, the shift close; an order being taken and the orders list; the set-up wizard;
the organizer window on a central store that three demo stands synced into (stands, orders,
a merge). Nothing temporary (a temp folder's path) shows on a shot.

Longer than a screen: one straight walk through every screen a user sees, in the order of a
stand's day and then the organizers', each shot where the walk reaches it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTableView, QWidget

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.event_key import new_key
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.tender import Payment, PaymentMethod
from posapp.resources import resource
from posapp.services import (
    catalog,
    demo,
    event,
    export,
    order_fulfil,
    orders,
    settings,
    stand,
    sync,
    users,
)
from posapp.services.catalog_files import read_catalog_file
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages
from posapp.ui.common.look import apply_icons, apply_look
from posapp.ui.orders.order_dialog import OrderDialog
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.setup.wizard import SetupWizard
from posapp.ui.stand.window import StandWindow

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
#: The screen sizes rendered by default (logical pixels; the laptops' usual 1366x768 and
#: the smallest supported screen).
SIZES = ("1366x768", "1024x600")
#: The size the docs show.
DOCS_SIZE = "1366x768"
#: The shots the README and docs show (docs/screenshots/, with --update).
DOCS_SHOTS = ("login", "selling", "payment", "payment-qris", "after-sale", "history",
              "close-shift", "order", "orders", "organizer")


class Shots:
    """Where the shots of one size and language go."""

    def __init__(self, app: QApplication, size: str, lang: str, update: bool) -> None:
        self.app, self.lang = app, lang
        self.folders = [BUILD / size]
        if update and size == DOCS_SIZE:
            self.folders.append(DOCS)
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def take(self, widget: QWidget, name: str) -> None:
        self.settle()
        image = widget.grab()
        for folder in self.folders:
            if folder == DOCS and name not in DOCS_SHOTS:
                continue
            path = folder / (f"{name}.png" if self.lang == "id" else f"{name}-{self.lang}.png")
            image.save(str(path))
            print(path.relative_to(ROOT))

    def until(self, done: Callable[[], bool]) -> None:
        while not done():
            self.app.processEvents()


def click(parent: QWidget, name: str) -> None:
    button = parent.findChild(QAbstractButton, name)
    assert button is not None, f"no button {name}"
    button.click()


def type_in(parent: QWidget, name: str, text: str) -> None:
    edit = parent.findChild(QLineEdit, name)
    assert edit is not None, f"no field {name}"
    edit.setText(text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT[@SCALE], logical "
                        "pixels (1366x768 at 125 %%: 1093x614@1.25; default: "
                        + ", ".join(SIZES) + ")")
    parser.add_argument("--update", action="store_true",
                        help=f"also write the docs' shots at {DOCS_SIZE} into docs/screenshots")
    parser.add_argument("--only", choices=["stand", "orders", "setup", "organizer"])
    args = parser.parse_args()
    sizes = args.size or list(SIZES)
    if len(sizes) > 1 or "POSAPP_SHOTS_SIZE" not in os.environ:
        return sum(one_size(size, args) for size in sizes)
    return render(sizes[0], args)


def one_size(size: str, args: argparse.Namespace) -> int:
    """Render *size* in a process whose one screen is that size."""
    shape, _, scale = size.partition("@")
    width, height = (int(n) for n in shape.split("x"))
    with tempfile.TemporaryDirectory(prefix="posapp-shots-") as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "shots", "x": 0, "y": 0,
                                                   "width": width, "height": height,
                                                   "dpr": float(scale or 1)}]}))
        env = dict(os.environ, POSAPP_SHOTS_SIZE=size,
                   QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                   # the checkout this script is in, whichever posapp the venv installed
                   PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
        command = [sys.executable, __file__, "--lang", args.lang, "--size", size]
        command += ["--update"] if args.update else []
        command += ["--only", args.only] if args.only else []
        return subprocess.run(command, env=env, check=False).returncode


def render(size: str, args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="posapp-shots-") as folder:
        # remembered window geometry stays out of it (and the user's own is not touched)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = QApplication(sys.argv[:1])
        apply_look(app)  # as posapp run and posapp organizer show them
        languages = Languages(app)
        languages.use(args.lang)
        shots = Shots(app, size, args.lang, args.update)
        data = DataDir(Path(folder) / "data")
        if args.only in (None, "stand"):
            stand_window(shots, data, languages)
        if args.only in (None, "orders"):
            orders_window(shots, data, languages)
        if args.only in (None, "setup"):
            setup_wizard(shots, data)
        if args.only in (None, "organizer"):
            organizer_window(shots, data, languages)
    return 0


def stand_window(shots: Shots, data: DataDir, languages: Languages) -> None:
    demo.ensure_demo_stand(data)
    handle = open_stand(data, demo.DEMO_STAND)
    # the sample sticker of the QRIS tests (a made-up merchant): the QRIS shot shows a code
    sys.path.insert(0, str(ROOT))
    from tests.unit.test_qris import STAND_STATIC

    settings.save(handle.uow(), replace(settings.get(handle.uow(write=False)),
                                        qris_payload=STAND_STATIC),
                  approval=users.Approval(demo.DEMO_SUPERVISOR, demo.DEMO_SUPERVISOR_PIN))
    window = StandWindow(StandSession.open(handle), languages=languages)
    apply_icons(window)
    window.show()
    shots.take(window, "login")
    window.login.pick(demo.DEMO_CASHIER)
    window.login.pin_input.setText(demo.DEMO_CASHIER_PIN)
    window.login.submit()
    shots.take(window, "open-shift")
    window.open_shift.float_input.setText("500.000")
    window.open_shift.submit()
    shots.take(window, "selling-empty")
    window.selling.add_code("8990000000000")
    shots.take(window, "selling-unknown-code")
    for code in ("JTM-BTK-001", "8997015000441", "8997015000441", "JTM-JLB-003"):
        window.selling.add_code(code)
    shots.take(window, "selling")
    window.actions_.toggle_customer_display()
    display = window.actions_.customer_display
    if isinstance(display, QWidget):
        shots.take(display, "customer-display")
    window.actions_.pay()
    panel = window.payment
    type_in(panel, "cashReceivedInput", "100.000")
    click(panel, "addPaymentButton")
    shots.take(window, "payment-split")
    panel.back()
    window.actions_.pay()
    click(panel, "methodQris")
    shots.take(window, "payment-qris")
    click(panel, "methodCash")
    type_in(panel, "cashReceivedInput", "700.000")
    shots.take(window, "payment")
    panel.confirm()
    shots.take(window, "paid")
    window.on_scan("JTM-TAS-001", window)  # the next scan starts the next sale
    shots.take(window, "after-sale")
    if display is not None:
        window.actions_.toggle_customer_display()
    shots.until(lambda: not window.printing.busy)
    window.actions_.open_print_jobs()
    assert window.actions_.dialog is not None
    shots.take(window.actions_.dialog, "print-jobs")
    window.actions_.dialog.close()
    window.actions_.open_history()
    history = window.actions_.dialog
    assert history is not None
    history.open_receipt("JATIM-000001")  # type: ignore[attr-defined]
    shots.take(history, "history")
    history.close()
    window.actions_.open_catalog()
    products = window.actions_.dialog
    assert products is not None
    shots.take(products, "catalog")
    table = products.findChild(QTableView, "catalogTable")
    assert table is not None
    table.selectRow(2)
    shots.take(products, "catalog-product")
    products.close()
    window.actions_.open_settings()
    assert window.actions_.dialog is not None
    shots.take(window.actions_.dialog, "settings")
    window.actions_.dialog.close()
    window.actions_.close_shift()
    assert window.actions_.dialog is not None
    shots.take(window.actions_.dialog, "close-shift")
    window.actions_.dialog.close()
    window.close()
    handle.close()


def orders_window(shots: Shots, data: DataDir, languages: Languages) -> None:
    """An order taken from the cart (made-to-order item, QRIS deposit), and the orders list
    with an order part handed over; a demo stand of its own."""
    data = DataDir(data.root / "orders")
    demo.ensure_demo_stand(data)
    handle = open_stand(data, demo.DEMO_STAND)
    session = StandSession.open(handle)
    cashier = session.login(demo.DEMO_CASHIER, demo.DEMO_CASHIER_PIN)
    session.open_shift(demo.DEMO_FLOAT)
    hijab = catalog.lookup(handle.uow(write=False), "JTM-JLB-001")
    due = datetime.now(session.info.zone).date() + timedelta(days=21)
    first = orders.place(
        handle.uow(), cashier, Buyer("Nguyen Thi Lan", "+84 90 123 4567", "lan@example.vn",
                                     "Vietnam", "12 Hang Bac, Hoan Kiem, Ha Noi"),
        [OrderItem(hijab.name, hijab.price, 12, sku=hijab.sku, product_id=hijab.id),
         OrderItem("Batik tulis motif parang, indigo, 2,5 m", 1_450_000, 2)],
        due=due, deposit=[Payment(PaymentMethod.TRANSFER, 1_500_000)]).order
    order_fulfil.hand_over(handle.uow(), cashier, first.order_no, lines={1: 12},
                           tracking="JNE 0123 4567 8901")
    window = StandWindow(session, languages=languages)
    apply_icons(window)
    window.show()
    for code in ("JTM-BTK-001", "JTM-JLB-003", "JTM-JLB-003"):
        window.selling.add_code(code)
    window.actions_.orders.take_order()
    dialog = window.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    for name, text in (("buyerNameInput", "Mdm. Siti Aminah"),
                       ("buyerPhoneInput", "+60 12-345 6789"),
                       ("buyerEmailInput", "siti.aminah@example.my"),
                       ("customDescriptionInput", "Batik tulis motif sekar jagad, biru, 2 m"),
                       ("customPriceInput", "1.250.000")):
        type_in(dialog, name, text)
    dialog.country.setCurrentText("Malaysia")
    dialog.lines.add_custom_item()
    dialog.deposit = [Payment(PaymentMethod.QRIS, 750_000)]
    dialog.retranslate()
    shots.take(dialog, "order")
    dialog.save()
    dialog.accept()
    window.actions_.orders.open_orders(first.order_no)
    assert window.actions_.dialog is not None
    shots.take(window.actions_.dialog, "orders")
    window.actions_.dialog.close()
    window.close()
    handle.close()


def setup_wizard(shots: Shots, data: DataDir) -> None:
    """The first start: the stand's page, filled in."""
    wizard = SetupWizard(DataDir(data.root / "new"))
    wizard.show()
    shots.take(wizard, "setup-wizard")
    wizard.close()


# Three stands of the demo catalog, each with a day of demo sales, synced to one store.
ORGANIZER_STANDS = (("JATIM", "Kerajinan Jawa Timur", "Jawa Timur", 9),
                    ("BALI", "Tenun dan Ukir Bali", "Bali", 14),
                    ("NTT", "Tenun Ikat NTT", "Nusa Tenggara Timur", 6))


def organizer_window(shots: Shots, data: DataDir, languages: Languages) -> None:
    data = DataDir(data.root / "organizer")
    central = str(data.root / "central.sqlite")
    rng = random.Random(2026)
    key = new_key()
    for code, name, province, sales in ORGANIZER_STANDS:
        handle = open_stand(data, code, create=True)
        stand.set_up(handle.uow(), code=code, name=name, province=province,
                     event_name="Pameran HANI 2026")
        catalog.import_catalog(handle.uow(), read_catalog_file(resource("demo-catalog.csv")))
        users.add_user(handle.uow(), demo.DEMO_CASHIER, users.Role.CASHIER,
                       demo.DEMO_CASHIER_PIN)
        event.join(handle.uow(), key)
        demo.run_demo(handle, sales=sales, rng=rng)
        sync.sync_stand(handle.uow, central)
        handle.close()
    # a fourth stand without a network: its export file is merged by hand
    handle = open_stand(data, "NTB", create=True)
    stand.set_up(handle.uow(), code="NTB", name="Tenun Sasak Lombok",
                 province="Nusa Tenggara Barat", event_name="Pameran HANI 2026")
    catalog.import_catalog(handle.uow(), read_catalog_file(resource("demo-catalog.csv")))
    users.add_user(handle.uow(), demo.DEMO_CASHIER, users.Role.CASHIER, demo.DEMO_CASHIER_PIN)
    event.join(handle.uow(), key)
    demo.run_demo(handle, sales=5, rng=rng)
    exported = export.export_journal(handle.uow(), data.root).path
    handle.close()

    window = OrganizerWindow(data.root / "organizer.json", languages=languages)
    apply_icons(window)
    window.show()
    loaded: list[bool] = []
    window.refreshed.connect(lambda: loaded.append(True))
    window.open_target(central)
    shots.until(lambda: len(loaded) >= 1)
    dimension = window.dashboard.dimension
    dimension.setCurrentIndex(dimension.findData("maker_group"))
    shots.until(lambda: len(loaded) >= 2)
    shots.take(window, "organizer")
    window.dashboard.tabs.setCurrentWidget(window.dashboard.orders)
    shots.take(window, "organizer-orders")
    window.dashboard.tabs.setCurrentIndex(0)
    window.merge_panel.merge([exported])
    shots.until(lambda: len(loaded) >= 3 or (window.merge_panel.key_dialog is not None
                                             and window.merge_panel.key_dialog.isVisible()))
    if window.merge_panel.key_dialog is not None and window.merge_panel.key_dialog.isVisible():
        type_in(window.merge_panel.key_dialog, "eventKeyInput", key)
        click(window.merge_panel.key_dialog, "inputOkButton")
        shots.until(lambda: len(loaded) >= 3)
    shots.take(window, "organizer-merged")
    window.close()


if __name__ == "__main__":
    sys.exit(main())
