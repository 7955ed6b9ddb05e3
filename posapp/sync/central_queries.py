"""Reading the central store's figures as domain records: the stands' totals, the breakdowns
of net sales, the event report's products and days, each shift's figures for checking the
Z reports, and the products left for the online shop.

Each function runs in a read (or write) transaction its caller holds
(``with central.reading() as conn``), on SQLite and PostgreSQL alike, over the tables and
views of central_schema.py and central_order_schema.py; the services put the records
together.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, case, func, select, text

from posapp.domain.event_report import DayFigures, ProductEarnings, Slice, StandTotals
from posapp.domain.report import MethodTotals
from posapp.domain.shop_product import ShopProduct
from posapp.domain.totals import Totals
from posapp.sync import central_order_schema as cos
from posapp.sync import central_schema as cs

#: A breakdown by one of these -> the columns of v_line_movements that name its slices.
LINE_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "stand": ("stand",),
    "province": ("province",),
    "maker_group": ("maker_group",),
    "category": ("category",),
    "region": ("region",),
    "product": ("stand", "sku", "name"),
}
#: Breakdowns of the payments and refunds themselves.
MONEY_DIMENSIONS = ("day", "method")


def stand_totals(conn: Connection) -> list[StandTotals]:
    """Every stand's totals, payment methods and order money, by stand code."""
    rows = conn.execute(text(_STAND_TOTALS)).mappings().all()
    methods = payment_methods(conn)
    placed, money = order_money(conn)
    found = []
    for r in rows:
        totals = Totals(int(r["sales_count"]), int(r["gross"]), int(r["discounts"]),
                        int(r["voids_count"]), int(r["refunds_count"]), int(r["refunds"]),
                        methods.get(r["stand"], {}))
        totals.orders_placed = placed.get(r["stand"], 0)
        totals.order_money = money.get(r["stand"], {})
        found.append(StandTotals(r["stand"], r["name"], r["province"], totals,
                                 int(r["last_seq"]), as_datetime(r["last_entry_at"]),
                                 as_datetime(r["last_sync_at"])))
    return found


def payment_methods(conn: Connection) -> dict[str, dict[str, MethodTotals]]:
    """Per stand: sales and refunds by payment method."""
    out: dict[str, dict[str, MethodTotals]] = {}
    for stand, method, sales, refunds in conn.execute(text(
        f"SELECT stand, method, {cs.sum_of('sales')}, {cs.sum_of('refunds')} "
        "FROM method_totals GROUP BY stand, method"
    )):
        out.setdefault(stand, {})[method] = MethodTotals(int(sales), int(refunds))
    return out


def order_money(conn: Connection) -> tuple[dict[str, int], dict[str, dict[str, dict[str, int]]]]:
    """Orders taken, and order money by kind and method, per stand."""
    op, co = cos.order_payment, cos.customer_order
    placed = {stand: int(n) for stand, n in conn.execute(
        select(co.c.stand, func.count()).group_by(co.c.stand))}
    money: dict[str, dict[str, dict[str, int]]] = {}
    for stand, kind, method, amount in conn.execute(
        select(op.c.stand, op.c.kind, op.c.method, func.sum(op.c.amount))
        .group_by(op.c.stand, op.c.kind, op.c.method)
    ):
        money.setdefault(stand, {}).setdefault(kind, {})[method] = int(amount)
    return placed, money


def stand_events(conn: Connection) -> list[tuple[str, str]]:
    """(event name, time zone) as each stand was set up."""
    return [(r[0] or "", r[1] or "") for r in conn.execute(
        text("SELECT event_name, timezone FROM stand"))]


