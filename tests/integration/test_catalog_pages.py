"""The catalog screen's list read a page at a time (``services.catalog_pages``): every
product once, inactive ones too, by category, name and id across the pages' seams."""

from __future__ import annotations

import sqlite3

from posapp.domain.product import Product
from posapp.services.catalog_pages import CatalogPages
from tests.conftest import Stand


def every_page(pages: CatalogPages, text: str = "", size: int = 2) -> list[Product]:
    page = pages.page(text, size=size)
    found = list(page.products)
    while page.more:
        page = pages.page(text, after=found[-1], size=size)
        found += page.products
    return found


def test_pages_list_every_product_once_inactive_ones_in_their_place(jatim: Stand) -> None:
    conn = sqlite3.connect(jatim.path)
    with conn:  # the same name five times, in two states: the seams fall between them
        conn.executemany("INSERT INTO product (sku, name, category, maker_group, region, "
                         "price, stock, active) VALUES (?, 'Batik Kembar', 'Batik', '', '', "
                         "100000, 1, ?)", [(f"KBR-{i}", i % 2) for i in range(5)])
        expected = [r[0] for r in conn.execute(
            "SELECT sku FROM product ORDER BY category, name, id")]
    conn.close()
    pages = CatalogPages(jatim.handle.reader)

    found = every_page(pages)
    assert [p.sku for p in found] == expected
    assert {p.sku for p in found if not p.active} >= {"KBR-0", "KBR-2", "KBR-4"}
    assert pages.product(found[-1].id or 0) == found[-1]
    assert pages.product(10**9) is None


def test_words_find_inactive_products_too(jatim: Stand) -> None:
    conn = sqlite3.connect(jatim.path)
    with conn:
        conn.execute("UPDATE product SET active = 0 WHERE sku = 'JTM-BTK-002'")
    conn.close()
    pages = CatalogPages(jatim.handle.reader)
    assert [p.sku for p in every_page(pages, "tuban")] == ["JTM-BTK-002"]
    assert every_page(pages, "-- ,") == []
