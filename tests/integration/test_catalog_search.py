"""The selling screen's catalog read from the database: codes, the shelf, words; the search
index kept in step by every writer (import, the catalog screen, the migration)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.errors import NotFound
from posapp.domain.product import Product
from posapp.services import catalog, catalog_search
from posapp.services.catalog_edit import save_product
from posapp.services.catalog_files import read_catalog_file
from posapp.services.catalog_search import CatalogSearch, match_query
from tests.conftest import BUDI, CATALOG_CSV, Stand
from tests.integration.test_migrations import _old_stand


def skus(products: list[Product]) -> list[str]:
    return [p.sku for p in products]


def search_index_ok(stand: Stand) -> None:
    """FTS5's own check: the index holds exactly the product table's words."""
    conn = sqlite3.connect(stand.path)
    try:
        conn.execute("INSERT INTO product_search(product_search, rank) "
                     "VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def test_a_code_is_found_by_barcode_or_by_sku_in_any_case(jatim: Stand) -> None:
    shelf = CatalogSearch(jatim.handle.reader)
    assert shelf.find("8991234500024").sku == "JTM-BTK-002"
    assert shelf.find(" jtm-jlb-001 ").price == 85_000
    assert shelf.find("JTM-TAS-001").stock == 1
    with pytest.raises(NotFound, match="8990000000000"):
        shelf.find("8990000000000")
    assert not shelf.knows("8990000000000") and shelf.knows("jtm-kyu-001")


def test_the_shelf_is_by_category_and_name_and_pages_follow_on(jatim: Stand) -> None:
    shelf = CatalogSearch(jatim.handle.reader)
    everything = shelf.search()
    assert [(p.category, p.name) for p in everything] == sorted(
        (p.category, p.name) for p in everything)
    assert len(everything) == shelf.count() == 6
    assert shelf.categories() == ["Batik", "Jilbab Lukis", "Kerajinan Kayu", "Tas Anyaman"]
    first = shelf.page(size=4)
    rest = shelf.page(after=first.products[-1], size=4)
    assert first.more and not rest.more
    assert skus(first.products + rest.products) == skus(everything)
    batik = shelf.page(category="Batik", size=2)
    assert skus(batik.products + shelf.page(category="Batik", after=batik.products[-1],
                                             size=2).products) == [
        "JTM-BTK-002", "JTM-BTK-001", "JTM-CST-001"]


def test_words_find_the_start_of_any_word_case_and_accents_aside(jatim: Stand) -> None:
    shelf = CatalogSearch(jatim.handle.reader)
    assert skus(shelf.search("gedog")) == ["JTM-BTK-002"]
    assert skus(shelf.search("TULIS")) == ["JTM-BTK-001", "JTM-CST-001"]  # by name
    assert skus(shelf.search("batik tul")) == ["JTM-BTK-001", "JTM-CST-001"]
    assert skus(shelf.search("tératái")) == ["JTM-JLB-001"]
    assert skus(shelf.search("canting sari")) == ["JTM-BTK-001", "JTM-CST-001"]  # maker
    assert skus(shelf.search("sumenep")) == ["JTM-TAS-001"]  # region
    assert skus(shelf.search("btk-002")) == ["JTM-BTK-002"]  # SKU
    assert skus(shelf.search("89912345000")) == [  # the start of a barcode
        "JTM-BTK-002", "JTM-BTK-001", "JTM-JLB-001", "JTM-TAS-001"]
    assert skus(shelf.search("batik", "Batik")) == ["JTM-BTK-002", "JTM-BTK-001",
                                                     "JTM-CST-001"]
    assert skus(shelf.search("batik", "Tas Anyaman")) == []
    assert shelf.search("kapal selam") == [] and shelf.search("?") == []
    assert match_query('a "b" c_d') == '"a"* "b"* "c"* "d"*'  # quotes never reach FTS5


def test_many_matches_come_in_catalog_order_a_page_at_a_time(
        jatim: Stand, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_search, "SORTED_MAX", 2)
    shelf = CatalogSearch(jatim.handle.reader)
    first = shelf.page("batik", size=2)
    rest = shelf.page("batik", after=first.products[-1], size=2)
    assert first.more and not rest.more
    assert skus(first.products + rest.products) == ["JTM-BTK-001", "JTM-BTK-002",
                                                    "JTM-CST-001"]  # as imported


def test_an_import_and_the_catalog_screen_keep_the_search_in_step(jatim: Stand,
                                                                  tmp_path: Path) -> None:
    shelf = CatalogSearch(jatim.handle.reader)
    renamed = CATALOG_CSV.replace("Clutch Anyaman Pandan", "Dompet Mendong").replace(
        "JTM-CST-001,,Batik Tulis Pesanan", "JTM-CST-001,,Batik Tulis Pesanan Khusus")
    path = tmp_path / "renamed.csv"
    path.write_text(renamed + "JTM-TNN-001,,Songket Sumenep,Tenun,Sanggar Songket,"
                    "Sumenep,300000,2\n", encoding="utf-8")
    catalog.import_catalog(jatim.handle.uow(), read_catalog_file(path), approval=BUDI)
    assert skus(shelf.search("dompet mendong")) == ["JTM-TAS-001"]
    assert shelf.search("clutch") == []  # the old name is gone
    assert skus(shelf.search("khusus")) == ["JTM-CST-001"]
    assert skus(shelf.search("songket")) == ["JTM-TNN-001"]
    assert "Tenun" in shelf.categories()

    hijab = jatim.product("JTM-JLB-001")
    save_product(jatim.handle.uow(), jatim.cashier,
                 replace(hijab, name="Jilbab Lukis Merak", price=95_000), approval=BUDI)
    assert skus(shelf.search("merak")) == ["JTM-JLB-001"]
    assert shelf.search("teratai") == []
    assert shelf.find("8991234500031").price == 95_000  # a new price shows at once
    save_product(jatim.handle.uow(), jatim.cashier, replace(hijab, active=False),
                 approval=BUDI)
    assert shelf.search("jilbab") == [] and not shelf.knows("JTM-JLB-001")
    catalog.adjust_stock(jatim.handle.uow(), jatim.cashier, "JTM-TAS-001", 4, "kiriman")
    assert shelf.find("JTM-TAS-001").stock == 5
    search_index_ok(jatim)


def test_the_migration_indexes_the_products_of_an_older_stand(data_dir: DataDir,
                                                              catalog_file: Path) -> None:
    from posapp.services import stand
    from posapp.store.uow import UnitOfWork

    path, engine = _old_stand(data_dir, "0005")
    stand.set_up(UnitOfWork(engine), code="LAMA", name="Stand Lama", province="Jawa Timur",
                 event_name="")
    catalog.import_catalog(UnitOfWork(engine), read_catalog_file(catalog_file))
    engine.dispose()
    handle = open_stand(data_dir, "LAMA")
    try:
        shelf = CatalogSearch(handle.reader)
        assert skus(shelf.search("gedog")) == ["JTM-BTK-002"]
        assert skus(shelf.search("anyaman")) == ["JTM-TAS-001"]
    finally:
        handle.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO product_search(product_search) VALUES ('integrity-check')")
    conn.close()
