"""Rebuilding the central store's readable rows from one stand's new journal entries.

Rows are gathered per chunk and written with one executemany per table; an event that
changes a row stored by an earlier chunk or batch (a void, a shift closing) becomes an
UPDATE. Products are kept in memory for the batch and written once at the end.

Gathering and writing are apart (``take`` then ``write``; ``flush`` does both), so that a
second process can gather a file's rows without the store (``RowBuilder(None, ...)``, given
the stand's stored products): a void of a sale it does not hold raises NeedsStore.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, and_, bindparam, select

from posapp.domain.journal import Entry, EventKind, entry_time
from posapp.sync import central_schema as cs
from posapp.sync.bulk import insert_rows
from posapp.sync.central_grouped import ChunkSums, add_sums, chunk_sums
from posapp.sync.central_order_rows import ORDER_TABLES, OrderRows
from posapp.sync.central_photos import apply_photo
from posapp.sync.fast_json import loads

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Table

    from posapp.sync.export_file import StandDetails

_PRODUCT_FIELDS = ("barcode", "name", "category", "maker_group", "region", "price", "stock",
                   "active")
_TABLES = (cs.shift, cs.sale, cs.sale_line, cs.payment, cs.refund, cs.refund_line,
           cs.cash_movement, *ORDER_TABLES)
_SALE_VOID = [c.name for c in cs.sale.columns].index("voided")  # voided, voided_at, reason
_SHIFT_CLOSE = [c.name for c in cs.shift.columns].index("closed_at")  # and the 4 after it
# For rows that an earlier chunk or batch stored.
_UPDATE_SALE = cs.sale.update().where(
    and_(cs.sale.c.stand == bindparam("b_stand"), cs.sale.c.id == bindparam("b_id")))
_UPDATE_SHIFT = cs.shift.update().where(cs.shift.c.id == bindparam("b_id"))
_UPDATE_PRODUCT = cs.product.update().where(
    and_(cs.product.c.stand == bindparam("b_stand"), cs.product.c.sku == bindparam("b_sku"))
)
TABLE_BY_NAME = {t.name: t for t in (*_TABLES, cs.product)}


class NeedsStore(Exception):
    """Rows gathered without the store need something only the store has."""


@dataclass(frozen=True)
class Gathered:
    """One chunk's rows and changes, ready to write (plain values: they can be pickled)."""

    rows: list[tuple[str, list[Sequence[Any]]]]  # by table name, in insert order
    sale_updates: list[dict[str, Any]]
    shift_updates: list[dict[str, Any]]
    order_updates: list[dict[str, Any]]
    deliveries: list[dict[str, Any]]
    photos: list[tuple[Entry, dict[str, Any]]]
    #: What its rows add to the pre-grouped tables, when added up where they were gathered
    #: (the merge's second process, central_grouped.chunk_sums); else added up at write.
    sums: ChunkSums | None = None

    def by_table(self) -> dict[Table, list[Sequence[Any]]]:
        """Its rows by table (what central_grouped.chunk_sums adds up)."""
        return {TABLE_BY_NAME[name]: rows for name, rows in self.rows}


@dataclass(frozen=True)
class ProductRows:
    """The batch's products to insert (rows) and to update (parameters), at its end."""

    new: list[list[Any]]
    old: list[dict[str, Any]]


