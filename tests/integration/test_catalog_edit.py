"""Adding and editing single products: stored, journaled, refused whole when wrong."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.journal import Entry
from posapp.domain.product import Product
from posapp.services import catalog, journal
from posapp.services.catalog_edit import PRODUCT_SAVED, save_product
from tests.conftest import BUDI, Stand, dump_database

NEW = Product(sku="jtm-bag-009", name="  Tas  Batik   Mini ", price=95_000,
              barcode="8991234500093", category="Tas", maker_group="KUB Jetis",
              region="Sidoarjo")


def entries(stand: Stand) -> list[Entry]:
    with stand.handle.uow(write=False) as uow:
        return list(journal.iter_entries(uow.session))


def assert_journal_ok(stand: Stand) -> None:
    with stand.handle.uow(write=False) as uow:
        result = journal.verify(uow)
    assert result.ok, result.broken


def test_add_stores_upper_case_sku_tidy_text_and_no_stock(jatim: Stand) -> None:
    saved = save_product(jatim.handle.uow(), jatim.cashier, replace(NEW, stock=7), approval=BUDI)

    assert saved.id is not None
    assert (saved.sku, saved.name, saved.stock) == ("JTM-BAG-009", "Tas Batik Mini", 0)
    stored = jatim.product("8991234500093")
    assert stored == saved
    assert jatim.product("jtm-bag-009").price == 95_000
    last = entries(jatim)[-1]
    assert last.kind == PRODUCT_SAVED
    payload = json.loads(last.payload)
    assert payload["sku"] == "JTM-BAG-009"
    assert payload["price"] == 95_000
    assert payload["added"] is True
    assert payload["by"] == "Ani"
    assert_journal_ok(jatim)


def test_edit_changes_fields_but_not_sku_or_stock(jatim: Stand) -> None:
    old = jatim.product("JTM-BTK-001")
    edited = replace(old, name="Batik Tulis Madura Sekar Jagad", price=500_000, barcode=None,
                     region="Kab. Bangkalan", stock=99, active=False)

    saved = save_product(jatim.handle.uow(), jatim.cashier, edited, approval=BUDI)

    assert saved == replace(edited, stock=old.stock)
    assert jatim.product("JTM-BTK-001") == saved
    with pytest.raises(NotFound):
        jatim.product("8991234500017")  # the barcode was cleared
    payload = json.loads(entries(jatim)[-1].payload)
    assert payload == {"sku": "JTM-BTK-001", "barcode": None,
                       "name": "Batik Tulis Madura Sekar Jagad", "category": "Batik",
                       "maker_group": "KUB Batik Canting Sari", "region": "Kab. Bangkalan",
                       "price": 500_000, "active": False, "added": False, "by": "Ani",
                       "approved_by": "Budi"}
    assert_journal_ok(jatim)


def test_edit_that_changes_nothing_writes_nothing(jatim: Stand) -> None:
    before = dump_database(jatim.path)
    same = save_product(jatim.handle.uow(), jatim.cashier, jatim.product("JTM-JLB-001"),
                        approval=BUDI)
    assert same == jatim.product("JTM-JLB-001")
    assert dump_database(jatim.path) == before


@pytest.mark.parametrize(("change", "expected"), [
    pytest.param({"barcode": "8991234500024"}, "barcode 8991234500024 already belongs to "
                 "product JTM-BTK-002", id="barcode-of-another"),
    pytest.param({"sku": "JTM-BTK-009"}, "SKU of JTM-BTK-001 cannot be changed", id="sku"),
    pytest.param({"price": -5}, "price '-5' cannot be negative", id="negative-price"),
    pytest.param({"price": 20_000_000_000}, "above Rp 10.000.000.000", id="price-limit"),
    pytest.param({"name": "  "}, "name is empty", id="no-name"),
    pytest.param({"barcode": "899 123"}, "contains a space", id="barcode-space"),
])
def test_bad_edit_is_refused_and_changes_nothing(jatim: Stand, change: dict[str, object],
                                                 expected: str) -> None:
    before = dump_database(jatim.path)
    product = replace(jatim.product("JTM-BTK-001"), **change)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as refused:
        save_product(jatim.handle.uow(), jatim.cashier, product, approval=BUDI)
    assert expected in str(refused.value)
    assert "\n" not in str(refused.value) and "line 1" not in str(refused.value)
    assert dump_database(jatim.path) == before
    assert_journal_ok(jatim)


@pytest.mark.parametrize(("change", "expected"), [
    pytest.param({"barcode": "8991234500017"}, "barcode 8991234500017 already belongs to "
                 "product JTM-BTK-001", id="duplicate-barcode"),
    pytest.param({"sku": "jtm-btk-002"}, "SKU JTM-BTK-002 already belongs to product "
                 "'Batik Gedog Tuban'", id="duplicate-sku-any-case"),
    pytest.param({"sku": "JTM BAG 009"}, "contains a space", id="sku-space"),
])
def test_bad_new_product_is_refused_and_changes_nothing(jatim: Stand, change: dict[str, object],
                                                        expected: str) -> None:
    before = dump_database(jatim.path)
    with pytest.raises(InvalidInput, match=expected):
        save_product(jatim.handle.uow(), jatim.cashier, replace(NEW, **change), approval=BUDI)  # type: ignore[arg-type]
    assert dump_database(jatim.path) == before


def test_unknown_id_is_not_found(jatim: Stand) -> None:
    with pytest.raises(NotFound):
        save_product(jatim.handle.uow(), jatim.cashier, replace(NEW, id=9999), approval=BUDI)


def test_stock_of_a_saved_product_changes_only_by_adjustment(jatim: Stand) -> None:
    saved = save_product(jatim.handle.uow(), jatim.cashier, NEW, approval=BUDI)
    catalog.adjust_stock(jatim.handle.uow(), jatim.cashier, saved.sku, 4, "first delivery")
    again = save_product(jatim.handle.uow(), jatim.cashier, replace(saved, price=99_000),
                         approval=BUDI)
    assert (again.price, again.stock) == (99_000, 4)
    assert [e.kind for e in entries(jatim)[-3:]] == [PRODUCT_SAVED, "stock.adjusted",
                                                     PRODUCT_SAVED]
    assert_journal_ok(jatim)
