"""The order slip layout: the exact text at 32, 42 and 48 columns, what each state shows,
the QRIS code for the balance, and the slips that are refused."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.fx import Rate
from posapp.domain.layout import Barcode, Block, Cut, QrCode, Row, Text, fits
from posapp.domain.order import OrderStatus, PaymentKind
from posapp.domain.order_slip import (
    OrderSlip,
    SlipLine,
    SlipPayment,
    default_slip_footer,
    layout_order_slip,
)
from posapp.domain.qris import parse_qris
from posapp.printing.text_receipt import render_text
from tests.slip_samples import SLIP, STAND_QRIS

SLIP_32 = """\
        Stand Jawa Timur
           Jawa Timur
       Pameran HANI 2026
      WA +62 812-3456-7890
--------------------------------
            PESANAN
      ||| JATIM-P00001 |||
No. pesanan         JATIM-P00001
Tanggal         28-11-2026 14:36
Selesai               05-12-2026
--------------------------------
Pemesan       Mr. Hiroshi Tanaka
Telp/WA         +81 90 1234 5678
Email          tanaka@example.jp
Negara                     Japan
Kirim ke:
  1-2-3 Jingumae, Shibuya-ku,
  Tokyo 150-0001
--------------------------------
1. Kopi Ijen Café — 250 g
  4 x Rp 85.000       Rp 340.000
2. Batik tulis motif parang,
   biru tua, ukuran XL, seperti
   contoh di foto
  2 x Rp 650.000    Rp 1.300.000
--------------------------------
TOTAL               Rp 1.640.000
  perkiraan           US$ 100.92
DP QRIS               Rp 500.000
Pelunasan Transfer    Rp 640.000
Dibayar             Rp 1.140.000
--------------------------------
           SISA BAYAR
           Rp 500.000
  perkiraan            US$ 30.77
Kurs perkiraan 1 USD = Rp 16.250
Pembayaran dalam rupiah.
Status              SIAP DIAMBIL
--------------------------------
              [QR]
     Bayar sisa dengan QRIS
           Rp 500.000
    Tunjukkan slip ini saat
       mengambil pesanan
          Terima kasih
      Dibuat oleh kelompok
    pemberdayaan masyarakat

"""

SLIP_42 = """\
             Stand Jawa Timur
                Jawa Timur
            Pameran HANI 2026
           WA +62 812-3456-7890
------------------------------------------
                 PESANAN
           ||| JATIM-P00001 |||
No. pesanan                   JATIM-P00001
Tanggal                   28-11-2026 14:36
Selesai                         05-12-2026
------------------------------------------
Pemesan                 Mr. Hiroshi Tanaka
Telp/WA                   +81 90 1234 5678
Email                    tanaka@example.jp
Negara                               Japan
Kirim ke:
  1-2-3 Jingumae, Shibuya-ku, Tokyo
  150-0001
------------------------------------------
1. Kopi Ijen Café — 250 g
  4 x Rp 85.000                 Rp 340.000
2. Batik tulis motif parang, biru tua,
   ukuran XL, seperti contoh di foto
  2 x Rp 650.000              Rp 1.300.000
------------------------------------------
TOTAL                         Rp 1.640.000
  perkiraan                     US$ 100.92
DP QRIS                         Rp 500.000
Pelunasan Transfer              Rp 640.000
Dibayar                       Rp 1.140.000
------------------------------------------
                SISA BAYAR
                Rp 500.000
  perkiraan                      US$ 30.77
Kurs perkiraan           1 USD = Rp 16.250
Pembayaran dalam rupiah.
Status                        SIAP DIAMBIL
------------------------------------------
                   [QR]
          Bayar sisa dengan QRIS
                Rp 500.000
Tunjukkan slip ini saat mengambil pesanan
               Terima kasih
    Dibuat oleh kelompok pemberdayaan
                masyarakat

"""

SLIP_48 = """\
                Stand Jawa Timur
                   Jawa Timur
               Pameran HANI 2026
              WA +62 812-3456-7890
------------------------------------------------
                    PESANAN
              ||| JATIM-P00001 |||
No. pesanan                         JATIM-P00001
Tanggal                         28-11-2026 14:36
Selesai                               05-12-2026
------------------------------------------------
Pemesan                       Mr. Hiroshi Tanaka
Telp/WA                         +81 90 1234 5678
Email                          tanaka@example.jp
Negara                                     Japan
Kirim ke:
  1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001
------------------------------------------------
1. Kopi Ijen Café — 250 g
  4 x Rp 85.000                       Rp 340.000
2. Batik tulis motif parang, biru tua, ukuran
   XL, seperti contoh di foto
  2 x Rp 650.000                    Rp 1.300.000
------------------------------------------------
TOTAL                               Rp 1.640.000
  perkiraan                           US$ 100.92
