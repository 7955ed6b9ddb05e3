"""The organizers' reference rates, kept in the stand's ``setting`` table under their own key.

One row, key ``fx_rates``: JSON ``{"USD": {"rupiah": "16250", "set_at": "2026-11-28T07:36:00"},
...}`` (the rate as exact decimal text, the time it was set in UTC). A stored entry that no
longer reads as a sound rate (a hand-edited file) is left out, as if never set, rather than
stopping a slip from printing. Rates only ever make estimates: nothing else reads them, and
no payment is ever recorded in another currency (see ``posapp.domain.fx``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from posapp.domain.errors import InvalidInput, NotFound, PosError
from posapp.domain.fx import RUPIAH, Rate, check_currency, currency_of_country
from posapp.store.models import SettingRow
from posapp.store.uow import UnitOfWork

KEY = "fx_rates"


@dataclass(frozen=True, slots=True)
class StoredRate:
    rate: Rate
    set_at: datetime  # naive UTC


def get(uow: UnitOfWork) -> dict[str, StoredRate]:
    """The stand's rates by currency code, in code order."""
    with uow:
        return load(uow)


def load(uow: UnitOfWork) -> dict[str, StoredRate]:
    """The stand's rates, inside an open unit of work."""
    row = uow.session.get(SettingRow, KEY)
    return _decode(row.value) if row is not None else {}


def set_rates(uow: UnitOfWork, rates: Iterable[Rate]) -> dict[str, StoredRate]:
    """Set each of *rates* (others stay as they were); returns all the rates now stored.

    A currency given twice is refused, and then nothing is stored.
    """
    given = list(rates)
    if not given:
        raise InvalidInput("fx.no_rates_given")
    codes = [r.code for r in given]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise InvalidInput("fx.given_twice", codes=twice)
    with uow:
        now = uow.clock()
        stored = load(uow)
        stored.update({r.code: StoredRate(r, now) for r in given})
        _store(uow, stored)
        uow.commit()
    return dict(sorted(stored.items()))


def clear(uow: UnitOfWork, codes: Iterable[str] = ()) -> list[str]:
    """Remove the rates of *codes*, or every rate when none are named; returns the codes
    removed. A named currency without a rate is refused, and then nothing is removed."""
    wanted = [check_currency(c) for c in codes]
    with uow:
        stored = load(uow)
        missing = [c for c in wanted if c not in stored]
        if missing:
            raise NotFound("fx.no_rate", codes=missing)
        gone = wanted or list(stored)
        for code in gone:
            stored.pop(code, None)
        _store(uow, stored)
        uow.commit()
    return sorted(set(gone))


def rate_for(rates: dict[str, StoredRate], *, currency: str | None = None,
             country: str = "") -> Rate | None:
    """The rate an amount is shown in: *currency* when given (``IDR``: none, rupiah only;
    NotFound when no rate is set for it), else the currency of the buyer's *country*
    when a rate is set for it, else None."""
    if currency is not None:
        if currency.strip().upper() == RUPIAH:
            return None
        code = check_currency(currency)
        if code not in rates:
            raise NotFound("fx.no_rate_for", code=code)
        return rates[code].rate
    code_of_country = currency_of_country(country)
    found = rates.get(code_of_country) if code_of_country else None
    return found.rate if found is not None else None


def _store(uow: UnitOfWork, rates: dict[str, StoredRate]) -> None:
    text = json.dumps({code: {"rupiah": str(s.rate.rupiah), "set_at": s.set_at.isoformat()}
                       for code, s in sorted(rates.items())}, sort_keys=True)
    row = uow.session.get(SettingRow, KEY)
    if not rates:
        if row is not None:
            uow.session.delete(row)
    elif row is None:
        uow.session.add(SettingRow(key=KEY, value=text))
    elif row.value != text:
        row.value = text


def _decode(text: str) -> dict[str, StoredRate]:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    rates: dict[str, StoredRate] = {}
    for code, entry in found.items():
        try:
            rate = Rate(code, Decimal(entry["rupiah"]))
            set_at = datetime.fromisoformat(entry["set_at"])
        except (PosError, InvalidOperation, KeyError, TypeError, ValueError):
            continue
        rates[rate.code] = StoredRate(rate, set_at.replace(tzinfo=None))
    return dict(sorted(rates.items()))
