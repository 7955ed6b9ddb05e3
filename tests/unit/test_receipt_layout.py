"""The receipt layout: the exact text at 32, 42 and 48 columns, and every line fits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Barcode, Block, Cut, Logo, QrCode, Row, Rule, Text, fits
from posapp.domain.money import MAX_AMOUNT
from posapp.domain.receipt import (
    Receipt,
    ReceiptLine,
    ReceiptPayment,
    ReceiptRefund,
    default_footer,
    layout_receipt,
)
from posapp.printing.text_receipt import render_text
from tests.samples import SALE, plain, receipt

RECEIPT_32 = """\
        Stand Jawa Timur
           Jawa Timur
  JIExpo Kemayoran, Hall B-12
       Pameran HANI 2026
--------------------------------
Struk               JATIM-000123
Tanggal         28-11-2026 14:36
Kasir                        Ani
--------------------------------
Kopi Ijen Café — 250 g
  2 x Rp 85.000       Rp 170.000
  Diskon               -Rp 5.000
Batik Tulis Madura Motif Sekar
Jagad
  1 x Rp 450.000      Rp 450.000
--------------------------------
Subtotal              Rp 615.000
Diskon                -Rp 20.000
TOTAL                 Rp 595.000
Tunai                 Rp 100.000
QRIS                  Rp 500.000
Kembalian               Rp 5.000
--------------------------------
      ||| JATIM-000123 |||
          Terima kasih
      Dibuat oleh kelompok
    pemberdayaan masyarakat

"""

RECEIPT_42 = """\
             Stand Jawa Timur
                Jawa Timur
       JIExpo Kemayoran, Hall B-12
            Pameran HANI 2026
------------------------------------------
Struk                         JATIM-000123
Tanggal                   28-11-2026 14:36
Kasir                                  Ani
------------------------------------------
Kopi Ijen Café — 250 g
  2 x Rp 85.000                 Rp 170.000
  Diskon                         -Rp 5.000
Batik Tulis Madura Motif Sekar Jagad
  1 x Rp 450.000                Rp 450.000
------------------------------------------
Subtotal                        Rp 615.000
Diskon                          -Rp 20.000
TOTAL                           Rp 595.000
Tunai                           Rp 100.000
QRIS                            Rp 500.000
Kembalian                         Rp 5.000
------------------------------------------
           ||| JATIM-000123 |||
               Terima kasih
    Dibuat oleh kelompok pemberdayaan
                masyarakat

"""

RECEIPT_48 = """\
                Stand Jawa Timur
                   Jawa Timur
          JIExpo Kemayoran, Hall B-12
               Pameran HANI 2026
------------------------------------------------
Struk                               JATIM-000123
Tanggal                         28-11-2026 14:36
Kasir                                        Ani
------------------------------------------------
Kopi Ijen Café — 250 g
  2 x Rp 85.000                       Rp 170.000
  Diskon                               -Rp 5.000
Batik Tulis Madura Motif Sekar Jagad
  1 x Rp 450.000                      Rp 450.000
------------------------------------------------
Subtotal                              Rp 615.000
Diskon                                -Rp 20.000
TOTAL                                 Rp 595.000
Tunai                                 Rp 100.000
QRIS                                  Rp 500.000
Kembalian                               Rp 5.000
------------------------------------------------
              ||| JATIM-000123 |||
                  Terima kasih
  Dibuat oleh kelompok pemberdayaan masyarakat

