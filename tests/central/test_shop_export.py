"""The online-shop CSV after the event, on SQLite and PostgreSQL: each stand's stock left."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.services import catalog, catalog_edit, shop_export
from posapp.services.catalog_files import read_catalog_file
from posapp.sync.central_store import Central
from tests.central.event_stands import STANDS, Event, make_event
from tests.conftest import CATALOG_CSV, CliResult, Stand

CAFE = "JTM-CAF-001,,Tas Café Rotan — edisi HANI,Tas Anyaman,Perempuan Mandiri Lumajang," \
       "Lumajang,95000,4\n"


def retire_topeng_and_stock_it(stand: Stand) -> None:
    """At BALI: the wooden mask gets 3 pieces, then is taken off sale (inactive)."""
    catalog.adjust_stock(stand.handle.uow(), stand.cashier, "JTM-KYU-001", 3, "kiriman")
    topeng = stand.product("JTM-KYU-001")
    catalog_edit.save_product(stand.handle.uow(), stand.cashier, replace(topeng, active=False))


@pytest.fixture
def event(central_url: str, tmp_path: Path) -> Event:
    catalog_file = tmp_path / "catalog.csv"
    catalog_file.write_text(CATALOG_CSV + CAFE, encoding="utf-8")
    return make_event(central_url, tmp_path / "stands", catalog_file,
                      before_sync={"BALI": retire_topeng_and_stock_it})


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == shop_export.COLUMNS
        return list(reader)


def test_the_csv_has_each_stands_stock_left_after_the_sales(event: Event,
                                                             tmp_path: Path) -> None:
    with Central(event.url) as central:
        result = shop_export.write_shop_csv(central, tmp_path / "toko.csv")

    rows = read_csv(tmp_path / "toko.csv")
    on_sale = {(code, sku): n for code, products in event.stock.items()
               for sku, (n, active) in products.items() if active and n > 0}
    assert {(r["stand"], r["sku"]): int(r["stock"]) for r in rows} == on_sale
    assert (result.products, result.stands) == (len(rows), 3)
    # after the sales: JATIM sold 3 of 5 Madura batiks, 6 of 20 jilbabs (one came back)
    assert on_sale[("JATIM", "JTM-BTK-001")] == 5 - 1 == 4
    assert on_sale[("JATIM", "JTM-JLB-001")] == 20 - (2 + 3 + 2 - 1) == 14
    assert ("BALI", "JTM-KYU-001") not in on_sale  # stock 3 but off sale
    assert ("DIY", "JTM-TAS-001") not in on_sale  # sold past zero: none left to list
    province = {code: prov for code, _, prov, _ in STANDS}
    for r in rows:
        assert r["province"] == province[r["stand"]]
    cafe = next(r for r in rows if r["sku"] == "JTM-CAF-001" and r["stand"] == "DIY")
    assert cafe["name"] == "Tas Café Rotan — edisi HANI"
    assert (cafe["price"], cafe["stock"], cafe["maker_group"]) == (
        "95000", "4", "Perempuan Mandiri Lumajang")
    batik = next(r for r in rows if r["sku"] == "JTM-BTK-001" and r["stand"] == "BALI")
    assert batik["barcode"] == "8991234500017" and batik["category"] == "Batik"


def test_all_lists_every_product_of_every_stand(event: Event, tmp_path: Path) -> None:
    with Central(event.url) as central:
        shop_export.write_shop_csv(central, tmp_path / "semua.csv", everything=True)

    rows = read_csv(tmp_path / "semua.csv")
    assert {(r["stand"], r["sku"]): int(r["stock"]) for r in rows} == {
        (code, sku): n for code, products in event.stock.items()
        for sku, (n, _) in products.items()}
    assert [r["stand"] for r in rows] == sorted(r["stand"] for r in rows)


def test_one_stands_rows_import_back_as_a_catalog(event: Event, tmp_path: Path) -> None:
    with Central(event.url) as central:
        shop_export.write_shop_csv(central, tmp_path / "toko.csv")
    diy = [r for r in read_csv(tmp_path / "toko.csv") if r["stand"] == "DIY"]
    with (tmp_path / "diy.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, shop_export.COLUMNS)
        writer.writeheader()
        writer.writerows(diy)

    rows = read_catalog_file(tmp_path / "diy.csv")  # stand and province: unknown, ignored
    assert {(r.sku, r.name, r.price, r.stock) for r in rows} == {
        (r["sku"], r["name"], int(r["price"]), int(r["stock"])) for r in diy}


# --- posapp shop-export --------------------------------------------------------------------

Cli = Callable[..., CliResult]


def test_cli_writes_the_csv(event: Event, cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "toko.csv"
    r = cli("shop-export", "--central", event.url, str(out))
    assert r.code == 0, r.err
    assert "products with stock left from 3 stands" in r.out
    assert len(read_csv(out)) == sum(
        1 for products in event.stock.values() for n, active in products.values()
        if active and n > 0)
    everything = cli("shop-export", "--central", event.url, str(out), "--all")
    assert everything.code == 0 and len(read_csv(out)) == 3 * 7


@pytest.mark.parametrize(("name", "reason"), [
    ("toko.xlsx", "name the file .csv"),
    ("no/such/folder/toko.csv", "does not exist"),
])
def test_cli_refuses_bad_output(cli: Cli, tmp_path: Path, name: str, reason: str) -> None:
    r = cli("shop-export", "--central", str(tmp_path / "central.sqlite"), str(tmp_path / name))
    assert r.code == 1 and r.err.count("\n") == 1 and reason in r.err


def test_cli_refuses_a_missing_central_store(make_central_url: Callable[..., str], cli: Cli,
                                             tmp_path: Path) -> None:
    r = cli("shop-export", "--central", make_central_url("empty"), str(tmp_path / "toko.csv"))
    assert r.code == 1 and r.err.count("\n") == 1 and "no central store" in r.err
    assert list(tmp_path.glob("*.csv*")) == [] and list(tmp_path.glob(".toko*")) == []
