"""Rupiah as people read them: one function, used by the screens, the paper and the messages."""

from __future__ import annotations

#: Thousands separators of the languages posapp speaks, as Babel's CLDR data has them;
#: another locale is asked of Babel (loaded then: its locale data costs the window's start).
_GROUPING = {"id_ID": ".", "id": ".", "en": ",", "en_US": ",", "en_GB": ","}


def format_rupiah(amount: int, locale: str = "id_ID") -> str:
    """``1250000`` -> ``Rp 1.250.000``; ``-5000`` -> ``-Rp 5.000``.

    Grouping follows *locale* (``en`` gives ``Rp 1,250,000``); the symbol is always Rp.
    """
    sign = "-" if amount < 0 else ""
    if abs(amount) >= 10**24:  # past Babel's decimal context (and int's 4,300 digits)
        if abs(amount).bit_length() >= 10_000:  # about 3,000 digits: never an amount
            return f"{sign}Rp >10^3000"
        digits = str(abs(amount))
        return f"{sign}Rp {digits[:40]}{'...' if len(digits) > 40 else ''}"
    separator = _GROUPING.get(locale)
    if separator is not None:
        return f"{sign}Rp {abs(amount):,}".replace(",", separator)
    from babel.numbers import format_decimal

    return f"{sign}Rp {format_decimal(abs(amount), format='#,##0', locale=locale)}"
