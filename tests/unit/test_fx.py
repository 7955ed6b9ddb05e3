"""Reference currencies: reading a rate, converting and rounding, the currency of a
buyer's country, and the rates that are refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.fx import (
    Rate,
    convert,
    currency_of_country,
    estimate,
    format_foreign,
    format_rate,
    parse_rate,
)

USD = Rate("USD", Decimal(16_250))


@pytest.mark.parametrize(("text", "code", "rupiah"), [
    ("USD=16.250", "USD", Decimal(16_250)),
    ("usd=16250", "USD", Decimal(16_250)),
    (" EUR = Rp 17.600 ", "EUR", Decimal(17_600)),
    ("EUR=17.600,25", "EUR", Decimal("17600.25")),
    ("JPY=108,5", "JPY", Decimal("108.5")),
    ("JPY=108.5", "JPY", Decimal("108.5")),  # not groups of three: a decimal point
    ("VND=0.65", "VND", Decimal("0.65")),
    ("KWD=53.000", "KWD", Decimal(53_000)),  # groups of three: thousands
    ("SGD=12100.00", "SGD", Decimal(12_100)),
])
def test_rates_are_read_the_indonesian_way(text: str, code: str, rupiah: Decimal) -> None:
    rate = parse_rate(text)
    assert (rate.code, rate.rupiah) == (code, rupiah)


@pytest.mark.parametrize(("text", "words"), [
    ("USD", "write CODE=RUPIAH"),
    ("USD=", "not a rate for USD"),
    ("USD=abc", "not a rate for USD: 'abc'"),
    ("USD=16.25.0", "not a rate for USD"),
    ("USD=0", "more than Rp 0"),
    ("USD=0,00", "more than Rp 0"),
    ("USD=-16.250", "more than Rp 0"),
    ("USD=200.000", "cannot be right"),  # a slip of the finger: Rp 200.000 a dollar
    ("VND=0,0001", "cannot be right"),
    ("USD=16.250,12345", "more than 4 decimals"),
    ("ABC=1.000", "unknown currency ABC"),
    ("DEM=9.000", "unknown currency DEM"),  # the Deutsche Mark is no longer in use
    ("XAU=1.000", "unknown currency XAU"),  # gold is not a currency anyone pays in
    ("IDR=1", "the rupiah itself"),
    ("US=16.250", "not a currency code"),
    ("U$D=16.250", "not a currency code"),
])
def test_bad_rates_are_one_line(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        parse_rate(text)
    assert "\n" not in caught.value.message


def test_a_rate_made_in_code_is_checked_too() -> None:
    with pytest.raises(InvalidInput, match="more than Rp 0"):
        Rate("USD", Decimal(0))
    with pytest.raises(InvalidInput, match="unknown currency"):
        Rate("XXX", Decimal(1))


@pytest.mark.parametrize(("rupiah", "rate", "expected"), [
    (1_000_000, USD, Decimal("61.54")),  # 61,538...
    (16_250, USD, Decimal("1.00")),
    (8_125, USD, Decimal("0.50")),
    (81, USD, Decimal("0.00")),  # 0,00498...
    (82, USD, Decimal("0.01")),  # 0,00504...: half up
    (1_640_000, Rate("JPY", Decimal("108.5")), Decimal(15_115)),  # whole yen
    (1_000_000, Rate("KWD", Decimal(53_000)), Decimal("18.868")),  # three decimals
    (-500_000, USD, Decimal("-30.77")),
])
def test_conversion_rounds_half_up_to_the_minor_unit(rupiah: int, rate: Rate,
                                                     expected: Decimal) -> None:
    assert convert(rupiah, rate) == expected
    assert convert(rupiah, rate).as_tuple().exponent == expected.as_tuple().exponent


def test_a_half_cent_rounds_up() -> None:
    rate = Rate("USD", Decimal(10_000))
    assert convert(50, rate) == Decimal("0.01")  # 0,005 exactly
    assert convert(49, rate) == Decimal("0.00")


def test_the_estimate_as_shown() -> None:
    assert estimate(1_000_000, USD) == "≈ US$ 61.54 (perkiraan kurs 1 USD = Rp 16.250)"
    assert estimate(1_000_000, USD, lang="en") == "≈ US$ 61.54 (estimate at 1 USD = Rp 16.250)"
    assert format_rate(Rate("JPY", Decimal("108.5"))) == "1 JPY = Rp 108,5"
    assert format_foreign(Decimal("1234567.5"), "EUR") == "€ 1,234,567.50"
    assert format_foreign(Decimal(9_217), "JPY") == "JP¥ 9,217"
    assert format_foreign(Decimal("100.92"), "SGD") == "SGD 100.92"
    # a sign no receipt code page has: the ISO code instead
    assert format_foreign(Decimal(412_000), "KRW") == "KRW 412,000"
    assert format_foreign(Decimal(5_000), "INR").startswith("INR ")


@pytest.mark.parametrize(("country", "currency"), [
    ("Japan", "JPY"), ("Jepang", "JPY"), ("JP", "JPY"), ("jp", "JPY"),
    ("United States", "USD"), ("USA", "USD"), ("Amerika Serikat", "USD"),
    ("Germany", "EUR"), ("Jerman", "EUR"), ("Netherlands", "EUR"), ("Belanda", "EUR"),
    ("Singapore", "SGD"), ("Singapura", "SGD"), ("Malaysia", "MYR"), ("Australia", "AUD"),
    ("China", "CNY"), ("Tiongkok", "CNY"), ("UK", "GBP"), ("South Korea", "KRW"),
    ("Timor-Leste", "USD"), ("Brunei Darussalam", "BND"), ("  saudi   arabia ", "SAR"),
    ("Côte d’Ivoire", "XOF"),
    ("Indonesia", "IDR"),  # no rate is ever set for it: see services.fx.rate_for
    ("", None), ("Narnia", None), ("Europe", None),
])
def test_the_currency_of_a_buyers_country(country: str, currency: str | None) -> None:
    assert currency_of_country(country) == currency
