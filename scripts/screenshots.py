"""Render the main screens into docs/screenshots/ (``make screenshots``), offscreen.

A demo stand in a temp folder, Bahasa Indonesia (or ``--lang en``): log-in, the selling
screen with a cart, the payment dialog, the sales history, the shift close; an order being
taken and the orders list (``--only orders``); then the organizer window on a central store
that three demo stands synced into (``--only organizer`` for that one alone).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.order import Buyer, OrderItem
from posapp.domain.tender import Payment, PaymentMethod
from posapp.resources import resource
from posapp.services import catalog, demo, order_fulfil, orders, stand, sync, users
from posapp.services.catalog_files import read_catalog_file
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages
from posapp.ui.orders.order_dialog import OrderDialog
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.stand.window import StandWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shot(app: QApplication, widget: QWidget, name: str, lang: str) -> None:
    settle(app)
    path = OUT / (f"{name}.png" if lang == "id" else f"{name}-{lang}.png")
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="id", choices=["id", "en"])
    parser.add_argument("--only", choices=["stand", "orders", "organizer"])
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    Languages(app).use(args.lang)
    data = DataDir(Path(tempfile.mkdtemp(prefix="posapp-shots-")))
    if args.only in (None, "stand"):
        stand_window(app, data, args.lang)
    if args.only in (None, "orders"):
        orders_window(app, data, args.lang)
    if args.only in (None, "organizer"):
        organizer_window(app, data, args.lang)
    return 0


def stand_window(app: QApplication, data: DataDir, lang: str) -> None:
    demo.ensure_demo_stand(data)
    handle = open_stand(data, demo.DEMO_STAND)
    window = StandWindow(StandSession.open(handle))
    window.resize(1280, 760)
    window.show()
    shot(app, window, "login", lang)
    window.login.pick(demo.DEMO_CASHIER)
    window.login.pin_input.setText(demo.DEMO_CASHIER_PIN)
    window.login.submit()
    window.open_shift.float_input.setText("500.000")
    window.open_shift.submit()
    for code in ("JTM-BTK-001", "8997015000441", "8997015000441", "JTM-JLB-003"):
        window.selling.add_code(code)
    shot(app, window, "selling", lang)
    window.actions_.pay()
    panel = window.payment
    cash = panel.findChild(QLineEdit, "cashReceivedInput")
    cash.setText("700.000")
    shot(app, window, "payment", lang)
    panel.confirm()
    window.on_scan("JTM-TAS-001", window)  # the next scan starts the next sale
    shot(app, window, "after-sale", lang)
    window.actions_.open_history()
    history = window.actions_.dialog
    history.open_receipt("JATIM-000001")  # type: ignore[attr-defined]
    shot(app, history, "history", lang)
    history.close()
    window.actions_.close_shift()
    shot(app, window.actions_.dialog, "close-shift", lang)
    window.close()
    handle.close()


def orders_window(app: QApplication, data: DataDir, lang: str) -> None:
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
    languages = Languages(app)
    languages.use(lang)
    window = StandWindow(session, languages=languages)
    window.resize(1280, 760)
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
        dialog.findChild(QLineEdit, name).setText(text)
    dialog.country.setCurrentText("Malaysia")
    dialog.lines.add_custom_item()
    dialog.deposit = [Payment(PaymentMethod.QRIS, 750_000)]
    dialog.retranslate()
    shot(app, dialog, "order", lang)
    dialog.save()
    dialog.accept()
    window.actions_.orders.open_orders(first.order_no)
    shot(app, window.actions_.dialog, "orders", lang)
    window.close()
    handle.close()


# Three stands of the demo catalog, each with a day of demo sales, synced to one store.
ORGANIZER_STANDS = (("JATIM", "Kerajinan Jawa Timur", "Jawa Timur", 9),
                    ("BALI", "Tenun dan Ukir Bali", "Bali", 14),
                    ("NTT", "Tenun Ikat NTT", "Nusa Tenggara Timur", 6))


def organizer_window(app: QApplication, data: DataDir, lang: str) -> None:
    data = DataDir(data.root / "organizer")
    central = str(data.root / "central.sqlite")
    rng = random.Random(2026)
    for code, name, province, sales in ORGANIZER_STANDS:
        handle = open_stand(data, code, create=True)
        stand.set_up(handle.uow(), code=code, name=name, province=province,
                     event_name="Pameran HANI 2026")
        catalog.import_catalog(handle.uow(), read_catalog_file(resource("demo-catalog.csv")))
        users.add_user(handle.uow(), demo.DEMO_CASHIER, users.Role.CASHIER,
                       demo.DEMO_CASHIER_PIN)
        demo.run_demo(handle, sales=sales, rng=rng)
        sync.sync_stand(handle.uow, central)
        handle.close()
    window = OrganizerWindow(data.root / "organizer.json")
    window.resize(1280, 760)
    window.show()
    loaded: list[bool] = []
    window.refreshed.connect(lambda: loaded.append(True))
    window.open_target(central)
    while not loaded:
        app.processEvents()
    dimension = window.dashboard.dimension
    dimension.setCurrentIndex(dimension.findData("maker_group"))
    while len(loaded) < 2:
        app.processEvents()
    shot(app, window, "organizer", lang)
    window.close()


if __name__ == "__main__":
    sys.exit(main())