def breakdown(conn: Connection, dimension: str, *, day: str | None = None,
              stand: str | None = None) -> list[Slice]:
    """The slices of *dimension* (a key of LINE_DIMENSIONS, or day or method) of the sales
    on *day* and of *stand* (every day and stand when None), in no particular order."""
    params: dict[str, Any] = {"day": day, "stand": stand}
    where = " AND ".join(f"{col} = :{col}" for col in ("day", "stand") if params[col]) or "1=1"
    if dimension in LINE_DIMENSIONS:
        cols = ", ".join(LINE_DIMENSIONS[dimension])
        sql = (f"SELECT {cols}, SUM(units), SUM(sales), SUM(refunds) FROM ({_GROUPED_LINES}) g "
               f"WHERE {where} GROUP BY {cols}")
    elif dimension in MONEY_DIMENSIONS:
        sql = (f"SELECT {dimension}, NULL, SUM(sales), SUM(refunds) FROM ({_MONEY_MOVEMENTS}) m "
               f"WHERE {where} GROUP BY {dimension}")
    else:
        raise ValueError(dimension)
    width = len(LINE_DIMENSIONS.get(dimension, ("k",)))
    return [
        Slice(tuple(str(v) if v is not None else "" for v in r[:width]), int(r[-2] or 0),
              int(r[-1] or 0), None if r[width] is None else int(r[width]))
        for r in conn.execute(text(sql), params).all()
    ]


def days(conn: Connection) -> list[str]:
    """Every day with a sale or a refund, in order."""
    return [str(r[0]) for r in conn.execute(text(
        "SELECT day FROM sale UNION SELECT day FROM refund ORDER BY 1"))]


def products(conn: Connection) -> list[ProductEarnings]:
    """Every product of every stand that sold or was refunded (custom items included), by
    stand, SKU, name, category, maker group and region."""
    rows = conn.execute(text(
        "SELECT stand, sku, name, category, maker_group, region, SUM(units), SUM(sales), "
        f"SUM(refunds) FROM ({_GROUPED_LINES}) g "
        "GROUP BY stand, sku, name, category, maker_group, region "
        "ORDER BY stand, sku, name, category, maker_group, region"
    )).all()
    return [ProductEarnings(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "",
                            int(r[6] or 0), int(r[7] or 0), int(r[8] or 0)) for r in rows]


def stand_days(conn: Connection) -> dict[str, list[DayFigures]]:
    """Per stand and day: kept sales counted on their day, refunds on the day given."""
    out: dict[str, list[DayFigures]] = defaultdict(list)
    for stand, day, count, sales, refunds in conn.execute(text(
        "SELECT stand, day, sales_count, sales_total, refunds FROM day_totals "
        "WHERE sales_count > 0 OR refunds_count > 0 ORDER BY stand, day"
    )):
        out[stand].append(DayFigures(str(day), int(count), int(sales), int(refunds)))
    return dict(out)


def closed_shifts(conn: Connection) -> list[tuple[str, str, int, str]]:
    """(shift id, stand, number, the Z report's figures as JSON) of every closed shift."""
    return [(r[0], r[1], int(r[2]), r[3]) for r in conn.execute(
        select(cs.shift.c.id, cs.shift.c.stand, cs.shift.c.number, cs.shift.c.z_totals)
        .where(cs.shift.c.z_totals.is_not(None))
        .order_by(cs.shift.c.stand, cs.shift.c.number))]


