"""A sale made at the session, read back from the database as a receipt."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from posapp.domain.cart import Cart, Discount
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.money import format_rupiah
from posapp.domain.receipt import layout_receipt
from posapp.domain.tender import Payment, PaymentMethod
from posapp.printing.text_receipt import render_text
from posapp.services import checkout, history, returns
from posapp.services.receipts import receipt_for
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand

NAMES = ("Batik Tulis Madura Motif Sekar Jagad", "Jilbab Lukis Bunga Teratai",
         "Clutch Anyaman Pandan")


def sell(stand: Stand) -> checkout.SaleResult:
    """Batik, two jilbab with Rp 5.000 off, a clutch; 5 % off the cart; QRIS and cash."""
    cart = Cart()
    cart.add(stand.product("JTM-BTK-001"))
    cart.add(stand.product("JTM-JLB-001"), 2)
    cart.set_line_discount(1, Discount.amount(5_000))
    cart.add(stand.product("JTM-TAS-001"))
    cart.set_discount(Discount.percent(5))
    payments = [Payment(PaymentMethod.QRIS, 500_000), Payment(PaymentMethod.CASH, 300_000)]
    return checkout.checkout(stand.handle.uow(), stand.cashier, cart, payments)


def shown(stand: Stand, number: str, **options: object) -> str:
    receipt = receipt_for(stand.handle.uow(write=False), number, **options)  # type: ignore[arg-type]
    return render_text(layout_receipt(receipt, 42), 42)


def test_a_sale_as_its_receipt(jatim: Stand) -> None:
    sale = sell(jatim)
    receipt = receipt_for(jatim.handle.uow(write=False), sale.receipt_no)
    assert (receipt.kind, receipt.total, receipt.change) == ("sale", sale.total, sale.change)
    assert (receipt.subtotal, receipt.discount) == (sale.payload["subtotal"],
                                                   sale.payload["discount"])
    assert [(ln.name, ln.quantity, ln.line_discount, ln.cart_discount, ln.total)
            for ln in receipt.lines] == [
        (ln["name"], ln["quantity"], ln["line_discount"], ln["cart_discount"], ln["total"])
        for ln in sale.payload["lines"]]
    assert [(p.method, p.tendered, p.amount) for p in receipt.payments] == [
        (p["method"], p["tendered"], p["amount"]) for p in sale.payload["payments"]]

    text = render_text(layout_receipt(receipt, 42), 42)
    lines = text.splitlines()
    assert all(len(line) <= 42 for line in lines)
    assert f"||| {sale.receipt_no} |||" in text
    assert f"Struk{sale.receipt_no:>37}" in lines
    for name in NAMES:
        assert name in lines
    total, change = format_rupiah(sale.total), format_rupiah(sale.change)
    assert f"TOTAL{total:>37}" in lines
    assert f"Kembalian{change:>33}" in lines
    assert "  Diskon                         -Rp 5.000" in lines
    assert "Stand JATIM" in text and "Jawa Timur" in text and "Pameran HANI" in text
    assert "Terima kasih" in text and "***" not in text
    created = history.sale_detail(jatim.handle.uow(write=False), sale.receipt_no).created_at
    local = created.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo("Asia/Jakarta"))
    assert f"Tanggal{local.strftime('%d-%m-%Y %H:%M'):>35}" in lines


def test_a_voided_sale_prints_as_batal(jatim: Stand) -> None:
    sale = sell(jatim)
    assert "BATAL" not in shown(jatim, sale.receipt_no, kind="copy")
    returns.void_sale(jatim.handle.uow(), sale.receipt_no, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="salah input")
    receipt = receipt_for(jatim.handle.uow(write=False), sale.receipt_no, kind="copy")
    assert receipt.kind == "void"
    text = render_text(layout_receipt(receipt, 42), 42)
    assert text.count("*** BATAL ***") == 2
    assert receipt_for(jatim.handle.uow(write=False), sale.receipt_no).kind == "void"


def test_a_copy_lists_refunds_and_a_refund_has_its_own_receipt(jatim: Stand) -> None:
    sale = sell(jatim)
    done = returns.refund(jatim.handle.uow(), sale.receipt_no,
                          [returns.RefundItem("JTM-JLB-001", 1)], supervisor_name=SUPERVISOR,
                          supervisor_pin=SUPERVISOR_PIN, reason="warna tidak cocok",
                          method=PaymentMethod.CASH)
    copy = shown(jatim, sale.receipt_no.lower(), kind="copy")
    assert copy.count("*** SALINAN ***") == 2
    label = f"Retur {done.refund_no} (Tunai)"
    assert f"{label}{format_rupiah(-done.amount):>{42 - len(label)}}" in copy.splitlines()
    assert done.refund_no not in shown(jatim, sale.receipt_no)  # the session's receipt: no refunds

    refund = receipt_for(jatim.handle.uow(write=False), done.refund_no)
    assert (refund.kind, refund.original, refund.total) == ("refund", sale.receipt_no,
                                                            done.amount)
    assert refund.cashier == SUPERVISOR
    text = render_text(layout_receipt(refund, 42), 42)
    lines = text.splitlines()
    assert text.count("*** RETUR ***") == 2
    assert f"Struk asal{sale.receipt_no:>32}" in lines
    assert "Jilbab Lukis Bunga Teratai" in lines
    assert f"TOTAL{format_rupiah(done.amount):>37}" in lines
    assert f"||| {done.refund_no} |||" in text


def test_english_footer_and_options(jatim: Stand) -> None:
    sale = sell(jatim)
    receipt = receipt_for(jatim.handle.uow(write=False), sale.receipt_no, lang="en",
                          address="JIExpo Kemayoran, Hall B-12", qr="https://example.id/s/1")
    assert receipt.footer == ("Thank you", "Made by community empowerment groups")
    text = render_text(layout_receipt(receipt, 42, lang="en"), 42)
    assert "JIExpo Kemayoran, Hall B-12" in text and "[QR]" in text
    own = receipt_for(jatim.handle.uow(write=False), sale.receipt_no,
                      footer=["Ikuti kami @dekranas_jatim"])
    assert own.footer == ("Ikuti kami @dekranas_jatim",)


def test_unknown_receipt_and_kind_refused(jatim: Stand) -> None:
    with pytest.raises(NotFound, match="JATIM-999999"):
        receipt_for(jatim.handle.uow(write=False), "JATIM-999999")
    sale = sell(jatim)
    with pytest.raises(InvalidInput, match="'void'"):
        receipt_for(jatim.handle.uow(write=False), sale.receipt_no, kind="void")
