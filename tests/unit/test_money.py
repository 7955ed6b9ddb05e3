from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import InvalidInput
from posapp.domain.money import (
    MAX_AMOUNT,
    format_rupiah,
    parse_rupiah,
    percent_of,
    round_half_up,
    split_proportionally,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "Rp 0"), (500, "Rp 500"), (1_250_000, "Rp 1.250.000"), (10_000_000_000,
                                                                 "Rp 10.000.000.000")],
)
def test_format_rupiah_indonesian(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


def test_format_rupiah_english_grouping() -> None:
    assert format_rupiah(1_250_000, locale="en_US") == "Rp 1,250,000"


@pytest.mark.parametrize(
    ("text", "amount"),
    [("150000", 150_000), ("150.000", 150_000), ("Rp 150.000", 150_000),
     ("rp150.000", 150_000), ("150.000,00", 150_000), ("1.250.000", 1_250_000)],
)
def test_parse_rupiah_accepts_what_people_type(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize("text", ["seratus", "12,5", "1.50", "", "15.00.000", "-5000",
                                  "10000000001"])
def test_parse_rupiah_refuses_the_rest(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_rupiah(text)


def test_amount_cap_is_ten_billion() -> None:
    assert parse_rupiah("10.000.000.000") == MAX_AMOUNT
    with pytest.raises(InvalidInput, match=r"above Rp 10\.000\.000\.000"):
        parse_rupiah("10.000.000.001")


def test_round_half_up() -> None:
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(7, 2)) == 4
    assert round_half_up(Fraction(249, 100)) == 2
    assert round_half_up(Fraction(-5, 2)) == -3


def test_percent_of_rounds_half_up() -> None:
    assert percent_of(12_345, Decimal(10)) == 1_235  # 1234.5 -> 1235
    assert percent_of(99_999, Decimal("12.5")) == 12_500  # 12499.875
    assert percent_of(1_000, Decimal(0)) == 0


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=30))
def test_split_proportionally_adds_up_exactly(total: int, weights: list[int]) -> None:
    parts = split_proportionally(total, weights)
    if sum(weights) == 0:
        assert parts == [0] * len(weights)
    else:
        assert sum(parts) == total
        assert all(p >= 0 for p in parts)
        for p, w in zip(parts, weights, strict=True):
            assert abs(p - Fraction(total * w, sum(weights))) < 1


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=30))
def test_split_proportionally_gives_the_largest_remainders_to_the_earliest(
        total: int, weights: list[int]) -> None:
    """The rupiah left over after flooring each exact share go one each to the largest
    remainders, ties to the earlier line: the same split as worked out in fractions."""
    parts = split_proportionally(total, weights)
    base = sum(weights)
    if base == 0:
        return
    exact = [Fraction(total * w, base) for w in weights]
    floors = [int(x) for x in exact]
    ranked = sorted(range(len(weights)), key=lambda i: (floors[i] - exact[i], i))
    given_one = set(ranked[:total - sum(floors)])
    assert parts == [f + (i in given_one) for i, f in enumerate(floors)]


def test_rupiah_groups_as_babel_does_in_the_languages_posapp_speaks() -> None:
    from babel.numbers import format_decimal

    from posapp.domain.rupiah import _GROUPING

    for locale in _GROUPING:
        for amount in (0, 7, 999, 1_000, 85_000, 1_250_000, 10**12 + 5, 10**23):
            babel = f"Rp {format_decimal(amount, format='#,##0', locale=locale)}"
            assert format_rupiah(amount, locale) == babel
            assert format_rupiah(-amount, locale) == ("-" + babel if amount else babel)
    assert format_rupiah(1_250_000, "de_DE") == "Rp 1.250.000"  # others: Babel's own
