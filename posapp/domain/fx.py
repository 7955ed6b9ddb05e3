"""Reference currencies: an amount shown in a foreign currency as an estimate, never recorded.

The organizers set rates as rupiah for one unit of a currency: ``USD=16.250`` says one US
dollar is Rp 16.250. Every payment stays in rupiah; a converted amount is only ever shown
next to the rupiah figure, marked as an estimate, with the rate it used.

* **Rates** are written the Indonesian way, like every rupiah amount: dots group thousands
  and a comma starts the decimals (``16.250``, ``16250``, ``108,5``, ``16.250,75``). A dot
  followed by anything but groups of three digits is read as a decimal point (``108.5``,
  ``0.65``), so ``1.500`` is always one thousand five hundred. At most four decimals.
* **Currencies** are ISO 4217 codes that Babel lists as legal tender somewhere today (153 of
  them: ``USD``, ``EUR``, ``SGD``, ``MYR``, ``JPY``, ``AUD``, ``CNY``, ...). A withdrawn
  currency (``DEM``), a metal or test code (``XAU``, ``XXX``) and the rupiah itself are refused.
* **Absurd rates** are refused: not above Rp 0, and outside Rp 0,001 to Rp 100.000 for one
  unit (the Kuwaiti dinar, the dearest currency, is about Rp 55.000; the Iranian rial, the
  cheapest, about Rp 0,4).
* **Rounding**: rupiah divided by the rate exactly (``Decimal``), then half up to the
  currency's minor unit as Babel knows it: cents for USD and EUR, whole yen for JPY, three
  decimals for KWD. Rp 1.000.000 at 16.250 is US$ 61.54 (61,538...).
* **Shown** with the currency's symbol in world English (Babel's ``en_001``: ``US$``, ``€``,
  ``JP¥``, ``A$``, ``SGD``) and the figure written the international way (``US$ 61.54``), as a
  foreign buyer reads it. A symbol a receipt printer's code page (PC858) lacks (``₩``, ``₹``,
  ``₱``) is replaced by the ISO code (``KRW 412,000``), so slips print the same as the screen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.core import get_global
from babel.numbers import (
    format_decimal,
    get_currency_precision,
    get_currency_symbol,
    get_territory_currencies,
)

from posapp.domain import messages
from posapp.domain.errors import InvalidInput
from posapp.domain.money import check_amount, format_rupiah

RUPIAH = "IDR"
MIN_RATE = Decimal("0.001")
MAX_RATE = Decimal("100000")
MAX_RATE_DECIMALS = 4
_SHOWN_LOCALE = "en_001"  # world English: US$, €, JP¥, A$; SGD and MYR as codes
_PRINTABLE = "cp858"  # the code page receipts are printed in (escpos_render)

_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")  # 16.250 or 16.250,75
_COMMA = re.compile(r"^\d+(?:,\d+)?$")  # 16250 or 108,5
_POINT = re.compile(r"^\d+\.\d+$")  # 108.5 or 0.65 (not groups of three)
_CODE = re.compile(r"^[A-Za-z]{3}$")

#: Names buyers write that Babel's English and Indonesian country names do not cover.
COUNTRY_ALIASES = {
    "usa": "US", "u.s.a.": "US", "u.s.": "US", "america": "US",
    "united states of america": "US", "amerika": "US", "uk": "GB", "u.k.": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "britain": "GB",
    "great britain": "GB", "inggris": "GB", "korea": "KR", "republic of korea": "KR",
    "holland": "NL", "hong kong": "HK", "macau": "MO", "macao": "MO", "brunei": "BN",
    "timor leste": "TL", "east timor": "TL", "burma": "MM", "myanmar": "MM",
    "uae": "AE", "emirates": "AE", "czech republic": "CZ", "vatican": "VA",
    "cina": "CN", "china": "CN", "prc": "CN",
}

@dataclass(frozen=True, slots=True)
class Rate:
    """*rupiah* for one unit of currency *code* (``Rate("USD", Decimal(16250))``)."""

    code: str
    rupiah: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", check_currency(self.code))
        object.__setattr__(self, "rupiah", check_rate(self.code, self.rupiah))


@cache
def currencies_in_use() -> frozenset[str]:
    """ISO 4217 codes Babel lists as legal tender in some territory today."""
    found: set[str] = set()
    for territory in get_global("territory_currencies"):
        found.update(get_territory_currencies(territory, tender=True))
    return frozenset(found)


def check_currency(code: str) -> str:
    """*code* in capitals when it is a currency in use other than the rupiah; else a reason."""
    if not isinstance(code, str) or not _CODE.match(code.strip()):
        raise InvalidInput("fx.not_a_currency", code=code)
    code = code.strip().upper()
    if code == RUPIAH:
        raise InvalidInput("fx.rupiah_itself")
    if code not in currencies_in_use():
        raise InvalidInput("fx.unknown_currency", code=code)
    return code


def check_rate(code: str, rupiah: Decimal) -> Decimal:
    """*rupiah* for one *code* when it is a believable rate; else a one-line reason."""
    if not isinstance(rupiah, Decimal) or not rupiah.is_finite():
        raise InvalidInput("fx.rate_not_a_number", code=code)
    if rupiah <= 0:
        raise InvalidInput("fx.rate_not_positive", code=code)
    if not MIN_RATE <= rupiah <= MAX_RATE:
        raise InvalidInput("fx.rate_out_of_range", code=code, rate=_rate_text(rupiah),
                           min=_rate_text(MIN_RATE), max=_rate_text(MAX_RATE))
    if -rupiah.normalize().as_tuple().exponent > MAX_RATE_DECIMALS:  # type: ignore[operator]
        raise InvalidInput("fx.rate_too_many_decimals", code=code, max=MAX_RATE_DECIMALS)
    return rupiah.normalize() + 0  # + 0: 1.6E+4 back to 16250


def parse_rate(text: str) -> Rate:
    """``"USD=16.250"`` -> ``Rate("USD", Decimal(16250))``; a one-line reason otherwise."""
    code, sep, value = text.partition("=")
    if not sep:
        raise InvalidInput("fx.not_a_rate", text=text)
    code = check_currency(code)
    return Rate(code, _rupiah(code, value))


def _rupiah(code: str, text: str) -> Decimal:
    raw = text.strip()
    if raw[:2].lower() == "rp":
        raw = raw[2:].strip()
    raw = raw.replace(" ", "")
    if _GROUPED.match(raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif _COMMA.match(raw):
        raw = raw.replace(",", ".")
    elif not _POINT.match(raw):
        if raw.startswith("-"):
            raise InvalidInput("fx.rate_not_positive", code=code)
        raise InvalidInput("fx.not_a_rate_for", code=code, text=text.strip())
    try:
        return check_rate(code, Decimal(raw))
    except InvalidOperation:  # pragma: no cover - the patterns let only digits through
        raise InvalidInput("fx.not_a_rate_for", code=code, text=text.strip()) from None


def convert(rupiah: int, rate: Rate) -> Decimal:
    """*rupiah* in *rate*'s currency, rounded half up to its minor unit (see the module)."""
    check_amount(rupiah, allow_negative=True)
    exponent = Decimal(1).scaleb(-get_currency_precision(rate.code))
    return (Decimal(rupiah) / rate.rupiah).quantize(exponent, rounding=ROUND_HALF_UP)