DP QRIS                               Rp 500.000
Pelunasan Transfer                    Rp 640.000
Dibayar                             Rp 1.140.000
------------------------------------------------
                   SISA BAYAR
                   Rp 500.000
  perkiraan                            US$ 30.77
Kurs perkiraan                 1 USD = Rp 16.250
Pembayaran dalam rupiah.
Status                              SIAP DIAMBIL
------------------------------------------------
                      [QR]
             Bayar sisa dengan QRIS
                   Rp 500.000
   Tunjukkan slip ini saat mengambil pesanan
                  Terima kasih
  Dibuat oleh kelompok pemberdayaan masyarakat

"""


def text(slip: OrderSlip, width: int = 42, lang: str = "id") -> str:
    return render_text(layout_order_slip(slip, width, lang=lang), width)


def lines(slip: OrderSlip, width: int = 42, lang: str = "id") -> list[str]:
    """The slip's lines, runs of spaces made one."""
    return [" ".join(line.split()) for line in text(slip, width, lang).splitlines()]


def qr_codes(blocks: tuple[Block, ...]) -> list[str]:
    return [b.data for b in blocks if isinstance(b, QrCode)]


@pytest.mark.parametrize(("width", "expected"),
                         [(32, SLIP_32), (42, SLIP_42), (48, SLIP_48)])
def test_the_text_at_each_paper_width(width: int, expected: str) -> None:
    assert text(SLIP, width) == expected


@pytest.mark.parametrize("width", [32, 42, 48])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_line_fits_the_paper(width: int, lang: str) -> None:
    long = replace(SLIP, stand_name="Kerajinan Tangan Nusa Tenggara Timur — Café",
                   contact="WA +62 812-3456-7890 · IG @kerajinan.ntt · stand B-12 hall 3",
                   buyer=replace(SLIP.buyer, name="Dr. Maria Fernanda de los Santos "
                                 "Gutiérrez-Villanueva", email="maria.fernanda.santos."
                                 "gutierrez@universidad-ejemplo.example.com"),
                   lines=(*SLIP.lines, SlipLine("X" * 70, 1_000, 999_999)),
                   tracking="DHL Express 1234567890 via Jakarta hub, then Madrid")
    for blocks in (layout_order_slip(long, width, lang=lang),
                   layout_order_slip(SLIP, width, lang=lang)):
        assert all(fits(b, width) for b in blocks), [b for b in blocks if not fits(b, width)]


def test_the_order_number_is_a_barcode_once_and_the_slip_ends_with_a_cut() -> None:
    blocks = layout_order_slip(SLIP, 42)
    assert blocks.count(Barcode("JATIM-P00001")) == 1
    assert Text("PESANAN", bold=True, align="center", double=True) in blocks
    assert Row("No. pesanan", "JATIM-P00001", bold=True) in blocks
    assert blocks[-1] == Cut()


def test_the_balance_due_is_large() -> None:
    blocks = layout_order_slip(SLIP, 32)
    assert Text("SISA BAYAR", bold=True, align="center", double=True) in blocks
    assert Text("Rp 500.000", bold=True, align="center", double=True) in blocks


def test_the_qris_code_asks_for_the_balance() -> None:
    [payload] = qr_codes(layout_order_slip(SLIP, 42))
    qris = parse_qris(payload)  # a sound payload: CRC, merchant account, currency
    assert qris.is_dynamic and qris.amount == SLIP.balance == 500_000
    assert qris.merchant_name == parse_qris(STAND_QRIS).merchant_name


def test_above_the_qris_limit_the_code_asks_for_the_first_ten_million() -> None:
    big = replace(SLIP, lines=(SlipLine("Batik tulis pesanan untuk seragam", 25, 500_000),),
                  payments=(SlipPayment(PaymentKind.DEPOSIT, "transfer", 2_000_000),),
                  rate=None)
    [payload] = qr_codes(layout_order_slip(big, 42))
    assert parse_qris(payload).amount == 10_000_000
    shown = " ".join(lines(big))  # the balance is 12.500.000 - 2.000.000
    assert "SISA BAYAR Rp 10.500.000" in shown
    assert ("QRIS ini untuk Rp 10.000.000 pertama (batas satu QRIS); sisanya Rp 500.000 "
            "dibayar terpisah.") in shown


def test_no_qris_code_without_the_stands_qris_or_without_a_balance() -> None:
    assert qr_codes(layout_order_slip(replace(SLIP, qris=""), 42)) == []
    paid = replace(SLIP, payments=(*SLIP.payments,
                                   SlipPayment(PaymentKind.BALANCE, "cash", 500_000)))
    assert qr_codes(layout_order_slip(paid, 42)) == []


