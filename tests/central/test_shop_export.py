"""The online-shop CSV after the event, on SQLite and PostgreSQL: each stand's stock left."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from posapp.services import catalog, catalog_edit, photos, shop_export
from posapp.services.catalog_files import read_catalog_file
from posapp.sync.central_store import Central
from tests.central.event_stands import STANDS, Event, make_event
from tests.conftest import BUDI, CATALOG_CSV, CliResult, Stand

CAFE = "JTM-CAF-001,,Tas Café Rotan — edisi HANI,Tas Anyaman,Perempuan Mandiri Lumajang," \
       "Lumajang,95000,4\n"


def retire_topeng_and_stock_it(stand: Stand) -> None:
    """At BALI: the wooden mask gets 3 pieces, then is taken off sale (inactive)."""
    catalog.adjust_stock(stand.handle.uow(), stand.cashier, "JTM-KYU-001", 3, "kiriman")
    topeng = stand.product("JTM-KYU-001")
    catalog_edit.save_product(stand.handle.uow(), stand.cashier, replace(topeng, active=False),
                              approval=BUDI)


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


# --- photos ---------------------------------------------------------------------------------
def photo_of(stand: Stand, sku: str, colour: tuple[int, int, int], folder: Path) -> None:
    from tests.integration.test_photos import image_bytes

    picture = folder / f"{stand.handle.code}-{sku}.png"
    picture.write_bytes(image_bytes("PNG", (900, 600), colour=colour))
    photos.set_photo_from_file(stand.handle.uow(), stand.cashier, sku, picture)


@pytest.fixture
def photo_event(central_url: str, tmp_path: Path) -> Event:
    """JATIM: a red Madura batik, a green Gedog replaced by a blue one, a jilbab's photo
    removed; BALI: a wooden mask (no stock left) with a photo; DIY: no photos."""
    tmp_path.joinpath("gambar").mkdir()
    pics = tmp_path / "gambar"

    def jatim(stand: Stand) -> None:
        photo_of(stand, "JTM-BTK-001", (220, 0, 0), pics)
        photo_of(stand, "JTM-BTK-002", (0, 200, 0), pics)
        photo_of(stand, "JTM-BTK-002", (0, 0, 220), pics)
        photo_of(stand, "JTM-JLB-001", (9, 9, 9), pics)
        photos.remove_photo(stand.handle.uow(), stand.cashier, "JTM-JLB-001")

    def bali(stand: Stand) -> None:
        photo_of(stand, "JTM-KYU-001", (200, 200, 0), pics)

    return make_event(central_url, tmp_path / "stands", catalog_file_in(tmp_path),
                      before_sync={"JATIM": jatim, "BALI": bali})


def catalog_file_in(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_CSV, encoding="utf-8")
    return path


def test_the_photos_go_beside_the_csv_named_in_its_photo_column(
        photo_event: Event, tmp_path: Path) -> None:
    out = tmp_path / "ekspor"
    out.mkdir()
    with Central(photo_event.url) as central:
        result = shop_export.write_shop_csv(central, out / "toko.csv")

    rows = read_csv(out / "toko.csv")
    named = {(r["stand"], r["sku"]): r["photo"] for r in rows if r["photo"]}
    assert named == {("JATIM", "JTM-BTK-001"): "toko-photos/JATIM/JTM-BTK-001.jpg",
                     ("JATIM", "JTM-BTK-002"): "toko-photos/JATIM/JTM-BTK-002.jpg"}
    assert (result.photos, result.photo_folder) == (2, out / "toko-photos")
    madura = Image.open(out / named[("JATIM", "JTM-BTK-001")])
    gedog = Image.open(out / named[("JATIM", "JTM-BTK-002")])
    assert (madura.format, madura.size) == ("JPEG", (512, 341))
    assert madura.getpixel((100, 100))[0] > 180  # red
    assert gedog.getpixel((100, 100))[2] > 180  # the replacing blue one, not the green
    assert sorted(p.name for p in (out / "toko-photos").rglob("*")) == [
        "JATIM", "JTM-BTK-001.jpg", "JTM-BTK-002.jpg"]  # BALI's mask: not listed, no stock
    assert sorted(p.name for p in out.iterdir()) == ["toko-photos", "toko.csv"]  # no leftovers

    with Central(photo_event.url) as central:  # --all: the mask is listed, with its photo
        again = shop_export.write_shop_csv(central, out / "toko.csv", everything=True)
    assert again.photos == 3
    assert Image.open(out / "toko-photos/BALI/JTM-KYU-001.jpg").getpixel((9, 9))[2] < 60


def test_a_store_of_format_2_reads_the_photo_entries_it_kept(
        photo_event: Event, tmp_path: Path) -> None:
    """A stand of this posapp synced into a store of the one before kept its photo entries
    without reading them: the upgrade reads them."""
    engine = create_engine(photo_event.url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE product_photo"))
        conn.execute(text("UPDATE central_meta SET value = '2' WHERE key = 'version'"))
    engine.dispose()

    with Central(photo_event.url) as central:
        result = shop_export.write_shop_csv(central, tmp_path / "toko.csv")

    assert result.photos == 2


def test_cli_says_where_the_photos_went(photo_event: Event, cli: Cli, tmp_path: Path) -> None:
    r = cli("shop-export", "--central", photo_event.url, str(tmp_path / "toko.csv"))
    assert r.code == 0, r.err
    assert r.out.splitlines()[-1] == f"2 photos written to {tmp_path / 'toko-photos'}"
