"""The selling screen's catalog, read from the stand's database as it is asked for.

Nothing is loaded at start: a scan finds its code through the unique indexes on barcode
and SKU, the grid pages through the active products by category and name
(``ix_product_shelf``), and a search asks the FTS5 index ``product_search``
(``posapp.store.search``) for products holding a word that starts with each typed word,
case and accents aside. At most ``SORTED_MAX`` matches (a page) are shown by category
and name, as the grid is; a search matching more shows them in catalog order, a page at a
time, until the cashier types more. Reads cost the same at 100 or 1,000,000 products.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from posapp.domain.errors import NotFound
from posapp.domain.product import Product

#: Products a page of the grid holds (more are read as it scrolls).
PAGE = 200
#: A search with at most this many matches (a page) is shown sorted by category and name.
SORTED_MAX = PAGE

# columns in Product's field order, so each row is Product(*row)
_COLUMNS = "p.sku, p.name, p.price, p.barcode, p.category, p.maker_group, p.region, " \
           "p.stock, p.active, p.id"
_SHELF = "p.category, p.name, p.id"
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as FTS5's unicode61 splits words
# Every category of the active products, one index probe each (a skip scan).
_CATEGORIES = """
WITH RECURSIVE shelf(category) AS (
    SELECT min(category) FROM product WHERE active = 1
    UNION ALL
    SELECT (SELECT min(category) FROM product WHERE active = 1 AND category > shelf.category)
    FROM shelf WHERE shelf.category IS NOT NULL)
SELECT category FROM shelf WHERE category IS NOT NULL AND category != ''"""


def match_query(text: str) -> str:
    """The FTS5 query for what a cashier typed: every word, as the start of a word."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(text.casefold()))


@dataclass(frozen=True)
class Page:
    """Products to show, and whether more follow them (``CatalogSearch.page(after=...)``)."""

    products: list[Product]
    more: bool = False


class CatalogSearch:
    """The active products of a stand, found by code, listed by shelf, searched by words."""

    def __init__(self, reader: Callable[[], sqlite3.Connection]) -> None:
        """*reader* gives this thread's open sqlite3 connection to the stand, in autocommit
        (``StandHandle.reader``): each SELECT its own snapshot. SQLAlchemy is not needed,
        so scans and searches work before it is loaded; a search reads hundreds of rows,
        and SQLAlchemy's rows would cost as much as SQLite's answer."""
        self._reader = reader

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        cursor = self._reader().execute(sql, tuple(params))
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Product]:
        return [Product(*row) for row in self._fetch(sql, params)]

    def _values(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return [row[0] for row in self._fetch(sql, params)]

    # -- codes -----------------------------------------------------------------------------
    def lookup(self, code: str) -> Product | None:
        """The active product whose barcode or SKU is *code* (a SKU in any case), or None."""
        code = code.strip()
        upper = code.upper()
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM product p WHERE (p.barcode = ? OR p.barcode = ? "
            "OR p.sku = ?) AND +p.active = 1", (code, upper, upper))  # +: not by the shelf
        rows.sort(key=lambda p: p.barcode != code)  # the exact barcode first
        return rows[0] if rows else None

    def find(self, code: str) -> Product:
        """As ``lookup``; a code no active product has is refused ``catalog.unknown_code``."""
        product = self.lookup(code)
        if product is None:
            raise NotFound("catalog.unknown_code", code=code.strip())
        return product

    def knows(self, code: str) -> bool:
        return self.lookup(code) is not None

    # -- the shelf -------------------------------------------------------------------------
    def categories(self) -> list[str]:
        """The categories of the active products, sorted."""
        return self._values(_CATEGORIES)

    def count(self) -> int:
        """How many products are on sale."""
        return int(self._values("SELECT count(*) FROM product WHERE active = 1")[0])

    def search(self, text: str = "", category: str | None = None) -> list[Product]:
        """The first page of ``page(text, category)``."""
        return self.page(text, category).products

    def page(self, text: str = "", category: str | None = None, *,
             after: Product | None = None, size: int = PAGE) -> Page:
        """The products for *text* (every word the start of a word of the name, SKU,
        barcode, category, maker group or region) in *category* (None: all), after the
        product *after* of the page before; without words, every product."""
        words = match_query(text)
        if words:
            return self._found(words, category, after, size)
        if text.strip():  # only signs, no word: nothing holds it
            return Page([])
        where, params = ["p.active = 1"], list[object]()
        if category is not None:
            where.append("p.category = ?")
            params.append(category)
        if after is not None and category is not None:
            where.append("(p.name, p.id) > (?, ?)")
            params += [after.name, after.id]
        elif after is not None:
            where.append("(p.category, p.name, p.id) > (?, ?, ?)")
            params += [after.category, after.name, after.id]
        rows = self._rows(f"SELECT {_COLUMNS} FROM product p WHERE {' AND '.join(where)} "
                          f"ORDER BY {_SHELF} LIMIT ?", [*params, size + 1])
        return Page(rows[:size], more=len(rows) > size)

    def _found(self, words: str, category: str | None, after: Product | None,
               size: int) -> Page:
        # the index finds the matches; the shelf's index must not be scanned for them (+)
        where = ["product_search MATCH ?", "+p.active = 1"]
        params: list[object] = [words]
        if category is not None:
            where.append("+p.category = ?")
            params.append(category)
            in_category = match_query(category).replace("*", "")
            if in_category:  # the index narrows to the category's words first
                params[0] = f"{words} AND category : ({in_category})"
        matches = (f"FROM product_search s JOIN product p ON p.id = s.rowid "
                   f"WHERE {' AND '.join(where)}")
        if after is not None:
            matches += " AND s.rowid > ?"
            params.append(after.id)
        limit = size + 1 if after is not None else SORTED_MAX + 1
        rows = self._rows(f"SELECT {_COLUMNS} {matches} ORDER BY s.rowid LIMIT ?",
                          [*params, limit])
        if after is None and len(rows) <= SORTED_MAX:  # all of them: as the shelf is
            rows.sort(key=lambda p: (p.category, p.name, p.id))  # str order = SQLite's
            return Page(rows)
        return Page(rows[:size], more=len(rows) > size)
