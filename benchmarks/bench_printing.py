"""Printing: layout + ESC/POS bytes for a 30-line sale and a 30-line order slip, a PDF
receipt, a run of labels."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from posapp.domain.fx import Rate
from posapp.domain.order import Buyer, OrderStatus, PaymentKind
from posapp.domain.order_slip import OrderSlip, SlipLine, SlipPayment, layout_order_slip
from posapp.domain.qris import crc16_ccitt_false
from posapp.domain.receipt import Receipt, ReceiptLine, ReceiptPayment, layout_receipt
from posapp.printing.escpos_quiet import quiet
from posapp.printing.escpos_render import render_escpos
from posapp.printing.pdf_receipt import render_pdf

with quiet():  # python-escpos's import puts a stderr handler on the root logger otherwise
    from escpos.printer import Dummy

from ._common import Result, repeat_ms, summarize

ESCPOS_TARGET_MS = 5.0
PDF_TARGET_MS = 50.0
LABELS_TARGET_MS = 5_000.0


def thirty_line_sale() -> Receipt:
    lines = tuple(
        ReceiptLine(f"Batik Tulis Madura Motif Sekar Jagad nomor {i}", 1 + i % 3, 85_000 + i,
                    0, 0, (1 + i % 3) * (85_000 + i))
        for i in range(30)
    )
    total = sum(ln.total for ln in lines)
    paid = -(-total // 100_000) * 100_000
    return Receipt(
        stand_name="Stand Jawa Timur", province="Jawa Timur", event="Pameran HANI 2026",
        address="JIExpo Kemayoran, Hall B-12", receipt_no="JATIM-000123",
        moment=datetime(2026, 6, 26, 7, 36), zone="Asia/Jakarta", cashier="Ani", lines=lines,
        subtotal=total, discount=0, total=total,
        payments=(ReceiptPayment("cash", paid, total),), change=paid - total,
        qr="00020101021226570011ID.CO.QRIS.WWW",
    )


def _static_qris() -> str:
    def tlv(tag: str, value: str) -> str:
        return f"{tag}{len(value):02d}{value}"

    account = tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1020000000001") + tlv("03", "UMI")
    body = "".join(tlv(t, v) for t, v in [
        ("00", "01"), ("01", "11"), ("51", account), ("52", "5699"), ("53", "360"),
        ("58", "ID"), ("59", "KERAJINAN JATIM"), ("60", "JAKARTA PUSAT"),
    ]) + "6304"
    return body + f"{crc16_ccitt_false(body.encode()):04X}"


def thirty_line_order() -> OrderSlip:
    """30 made-to-order lines whose descriptions wrap, a deposit, a balance due, the
    stand's QRIS (a dynamic payload is made for the balance) and a USD estimate."""
    lines = tuple(
        SlipLine(f"Batik tulis motif parang nomor {i}, biru tua, ukuran XL, seperti contoh",
                 1 + i % 3, 650_000 + i)
        for i in range(30)
    )
    return OrderSlip(
        stand_name="Stand Jawa Timur", province="Jawa Timur", event="Pameran HANI 2026",
        contact="WA +62 812-3456-7890", order_no="JATIM-P00001",
        moment=datetime(2026, 6, 26, 7, 36), zone="Asia/Jakarta", due=date(2026, 7, 10),
        status=OrderStatus.OPEN,
        buyer=Buyer("Mr. Hiroshi Tanaka", "+81 90 1234 5678", "tanaka@example.jp", "Japan",
                    "1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001"),
        lines=lines, payments=(SlipPayment(PaymentKind.DEPOSIT, "qris", 5_000_000),),
        qris=_static_qris(), rate=Rate("USD", Decimal(16_250)),
    )


def run(times: int = 300) -> list[Result]:
    receipt = thirty_line_sale()
    order = thirty_line_order()

    def escpos(_i: int) -> None:
        printer = Dummy()
        render_escpos(layout_receipt(receipt, 42), 42, printer)
        assert b"JATIM-000123" in printer.output

    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-pdf-"))

    def pdf(i: int) -> None:
        render_pdf(layout_receipt(receipt, 42), 42, folder / f"r{i % 10}.pdf")

    def slip(_i: int) -> None:
        printer = Dummy()
        render_escpos(layout_order_slip(order, 42), 42, printer)
        assert b"JATIM-P00001" in printer.output

    try:  # the PDFs go in a temp folder of their own, removed afterwards
        esc = repeat_ms(escpos, times, warmup=20)
        slips = repeat_ms(slip, times, warmup=20)
        pdfs = repeat_ms(pdf, max(20, times // 10), warmup=3)
        results = [
            Result("print: layout + ESC/POS bytes, 30-line sale", esc,
                   target=f"p95 <= {ESCPOS_TARGET_MS:g} ms",
                   passed=summarize(esc)["p95_ms"] <= ESCPOS_TARGET_MS,
                   note="layout_receipt at 42 columns rendered on a python-escpos Dummy, "
                        "QR included"),
            Result("print: layout + ESC/POS bytes, 30-line order slip", slips,
                   note="layout_order_slip at 42 columns (30 two-line made-to-order "
                        "descriptions, the dynamic QRIS made, a USD estimate) on a python-escpos "
                        "Dummy; no target of its own: printed off the UI thread"),
            Result("print: PDF receipt, 30-line sale", pdfs,
                   target=f"p95 <= {PDF_TARGET_MS:g} ms",
                   passed=summarize(pdfs)["p95_ms"] <= PDF_TARGET_MS,
                   note="80 mm roll, ReportLab, Code128 and QR drawn, written to disk"),
        ]
        results += _labels(folder)
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _labels(folder: Path) -> list[Result]:
    try:
        from posapp.printing.labels import LAYOUTS, render_labels
    except ImportError:  # the label sheets arrive with their own module
        return []
    from posapp.domain.product import Product

    # half of them without a barcode (handicrafts mostly arrive without): their SKU is coded
    products = [Product(f"JTM-BTK-{i:04d}", f"Batik Tulis Motif {i}", 150_000 + i,
                        barcode=f"899701{i:07d}" if i % 2 else None,
                        maker_group="KUB Batik Canting Sari", id=i)
                for i in range(1_000)]
    samples = repeat_ms(lambda _i: render_labels(products, folder / "labels.pdf",
                                                 layout=LAYOUTS["3x8"]), 3, warmup=1)
    return [Result("print: A4 label sheets, 1,000 labels (3x8)", samples,
                   target=f"<= {LABELS_TARGET_MS:,.0f} ms",
                   passed=max(samples) <= LABELS_TARGET_MS,
                   note="42 sheets, name, price, maker group, Code128 each (the barcode, "
                        "or the SKU for the half that has none)")]
