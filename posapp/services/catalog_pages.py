"""The catalog screen's list of every product (inactive ones too), read a page at a time.

Nothing is loaded when the screen opens: the first page is read, and the next ones as the
list scrolls, each by keyset on the sort key (category, name, id), so a page costs the same
at 100 or 1,000,000 products. Without words the products come by category and name,
through the shelf's index (``ix_product_shelf``: active, category, name): the active and
the inactive products are two ranges of it, read side by side and merged. With words, the
FTS5 index finds them as the selling screen's search does (``catalog_search``), inactive
products too: at most ``SORTED_MAX`` matches sorted by category and name, more in catalog
order, a page at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from posapp.domain.product import Product
from posapp.services.catalog_search import PAGE, SORTED_MAX, Page, match_query

_COLUMNS = "p.sku, p.name, p.price, p.barcode, p.category, p.maker_group, p.region, " \
           "p.stock, p.active, p.id"  # Product's field order: Product(*row)
_SHELF = "p.category, p.name, p.id"


def shelf_key(product: Product) -> tuple[str, str, int]:
    """Where *product* is listed without words (Python's str order is SQLite's BINARY)."""
    return product.category, product.name, product.id or 0


class CatalogPages:
    """Every product of a stand, by shelf or by words, a page at a time."""

    def __init__(self, reader: Callable[[], sqlite3.Connection]) -> None:
        """*reader* gives this thread's open sqlite3 connection to the stand
        (``StandHandle.reader``), in autocommit: each SELECT its own snapshot."""
        self._reader = reader

    def _rows(self, sql: str, params: Sequence[Any]) -> list[Product]:
        cursor = self._reader().execute(sql, tuple(params))
        try:
            return [Product(*row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def product(self, product_id: int) -> Product | None:
        """The product with this id as stored now, or None."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM product p WHERE p.id = ?", (product_id,))
        return rows[0] if rows else None

    def page(self, text: str = "", *, after: Product | None = None,
             size: int = PAGE) -> Page:
        """The products for *text* (every word the start of a word of the name, SKU,
        barcode, category, maker group or region; none: every product) after the product
        *after* of the page before, at most *size*."""
        words = match_query(text)
        if words:
            return self._found(words, after, size)
        if text.strip():  # only signs, no word: nothing holds it
            return Page([])
        rows: list[Product] = []
        for active in (1, 0):  # two ranges of the shelf's index, merged
            where, params = ["p.active = ?"], list[object]([active])
            if after is not None:
                where.append(f"({_SHELF}) > (?, ?, ?)")
                params += list(shelf_key(after))
            rows += self._rows(f"SELECT {_COLUMNS} FROM product p WHERE {' AND '.join(where)} "
                               f"ORDER BY {_SHELF} LIMIT ?", [*params, size + 1])
        rows.sort(key=shelf_key)
        return Page(rows[:size], more=len(rows) > size)

    def _found(self, words: str, after: Product | None, size: int) -> Page:
        sql = (f"SELECT {_COLUMNS} FROM product_search s JOIN product p ON p.id = s.rowid "
               "WHERE product_search MATCH ?")
        params: list[object] = [words]
        if after is not None:
            sql += " AND s.rowid > ?"
            params.append(after.id)
        limit = size + 1 if after is not None else max(size, SORTED_MAX) + 1
        rows = self._rows(f"{sql} ORDER BY s.rowid LIMIT ?", [*params, limit])
        if after is None and len(rows) <= SORTED_MAX:  # all of them: as the shelf is
            return Page(sorted(rows, key=shelf_key))
        return Page(rows[:size], more=len(rows) > size)