def test_paid_in_full_and_handed_over_is_a_lunas_slip() -> None:
    paid = replace(SLIP, status=OrderStatus.HANDED_OVER, tracking="diambil sendiri",
                   payments=(*SLIP.payments, SlipPayment(PaymentKind.BALANCE, "cash", 500_000)),
                   lines=tuple(replace(ln, delivered=ln.quantity) for ln in SLIP.lines),
                   footer=default_slip_footer("id", to_collect=False))
    blocks = layout_order_slip(paid, 42)
    shown = lines(paid)
    assert Text("LUNAS", bold=True, align="center", double=True) in blocks
    assert "SISA BAYAR" not in shown
    assert "Pelunasan Tunai Rp 500.000" in shown and "Dibayar Rp 1.640.000" in shown
    assert "Status DISERAHKAN" in shown and "Pengiriman diambil sendiri" in shown
    assert not any("diserahkan" in line for line in shown)  # all of it: no per-line count
    assert "Tunjukkan slip ini saat mengambil pesanan" not in shown
    assert "perkiraan US$ 100.92" in shown  # the total's estimate stays; no balance's


def test_a_partial_hand_over_is_shown_per_line() -> None:
    part = replace(SLIP, lines=(replace(SLIP.lines[0], delivered=4), SLIP.lines[1]))
    assert "  diserahkan 4 dari 4" in text(part).splitlines()
    assert "  handed over 4 of 4" in text(part, lang="en").splitlines()


def test_a_cancelled_order_shows_the_refund_or_the_kept_deposit() -> None:
    deposit = SlipPayment(PaymentKind.DEPOSIT, "qris", 500_000)
    refunded = replace(SLIP, status=OrderStatus.CANCELLED, payments=(
        deposit, SlipPayment(PaymentKind.REFUND, "cash", 500_000)))
    kept = replace(SLIP, status=OrderStatus.CANCELLED, payments=(deposit,))
    for slip in (refunded, kept):
        blocks = layout_order_slip(slip, 42)
        assert Text("DIBATALKAN", bold=True, align="center", double=True) in blocks
        assert qr_codes(blocks) == [] and slip.balance == 0
    assert "DP dikembalikan Tunai -Rp 500.000" in lines(refunded)
    assert "Dibayar Rp 0" in lines(refunded)
    assert "DP tidak dikembalikan Rp 500.000" in lines(kept)


def test_pick_up_at_the_stand_and_no_rate() -> None:
    here = replace(SLIP, buyer=replace(SLIP.buyer, address="", phone=""), rate=None, due=None)
    shown = lines(here)
    assert "Diambil di stand" in shown and "Kirim ke:" not in shown
    assert not any(line.startswith(("Telp/WA", "Selesai", "perkiraan", "Kurs")) for line in shown)


def test_in_english() -> None:
    shown = lines(replace(SLIP, footer=default_slip_footer("en")), lang="en")
    for line in ("ORDER", "Order no. JATIM-P00001", "Due 05-12-2026", "Ship to:",
                 "Deposit QRIS Rp 500.000", "Payment Transfer Rp 640.000", "BALANCE DUE",
                 "approx. US$ 30.77", "Estimated rate 1 USD = Rp 16.250",
                 "Payments are in rupiah.", "Status READY", "Pay the balance by QRIS",
                 "Show this slip when you collect your order"):
        assert line in shown, line


def test_the_buyers_currency_rounds_to_its_minor_unit() -> None:
    yen = replace(SLIP, rate=Rate("JPY", Decimal("108.5")))
    shown = lines(yen)
    assert "perkiraan JP¥ 15,115" in shown  # 1.640.000 / 108,5 = 15.115,2
    assert "perkiraan JP¥ 4,608" in shown  # 500.000 / 108,5 = 4.608,3
    assert "Kurs perkiraan 1 JPY = Rp 108,5" in shown


@pytest.mark.parametrize(("change", "words"), [
    ({"payments": (SlipPayment(PaymentKind.DEPOSIT, "cash", 2_000_000),)},
     "more than the total"),
    ({"payments": (SlipPayment(PaymentKind.REFUND, "cash", 1),)}, "more was refunded"),
    ({"order_no": "JATIM P1"}, "cannot be a Code128"),
    ({"lines": ()}, "has no lines"),
    ({"lines": (SlipLine("Tas", 1, 1_000, delivered=2),)}, "2 of 1 handed over"),
    ({"lines": (SlipLine("Tas", 0, 1_000),)}, "quantity must be at least 1"),
    ({"qris": STAND_QRIS[:-4] + "0000"}, "CRC mismatch"),
    ({"zone": "Mars/Olympus"}, "unknown time zone"),
])
def test_a_slip_that_does_not_add_up_is_refused(change: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        replace(SLIP, **change)  # type: ignore[arg-type]


def test_unknown_width_and_language_are_refused() -> None:
    with pytest.raises(InvalidInput, match="32, 42, 48"):
        layout_order_slip(SLIP, 40)
    with pytest.raises(InvalidInput, match="'fr'"):
        layout_order_slip(SLIP, 42, lang="fr")
