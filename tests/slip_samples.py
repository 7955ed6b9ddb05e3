"""A sample order slip shared by the slip tests (layout, ESC/POS, PDF).

``SLIP`` is an order a buyer would check: a catalog line whose name needs a code page
("Café") and a long dash, a made-to-order line whose description wraps, a deposit by QRIS
and a later transfer, a balance still due, the stand's QRIS and a rate for the buyer's
currency. ``STAND_QRIS`` is a static QRIS payload with a sound CRC.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from posapp.domain.fx import Rate
from posapp.domain.order import Buyer, OrderStatus, PaymentKind
from posapp.domain.order_slip import OrderSlip, SlipLine, SlipPayment, default_slip_footer
from posapp.domain.qris import crc16_ccitt_false


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def _static_qris() -> str:
    account = _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID1020000000001") + _tlv("03", "UMI")
    body = "".join(_tlv(t, v) for t, v in [
        ("00", "01"), ("01", "11"), ("51", account), ("52", "5699"), ("53", "360"),
        ("58", "ID"), ("59", "KERAJINAN JATIM"), ("60", "JAKARTA PUSAT"), ("61", "10310"),
    ]) + "6304"
    return body + f"{crc16_ccitt_false(body.encode()):04X}"


STAND_QRIS = _static_qris()
USD = Rate("USD", Decimal(16_250))

SLIP = OrderSlip(
    stand_name="Stand Jawa Timur",
    province="Jawa Timur",
    event="Pameran HANI 2026",
    contact="WA +62 812-3456-7890",
    order_no="JATIM-P00001",
    moment=datetime(2026, 11, 28, 7, 36),  # UTC: 14:36 in Jakarta
    zone="Asia/Jakarta",
    due=date(2026, 12, 5),
    status=OrderStatus.READY,
    buyer=Buyer("Mr. Hiroshi Tanaka", "+81 90 1234 5678", "tanaka@example.jp", "Japan",
                "1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001"),
    lines=(
        SlipLine("Kopi Ijen Café — 250 g", 4, 85_000),
        SlipLine("Batik tulis motif parang, biru tua, ukuran XL, seperti contoh di foto", 2,
                 650_000),
    ),
    payments=(
        SlipPayment(PaymentKind.DEPOSIT, "qris", 500_000),
        SlipPayment(PaymentKind.BALANCE, "transfer", 640_000),
    ),
    qris=STAND_QRIS,
    rate=USD,
    footer=default_slip_footer("id"),
)
