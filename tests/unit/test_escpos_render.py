"""The receipt as ESC/POS bytes: the text a buyer reads, the codes, the cut, the encoding."""

from __future__ import annotations

import logging
import unicodedata

import pytest
from escpos.printer import Dummy
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Barcode, Block, Cut, QrCode, Row, Rule, Text, clean
from posapp.domain.money import format_rupiah
from posapp.domain.receipt import layout_receipt
from posapp.printing.escpos_render import _printable_char, printable, render_escpos
from posapp.printing.printers import printer_from_target
from tests.samples import SALE

ESC, GS = b"\x1b", b"\x1d"
QRIS = "00020101021126570011ID.CO.QRIS.WWW0118936009153123456785204599953033605802ID6304ABCD"

def _bytes(blocks: tuple[Block, ...] | list[Block], width: int = 42, *, drawer: bool = False,
           **kwargs: object) -> bytes:
    printer = Dummy(**kwargs)
    render_escpos(blocks, width, printer, drawer=drawer)
    return printer.output


@pytest.mark.parametrize("width", [32, 42, 48])
def test_the_receipt_bytes_hold_what_the_buyer_reads(width: int) -> None:
    out = _bytes(layout_receipt(SALE, width), width)

    assert b"JATIM-000123" in out
    assert b"Kopi Ijen Caf\x82 - 250 g" in out  # CP858: é is 0x82; the long dash becomes -
    assert b"Batik Tulis Madura Motif Sekar" in out and b"Jagad\n" in out  # wrapped at 32
    assert b"TOTAL" in out and format_rupiah(595_000).encode() in out
    assert b"Kembalian" in out and format_rupiah(5_000).encode() in out
    assert ESC + b"p" not in out  # no drawer kick unless asked
    assert out.startswith(ESC + b"@" + ESC + b"t\x13")  # reset, then code page 19 (PC858)
    assert out.count(ESC + b"t") == 1  # no code page switching in the middle


def test_the_drawer_kick_comes_first_after_the_reset_and_code_page() -> None:
    out = _bytes(layout_receipt(SALE, 42), drawer=True)
    kick = ESC + b"p\x00\x32\x32"  # python-escpos cashdraw(2): pin 2, 100 ms pulse
    assert out.startswith(ESC + b"@" + ESC + b"t\x13" + kick)
    assert out.count(ESC + b"p") == 1


def test_rows_are_padded_to_the_paper_width() -> None:
    out = _bytes([Row("TOTAL", "Rp 270.000", bold=True)], 32)
    assert b"TOTAL" + b" " * 17 + b"Rp 270.000\n" in out
    assert ESC + b"E\x01" in out  # bold


def test_rule_is_the_full_width() -> None:
    assert b"=" * 42 + b"\n" in _bytes([Rule("=")], 42)


def test_double_text_is_double_width_and_height_then_back_to_normal() -> None:
    out = _bytes([Text("Stand Aceh", bold=True, align="center", double=True),
                  Text("Aceh", align="right")])
    double = ESC + b"!0"  # ESC ! 0x30: double width and height
    centre, right = ESC + b"a\x01", ESC + b"a\x02"
    assert double + ESC + b"E\x01" + centre + b"Stand Aceh\n" in out
    assert ESC + b"!\x00" + ESC + b"E\x00" + right + b"Aceh\n" in out


def test_barcode_is_the_printers_own_code128_of_the_receipt_number() -> None:
    out = _bytes([Barcode("ACEH-000042")])
    data = b"{BACEH-000042"
    assert GS + b"H\x02" in out  # text below the bars
    assert GS + b"kI" + bytes([len(data)]) + data in out
    assert GS + b"w\x03" in out  # 3-dot modules fit 80 mm paper


def test_barcode_gets_narrower_bars_on_58_mm_paper() -> None:
    assert GS + b"w\x02" in _bytes([Barcode("ACEH-000042")], 32)