"""


def text(receipt: Receipt, width: int = 42, lang: str = "id") -> str:
    return render_text(layout_receipt(receipt, width, lang=lang), width)


@pytest.mark.parametrize(("width", "expected"),
                         [(32, RECEIPT_32), (42, RECEIPT_42), (48, RECEIPT_48)])
def test_the_text_at_each_paper_width(width: int, expected: str) -> None:
    assert text(SALE, width) == expected


def test_blocks_of_a_sale() -> None:
    blocks = layout_receipt(SALE, 32)
    assert blocks[0] == Text("Stand Jawa Timur", bold=True, align="center", double=True)
    assert Row("TOTAL", "Rp 595.000", bold=True) in blocks
    assert blocks[-1] == Cut()
    assert blocks.count(Barcode("JATIM-000123")) == 1
    assert not any(isinstance(b, QrCode | Logo) for b in blocks)
    with_extras = layout_receipt(replace(SALE, qr="https://example.id/s/123", logo=True), 32)
    assert with_extras[0] == Logo()
    barcode = with_extras.index(Barcode("JATIM-000123"))
    assert with_extras[barcode + 1] == QrCode("https://example.id/s/123")


@pytest.mark.parametrize("width", [32, 42, 48])
def test_every_block_of_the_sale_fits(width: int) -> None:
    assert all(fits(b, width) for b in layout_receipt(SALE, width))
    assert all(len(line) <= width for line in text(SALE, width).splitlines())


def test_a_long_name_wraps_between_words() -> None:
    name = ("Kain Tenun Ikat Sumba Timur Motif Kuda dan Ayam Jantan Pewarna Alami Akar Mengkudu "
            "Selendang")
    blocks = layout_receipt(receipt([plain(name, 1, 1_250_000)]), 32)
    start = blocks.index(Text("Kain Tenun Ikat Sumba Timur"))
    wrapped = [b for b in blocks[start:start + 4] if isinstance(b, Text)]
    assert [b.text for b in wrapped] == [
        "Kain Tenun Ikat Sumba Timur",
        "Motif Kuda dan Ayam Jantan",
        "Pewarna Alami Akar Mengkudu",
        "Selendang",
    ]
    assert blocks[start + 4] == Row("  1 x Rp 1.250.000", "Rp 1.250.000")


def test_a_word_longer_than_the_paper_is_cut() -> None:
    blocks = layout_receipt(receipt([plain("X" * 40, 1, 1_000)]), 32)
    assert Text("X" * 32) in blocks and Text("X" * 8) in blocks


def test_long_amounts_go_below_their_label() -> None:
    r = receipt([plain("Keris", 1, MAX_AMOUNT)], paid=[("transfer", MAX_AMOUNT)])
    lines = text(r, 32).splitlines()
    at = lines.index("Keris")
    assert lines[at + 1:at + 3] == [
        "  1 x Rp 10.000.000.000",
        "               Rp 10.000.000.000",
    ]
    assert "TOTAL          Rp 10.000.000.000" in lines
    assert "Transfer       Rp 10.000.000.000" in lines


def test_a_long_stand_name_and_cashier_wrap() -> None:
    r = receipt([plain("Batik", 1, 100_000)],
                stand_name="Dewan Kerajinan Nasional Daerah Provinsi Nusa Tenggara Timur",
                cashier="Maria Goretti Theresia Ndapamerang Kause Lodowik Dapawole")
    blocks = layout_receipt(r, 32)
    assert [b.text for b in blocks[:4] if isinstance(b, Text)] == [
        "Dewan Kerajinan", "Nasional Daerah", "Provinsi Nusa", "Tenggara Timur"]
    assert all(fits(b, 32) for b in blocks)
    lines = text(r, 32).splitlines()
    at = lines.index("Kasir")
    assert lines[at + 1:at + 4] == [
        "          Maria Goretti Theresia",
        "       Ndapamerang Kause Lodowik",
        "                        Dapawole",
    ]


def test_discount_rows() -> None:
    only_line = receipt([plain("Jilbab Lukis", 2, 85_000, line_discount=5_000)])
    rows = layout_receipt(only_line, 42)
    assert Row("  Diskon", "-Rp 5.000") in rows
    assert not any(isinstance(b, Row) and b.left == "Subtotal" for b in rows)
    assert Row("TOTAL", "Rp 165.000", bold=True) in rows

    cart = receipt([plain("Jilbab Lukis", 2, 85_000, cart_discount=17_000)])
    rows = layout_receipt(cart, 42)
    assert Row("Subtotal", "Rp 170.000") in rows
    assert Row("Diskon", "-Rp 17.000") in rows
    assert not any(isinstance(b, Row) and b.left == "  Diskon" for b in rows)


def test_split_payments_and_change() -> None:
    r = receipt([plain("Batik Gedog Tuban", 1, 325_000)],
                paid=[("card", 200_000), ("cash", 150_000)])
    lines = text(r).splitlines()
    total = lines.index("TOTAL" + "Rp 325.000".rjust(37))
    assert lines[total + 1:total + 4] == [
        "Kartu" + "Rp 200.000".rjust(37),
        "Tunai" + "Rp 150.000".rjust(37),
        "Kembalian" + "Rp 25.000".rjust(33),
    ]
    exact = receipt([plain("Batik Gedog Tuban", 1, 325_000)], paid=[("qris", 325_000)])
    assert "Kembalian" not in text(exact)


@pytest.mark.parametrize(("kind", "marker"), [
    ("void", "*** BATAL ***"), ("copy", "*** SALINAN ***"), ("refund", "*** RETUR ***")])
def test_markers_at_top_and_bottom(kind: str, marker: str) -> None:
    blocks = layout_receipt(replace(SALE, kind=kind), 32)  # type: ignore[arg-type]
    big = Text(marker, bold=True, align="center", double=True)
    top, bottom = (i for i, b in enumerate(blocks) if b == big)
    assert (top, blocks[top + 1]) == (4, Rule())  # under the header
    assert blocks[bottom + 1] == Barcode("JATIM-000123")
    assert text(replace(SALE, kind=kind), 32).count(marker) == 2  # type: ignore[arg-type]


def test_a_sale_has_no_marker() -> None:
    assert "***" not in text(SALE)


def test_a_refund_receipt_names_the_original_sale() -> None:
    r = receipt([plain("Jilbab Lukis", 1, 85_000, line_discount=8_500)], kind="refund",
                receipt_no="JATIM-R00001", original="JATIM-000123")
    lines = text(r, 32).splitlines()
    assert "Struk               JATIM-R00001" in lines
    assert "Struk asal          JATIM-000123" in lines
    assert "TOTAL                  Rp 76.500" in lines


def test_a_copy_lists_the_refunds() -> None:
    r = replace(SALE, kind="copy", refunds=(ReceiptRefund("JATIM-R00001", "cash", 76_500),))
    assert "Retur JATIM-R00001 (Tunai)      -Rp 76.500" in text(r).splitlines()


def test_english_labels() -> None:
    out = text(replace(SALE, kind="void", footer=default_footer("en")), 42, "en")
    lines = out.splitlines()
    for wanted in ("Receipt                       JATIM-000123",
                   "Date                      28-11-2026 14:36",
                   "Cashier                                Ani",
                   "  Discount                       -Rp 5.000",
                   "Discount                        -Rp 20.000",
                   "Cash                            Rp 100.000",
                   "Change                            Rp 5.000",
                   "               *** VOID ***",
                   "                Thank you",
                   "   Made by community empowerment groups"):
        assert wanted in lines
    assert "Tunai" not in out and "Kasir" not in out


def test_time_in_the_events_zone() -> None:
    assert "28-11-2026 15:36" in text(replace(SALE, zone="Asia/Makassar"))
    assert "28-11-2026 16:36" in text(replace(SALE, zone="Asia/Jayapura"))


def test_control_characters_never_reach_the_paper() -> None:
    r = receipt([plain("Batik\x1b@ Tuban\n\tMotif\u200b Ombak", 1, 1_000)],
                cashier="A\x00ni", footer=("Terima\r\nkasih", "", "IG: @dekranas"))
    out = text(r)
    assert "Batik @ Tuban Motif Ombak" in out.splitlines()
    assert not any(ord(c) < 32 and c != "\n" for c in out)
    assert "\u200b" not in out
    assert out.splitlines()[-4:] == [
        "               Terima kasih", "", "              IG: @dekranas", ""]


@pytest.mark.parametrize("width", [0, 40, 58, 80])
def test_other_widths_refused(width: int) -> None:
    with pytest.raises(InvalidInput, match="32, 42, 48"):
        layout_receipt(SALE, width)


def test_unknown_language_refused() -> None:
    with pytest.raises(InvalidInput, match="'fr'"):
        layout_receipt(SALE, 42, lang="fr")


@pytest.mark.parametrize(("change", "message"), [
    ({"total": 600_000}, "total"),
    ({"subtotal": 600_000}, "subtotal"),
    ({"discount": 20_000}, "discount"),
    ({"change": 0}, "change"),
    ({"payments": (ReceiptPayment("qris", 600_000, 600_000),)}, "payments"),
    ({"lines": ()}, "no lines"),
    ({"kind": "gift"}, "kind"),
    ({"receipt_no": "JATIM 1"}, "barcode"),
    ({"zone": "Mars/Olympus"}, "time zone"),
])
def test_receipts_that_do_not_add_up_are_refused(change: dict[str, object],
                                                 message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        replace(SALE, **change)  # type: ignore[arg-type]


def test_a_line_that_does_not_add_up_is_refused() -> None:
    with pytest.raises(InvalidInput, match="line total"):
        receipt([ReceiptLine("Batik", 1, 100_000, 0, 0, 90_000)])


# --- every line fits, whatever the receipt -------------------------------------------------

words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
names = st.lists(words, min_size=1, max_size=8).map(" ".join)
amounts = st.integers(0, MAX_AMOUNT)


@st.composite
def lines(draw: st.DrawFn) -> ReceiptLine:
    qty = draw(st.integers(1, 9_999))
    price = draw(st.integers(1, MAX_AMOUNT // qty))
    line_discount = draw(st.integers(0, qty * price))
    cart_discount = draw(st.integers(0, qty * price - line_discount))
    return plain(draw(names), qty, price, line_discount, cart_discount)


@st.composite
def receipts(draw: st.DrawFn) -> Receipt:
    sold = draw(st.lists(lines(), min_size=1, max_size=4))
    if sum(ln.gross for ln in sold) > MAX_AMOUNT:  # a cart stops at Rp 10 milyar
        sold = sold[:1]
    total = sum(ln.total for ln in sold)
    card = draw(st.integers(0, total))
    cash = draw(st.integers(total - card, MAX_AMOUNT)) if card < total else 0
    paid = [(m, v) for m, v in (("card", card), ("cash", cash)) if v]
    return receipt(
        sold, paid=paid,
        stand_name=draw(names), province=draw(names), event=draw(names), address=draw(names),
        cashier=draw(names), kind=draw(st.sampled_from(["sale", "void", "refund", "copy"])),
        footer=tuple(draw(st.lists(names, max_size=3))),
        refunds=tuple(ReceiptRefund("JATIM-R00001", draw(st.sampled_from(["cash", "qris"])),
                                    draw(amounts)) for _ in range(draw(st.integers(0, 2)))),
        receipt_no=draw(st.from_regex(r"[A-Z][A-Z0-9]{1,15}-(R[0-9]{5}|[0-9]{6})", fullmatch=True)),
        original="JATIM-000001",
    )


@settings(max_examples=200, deadline=None)
@given(receipts(), st.sampled_from([32, 42, 48]), st.sampled_from(["id", "en"]))
def test_every_line_fits_the_paper(r: Receipt, width: int, lang: str) -> None:
    blocks: tuple[Block, ...] = layout_receipt(r, width, lang=lang)
    assert all(fits(b, width) for b in blocks), [b for b in blocks if not fits(b, width)]
    out = render_text(blocks, width)
    assert all(len(line) <= width for line in out.splitlines())
    assert f"||| {r.receipt_no} |||" in out or r.receipt_no in out
