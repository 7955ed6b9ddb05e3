"""The stand window with a real stand database: log in, open a shift, fill the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posapp.domain.tender import Payment, PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER_PIN, Stand


def window_for(stand: Stand, qtbot) -> StandWindow:  # type: ignore[no-untyped-def]
    w = StandWindow(StandSession.open(stand.handle))
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def logged_in(jatim: Stand, qtbot) -> StandWindow:  # type: ignore[no-untyped-def]
    w = window_for(jatim, qtbot)
    assert w.login.pick("Ani")
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling  # the fixture's shift is open
    return w


def test_starts_at_log_in_and_refuses_a_wrong_pin(jatim: Stand, qtbot) -> None:
    w = window_for(jatim, qtbot)
    assert w.pages.currentWidget() is w.login
    assert "Ani" in [b.text() for b in w.login.names.buttons]
    assert w.login.pick("Ani")
    qtbot.keyClicks(w.login.pin_input, "0000")
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.login
    assert w.login.error.isVisible() and "PIN" in w.login.error.text()


def test_no_open_shift_asks_for_the_opening_cash(jatim: Stand, qtbot) -> None:
    from posapp.services import shifts

    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)
    w = window_for(jatim, qtbot)
    assert w.login.pick("Ani")
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.open_shift
    qtbot.keyClicks(w.open_shift.float_input, "300.000")
    qtbot.keyClick(w.open_shift.float_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling
    assert "#2" in w.status_labels["statusShift"].text()


def test_typed_code_and_grid_click_fill_the_cart(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    qtbot.keyClicks(w.selling.scan_input, "8991234500031")
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    qtbot.keyClicks(w.selling.scan_input, "jtm-jlb-001")
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    assert w.selling.cart_model.rowCount() == 1
    assert w.selling.cart_model.index(0, 1).data() == "2"
    assert w.selling.total.text() == "Rp 170.000"
    qtbot.keyClicks(w.selling.search, "gedog")
    assert w.selling.grid_model.product_at(w.selling.grid_model.index(0, 0)).sku == "JTM-BTK-002"
    rect = w.selling.grid.visualRect(w.selling.grid_model.index(0, 0))
    qtbot.mouseClick(w.selling.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.selling.total.text() == "Rp 495.000"
    assert w.selling.pay.isEnabled()


def test_unknown_code_warns_and_leaves_the_cart(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    assert not w.selling.add_code("8990000000000")
    assert w.selling.warning.isVisible() and "8990000000000" in w.selling.warning.text()
    assert w.selling.cart_model.rowCount() == 1
    w.selling.add_code("JTM-JLB-001")
    assert not w.selling.warning.isVisible()


def test_plus_minus_and_remove(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    qtbot.mouseClick(w.selling.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.selling.plus, Qt.MouseButton.LeftButton)
    assert w.selling.total.text() == "Rp 255.000"
    qtbot.mouseClick(w.selling.minus, Qt.MouseButton.LeftButton)
    assert w.selling.total.text() == "Rp 170.000"
    qtbot.mouseClick(w.selling.remove, Qt.MouseButton.LeftButton)
    assert w.selling.total.text() == "Rp 0" and not w.selling.pay.isEnabled()


def test_category_tabs_filter_the_grid(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    tabs = [w.selling.tabs.tabText(i) for i in range(w.selling.tabs.count())]
    assert tabs[1:] == ["Batik", "Jilbab Lukis", "Kerajinan Kayu", "Tas Anyaman"]
    w.selling.tabs.setCurrentIndex(tabs.index("Tas Anyaman"))
    assert w.selling.grid_model.product_at(w.selling.grid_model.index(0, 0)).sku == "JTM-TAS-001"
    assert w.selling.grid_model.product_at(w.selling.grid_model.index(0, 1)) is None


def test_custom_item_and_discount_within_the_limit(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    w.actions_.custom_item()
    dialog = w.actions_.dialog
    qtbot.keyClicks(dialog.inputs[0], "Tas anyaman pesanan merah")
    qtbot.keyClicks(dialog.inputs[1], "175.000")
    qtbot.keyClick(dialog.inputs[1], Qt.Key.Key_Return)
    assert w.selling.total.text() == "Rp 175.000"
    w.actions_.cart_discount()
    qtbot.keyClicks(w.actions_.dialog.inputs[0], "10%")
    qtbot.keyClick(w.actions_.dialog.inputs[0], Qt.Key.Key_Return)
    assert w.selling.total.text() == "Rp 157.500"


def test_discount_above_the_limit_needs_a_supervisor(jatim: Stand, qtbot) -> None:
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-BTK-001")
    w.actions_.cart_discount()
    qtbot.keyClicks(w.actions_.dialog.inputs[0], "20%")
    qtbot.keyClick(w.actions_.dialog.inputs[0], Qt.Key.Key_Return)
    approval = w.actions_.dialog
    assert approval.objectName() == "approvalDialog"
    assert w.selling.total.text() == "Rp 450.000"  # not yet
    qtbot.keyClicks(approval.inputs[0], "Ani")
    qtbot.keyClicks(approval.inputs[1], CASHIER_PIN)
    qtbot.keyClick(approval.inputs[1], Qt.Key.Key_Return)
    assert approval.isVisible() and "supervisor" in approval.error.text()
    approval.inputs[0].setText("Budi")
    approval.inputs[1].setText("999999")
    qtbot.keyClick(approval.inputs[1], Qt.Key.Key_Return)
    assert w.selling.total.text() == "Rp 360.000"


def test_a_whole_sale_by_scan_and_cash(jatim: Stand, qtbot) -> None:
    from posapp.services import history

    w = logged_in(jatim, qtbot)
    w.selling.add_code("8991234500031")
    w.selling.add_code("8991234500031")
    qtbot.keyClick(w, Qt.Key.Key_F12)
    panel = w.payment
    assert w.pages.currentWidget() is panel
    qtbot.keyClicks(panel.findChild(type(w.selling.search), "cashReceivedInput"), "200.000")
    assert panel.findChild(type(w.selling.total), "changeLabel").text().endswith("Rp 30.000")
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Return)
    assert panel.is_paid()
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Return)  # the next sale
    assert w.pages.currentWidget() is w.selling
    assert w.selling.total.text() == "Rp 0"
    assert "Rp 30.000" in w.selling.last_change.text() and w.selling.last_change.isVisible()
    [sale] = history.list_sales(jatim.handle.uow(write=False))
    assert (sale.receipt_no, sale.total, sale.payments) == ("JATIM-000001", 170_000,
                                                            {"cash": 170_000})
    w.selling.add_code("JTM-BTK-002")
    assert not w.selling.last_change.isVisible()  # the next scan starts a new sale


def test_the_receipt_prints_in_the_background_and_a_dead_printer_loses_nothing(
        jatim: Stand, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import socket
    from dataclasses import replace

    from posapp.services import history, print_queue, settings

    with socket.socket() as s:  # a port nobody listens on: the printer is unplugged
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, printer=f"network:127.0.0.1:{port}"),
                  approval=BUDI)
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    w.session.pay([Payment(PaymentMethod.CASH, 100_000)])
    w.actions_._paid()
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    assert "1" in w.status_labels["statusPrinter"].text()  # one receipt not printed
    assert [s.receipt_no for s in history.list_sales(jatim.handle.uow(write=False))] == [
        "JATIM-000001"]  # the sale is safe
    device = tmp_path / "lp0"
    settings.save(jatim.handle.uow(), replace(current, printer=f"file:{device}"), approval=BUDI)
    w.printing.retry_all()
    qtbot.waitUntil(lambda: not w.printing.busy and device.exists(), timeout=15_000)
    assert b"JATIM-000001" in device.read_bytes()
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 0}
    w.printing.changed.emit()
    assert "1" not in w.status_labels["statusPrinter"].text()


def test_reprint_from_the_history_prints_a_copy(jatim: Stand, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from posapp.services import settings

    device = tmp_path / "lp0"
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, printer=f"file:{device}"), approval=BUDI)
    w = logged_in(jatim, qtbot)
    w.selling.add_code("JTM-JLB-001")
    w.session.pay([Payment(PaymentMethod.CASH, 100_000)])
    w.actions_._paid()
    qtbot.waitUntil(lambda: not w.printing.busy and device.exists(), timeout=15_000)
    assert b"SALINAN" not in device.read_bytes()
    w.actions_.open_history()
    history = w.actions_.dialog
    assert history.open_receipt("JATIM-000001")  # type: ignore[attr-defined]
    qtbot.mouseClick(history.findChild(type(w.selling.pay), "reprintButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.printing.busy and b"SALINAN" in device.read_bytes(),
                    timeout=15_000)
    assert b"JATIM-000001" in device.read_bytes()
