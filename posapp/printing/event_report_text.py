"""The event report's words and number formats, in Bahasa Indonesia (default) and English.

Shared by the PDF and the XLSX so that both say the same thing. The words are the gettext
catalogs' ``event_report.*`` ids (posapp/domain/messages.py) and the payment methods' names
are tender.PAYMENT_METHODS'; here are the dates, times and the charts' short amounts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import LANGUAGES, text

#: The languages the event report is written in.
LANGS = LANGUAGES


def check_language(lang: str) -> str:
    """*lang* when the report can be written in it; refused otherwise."""
    if lang not in LANGS:
        raise InvalidInput("report.unknown_language", lang=lang, languages=list(LANGS))
    return lang


class Words:
    """The report's words in one language: the catalogs' ``event_report.*`` ids."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)

    def say(self, code: str, /, **values: object) -> str:
        return text(code, self.lang, **values)

    def cell(self, value: object) -> str:
        """A text cell: a message (or anything with ``text(lang)``) in this language,
        None as empty, anything else as it is."""
        if value is None:
            return ""
        said = getattr(value, "text", None)
        return said(self.lang) if callable(said) else str(value)


def _locale(lang: str) -> str:
    return "id_ID" if lang == "id" else "en_GB"


def day_text(day: str, lang: str, pattern: str = "EEE d MMM y") -> str:
    """``2026-06-26`` -> ``Jum 26 Jun 2026`` / ``Fri 26 Jun 2026``; other text as it is."""
    try:
        return format_date(date.fromisoformat(day), pattern, locale=_locale(lang))
    except ValueError:
        return day


def days_covered(first: str | None, last: str | None, lang: str) -> str:
    """``22–26 Juni 2026``, ``30 Juni – 2 Juli 2026``, one day ``26 Juni 2026``; a dash
    when there are none."""
    if first is None or last is None:
        return "—"
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    loc = _locale(lang)
    whole = format_date(end, "d MMMM y", locale=loc)
    if start == end:
        return whole
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{whole}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=loc)} – {whole}"
    return f"{format_date(start, 'd MMMM y', locale=loc)} – {whole}"


def printed_at(moment: datetime, zone_name: str, lang: str) -> str:
    """*moment* (UTC) in the event's zone: ``26 Juni 2026 17:05 WIB``
    (``26 June 2026 17:05 Western Indonesia Time``)."""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Asia/Jakarta")
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    zone_pattern = "zzz" if lang == "id" else "zzzz"  # WIB; "Western Indonesia Time"
    return format_datetime(aware, f"d MMMM y HH:mm {zone_pattern}", tzinfo=zone,
                           locale=_locale(lang))


_SHORT = {"id": ((10**9, "M"), (10**6, "jt"), (10**3, "rb")),
          "en": ((10**9, "B"), (10**6, "M"), (10**3, "K"))}


def short_rupiah(amount: float, lang: str) -> str:
    """An axis label: ``Rp 1,5 M``, ``Rp 250 jt``, ``Rp 40 rb`` (en: ``Rp 1.5B``, ``250M``)."""
    value = abs(amount)
    sign = "-" if amount < 0 else ""
    for unit, suffix in _SHORT[lang]:
        if value >= unit:
            number = format_decimal(value / unit, format="#,##0.#", locale=_locale(lang))
            gap = " " if lang == "id" else ""
            return f"{sign}Rp {number}{gap}{suffix}"
    return f"{sign}Rp {format_decimal(value, format='#,##0', locale=_locale(lang))}"


def group_name(name: str, lang: str) -> str:
    """A maker group's name; "(tanpa kelompok)" / "(no maker group)" for none."""
    return name or text("event_report.no_group", lang)