def currency_symbol(code: str) -> str:
    """``US$`` for USD, ``€`` for EUR; the ISO code when a receipt printer lacks the sign."""
    symbol = get_currency_symbol(code, locale=_SHOWN_LOCALE)
    try:
        symbol.encode(_PRINTABLE)
    except UnicodeEncodeError:
        return code
    return symbol


def format_foreign(amount: Decimal, code: str) -> str:
    """``US$ 61.54``, ``JP¥ 9,231``, ``-€ 5.00``: symbol, space, international figures."""
    digits = get_currency_precision(code)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    sign = "-" if amount < 0 else ""
    figure = format_decimal(abs(amount), format=pattern, locale=_SHOWN_LOCALE,
                            decimal_quantization=True)
    return f"{sign}{currency_symbol(code)} {figure}"


def format_rate(rate: Rate) -> str:
    """``1 USD = Rp 16.250`` (rupiah written the Indonesian way, decimals after a comma)."""
    return f"1 {rate.code} = Rp {_rate_text(rate.rupiah)}"


def _rate_text(rupiah: Decimal) -> str:
    return format_decimal(rupiah, format="#,##0.####", locale="id_ID")


def estimate(rupiah: int, rate: Rate, *, lang: str = "id") -> str:
    """``≈ US$ 61.54 (perkiraan kurs 1 USD = Rp 16.250)`` for Rp 1.000.000, in *lang*."""
    if lang not in messages.LANGUAGES:
        raise InvalidInput("fx.unknown_language", lang=lang, languages=list(messages.LANGUAGES))
    shown = format_foreign(convert(rupiah, rate), rate.code)
    return messages.text("fx.estimate", lang, amount=shown, rate=format_rate(rate))


def check_against(rupiah: int, rate: Rate) -> str:
    """``Rp 1.000.000 ≈ US$ 61.54``: a line to see a mistyped rate at once."""
    return f"{format_rupiah(rupiah)} ≈ {format_foreign(convert(rupiah, rate), rate.code)}"


def territory_of(country: str) -> str | None:
    """The ISO 3166 code of a country as a buyer writes it (``Japan``, ``Jepang``, ``JP``,
    ``USA``), from Babel's English and Indonesian names and a few aliases; else None."""
    key = _key(country)
    if not key:
        return None
    return _territories().get(key)


def currency_of_country(country: str) -> str | None:
    """The currency a buyer from *country* counts in (Babel's first tender currency of the
    territory: JPY for Japan, EUR for Germany), or None when the country is not known."""
    territory = territory_of(country)
    if territory is None:
        return None
    found = get_territory_currencies(territory, tender=True)
    return found[0] if found else None


@cache
def _territories() -> dict[str, str]:
    names: dict[str, str] = {}
    for lang in ("en", "id"):
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ"):
                names.setdefault(_key(name), code)
                names.setdefault(code.lower(), code)
    for alias, code in COUNTRY_ALIASES.items():
        names.setdefault(_key(alias), code)
    return names


def _key(text: str) -> str:
    """Lower case, accents and punctuation dropped, single spaces: ``Côte d’Ivoire`` ->
    ``cote divoire``."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = "".join(c if c.isalnum() or c.isspace() else (" " if c in "-/," else "")
                    for c in plain)
    return " ".join(plain.split())
