"""Net sales broken down by one dimension, filtered by day and stand: what the organizer
window's charts and the event reports show. Every breakdown of the same filter adds up to
the same net; a refund counts on the day it was given, as in the stands' Z reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from posapp.domain.errors import InvalidInput
from posapp.sync.central_store import Central

#: dimension -> the columns that name a slice of it, in v_line_movements.
LINE_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "stand": ("stand",),
    "province": ("province",),
    "maker_group": ("maker_group",),
    "category": ("category",),
    "region": ("region",),
    "product": ("stand", "sku", "name"),
}
DIMENSIONS = (*LINE_DIMENSIONS, "day", "method")


@dataclass(frozen=True)
class Slice:
    key: tuple[str, ...]  # ("Jawa Timur",), or (stand, sku, name) for products
    sales: int
    refunds: int
    units: int | None = None  # pieces sold less pieces refunded (not for day or method)

    @property
    def net(self) -> int:
        return self.sales - self.refunds

    @property
    def label(self) -> str:
        return " · ".join(k for k in self.key if k) or "-"


def breakdown(central: Central, dimension: str, *, day: str | None = None,
              stand: str | None = None) -> list[Slice]:
    """The slices of *dimension*, largest net first."""
    if dimension not in DIMENSIONS:
        raise InvalidInput(f"unknown breakdown {dimension!r} (one of {', '.join(DIMENSIONS)})")
    params: dict[str, Any] = {"day": day, "stand": stand}
    where = " AND ".join(f"{col} = :{col}" for col in ("day", "stand") if params[col]) or "1=1"
    if dimension in LINE_DIMENSIONS:
        cols = ", ".join(LINE_DIMENSIONS[dimension])
        sql = (f"SELECT {cols}, SUM(units), SUM(sales), SUM(refunds) FROM v_line_movements "
               f"WHERE {where} GROUP BY {cols}")
    else:
        key = "day" if dimension == "day" else "method"
        sql = (f"SELECT {key}, NULL, SUM(sales), SUM(refunds) FROM ({_MONEY_MOVEMENTS}) m "
               f"WHERE {where} GROUP BY {key}")
    width = len(LINE_DIMENSIONS.get(dimension, ("k",)))
    with central.reading() as conn:
        rows = conn.execute(text(sql), params).all()
    slices = [
        Slice(tuple(str(v) if v is not None else "" for v in r[:width]), int(r[-2] or 0),
              int(r[-1] or 0), None if r[width] is None else int(r[width]))
        for r in rows
    ]
    return sorted(slices, key=lambda s: (-s.net, s.key))


def days(central: Central) -> list[str]:
    """Every day with a sale or a refund, in order."""
    with central.reading() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT day FROM sale UNION SELECT day FROM refund ORDER BY 1"))]


# Payments of kept sales and refunds, each with its day, stand and method.
_MONEY_MOVEMENTS = """
SELECT s.day, s.stand, p.method, p.amount AS sales, 0 AS refunds
FROM payment p JOIN sale s ON s.id = p.sale_id AND NOT s.voided
UNION ALL
SELECT day, stand, method, 0, amount FROM refund
"""
