"""The organizers' files with hostile text inside: product names that look like formulas and
a stand name stored with an escape character (before such text was refused). The event
report workbook and the shop CSV are written, their text cells are text (a quote before a
leading =, +, -, @), no control character reaches them, and numbers stay numbers."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from tests.central.event_stands import Event, make_event
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CATALOG_CSV, CliResult, Stand

FORMULA = "=cmd|' /C calc'!A0"
LINK = "@SUM(1+1)*cmd"
Cli = Callable[..., CliResult]


@pytest.fixture
def hostile_event(central_url: str, tmp_path: Path) -> Event:
    catalog = tmp_path / "katalog.csv"
    catalog.write_text(CATALOG_CSV.replace("Batik Tulis Madura Motif Sekar Jagad", FORMULA)
                       .replace("KUB Batik Canting Sari", LINK)
                       .replace("Lumajang", "-2+3"), encoding="utf-8")

    def escape_in_the_name(stand: Stand) -> None:  # as an older posapp let it in
        with stand.handle.engine.begin() as conn:
            conn.execute(text("UPDATE stand SET name = 'Stan \x1b[2J Bali\x07'"))

    return make_event(central_url, tmp_path / "stands", catalog,
                      before_sync={"BALI": escape_in_the_name})


def test_the_event_report_workbook_holds_text_not_formulas(hostile_event: Event, cli: Cli,
                                                          tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "laporan.xlsx", tmp_path / "laporan.pdf"
    r = cli("report", "--central", hostile_event.url, "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert r.code == 0, r.err
    assert pdf.read_bytes().startswith(b"%PDF")
    book = openpyxl.load_workbook(xlsx)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + FORMULA in texts and "'" + LINK in texts and "'-2+3" in texts
    assert FORMULA not in texts
    assert not [t for t in texts if any(ord(ch) < 32 and ch not in "\t\n" for ch in t)]
    assert "Stan [2J Bali" in texts  # the stand, its escape characters dropped
    stands = book["Stan"]
    net = [c.value for c in stands[1]].index("Neto")
    assert all(isinstance(row[net].value, int) for row in stands.iter_rows(min_row=2))
    assert stands.cell(stands.max_row, net + 1).value == hostile_event.net


def test_the_shop_csv_defuses_formulas_and_keeps_numbers(hostile_event: Event, cli: Cli,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "toko.csv"
    r = cli("shop-export", "--central", hostile_event.url, str(path), "--all")
    assert r.code == 0, r.err
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    names = {row["name"] for row in rows}
    assert "'" + FORMULA in names and FORMULA not in names
    assert {row["maker_group"] for row in rows if row["sku"] == "JTM-BTK-001"} == {"'" + LINK}
    assert all(row["price"].isdigit() for row in rows)  # numbers as they were
    raw = path.read_text(encoding="utf-8-sig")
    assert "\x1b" not in raw and "\x07" not in raw


def test_a_catalog_export_defuses_and_reads_back_as_typed(jatim: Stand, cli: Cli,
                                                          tmp_path: Path) -> None:
    with jatim.handle.engine.begin() as conn:  # stored before control characters were refused
        conn.execute(text("UPDATE product SET name = :n WHERE sku = 'JTM-BTK-001'"),
                     {"n": FORMULA})
        conn.execute(text("UPDATE product SET region = 'Tuban\x1b' WHERE sku = 'JTM-BTK-002'"))
    for name in ("katalog.csv", "katalog.xlsx"):
        r = cli("catalog", "export", str(tmp_path / name))
        assert r.code == 0, r.err
    with (tmp_path / "katalog.csv").open(encoding="utf-8-sig", newline="") as f:
        by_sku = {row["sku"]: row for row in csv.DictReader(f)}
    assert by_sku["JTM-BTK-001"]["name"] == "'" + FORMULA
    assert by_sku["JTM-BTK-002"]["region"] == "Tuban"
    sheet = openpyxl.load_workbook(tmp_path / "katalog.xlsx").active
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    r = cli("catalog", "import", str(tmp_path / "katalog.xlsx"), *AS_BUDI,
            stdin=BUDI_PIN_LINE)  # re-pricing needs a supervisor
    assert r.code == 0, r.err
    assert jatim.product("JTM-BTK-001").name == FORMULA  # the quote is posapp's, not the name's


def test_totals_show_a_stored_escape_and_keep_it_in_json(hostile_event: Event, cli: Cli) -> None:
    """The central store's stand name holds ESC and BEL: the table shows them as \\u001b,
    the JSON keeps the name as stored (valid JSON, the characters escaped)."""
    import json

    r = cli("totals", "--central", hostile_event.url)
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\x07" not in r.out
    r = cli("totals", "--central", hostile_event.url, "--json")
    assert r.code == 0, r.err
    assert "\x1b" not in r.out
    names = {s["stand"]: s["name"] for s in json.loads(r.out)["stands"]}
    assert names["BALI"] == "Stan \x1b[2J Bali\x07"
