"""The organizers' event report on SQLite and PostgreSQL: the data, the PDF read back with
pdftotext, the XLSX read back with openpyxl, and ``posapp report --central``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from posapp.domain.money import format_rupiah
from posapp.printing.pdf_event_report import render_event_pdf
from posapp.printing.xlsx_event_report import RUPIAH, write_event_xlsx
from posapp.services import central_totals, central_views
from posapp.services.event_report import BREAKDOWNS, EventReport, event_report
from posapp.sync.central_store import Central
from tests.central.event_stands import EVENT, STANDS, Event, make_event
from tests.conftest import CliResult
from tests.readback import needs_poppler, run

MADE_AT = datetime(2026, 6, 26, 10, 30, tzinfo=UTC)


@pytest.fixture
def event(central_url: str, tmp_path: Path, catalog_file: Path) -> Event:
    return make_event(central_url, tmp_path / "stands", catalog_file)


def read_report(url: str, **kw: object) -> EventReport:
    with Central(url) as central:
        return event_report(central, made_at=MADE_AT, **kw)  # type: ignore[arg-type]


def test_the_report_data_agrees_with_the_central_views_and_the_z_reports(event: Event) -> None:
    steps: list[tuple[int, int]] = []
    report = read_report(event.url, progress=lambda done, total: steps.append((done, total)))

    assert report.overall.net == event.net == 1_734_500 * 6
    assert {s.code: s.totals.net for s in report.stands} == event.nets
    assert report.event_name == EVENT
    assert report.notes == []
    with Central(event.url) as central:
        assert [(s.code, s.totals.figures()) for s in report.stands] == [
            (s.code, s.totals.figures()) for s in central_totals.stand_totals(central)]
        for dim in BREAKDOWNS:
            ours = [s for s in report.breakdowns[dim] if s.sales or s.refunds]
            assert ours == central_views.breakdown(central, dim), dim
            assert sum(s.net for s in report.breakdowns[dim]) == event.net, dim
    for section in report.sections:
        assert sum(p.net for p in section.products) == section.stand.totals.net
        assert sum(m.net for m in section.methods) == section.stand.totals.net
        assert sum(d.net for d in section.days) == section.stand.totals.net
    assert sum(g.net for g in report.maker_groups) == event.net
    jilbab = next(g for g in report.maker_groups if g.name == "Perempuan Mandiri Lumajang")
    assert {p.stand: p.units for p in jilbab.products} == {"DIY": 18, "BALI": 12, "JATIM": 6}
    assert steps == [(n, 5) for n in range(1, 6)]


@needs_poppler
def test_the_pdf_shows_every_stand_the_overall_net_and_each_stand_page(
        event: Event, tmp_path: Path) -> None:
    pdf = render_event_pdf(read_report(event.url), tmp_path / "laporan.pdf")

    pages = run("pdftotext", "-layout", pdf, "-").split("\f")
    cover, totals = pages[0], pages[1]
    assert EVENT in cover  # "—" and "é" come back as written: the font has them
    assert format_rupiah(event.net) == "Rp 10.407.000"
    assert "Rp 10.407.000" in cover and "Penjualan neto seluruh stan" in cover
    assert "Halaman 1 dari" in cover
    for code, name, province, _ in STANDS:
        row = next(line for line in totals.splitlines() if line.strip().startswith(code))
        assert name in row and format_rupiah(event.nets[code]) in row
        assert province in totals
        page = next(p for p in pages if f"{code} · {name}" in p)  # the stand's own page
        assert format_rupiah(event.nets[code]) in page
        assert "Metode bayar" in page and "Produk terlaris (neto)" in page
    text = "\f".join(pages)
    for heading in ("Neto per provinsi", "Neto per kelompok pembuat", "Neto per kategori",
                    "Neto per hari", "Neto per metode bayar", "Pendapatan kelompok pembuat"):
        assert heading in text
    assert "Rp 10.917.000" in pages[-2] + pages[-1]  # the maker groups' grand total: sales


@needs_poppler
def test_the_pdf_in_english(event: Event, tmp_path: Path) -> None:
    pdf = render_event_pdf(read_report(event.url), tmp_path / "report.pdf", lang="en")

    text = run("pdftotext", "-layout", pdf, "-")
    assert "Exhibition Sales Report" in text and "Net by maker group" in text
    assert "Rp 10,407,000" in text and "Page 1 of" in text
    assert "Penjualan" not in text


def test_the_xlsx_stores_numbers_and_totals_that_add_up(event: Event, tmp_path: Path) -> None:
    report = read_report(event.url)
    book = openpyxl.load_workbook(write_event_xlsx(report, tmp_path / "laporan.xlsx"))

    assert book.sheetnames == ["Ringkasan", "Stan", "Provinsi", "Kelompok pembuat", "Kategori",
                               "Daerah asal", "Produk", "Hari", "Metode bayar",
                               "Produk per kelompok", "Pesanan per stan", "Pesanan terbuka"]
    for ws in book.worksheets[1:-2]:  # the orders' sheets: tests/central/test_orders_report.py
        header = [c.value for c in ws[1]]
        assert ws.freeze_panes == "A2" and all(c.font.b for c in ws[1]), ws.title
        assert all(ws.column_dimensions[c.column_letter].width >= len(str(c.value))
                   for c in ws[1]), ws.title
        body, total = list(ws.iter_rows(min_row=2))[:-1], list(ws.iter_rows(min_row=2))[-1]
        assert total[0].value == "TOTAL" and body, ws.title
        numeric = [i for i, c in enumerate(body[0]) if isinstance(c.value, int)]
        for i in numeric:
            column = [row[i] for row in body]
            assert all(isinstance(c.value, int) for c in column), (ws.title, header[i])
            assert total[i].value == sum(c.value for c in column), (ws.title, header[i])
            assert total[i].data_type == "n"  # a value, not a formula
        net = header.index("Neto")
        assert total[net].value == event.net, ws.title
        assert body[0][net].number_format == RUPIAH
    stands = book["Stan"]
    by_code = {r[0].value: r for r in stands.iter_rows(min_row=2)}
    for code, net in event.nets.items():
        assert by_code[code][[c.value for c in stands[1]].index("Neto")].value == net
    summary = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["Neto"] == event.net and summary["Pameran"] == EVENT


def test_the_xlsx_in_english(event: Event, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_event_xlsx(read_report(event.url),
                                                   tmp_path / "report.xlsx", lang="en"))
    assert book.sheetnames[:3] == ["Summary", "Stands", "Provinces"]
    methods = {r[0]: r[3] for r in book["Payment methods"].iter_rows(min_row=2,
                                                                      values_only=True)}
    assert methods["TOTAL"] == 1_734_500 * 6 and "Cash" in methods


# --- posapp report --central ... ------------------------------------------------------------

Cli = Callable[..., CliResult]


@needs_poppler
def test_cli_writes_both_files(event: Event, cli: Cli, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "out" / "laporan.pdf", tmp_path / "out" / "laporan.xlsx"
    pdf.parent.mkdir()
    xlsx.write_bytes(b"an older report")

    r = cli("report", "--central", event.url, "--pdf", str(pdf), "--xlsx", str(xlsx))

    assert r.code == 0, r.err
    assert f"PDF: {pdf}" in r.out and f"XLSX: {xlsx}" in r.out and "Rp 10.407.000" in r.out
    assert "Rp 10.407.000" in run("pdftotext", pdf, "-")
    assert openpyxl.load_workbook(xlsx)["Stan"].max_row == 5  # header, 3 stands, total
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["laporan.pdf", "laporan.xlsx"]


def test_cli_writes_one_file_in_english(event: Event, cli: Cli, tmp_path: Path) -> None:
    xlsx = tmp_path / "report.xlsx"
    r = cli("--lang", "en", "report", "--central", event.url, "--xlsx", str(xlsx))
    assert r.code == 0, r.err
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Summary"


@pytest.mark.parametrize(("args", "reason"), [
    ([], "say where to write the event report"),
    (["--pdf", "{tmp}/no/such/folder/r.pdf"], "does not exist"),
    (["--xlsx", "{tmp}"], "it is a folder"),
    (["--pdf", "{tmp}/r.pdf", "--xlsx", "{tmp}/r.pdf"], "the same file"),
])
def test_cli_refuses_bad_outputs_in_one_line(cli: Cli, tmp_path: Path, args: list[str],
                                             reason: str) -> None:
    """Before it reads the central store (the outputs are checked first)."""
    central = tmp_path / "central.sqlite"
    r = cli("report", "--central", str(central), *(a.format(tmp=tmp_path) for a in args))
    assert r.code == 1
    assert r.err.count("\n") == 1 and r.err.startswith("posapp: ") and reason in r.err
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx", ".part")] == []


def test_cli_refuses_a_missing_central_store(make_central_url: Callable[..., str], cli: Cli,
                                             tmp_path: Path) -> None:
    empty = make_central_url("empty")  # SQLite: no file; PostgreSQL: a database, no tables
    r = cli("report", "--central", empty, "--pdf", str(tmp_path / "r.pdf"))
    assert r.code == 1 and r.err.count("\n") == 1
    assert "no central store" in r.err
    assert not (tmp_path / "r.pdf").exists()


def test_report_x_and_z_still_work_and_mixing_them_is_refused(jatim: object, cli: Cli,
                                                               tmp_path: Path) -> None:
    x = cli("report", "x")
    assert x.code == 0 and "LAPORAN X" in x.out
    assert cli("report", "x", "--json").code == 0
    mixed = cli("report", "x", "--central", str(tmp_path / "c.sqlite"), "--pdf",
                str(tmp_path / "r.pdf"))
    assert mixed.code == 1 and "shift report" in mixed.err
    neither = cli("report")
    assert neither.code == 1 and "report --central" in neither.err
