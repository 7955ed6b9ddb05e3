"""Text where it enters (clean_text), where it leaves for a spreadsheet (spreadsheet_cell) and
for a terminal (shown); numbers past 15 digits (check_digits, parse_rupiah)."""

from __future__ import annotations

from datetime import date

import pytest

from posapp.domain.catalog import CatalogFileError, parse_catalog
from posapp.domain.errors import InvalidInput
from posapp.domain.money import parse_rupiah
from posapp.domain.rupiah import format_rupiah
from posapp.domain.text import TextKind, clean_text, shown, spreadsheet_cell, undefused


@pytest.mark.parametrize(("typed", "kind", "kept"), [
    ("  Stan   Jawa\tTimur ", TextKind.NAME, "Stan Jawa Timur"),
    ("Cafe\u0301", TextKind.NAME, "Café"),  # NFC: one character, as a search finds it
    ("Jl. Malioboro 1\r\n  Yogyakarta  ", TextKind.ADDRESS, "Jl. Malioboro 1\nYogyakarta"),
    ("", TextKind.REASON, ""),
    ("r" * 200, TextKind.REASON, "r" * 200),
])
def test_clean_text_keeps_good_text_tidy(typed: str, kind: TextKind, kept: str) -> None:
    assert clean_text(typed, kind) == kept


@pytest.mark.parametrize(("typed", "kind", "words"), [
    ("Mal\x1blory", TextKind.PERSON, ["person's name", "U+001B"]),
    ("salah\x1dV\x00", TextKind.REASON, ["reason", "U+001D"]),
    ("bel\x07", TextKind.NOTE, ["note", "U+0007"]),
    ("next\x85line", TextKind.NAME, ["U+0085"]),
    ("lone\rreturn", TextKind.ADDRESS, ["U+000D"]),
    ("x" * 10_240, TextKind.REASON, ["reason", "too long", "10240 characters", "at most 200"]),
    ("S" * 61, TextKind.PERSON, ["at most 60"]),
    ("ok\udcff", TextKind.NAME, ["not valid text"]),
])
def test_clean_text_refuses_in_one_line(typed: str, kind: TextKind, words: list[str]) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(typed, kind)
    said = refused.value.message
    assert "\n" not in said and all(w in said for w in words), said


def test_a_required_field_left_empty_is_refused() -> None:
    with pytest.raises(InvalidInput, match="the name is missing"):
        clean_text("   ", TextKind.NAME, required=True)


@pytest.mark.parametrize(("value", "cell"), [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+62 812 3456 7890", "'+62 812 3456 7890"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("\rCR", "CR"),  # a lone carriage return is dropped
    ("\x01=cmd", "'=cmd"),  # what starts the text once the control characters are gone
    ("Stan \x1b[2J Bali\x07", "Stan [2J Bali"),
    ("Batik Tulis", "Batik Tulis"),
    ("", ""),
    (450_000, 450_000), (-5_000, -5_000), (0.5, 0.5), (None, None),
    (date(2026, 6, 26), date(2026, 6, 26)),
])
def test_spreadsheet_cells_are_text_or_numbers_as_they_were(value: object, cell: object) -> None:
    assert spreadsheet_cell(value) == cell


def test_a_defused_cell_reads_back_as_typed() -> None:
    for typed in ("=Tas", "+62 812", "-", "@home", "'quoted'", "plain", "'@", "''=x", "'"):
        assert undefused(str(spreadsheet_cell(typed))) == typed
    assert spreadsheet_cell("'@") == "''@"  # it only looks defused: it is quoted too


def test_shown_makes_escapes_and_bytes_visible() -> None:
    assert shown("Ani\x1b[2J") == "Ani\\x1b[2J"
    assert shown("harga-\udcff.csv") == "harga-\\xff.csv"
    assert shown("a\tb\nc") == "a\\x09b\\x0ac"
    assert shown("a\tb\nc\x1b", lines=True) == "a\tb\nc\\x1b"


@pytest.mark.parametrize(("typed", "words"), [
    ("1" * 30, ["amount has 30 digits", "at most 15"]),
    ("9" * 5000, ["5000 digits"]),
    ("Rp 1" + ".000" * 6, ["amount has 19 digits"]),
    ("10.000.000.001", ["above Rp 10.000.000.000"]),
])
def test_amounts_past_the_limit_are_refused_in_one_line(typed: str, words: list[str]) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_rupiah(typed)
    assert all(w in refused.value.message for w in words), refused.value.message


def test_format_rupiah_of_a_huge_number_does_not_fail() -> None:
    assert format_rupiah(10**30).startswith("Rp 1000000000000000000000000000000")
    assert format_rupiah(10**50) == "Rp " + "1" + "0" * 39 + "..."
    assert format_rupiah(-(10**5000)) == "-Rp >10^3000"


@pytest.mark.parametrize("price", ["²", "1" * 30, "9" * 5000, "Rp " + "9" * 40])
def test_a_catalog_price_that_is_no_amount_is_a_bad_row(price: str) -> None:
    with pytest.raises(CatalogFileError) as refused:
        parse_catalog(["sku", "name", "price"], [(2, ["JTM-X-1", "Tas", price])])
    (problem,) = refused.value.problems
    assert problem.line == 2 and "price" in problem.reason and len(problem.reason) < 120