def test_qr_is_the_printers_own_command_with_the_payload() -> None:
    out = _bytes([QrCode(QRIS)])
    payload = QRIS.encode()
    store = GS + b"(k" + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload
    assert store in out
    assert GS + b"(k\x03\x001Q0" in out  # print the stored symbol


def test_cut_feeds_then_cuts() -> None:
    assert _bytes([Cut()]).endswith(ESC + b"d\x06" + GS + b"V\x00")


@pytest.mark.parametrize(("text", "expected"), [
    ("Café", b"Caf\x82"),
    ("—", b"-"),
    ("“Ok” – 5…", b'"Ok" - 5.'),
    ("Łódź", b"?\xa2dz"),  # no Ł in PC858; ó is there; ź falls back to z
    ("€ 5", b"\xd5 5"),  # PC858 has the euro sign
    ("東京", b"??"),
])
def test_text_is_one_code_page_with_one_stand_in_per_missing_character(
        text: str, expected: bytes) -> None:
    out = _bytes([Text(text)])
    assert out.endswith(expected + b"\n")


def test_a_profile_without_pc858_uses_pc437() -> None:
    # The Epson TM-U220 lists PC437 but neither PC858 nor PC850.
    out = _bytes([Text("Café € —")], profile="TM-U220")
    assert ESC + b"t\x00" in out
    assert out.endswith(b"Caf\x82 E -\n")


def test_a_profile_listing_none_of_them_gets_pc437_without_a_switch() -> None:
    out = _bytes([Text("Café")], profile="AF-240")
    assert ESC + b"t" not in out
    assert out.endswith(b"Caf\x82\n")


def test_nothing_reaches_stdout_and_the_notices_go_to_the_log(
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="posapp.printing.escpos_quiet"):
        _bytes(layout_receipt(SALE, 42))
    assert capsys.readouterr().out == ""
    assert "Using hardware barcode renderer" in caplog.text


def test_a_printer_can_draw_two_receipts_and_each_starts_with_its_code_page() -> None:
    printer = Dummy()
    render_escpos([Text("Café")], 42, printer)
    printer.clear()
    render_escpos([Text("Café")], 42, printer)
    assert printer.output.startswith(ESC + b"@" + ESC + b"t\x13")


def test_usb_without_pyusb_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InvalidInput, match="USB printing needs the pyusb package"):
        printer_from_target("usb:04b8:0202")


def test_serial_without_pyserial_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InvalidInput, match="serial printing needs the pyserial package"):
        printer_from_target("serial:/dev/ttyUSB0")


@pytest.mark.parametrize("target", [
    "lpt1", "bluetooth:x", "network:", "network:host:99999", "usb:4b8:202", "usb:zzzz:0202",
    "file:",
])
def test_malformed_targets_are_refused(target: str) -> None:
    with pytest.raises(InvalidInput):
        printer_from_target(target)


def test_an_unknown_profile_is_refused() -> None:
    with pytest.raises(InvalidInput, match="unknown printer profile"):
        printer_from_target("dummy:", profile="no-such-printer")


def test_network_target_defaults_to_port_9100() -> None:
    printer = printer_from_target("network:192.168.1.50")
    assert (printer.host, printer.port) == ("192.168.1.50", 9100)  # type: ignore[attr-defined]


@given(st.text(max_size=60), st.sampled_from(["cp858", "cp850", "cp437"]))
def test_a_line_checked_whole_prints_as_one_checked_a_letter_at_a_time(
        text: str, codec: str) -> None:
    """``printable`` lets a line through whole when it all encodes: the same bytes as
    replacing letter by letter would give, for any text."""
    assert printable(text, codec) == "".join(_printable_char(c, codec) for c in text)


@given(st.text(max_size=60))
def test_cleaning_a_printable_line_skips_nothing(text: str) -> None:
    normal = unicodedata.normalize("NFC", text)
    slow = "".join(" " if unicodedata.category(c).startswith("C") else c for c in normal)
    assert clean(text) == " ".join(slow.split())