def shift_totals(conn: Connection) -> dict[str, Totals]:
    """Every shift's figures as its Z report counts them, by shift id."""
    s, r, p = cs.sale, cs.refund, cs.payment
    kept = s.c.voided.is_(False)
    totals: dict[str, Totals] = {}
    for shift_id, count, gross, discounts, voids in conn.execute(
        select(s.c.shift_id, func.count().filter(kept),
               func.coalesce(func.sum(case((kept, s.c.subtotal), else_=0)), 0),
               func.coalesce(func.sum(case((kept, s.c.discount), else_=0)), 0),
               func.count().filter(s.c.voided)).group_by(s.c.shift_id)
    ):
        totals[shift_id] = Totals(int(count), int(gross), int(discounts), int(voids))
    for shift_id, method, amount in conn.execute(
        select(s.c.shift_id, p.c.method, func.sum(p.c.amount))
        .join(s, and_(s.c.stand == p.c.stand, s.c.id == p.c.sale_id))
        .where(kept).group_by(s.c.shift_id, p.c.method)
    ):
        totals.setdefault(shift_id, Totals()).add_method(method, sales=int(amount))
    for shift_id, method, n, amount in conn.execute(
        select(r.c.shift_id, r.c.method, func.count(), func.sum(r.c.amount))
        .group_by(r.c.shift_id, r.c.method)
    ):
        t = totals.setdefault(shift_id, Totals())
        t.refunds_count += n
        t.refunds += int(amount)
        t.add_method(method, refunds=int(amount))
    op, co = cos.order_payment, cos.customer_order
    for shift_id, kind, method, amount in conn.execute(
        select(op.c.shift_id, op.c.kind, op.c.method, func.sum(op.c.amount))
        .group_by(op.c.shift_id, op.c.kind, op.c.method)
    ):
        totals.setdefault(shift_id, Totals()).add_order_money(kind, method, int(amount))
    for shift_id, n in conn.execute(
        select(co.c.shift_id, func.count()).group_by(co.c.shift_id)
    ):
        totals.setdefault(shift_id, Totals()).orders_placed = int(n)
    return totals


def shop_products(conn: Connection, *, everything: bool = False) -> list[ShopProduct]:
    """Products by stand and SKU: active with stock left, or all with *everything*."""
    p, st = cs.product, cs.stand
    query = (select(p.c.sku, p.c.barcode, p.c.name, p.c.category, p.c.maker_group,
                    p.c.region, p.c.price, p.c.stock, p.c.stand, st.c.province)
             .join(st, st.c.code == p.c.stand, isouter=True)
             .order_by(p.c.stand, p.c.sku))
    if not everything:
        query = query.where(p.c.active.is_(True), p.c.stock > 0)
    return [ShopProduct(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "",
                        int(r[6]), int(r[7]), r[8], r[9] or "")
            for r in conn.execute(query).all()]


def as_datetime(value: object) -> datetime | None:
    """A time column as a datetime (SQLite views hand back text)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# Payments of kept sales and refunds by day, stand and method, as the merge keeps them
# grouped (central_grouped_money.py).
_MONEY_MOVEMENTS = "SELECT day, stand, method, sales, refunds FROM method_totals"

# v_stand_totals from the figures the merge keeps per stand and day.
_STAND_TOTALS = f"""
SELECT st.code AS stand, st.name, st.province,
       COALESCE(d.sales_count, 0) AS sales_count, COALESCE(d.gross, 0) AS gross,
       COALESCE(d.discounts, 0) AS discounts, COALESCE(d.voids_count, 0) AS voids_count,
       COALESCE(d.refunds_count, 0) AS refunds_count, COALESCE(d.refunds, 0) AS refunds,
       st.last_seq, st.last_entry_at, st.last_sync_at
FROM stand st
LEFT JOIN (SELECT stand, {cs.sum_of("sales_count")} AS sales_count,
                  {cs.sum_of("gross")} AS gross, {cs.sum_of("discounts")} AS discounts,
                  {cs.sum_of("voids_count")} AS voids_count,
                  {cs.sum_of("refunds_count")} AS refunds_count,
                  {cs.sum_of("refunds")} AS refunds
           FROM day_totals GROUP BY stand) d ON d.stand = st.code
ORDER BY st.code
"""

# The sale and refund lines as the merge keeps them grouped (central_grouped.py): the
# columns of v_line_movements, a row per stand, day and product instead of one per line.
_GROUPED_LINES = """
SELECT g.stand, st.province, g.day, g.sku, g.name, g.category, g.maker_group, g.region,
       g.units, g.sales, g.refunds
FROM line_totals g JOIN stand st ON st.code = g.stand
"""