class RowBuilder(OrderRows):
    def __init__(self, conn: Connection | None, details: StandDetails, *,
                 dialect: str = "", products: dict[str, dict[str, Any]] | None = None,
                 sold: dict[str, list[tuple[str, int]]] | None = None) -> None:
        """*conn* the store's, or None to gather only (then *dialect* names the store's,
        *products* are the stand's stored ones, as from ``stored_products``, and *sold*
        the lines of sales a void may name, by sale: both are changed in place)."""
        self.conn, self.code = conn, details.code
        dialect = conn.dialect.name if conn is not None else dialect
        try:
            self.tz = ZoneInfo(details.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.tz = ZoneInfo("Asia/Jakarta")
        # Rows in their table's column order (bulk.insert_rows), by table; a sale's lines and
        # payments as tuples (nothing changes them later), the rest as lists.
        self.rows: dict[Any, list[Sequence[Any]]] = {t: [] for t in _TABLES}
        self.sales: dict[str, list[Any]] = {}  # this chunk's, by id
        self.sold = sold if sold is not None else {}  # their lines' (sku, quantity)
        self.shifts: dict[str, list[Any]] = {}
        self.time = _sqlite_time if dialect == "sqlite" else _same
        self._text_times = dialect == "sqlite"
        self._days: dict[str, str] = {}  # by an entry time's first 16 characters (minute)
        self.sale_updates: list[dict[str, Any]] = []
        self.shift_updates: list[dict[str, Any]] = []
        self._products: dict[str, dict[str, Any]] | None = products
        self._stored_skus: set[str] = set(products or ())
        self.photos: list[tuple[Entry, dict[str, Any]]] = []
        self._changed: set[str] = set()
        self._handlers = {
            EventKind.SALE_COMPLETED: self._sale,
            EventKind.SALE_VOIDED: self._void,
            EventKind.SALE_REFUNDED: self._refund,
            EventKind.SHIFT_OPENED: self._shift_opened,
            EventKind.SHIFT_CASH: self._cash,
            EventKind.SHIFT_CLOSED: self._shift_closed,
            EventKind.CATALOG_IMPORTED: self._catalog,
            EventKind.PRODUCT_SAVED: self._product_saved,
            EventKind.STOCK_ADJUSTED: self._stock,
            EventKind.PHOTO_SET: self._photo_set,
            EventKind.PHOTO_REMOVED: self._photo_removed,
            **self.order_handlers(),
        }

    def add(self, e: Entry) -> None:
        handler = self._handlers.get(e.kind)
        if handler is not None:  # kinds this posapp does not know stay in journal_entry only
            handler(e, loads(e.payload))

    def flush(self) -> None:
        self.write(self.take())

    def take(self) -> Gathered:
        """The chunk's rows and changes, handed over (and forgotten here)."""
        gathered = Gathered([(str(t.name), rows) for t, rows in self.rows.items()],
                            self.sale_updates, self.shift_updates, *self.take_orders(),
                            self.photos)
        self.rows = {t: [] for t in _TABLES}
        self.sale_updates, self.shift_updates, self.photos = [], [], []
        self.sales.clear()
        if self.conn is not None:  # gathering alone, a void finds an earlier chunk's here
            self.sold.clear()
        self.shifts.clear()
        return gathered

    def write(self, g: Gathered, copy: Callable[[Connection], None] | None = None) -> None:
        """Write one chunk's rows and changes (gathered here or in another process); *copy*
        inserts its rows when they come apart from *g* (row_pack.PackedRows)."""
        conn = self._conn()
        sums = g.sums if g.sums is not None else chunk_sums(g.by_table())
        add_sums(conn, self.code, sums, g.sale_updates)  # the pre-grouped figures
        if copy is not None:
            copy(conn)
        for name, rows in g.rows:
            insert_rows(conn, TABLE_BY_NAME[name], rows)
        for stmt, updates in ((_UPDATE_SALE, g.sale_updates),
                              (_UPDATE_SHIFT, g.shift_updates)):
            for row in updates:  # few, and each has its own columns
                conn.execute(stmt, row)
        self.write_orders(conn, g.order_updates, g.deliveries)
        for e, p in g.photos:
            apply_photo(conn, self.code, e, p)

    def finish(self, products: ProductRows | None = None) -> None:
        """The last chunk and the products (*products*: gathered in another process)."""
        self.flush()
        done = self.take_products() if products is None else products
        conn = self._conn()
        insert_rows(conn, cs.product, done.new)
        if done.old:
            conn.execute(_UPDATE_PRODUCT, done.old)

    def take_products(self) -> ProductRows:
        if self._products is None or not self._changed:
            return ProductRows([], [])
        products = self._products
        new = [sku for sku in self._changed if sku not in self._stored_skus]
        old = [sku for sku in self._changed if sku in self._stored_skus]
        return ProductRows(
            [[self.code, sku, *(products[sku][f] for f in _PRODUCT_FIELDS)] for sku in new],
            [{"b_stand": self.code, "b_sku": sku, **products[sku]} for sku in old])

    def _conn(self) -> Connection:
        if self.conn is None:
            raise NeedsStore
        return self.conn

    # -- events --------------------------------------------------------------------------

    def _sale(self, e: Entry, p: dict[str, Any]) -> None:
        # The hot loop of a merge (one call a sale): names looked up once, rows as tuples
        # where nothing changes them later, the stock moved here rather than per call.
        (at, day), sale_id, code = self.stamp(e.at), p["id"], self.code
        sale = [sale_id, code, p["seq"], p["receipt_no"], p["shift"], p.get("cashier", ""),
                at, day, p["subtotal"], p["discount"], p["total"],
                p["change"], False, None, None]
        rows = self.rows
        rows[cs.sale].append(sale)
        self.sales[sale_id] = sale
        add_line, products, changed = rows[cs.sale_line].append, self.products, self._changed
        sold = self.sold[sale_id] = []
        for ln in p["lines"]:
            sku, quantity = ln["sku"], ln["quantity"]
            add_line((sale_id, ln["line_no"], code, sku, ln["name"], ln.get("category", ""),
                      ln.get("maker_group", ""), ln.get("region", ""), ln["unit_price"],
                      quantity, ln["line_discount"], ln["cart_discount"], ln["total"]))
            sold.append((sku, quantity))
            product = products.get(sku)
            if product is not None:  # custom items ("CUSTOM") have no product
                product["stock"] -= quantity
                changed.add(sku)
        add_pay = rows[cs.payment].append
        for n, pay in enumerate(p["payments"], start=1):
            add_pay((sale_id, n, code, pay["method"], pay["tendered"], pay["amount"]))

    def _void(self, e: Entry, p: dict[str, Any]) -> None:
        values = {"voided": True, "voided_at": entry_time(e.at), "void_reason": p.get("reason", "")}
        sale_id = p["sale"]
        if sale_id in self.sales:
            self.sales[sale_id][_SALE_VOID:] = [True, self.time(values["voided_at"]),
                                                values["void_reason"]]
            lines = self.sold[sale_id]
        else:
            self.sale_updates.append({"b_stand": self.code, "b_id": sale_id, **values})
            kept = self.sold.get(sale_id)  # gathering alone: an earlier chunk's sale
            lines = kept if kept is not None else [(sku, qty) for sku, qty in self._conn().execute(
                select(cs.sale_line.c.sku, cs.sale_line.c.quantity)
                .where(cs.sale_line.c.stand == self.code, cs.sale_line.c.sale_id == sale_id)
            )]
        for sku, quantity in lines:
            self.move_stock(sku, quantity)

    def _refund(self, e: Entry, p: dict[str, Any]) -> None:
        at = entry_time(e.at)
        self.rows[cs.refund].append([
            p["id"], self.code, p["refund_no"], p["sale"], p["shift"], self.time(at),
            self.day(at), p["method"], p["amount"], p.get("reason", ""),
            p.get("approved_by") or p.get("by", ""),  # the supervisor who acted or approved
        ])
        for ln in p["lines"]:
            self.rows[cs.refund_line].append([p["id"], ln["line_no"], p["sale"], self.code,
                                              ln["sku"], ln["quantity"], ln["amount"]])
            self.move_stock(ln["sku"], ln["quantity"])

    def _shift_opened(self, e: Entry, p: dict[str, Any]) -> None:
        shift = [p["shift"], self.code, p["number"], self.time(entry_time(e.at)), p.get("by", ""),
                 p.get("float", 0), None, None, None, None, None]
        self.rows[cs.shift].append(shift)
        self.shifts[p["shift"]] = shift

    def _cash(self, e: Entry, p: dict[str, Any]) -> None:
        self.rows[cs.cash_movement].append([
            self.code, e.seq, p["shift"], self.time(entry_time(e.at)), p["amount"],
            p.get("reason", ""), p.get("approved_by") or p.get("by", ""),  # or who acted
        ])

    def _shift_closed(self, e: Entry, p: dict[str, Any]) -> None:
        values = {"closed_at": entry_time(e.at), "closed_by": p.get("by", ""),
                  "counted_cash": p.get("counted_cash"), "expected_cash": p.get("expected_cash"),
                  "z_totals": json.dumps(p.get("totals"), sort_keys=True)}
        if p["shift"] in self.shifts:
            self.shifts[p["shift"]][_SHIFT_CLOSE:] = [
                self.time(values["closed_at"]), *list(values.values())[1:]]
        else:
            self.shift_updates.append({"b_id": p["shift"], **values})

    def _catalog(self, _e: Entry, p: dict[str, Any]) -> None:
        columns = p["columns"]
        for cells in p["products"]:
            row = dict(zip(columns, cells, strict=True))
            self._set_product(row.pop("sku"), {**row, "active": True})

    def _product_saved(self, _e: Entry, p: dict[str, Any]) -> None:
        self._set_product(p["sku"], {k: p[k] for k in _PRODUCT_FIELDS if k in p})

    def _photo_set(self, e: Entry, p: dict[str, Any]) -> None:
        self.photos.append((e, p))  # written with the chunk

    def _photo_removed(self, e: Entry, p: dict[str, Any]) -> None:
        self.photos.append((e, p))

    def _stock(self, _e: Entry, p: dict[str, Any]) -> None:
        self._set_product(p["sku"], {"stock": p["stock"]})

    # -- helpers -------------------------------------------------------------------------

    def day(self, at: datetime) -> str:
        return at.replace(tzinfo=UTC).astimezone(self.tz).date().isoformat()

    def stamp(self, at: str) -> tuple[Any, str]:
        """An entry time (``2026-06-26T03:00:07.000000Z``) as stored, and its day at the
        stand: the day looked up once a minute (time zones move by whole minutes), the
        SQLite text cut out of the entry's own instead of parsed and formatted again."""
        day = self._days.get(at[:16])
        if day is None:
            day = self._days[at[:16]] = self.day(entry_time(at))
        if self._text_times and len(at) == 27 and at[10] == "T" and at[19] == "." \
                and at[26] == "Z":
            return f"{at[:10]} {at[11:26]}", day
        return self.time(entry_time(at)), day

    @property
    def products(self) -> dict[str, dict[str, Any]]:
        if self._products is None:
            self._products = stored_products(self._conn(), self.code)
            self._stored_skus = set(self._products)
        return self._products

    def _set_product(self, sku: str, values: dict[str, Any]) -> None:
        current = self.products.get(sku)
        if current is None:
            current = self.products[sku] = {
                "barcode": None, "name": "", "category": "", "maker_group": "", "region": "",
                "price": 0, "stock": 0, "active": True,
            }
        current.update(values)
        self._changed.add(sku)

    def move_stock(self, sku: str, delta: int) -> None:
        product = self.products.get(sku)
        if product is not None:  # custom items ("CUSTOM") have no product
            product["stock"] += delta
            self._changed.add(sku)


def stored_products(conn: Connection, code: str) -> dict[str, dict[str, Any]]:
    """Stand *code*'s products as the store holds them, by sku."""
    rows = conn.execute(
        select(cs.product.c.sku, *(cs.product.c[f] for f in _PRODUCT_FIELDS))
        .where(cs.product.c.stand == code)
    ).mappings()
    return {r["sku"]: {f: r[f] for f in _PRODUCT_FIELDS} for r in rows}


def _sqlite_time(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it (rows inserted past SQLAlchemy)."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _same(value: datetime) -> datetime:
    return value
