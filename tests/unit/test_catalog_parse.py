"""parse_catalog: what an organiser's spreadsheet rows become, and how bad rows are reported."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.catalog import (
    COLUMNS,
    MAX_NAME_LENGTH,
    MAX_SKU_LENGTH,
    CatalogFileError,
    CatalogRow,
    RowProblem,
    parse_catalog,
)
from posapp.domain.errors import InvalidInput
from posapp.domain.messages import msg
from posapp.domain.money import MAX_AMOUNT
from posapp.domain.product import Product

HEADER = list(COLUMNS)


def numbered(*rows: list[object]) -> list[tuple[int, list[object]]]:
    """Data rows as a file has them: the header is line 1, so data starts on line 2."""
    return [(line, list(row)) for line, row in enumerate(rows, start=2)]


def row(**cells: object) -> list[object]:
    """A full row in COLUMNS order with sensible defaults, overridden by *cells*."""
    values: dict[str, object] = {
        "sku": "JTM-BTK-001",
        "barcode": "8997015000014",
        "name": "Batik Tulis Madura Motif Sekar Jagad",
        "category": "Batik",
        "maker_group": "KUB Batik Canting Sari",
        "region": "Kab. Pamekasan",
        "price": "450000",
        "stock": "8",
    }
    values.update(cells)
    return [values[column] for column in COLUMNS]


def problems_of(header: list[object], rows: list[tuple[int, list[object]]]) -> list[RowProblem]:
    with pytest.raises(CatalogFileError) as caught:
        parse_catalog(header, rows)
    return caught.value.problems


def only_problem(header: list[object], rows: list[tuple[int, list[object]]]) -> RowProblem:
    problems = problems_of(header, rows)
    assert len(problems) == 1, problems
    return problems[0]


# --- good rows -------------------------------------------------------------------------------


def test_english_header_gives_every_value_of_the_row():
    [parsed] = parse_catalog(HEADER, numbered(row()))

    assert parsed == CatalogRow(
        line=2,
        sku="JTM-BTK-001",
        barcode="8997015000014",
        name="Batik Tulis Madura Motif Sekar Jagad",
        category="Batik",
        maker_group="KUB Batik Canting Sari",
        region="Kab. Pamekasan",
        price=450_000,
        stock=8,
    )


def test_indonesian_header_in_any_case_and_order():
    header = ["Nama", "KODE", "Harga", "Stok", "Barkode", "Kategori", "Kelompok", "Daerah"]
    cells = [
        "Jilbab Lukis Pashmina Motif Merak",
        "JTM-JLB-002",
        "Rp 125.000",
        "18",
        "8997015000175",
        "Jilbab Lukis",
        "Kelompok Perempuan Mandiri Kenjeran",
        "Kota Surabaya",
    ]

    [parsed] = parse_catalog(header, [(2, cells)])

    assert (parsed.sku, parsed.name, parsed.price, parsed.stock) == (
        "JTM-JLB-002",
        "Jilbab Lukis Pashmina Motif Merak",
        125_000,
        18,
    )
    assert parsed.barcode == "8997015000175"
    assert parsed.maker_group == "Kelompok Perempuan Mandiri Kenjeran"
    assert parsed.region == "Kota Surabaya"


@pytest.mark.parametrize(
    "header",
    [
        ["Kode Barang", "kode_batang", "Nama Produk", "Kelompok Pembuat", "Asal Daerah", "Harga"],
        ["SKU", "Barcode", "Product Name", "Maker Group", "Region", "Price (Rp)"],
        [" sku ", "BAR_CODE", "name", "maker-group", "REGION", "price"],
    ],
)
def test_header_variants_are_understood(header):
    cells = [
        "JTM-TAS-001",
        "8997015000236",
        "Clutch Anyaman Pandan",
        "Kelompok Pandan Wangi",
        "Kab. Lumajang",
        "110.000",
    ]

    [parsed] = parse_catalog(header, [(2, cells)])

    assert parsed.sku == "JTM-TAS-001"
    assert parsed.barcode == "8997015000236"
    assert parsed.name == "Clutch Anyaman Pandan"
    assert parsed.maker_group == "Kelompok Pandan Wangi"
    assert parsed.region == "Kab. Lumajang"
    assert parsed.price == 110_000


def test_only_required_columns_gives_defaults_for_the_rest():
    [parsed] = parse_catalog(["sku", "name", "price"], [(2, ["A-1", "Bros Batik Perca", "30000"])])

    assert parsed.barcode is None
    assert (parsed.category, parsed.maker_group, parsed.region) == ("", "", "")
    assert parsed.stock == 0


def test_unknown_columns_are_ignored():
    header = ["Foto", "sku", "catatan", "name", "price"]

    [parsed] = parse_catalog(header, [(2, ["img1.jpg", "A-1", "laris!", "Bros", "30000"])])

    assert (parsed.sku, parsed.name, parsed.price) == ("A-1", "Bros", 30_000)


@pytest.mark.parametrize(
    ("cell", "rupiah"),
    [
        ("150000", 150_000),
        ("150.000", 150_000),
        ("Rp 150.000", 150_000),
        ("Rp150.000", 150_000),
        ("rp 1.250.000", 1_250_000),
        ("150.000,00", 150_000),
        (" 25000 ", 25_000),
        (150000, 150_000),
        (150000.0, 150_000),
        ("0", 0),
        (0, 0),
    ],
)
def test_accepted_price_forms(cell, rupiah):
    [parsed] = parse_catalog(HEADER, numbered(row(price=cell)))

    assert parsed.price == rupiah


@pytest.mark.parametrize(("cell", "count"), [("12", 12), (12, 12), (12.0, 12), ("", 0), (None, 0)])
def test_accepted_stock_forms(cell, count):
    [parsed] = parse_catalog(HEADER, numbered(row(stock=cell)))

    assert parsed.stock == count


@pytest.mark.parametrize("cell", [8991234567890, 8991234567890.0, "8991234567890"])
def test_numeric_barcode_stays_all_digits(cell):
    [parsed] = parse_catalog(HEADER, numbered(row(barcode=cell)))

    assert parsed.barcode == "8991234567890"


def test_text_is_trimmed_and_kept_on_one_line():
    [parsed] = parse_catalog(
        HEADER,
        numbered(
            row(sku="  JTM-1 ", name="  Tas Kulit\nWanita   Tanggulangin ", region=" Kab. Sidoarjo")
        ),
    )

    assert parsed.sku == "JTM-1"
    assert parsed.name == "Tas Kulit Wanita Tanggulangin"
    assert parsed.region == "Kab. Sidoarjo"


def test_blank_rows_are_skipped_and_lines_kept():
    rows = [
        (2, row(sku="A-1")),
        (3, ["", None, "  ", "", "", "", "", ""]),
        (4, []),
        (5, row(sku="A-2", barcode="")),
    ]

    parsed = parse_catalog(HEADER, rows)

    assert [(p.line, p.sku) for p in parsed] == [(2, "A-1"), (5, "A-2")]


def test_row_becomes_a_product():
    [parsed] = parse_catalog(HEADER, numbered(row(price="Rp 450.000", stock="8")))

    assert parsed.to_product() == Product(
        sku="JTM-BTK-001",
        name="Batik Tulis Madura Motif Sekar Jagad",
        price=450_000,
        barcode="8997015000014",
        category="Batik",
        maker_group="KUB Batik Canting Sari",
        region="Kab. Pamekasan",
        stock=8,
    )


# --- bad rows --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("seratus ribu", "price 'seratus ribu' is not a whole rupiah amount"),
        ("150.000,50", "not a whole rupiah amount"),
        ("1,5 juta", "not a whole rupiah amount"),
        (1.5, "not a whole rupiah amount"),
        ("-5000", "cannot be negative"),
        (-5000, "cannot be negative"),
        ("", "price is empty"),
        (None, "price is empty"),
        ("Rp 20.000.000.000", "above"),
        (MAX_AMOUNT + 1, "above"),
    ],
)
def test_bad_price_is_refused_with_its_line(cell, words):
    problem = only_problem(HEADER, numbered(row(sku="A-1"), row(sku="A-2", barcode="", price=cell)))

    assert problem.line == 3
    assert words in problem.reason


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("-3", "cannot be negative"),
        (-3, "cannot be negative"),
        ("dua", "not a whole number"),
        (1.5, "not a whole number"),
        ("8991234567890", "above"),
    ],
)
def test_bad_stock_is_refused(cell, words):
    problem = only_problem(HEADER, numbered(row(stock=cell)))

    assert problem.line == 2
    assert "stock" in problem.reason
    assert words in problem.reason


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        ({"sku": ""}, "SKU is empty"),
        ({"sku": "JTM BTK 001"}, "contains a space"),
        ({"sku": "X" * (MAX_SKU_LENGTH + 1)}, "longer than 40"),
        ({"name": "  "}, "name is empty"),
        ({"name": "n" * (MAX_NAME_LENGTH + 1)}, "longer than 120"),
        ({"name": "Tas\x07Pandan"}, "control character"),
        ({"sku": "A\x00"}, "control character"),
        ({"barcode": "899 123"}, "barcode '899 123' contains a space"),
        ({"barcode": "8,99123E+12"}, "scientific notation"),
        ({"barcode": "8.99123E+12"}, "scientific notation"),
        ({"barcode": "899#1"}, "letters, digits"),
        ({"barcode": "9" * 49}, "longer than 48"),
    ],
)
def test_bad_sku_name_or_barcode_is_refused(cells, words):
    problem = only_problem(HEADER, numbered(row(**cells)))

    assert problem.line == 2
    assert words in problem.reason


def test_duplicate_sku_any_case_names_the_earlier_line():
    rows = numbered(
        row(sku="JTM-001", barcode="1"),
        row(sku="JTM-002", barcode="2"),
        row(sku="jtm-001", barcode="3"),
    )

    problem = only_problem(HEADER, rows)

    assert (problem.line, problem.reason) == (4, "duplicate SKU 'jtm-001', also on line 2")
    assert problem.why.code == "catalog.duplicate"


def test_duplicate_barcode_names_the_earlier_line():
    rows = numbered(row(sku="A-1", barcode="8991"), row(sku="A-2", barcode="8991"))

    problem = only_problem(HEADER, rows)

    assert (problem.line, problem.reason) == (3, "duplicate barcode '8991', also on line 2")


def test_rows_without_barcode_are_not_duplicates():
    parsed = parse_catalog(
        HEADER, numbered(row(sku="A-1", barcode=""), row(sku="A-2", barcode=None))
    )

    assert [p.barcode for p in parsed] == [None, None]


def test_every_bad_row_is_reported_and_nothing_returned():
    rows = numbered(
        row(sku="JTM-001", barcode="1"),  # line 2 fine
        row(sku="JTM-002", barcode="2", price="seratus ribu"),  # line 3
        row(sku="JTM-001", barcode="3"),  # line 4
        row(sku="JTM-004", barcode="4"),  # line 5 fine
        row(sku="JTM-005", barcode="5", stock="-2", name=""),  # line 6, two reasons
    )

    with pytest.raises(CatalogFileError) as caught:
        parse_catalog(HEADER, rows)

    err = caught.value
    assert [p.line for p in err.problems] == [3, 4, 6]
    assert "price 'seratus ribu'" in err.problems[0].reason
    assert "duplicate SKU 'JTM-001', also on line 2" in err.problems[1].reason
    assert "name is empty" in err.problems[2].reason
    assert "stock '-2' cannot be negative" in err.problems[2].reason
    assert str(err) == (
        "catalog not imported: 3 bad rows (first: line 3: price 'seratus ribu' "
        "is not a whole rupiah amount)"
    )
    assert err.message == str(err)
    assert isinstance(err, InvalidInput)


def test_one_bad_row_summary_is_singular():
    with pytest.raises(CatalogFileError, match=r"^catalog not imported: 1 bad row \(first: line 2"):
        parse_catalog(HEADER, numbered(row(price="abc")))


def test_values_past_the_header_are_refused_on_request():
    # "Rp 150,000" in a comma CSV becomes two cells: "Rp 150" and "000".
    cells = ["A-1", "Bros", "Rp 150", "000"]

    [parsed] = parse_catalog(["sku", "name", "price"], [(2, cells)])
    assert parsed.price == 150  # what a lenient reader would import
    problem = only_problem_strict(["sku", "name", "price"], [(2, cells)])
    assert problem.line == 2
    assert "4 values but the header has 3 columns" in problem.reason


def only_problem_strict(header: list[object], rows: list[tuple[int, list[object]]]) -> RowProblem:
    with pytest.raises(CatalogFileError) as caught:
        parse_catalog(header, rows, refuse_extra_cells=True)
    [problem] = caught.value.problems
    return problem


# --- the file as a whole ---------------------------------------------------------------------


def test_missing_required_columns_are_named_with_the_accepted_headers():
    problem = only_problem(["kode", "barcode", "judul", "nilai"], numbered(["A-1", "", "x", "1"]))

    assert problem.line == 0
    assert "lacks the required columns name, price" in problem.reason
    assert "'judul'" in problem.reason
    assert "name/nama" in problem.reason
    assert "price/harga" in problem.reason


def test_repeated_column_is_refused():
    problem = only_problem(["kode", "name", "price", "SKU"], numbered(["A-1", "x", "1", "A-1"]))

    assert problem.line == 0
    assert "two columns for sku" in problem.reason
    assert "'kode' (column 1)" in problem.reason
    assert "'SKU' (column 4)" in problem.reason


def test_header_without_rows_is_refused():
    with pytest.raises(CatalogFileError) as caught:
        parse_catalog(HEADER, [(2, ["", "", ""]), (3, [])])

    assert caught.value.problems == [RowProblem(0, msg("catalog.no_product_rows"))]
    assert str(caught.value) == "catalog not imported: the file has no product rows"


def test_the_problems_and_the_summary_are_said_in_the_windows_language_too():
    rows = numbered(row(sku="A-1"),
                    row(sku="A-2", barcode="", name="", price="seratus ribu", stock="-2"))
    with pytest.raises(CatalogFileError) as caught:
        parse_catalog(HEADER, rows)

    [problem] = caught.value.problems
    assert str(problem) == ("line 3: name is empty; price 'seratus ribu' is not a whole rupiah "
                            "amount; stock '-2' cannot be negative")
    assert problem.text("id") == ("baris 3: nama kosong; harga 'seratus ribu' bukan nominal "
                                  "rupiah bulat; stok '-2' tidak boleh negatif")
    assert caught.value.text("id") == f"Katalog tidak diimpor: 1 baris salah ({problem.text('id')})"


# --- property ---------------------------------------------------------------------------------

_word = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30
).map(lambda text: " ".join(text.split()))
_sku = st.from_regex(r"[A-Z]{3}-[A-Z0-9]{1,10}", fullmatch=True)
_barcode = st.none() | st.from_regex(r"899[0-9]{10}", fullmatch=True)


@st.composite
def catalogs(draw: st.DrawFn) -> list[CatalogRow]:
    skus = draw(st.lists(_sku, min_size=1, max_size=8, unique_by=str.casefold))
    barcodes: set[str] = set()
    result = []
    for line, sku in enumerate(skus, start=2):
        barcode = draw(_barcode.filter(lambda code: code is None or code not in barcodes))
        if barcode:
            barcodes.add(barcode)
        result.append(
            CatalogRow(
                line=line,
                sku=sku,
                barcode=barcode,
                name=draw(_word.filter(bool)),
                category=draw(_word),
                maker_group=draw(_word),
                region=draw(_word),
                price=draw(st.integers(0, MAX_AMOUNT)),
                stock=draw(st.integers(0, 10_000)),
            )
        )
    return result


def _format_price(price: int, style: int) -> object:
    grouped = f"{price:,}".replace(",", ".")
    return [str(price), grouped, f"Rp {grouped}", price, float(price)][style]


@given(catalogs(), st.lists(st.integers(0, 4), min_size=8, max_size=8))
def test_any_valid_rows_parse_back_to_themselves(expected, price_styles):
    rows = [
        (
            item.line,
            [
                item.sku,
                item.barcode,
                item.name,
                item.category,
                item.maker_group,
                item.region,
                _format_price(item.price, price_styles[index]),
                str(item.stock),
            ],
        )
        for index, item in enumerate(expected)
    ]

    assert parse_catalog(HEADER, rows) == expected
