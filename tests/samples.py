"""Sample receipts shared by the printing tests (layout, ESC/POS, PDF, transports).

``SALE`` is one receipt with every part a buyer checks: two lines (one with a name that
needs a code page, "Café", and a long dash), a line discount and a cart discount spread
over both lines, a split payment with change. ``receipt`` and ``plain`` build others that
add up.
"""

from __future__ import annotations

from datetime import datetime

from posapp.domain.receipt import Receipt, ReceiptLine, ReceiptPayment, default_footer

#: A QRIS-like payload for QR codes on receipts (its CRC is not checked here).
QR_DATA = ("00020101021126570011ID.CO.QRIS.WWW0118936009140000012345520458125303360"
           "5802ID5914Stand Jawa Tim6007Jakarta6304A1B2")

# A line discount of Rp 5.000 on the first line, a cart discount of Rp 20.000 spread over
# both (Rp 5.366 and Rp 14.634); Rp 500.000 by QRIS and Rp 100.000 cash, Rp 5.000 back.
SALE = Receipt(
    stand_name="Stand Jawa Timur",
    province="Jawa Timur",
    event="Pameran HANI 2026",
    address="JIExpo Kemayoran, Hall B-12",
    receipt_no="JATIM-000123",
    moment=datetime(2026, 11, 28, 7, 36),  # UTC: 14:36 in Jakarta
    zone="Asia/Jakarta",
    cashier="Ani",
    lines=(
        ReceiptLine("Kopi Ijen Café — 250 g", 2, 85_000, 5_000, 5_366, 159_634),
        ReceiptLine("Batik Tulis Madura Motif Sekar Jagad", 1, 450_000, 0, 14_634, 435_366),
    ),
    subtotal=620_000,
    discount=25_000,
    total=595_000,
    payments=(ReceiptPayment("cash", 100_000, 95_000), ReceiptPayment("qris", 500_000, 500_000)),
    change=5_000,
    footer=default_footer("id"),
)


def receipt(lines: list[ReceiptLine], *, paid: list[tuple[str, int]] | None = None,
            **fields: object) -> Receipt:
    """A consistent receipt for *lines*: totals from the lines, paid exactly (or *paid*,
    change from the cash)."""
    subtotal = sum(ln.gross for ln in lines)
    discount = sum(ln.line_discount + ln.cart_discount for ln in lines)
    total = subtotal - discount
    tendered = paid if paid is not None else [("cash", total)]
    change = sum(amount for _, amount in tendered) - total
    payments = tuple(ReceiptPayment(m, v, v - change if m == "cash" else v) for m, v in tendered)
    base: dict[str, object] = {
        "stand_name": "Stand JATIM", "province": "Jawa Timur", "event": "Pameran HANI",
        "address": "", "receipt_no": "JATIM-000001", "moment": datetime(2026, 11, 28, 7, 36),
        "zone": "Asia/Jakarta", "cashier": "Ani", "lines": tuple(lines), "subtotal": subtotal,
        "discount": discount, "total": total, "payments": payments, "change": change,
    }
    return Receipt(**{**base, **fields})  # type: ignore[arg-type]


def plain(name: str, qty: int, price: int, line_discount: int = 0,
          cart_discount: int = 0) -> ReceiptLine:
    """A line whose total is what is left after its discounts."""
    return ReceiptLine(name, qty, price, line_discount, cart_discount,
                       qty * price - line_discount - cart_discount)
