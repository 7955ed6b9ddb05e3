"""Bad catalog files via ``posapp catalog import``: the line and the reason, nothing imported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import AS_BUDI, BUDI_PIN_LINE, Stand, dump_database
from tests.integration.test_bad_input import assert_refused

HEADER = "sku,barcode,name,category,maker_group,region,price,stock\n"
GOOD_ROW = "JTM-BTK-101,8991234500109,Batik Pesisir Sidoarjo,Batik,KUB Jetis,Sidoarjo,275000,4\n"

CSV_CASES = [
    pytest.param(
        "sku,nama produk,harga beli\nJTM-BTK-101,Batik Pesisir,275000\n",
        ["header", "price", "harga beli"], id="wrong-columns"),
    pytest.param(
        HEADER + GOOD_ROW + "JTM-BTK-102,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,"
        "seratus ribu,2\n",
        ["line 3", "price", "seratus ribu"], id="text-price"),
    pytest.param(
        HEADER + GOOD_ROW + "JTM-BTK-102,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,Rp 150,000,2\n",
        ["line 3", "values", "header"], id="comma-in-price"),
    pytest.param(
        HEADER + GOOD_ROW + "jtm-btk-101,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,150000,2\n",
        ["line 3", "duplicate SKU", "line 2"], id="duplicate-sku"),
    pytest.param(
        HEADER + GOOD_ROW + "JTM-BTK-102,8991234500109,Batik Kenongo,Batik,KUB Jetis,"
        "Sidoarjo,150000,2\n",
        ["line 3", "duplicate barcode", "8991234500109"], id="duplicate-barcode"),
    pytest.param(
        HEADER + "JTM-BTK-102,8991234500017,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,150000,2\n",
        ["line 2", "8991234500017", "JTM-BTK-001"], id="barcode-of-a-stored-product"),
    pytest.param(
        HEADER + "JTM-BTK-102,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,20000000000,2\n",
        ["line 2", "price", "Rp 10.000.000.000"], id="price-above-limit"),
    pytest.param(
        HEADER + GOOD_ROW + '"JTM-BTK-102,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,150000,2\n',
        ["line 3", "quote"], id="open-quote"),
    pytest.param("", ["empty"], id="empty-file"),
    pytest.param("\n \n", ["empty"], id="blank-lines"),
    pytest.param(HEADER, ["no product rows"], id="header-only"),
]


@pytest.mark.parametrize(("text", "expected"), CSV_CASES)
def test_bad_csv_imports_nothing(jatim: Stand, cli, tmp_path: Path, text: str,
                                 expected: list[str]) -> None:
    path = tmp_path / "katalog.csv"
    path.write_text(text, encoding="utf-8")
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, "catalog not imported", *expected, out=r.out)
    assert dump_database(jatim.path) == before


def test_csv_in_windows_encoding_imports_nothing(jatim: Stand, cli, tmp_path: Path) -> None:
    path = tmp_path / "katalog.csv"
    path.write_bytes((HEADER + GOOD_ROW + "JTM-KRJ-001,,Tas Rajut Café,Tas,Rajut Kenjeran,"
                      "Surabaya,95000,3\n").encode("cp1252"))
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, "not UTF-8", "line 3", "CSV UTF-8")
    assert dump_database(jatim.path) == before


def test_text_file_renamed_xlsx_imports_nothing(jatim: Stand, cli, tmp_path: Path) -> None:
    path = tmp_path / "katalog.xlsx"
    path.write_text(HEADER + GOOD_ROW, encoding="utf-8")
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, "katalog.xlsx", "not a readable Excel")
    assert dump_database(jatim.path) == before


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


XLSX_HEADER = ["sku", "barcode", "name", "category", "maker_group", "region", "price", "stock"]
XLSX_GOOD = ["JTM-BTK-101", "8991234500109", "Batik Pesisir", "Batik", "KUB Jetis", "Sidoarjo",
             275000, 4]

XLSX_CASES = [
    pytest.param([XLSX_HEADER, XLSX_GOOD,
                  ["JTM-BTK-102", None, "Batik Kenongo", "Batik", "KUB Jetis", "Sidoarjo",
                   "seratus ribu", 2]],
                 ["line 3", "price", "seratus ribu"], id="text-price"),
    pytest.param([XLSX_HEADER, XLSX_GOOD,
                  ["JTM-BTK-101", None, "Batik Kenongo", "Batik", "KUB Jetis", "Sidoarjo",
                   150000, 2]],
                 ["line 3", "duplicate SKU"], id="duplicate-sku"),
    pytest.param([XLSX_HEADER, XLSX_GOOD,
                  ["JTM-BTK-102", 8.99123450011e12, "Batik Kenongo", "Batik", "KUB Jetis",
                   "Sidoarjo", 150000, 2],
                  ["JTM-BTK-103", "8991234500110", "Batik Kenongo", "Batik", "KUB Jetis",
                   "Sidoarjo", 150000, 2]],
                 ["line 4", "duplicate barcode", "line 3"], id="duplicate-barcode"),
    pytest.param([["nama", "harga"], ["Batik Pesisir", 275000]],
                 ["header", "sku"], id="wrong-columns"),
    pytest.param([], ["empty"], id="empty-sheet"),
]


@pytest.mark.parametrize(("rows", "expected"), XLSX_CASES)
def test_bad_xlsx_imports_nothing(jatim: Stand, cli, tmp_path: Path, rows, expected) -> None:
    path = write_xlsx(tmp_path / "katalog.xlsx", rows)
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, "catalog not imported", *expected, out=r.out)
    assert dump_database(jatim.path) == before


@pytest.mark.parametrize(
    ("name", "expected"),
    [("katalog.xls", ["Excel 97-2003"]), ("katalog.txt", ["katalog.txt", "CSV UTF-8"]),
     ("missing.csv", ["not found", "missing.csv"])],
    ids=["old-excel", "other-type", "missing-file"],
)
def test_unreadable_catalog_file_imports_nothing(jatim: Stand, cli, tmp_path: Path, name: str,
                                                 expected: list[str]) -> None:
    path = tmp_path / name
    if name != "missing.csv":
        path.write_bytes(b"\xd0\xcf\x11\xe0 not a catalog")
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, *expected)
    assert dump_database(jatim.path) == before


def test_every_bad_row_is_listed_with_its_line(jatim: Stand, cli, tmp_path: Path) -> None:
    path = tmp_path / "katalog.csv"
    path.write_text(
        HEADER + GOOD_ROW
        + "JTM-BTK-102,,Batik Kenongo,Batik,KUB Jetis,Sidoarjo,seratus ribu,2\n"
        + GOOD_ROW.replace("Batik Pesisir Sidoarjo", "Batik Lain")
        + "JTM-BTK-104,,Batik Tulis,Batik,KUB Jetis,Sidoarjo,150000,-3\n",
        encoding="utf-8")
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 1 and "Traceback" not in r.err
    first, *listed = r.err.splitlines()
    assert first.startswith("posapp: catalog not imported: 3 bad rows")
    assert [line.split(":")[0].strip() for line in listed] == ["line 3", "line 4", "line 5"]
    assert "seratus ribu" in listed[0] and "duplicate SKU" in listed[1]
    assert "negative" in listed[2]
    assert dump_database(jatim.path) == before
