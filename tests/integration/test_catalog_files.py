"""Catalog files as organisers save them from Excel or LibreOffice, read and written for real."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.domain.catalog import COLUMNS, CatalogFileError, CatalogRow
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.product import Product
from posapp.services.catalog_files import read_catalog_file, write_catalog_file

DEMO_CATALOG = Path(__file__).resolve().parents[2] / "resources" / "demo-catalog.csv"

ENGLISH_CSV = (
    "sku,barcode,name,category,maker_group,region,price,stock\n"
    "JTM-BTK-001,8997015000014,Batik Tulis Madura Motif Sekar Jagad,Batik,"
    "KUB Batik Canting Sari,Kab. Pamekasan,450000,8\n"
    'JTM-JLB-002,,"Jilbab Lukis Pashmina, Motif Merak",Jilbab Lukis,'
    "Kelompok Perempuan Mandiri Kenjeran,Kota Surabaya,125000,0\n"
)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path) -> list[tuple[int, str]]:
    with pytest.raises(CatalogFileError) as caught:
        read_catalog_file(path)
    return [(p.line, p.reason) for p in caught.value.problems]


def sample_products() -> list[Product]:
    return [
        Product(
            sku="JTM-BTK-001",
            name="Batik Tulis Madura Motif Sekar Jagad",
            price=450_000,
            barcode="8997015000014",
            category="Batik",
            maker_group="KUB Batik Canting Sari",
            region="Kab. Pamekasan",
            stock=8,
        ),
        Product(
            sku="JTM-BTK-015",
            name='Batik tulis motif pesanan; "Sekar" ukuran 2,5 m',
            price=0,
            category="Batik",
            maker_group="KUB Batik Canting Sari",
            region="Kab. Pamekasan",
        ),
        Product(
            sku="0042",
            name="Gantungan Kunci Suro dan Boyo",
            price=25_000,
            barcode="0012345678905",
            region="Kota Surabaya",
            stock=40,
        ),
    ]


# --- CSV --------------------------------------------------------------------------------------


def test_english_csv(tmp_path):
    rows = read_catalog_file(write_text(tmp_path / "katalog.csv", ENGLISH_CSV))

    assert rows == [
        CatalogRow(
            2,
            "JTM-BTK-001",
            "8997015000014",
            "Batik Tulis Madura Motif Sekar Jagad",
            "Batik",
            "KUB Batik Canting Sari",
            "Kab. Pamekasan",
            450_000,
            8,
        ),
        CatalogRow(
            3,
            "JTM-JLB-002",
            None,
            "Jilbab Lukis Pashmina, Motif Merak",
            "Jilbab Lukis",
            "Kelompok Perempuan Mandiri Kenjeran",
            "Kota Surabaya",
            125_000,
            0,
        ),
    ]


def test_semicolon_csv_with_indonesian_header_bom_and_crlf(tmp_path):
    # What Excel with Indonesian regional settings saves as "CSV UTF-8".
    text = (
        "Kode;Barkode;Nama;Kategori;Kelompok;Daerah;Harga;Stok\r\n"
        "JTM-TAS-001;8997015000236;Clutch Anyaman Pandan Motif Kotak;Tas Anyaman;"
        "Kelompok Perajin Pandan Wangi;Kab. Lumajang;Rp 110.000;16\r\n"
        "JTM-KLT-003;;Tas Kulit Wanita Tanggulangin;Kerajinan Kulit;;Kab. Sidoarjo;485.000;\r\n"
    )
    path = tmp_path / "katalog.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    rows = read_catalog_file(path)

    assert [(r.sku, r.barcode, r.price, r.stock) for r in rows] == [
        ("JTM-TAS-001", "8997015000236", 110_000, 16),
        ("JTM-KLT-003", None, 485_000, 0),
    ]
    assert rows[0].maker_group == "Kelompok Perajin Pandan Wangi"
    assert rows[1].region == "Kab. Sidoarjo"


def test_accents_survive_utf8(tmp_path):
    text = "sku,name,price\nA-1,Café Kopi Ijen — Bondowoso,45000\n"

    [row] = read_catalog_file(write_text(tmp_path / "k.csv", text))

    assert row.name == "Café Kopi Ijen — Bondowoso"


def test_bad_rows_in_a_csv_are_all_listed_with_their_lines(tmp_path):
    text = (
        "sku,barcode,name,price,stock\n"
        "JTM-001,8991,Batik Cap Gajah Oling,165000,25\n"  # 2 fine
        "JTM-002,8992,Jilbab Lukis Voal,seratus ribu,15\n"  # 3 text price
        "\n"  # 4 blank: skipped
        "JTM-001,8993,Bros Batik Perca,30000,25\n"  # 5 duplicate SKU
        "JTM-005,8991,Kalung Manik-manik,65000,20\n"  # 6 duplicate barcode
        "JTM-006,,Dompet Kulit,145000,-1\n"  # 7 negative stock
    )

    assert problems(write_text(tmp_path / "k.csv", text)) == [
        (3, "price 'seratus ribu' is not a whole rupiah amount"),
        (5, "duplicate SKU 'JTM-001', also on line 2"),
        (6, "duplicate barcode '8991', also on line 2"),
        (7, "stock '-1' cannot be negative"),
    ]


def test_line_numbers_count_lines_inside_quoted_values(tmp_path):
    text = 'sku,name,price\nA-1,"Tas Kulit\nWanita",485000\nA-2,Dompet,abc\n'

    assert problems(write_text(tmp_path / "k.csv", text)) == [
        (4, "price 'abc' is not a whole rupiah amount")
    ]


def test_comma_inside_an_unquoted_price_is_caught(tmp_path):
    text = "sku,name,price\nA-1,Bros Batik Perca,Rp 150,000\n"

    [(line, reason)] = problems(write_text(tmp_path / "k.csv", text))

    assert line == 2
    assert "4 values but the header has 3 columns" in reason


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    text = 'sku,name,price\nA-1,Bros,30000\nA-2,"Tas Kulit,485000\nA-3,Dompet,145000\n'

    [(line, reason)] = problems(write_text(tmp_path / "k.csv", text))

    assert line == 3
    assert "never closed" in reason


def test_wrong_columns_are_named(tmp_path):
    text = "kode,judul,nilai\nA-1,Bros,30000\n"

    [(line, reason)] = problems(write_text(tmp_path / "k.csv", text))

    assert line == 0
    assert "required columns name, price" in reason
    assert "nama" in reason
    assert "harga" in reason


@pytest.mark.parametrize("content", [b"", b"   \r\n\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_csv(tmp_path, content):
    path = tmp_path / "k.csv"
    path.write_bytes(content)

    assert problems(path) == [(0, "the file is empty")]


def test_header_only_csv(tmp_path):
    path = write_text(tmp_path / "k.csv", "sku;name;price\r\n;;\r\n\r\n")

    assert problems(path) == [(0, "the file has no product rows")]


def test_csv_that_is_not_utf8_asks_for_csv_utf8(tmp_path):
    path = write_text(tmp_path / "k.csv", "sku,name,price\nA-1,Caf\xe9 Ijen,45000\n", "cp1252")

    [(line, reason)] = problems(path)

    assert line == 0
    assert "not UTF-8" in reason
    assert "line 2" in reason
    assert "CSV UTF-8" in reason
    assert ".xlsx" in reason


# --- XLSX -------------------------------------------------------------------------------------


def make_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for cells in rows:
        sheet.append(cells)
    workbook.save(path)
    return path


def test_xlsx_with_numeric_barcode_and_float_price(tmp_path):
    path = make_xlsx(
        tmp_path / "katalog.xlsx",
        [
            ["Kode", "Barkode", "Nama Produk", "Harga", "Stok", "Catatan"],
            ["JTM-SUV-001", 8997015000366, "Miniatur Reog Ponorogo 30 cm", 275000.0, 5.0, "x"],
            ["JTM-SUV-002", 8997015000373.0, "Miniatur Reog Ponorogo 15 cm", 145000, 12, None],
            [1234, None, "Gantungan Kunci Reog", "Rp 25.000", None, None],
        ],
    )

    rows = read_catalog_file(path)

    assert [(r.line, r.sku, r.barcode, r.price, r.stock) for r in rows] == [
        (2, "JTM-SUV-001", "8997015000366", 275_000, 5),
        (3, "JTM-SUV-002", "8997015000373", 145_000, 12),
        (4, "1234", None, 25_000, 0),
    ]


def test_xlsx_problems_use_spreadsheet_row_numbers(tmp_path):
    path = tmp_path / "k.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A2"], sheet["B2"], sheet["C2"] = "SKU", "Name", "Price"  # header on row 2
    sheet["A3"], sheet["B3"], sheet["C3"] = "A-1", "Bros", 30000
    sheet["A6"], sheet["B6"], sheet["C6"] = "A-2", "Dompet", 1.5  # rows 4-5 empty
    sheet["A7"], sheet["B7"], sheet["C7"] = "A-3", "Kalung", -65000
    workbook.save(path)

    assert problems(path) == [
        (6, "price 1.5 is not a whole rupiah amount"),
        (7, "price '-65000' cannot be negative"),
    ]


def test_xlsx_header_only_and_empty(tmp_path):
    header_only = make_xlsx(tmp_path / "h.xlsx", [["sku", "name", "price"]])
    empty = make_xlsx(tmp_path / "e.xlsx", [])

    assert problems(header_only) == [(0, "the file has no product rows")]
    [(line, reason)] = problems(empty)
    assert line == 0
    assert "the file is empty" in reason


@pytest.mark.parametrize(
    "content",
    [
        b"sku,name,price\nA-1,Bros,30000\n",
        b"",
        b"PK\x03\x04 broken zip",
        b"\xd0\xcf\x11\xe0old xls",
    ],
)
def test_not_really_an_xlsx(tmp_path, content):
    path = tmp_path / "katalog.xlsx"
    path.write_bytes(content)

    [(line, reason)] = problems(path)

    assert line == 0
    assert "katalog.xlsx is not a readable Excel .xlsx workbook" in reason
    assert "save it as .xlsx" in reason


def test_xlsx_zip_without_workbook(tmp_path):
    import zipfile

    path = tmp_path / "katalog.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")

    [(line, reason)] = problems(path)

    assert line == 0
    assert "not a readable Excel .xlsx workbook" in reason


# --- which files ------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(NotFound, match=r"catalog file not found: .*nowhere\.csv$"):
        read_catalog_file(tmp_path / "nowhere.csv")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("katalog.txt", "cannot read 'katalog.txt' as a catalog"),
        ("katalog.xls", "old Excel 97-2003 file"),
        ("katalog.ods", "LibreOffice"),
        ("katalog", "cannot read 'katalog'"),
    ],
)
def test_other_file_types_are_refused(tmp_path, name, words):
    path = write_text(tmp_path / name, "sku,name,price\nA-1,Bros,30000\n")

    with pytest.raises(InvalidInput) as caught:
        read_catalog_file(path)

    assert not isinstance(caught.value, CatalogFileError)
    assert words in str(caught.value)
    assert ".xlsx" in str(caught.value)


def test_upper_case_suffix_is_fine(tmp_path):
    rows = read_catalog_file(write_text(tmp_path / "KATALOG.CSV", ENGLISH_CSV))

    assert len(rows) == 2


# --- writing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip(tmp_path, suffix):
    path = tmp_path / f"export{suffix}"

    count = write_catalog_file(path, sample_products())
    rows = read_catalog_file(path)

    assert count == 3
    assert [row.to_product() for row in rows] == sample_products()
    assert [row.line for row in rows] == [2, 3, 4]
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path, suffix):
    path = tmp_path / f"export{suffix}"
    products = [Product(sku="=A1", name="=1+1 Tas", price=1, category="=x", region="@home")]

    write_catalog_file(path, products)

    assert [row.to_product() for row in read_catalog_file(path)] == products


def test_written_csv_has_english_header_and_plain_numbers(tmp_path):
    path = tmp_path / "export.csv"

    write_catalog_file(path, sample_products()[:1])

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        ",".join(COLUMNS),
        "JTM-BTK-001,8997015000014,Batik Tulis Madura Motif Sekar Jagad,Batik,"
        "KUB Batik Canting Sari,Kab. Pamekasan,450000,8",
    ]


def test_written_xlsx_has_rupiah_prices_and_text_barcodes(tmp_path):
    path = tmp_path / "export.xlsx"

    write_catalog_file(path, sample_products())

    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    price = sheet.cell(row=2, column=COLUMNS.index("price") + 1)
    barcode = sheet.cell(row=4, column=COLUMNS.index("barcode") + 1)
    assert (price.value, price.number_format) == (450_000, '"Rp" #,##0')
    assert (barcode.value, barcode.number_format) == ("0012345678905", "@")
    assert sheet.cell(row=4, column=1).value == "0042"


def test_writing_an_unknown_type_is_refused(tmp_path):
    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        write_catalog_file(tmp_path / "export.ods", sample_products())
    assert not list(tmp_path.iterdir())


def test_writing_into_a_missing_folder_is_a_one_line_refusal(tmp_path):
    with pytest.raises(InvalidInput, match=r"^cannot write .*export\.csv"):
        write_catalog_file(tmp_path / "no-such-folder" / "export.csv", sample_products())


_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=25
)
_label = (_text | st.builds("=".__add__, _text)).map(lambda text: " ".join(text.split()))


@st.composite
def product_lists(draw: st.DrawFn) -> list[Product]:
    skus = draw(
        st.lists(
            st.from_regex(r"[A-Za-z0-9-]{1,40}", fullmatch=True), max_size=6, unique_by=str.casefold
        )
    )
    codes = draw(
        st.lists(
            st.from_regex(r"[0-9]{8,14}", fullmatch=True),
            unique=True,
            min_size=len(skus),
            max_size=len(skus),
        )
    )
    return [
        Product(
            sku=sku,
            name=draw(_label.filter(bool)),
            price=draw(st.integers(0, 10_000_000_000)),
            barcode=draw(st.sampled_from([code, None])),
            category=draw(_label),
            maker_group=draw(_label),
            region=draw(_label),
            stock=draw(st.integers(0, 1_000_000)),
        )
        for sku, code in zip(skus, codes, strict=True)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(product_lists(), st.sampled_from([".csv", ".xlsx"]))
def test_any_valid_catalog_survives_write_and_read(products, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        write_catalog_file(path, products)
        if not products:
            with pytest.raises(CatalogFileError, match="no product rows"):
                read_catalog_file(path)
            return
        assert [row.to_product() for row in read_catalog_file(path)] == products


# --- the demo catalog -------------------------------------------------------------------------


def ean13_is_valid(code: str) -> bool:
    digits = [int(d) for d in code]
    return (
        len(digits) == 13 and sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    )


def test_demo_catalog_is_a_clean_east_java_catalog():
    rows = read_catalog_file(DEMO_CATALOG)

    assert len(rows) >= 40
    assert len({row.name for row in rows}) == len(rows)
    assert all(row.sku.startswith("JTM-") for row in rows)
    barcodes = [row.barcode for row in rows if row.barcode]
    assert len(rows) - 6 <= len(barcodes) < len(rows)  # most, not all, have one
    assert all(code.startswith("899") and ean13_is_valid(code) for code in barcodes)
    assert any(row.price == 0 for row in rows)  # open price, set at the session
    assert any(row.stock == 0 for row in rows if row.price)
    priced = [row.price for row in rows if row.price]
    assert min(priced) >= 25_000
    assert max(priced) <= 1_500_000
    assert all(price % 500 == 0 for price in priced)
    assert all(0 <= row.stock <= 40 for row in rows)
    assert {"Batik", "Jilbab Lukis", "Tas Anyaman", "Kerajinan Kayu", "Aksesoris"} <= {
        row.category for row in rows
    }
    assert all(row.maker_group and row.region for row in rows)
