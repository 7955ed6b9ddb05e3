"""Rupiah as people read them: one function, used by the screens, the paper and the messages."""

from __future__ import annotations

from babel.numbers import format_decimal


def format_rupiah(amount: int, locale: str = "id_ID") -> str:
    """``1250000`` -> ``Rp 1.250.000``; ``-5000`` -> ``-Rp 5.000``.

    Grouping follows *locale* (``en`` gives ``Rp 1,250,000``); the symbol is always Rp.
    """
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {format_decimal(abs(amount), format='#,##0', locale=locale)}"
