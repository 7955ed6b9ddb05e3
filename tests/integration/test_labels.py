"""Label sheets read back: the text (pdftotext), the page size and count (pdfinfo) and every
Code128 scanned from a 300 dpi picture of each page (pdftoppm, then zbarimg)."""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from posapp.cli import main as cli_main_module
from posapp.cli.main import build_parser
from posapp.domain.errors import InvalidInput
from posapp.domain.money import format_rupiah
from posapp.domain.product import Product
from posapp.printing import fonts, labels
from posapp.printing.labels import (
    LAYOUTS,
    LabelLayout,
    label_code,
    parse_layout,
    render_labels,
    sheet_count,
)
from posapp.services import catalog
from tests.conftest import CliResult, Stand
from tests.readback import needs_poppler, needs_zbar, run

MM = 72 / 25.4
A4_PTS = (595.28, 841.89)

PRODUCTS = [
    Product("JTM-BTK-001", "Batik Tulis Madura Motif Sekar Jagad", 450_000, "8991234500017",
            maker_group="KUB Batik Canting Sari"),
    Product("JTM-BTK-002", "Batik Gedog Tuban", 325_000, "8991234500024",
            maker_group="Kelompok Tenun Gedog Kerek"),
    Product("JTM-JLB-001", "Jilbab Lukis Bunga Teratai", 85_000, "8991234500031",
            maker_group="Perempuan Mandiri Lumajang"),
    Product("JTM-KYU-001", "Topeng Malangan Mini", 75_000, None,
            maker_group="Sanggar Topeng Asmorobangun"),
    Product("JTM-CST-001", "Batik Tulis Pesanan", 0, None, maker_group="KUB Batik Canting Sari"),
]


def _text(pdf: Path) -> str:
    """The PDF's text in drawing order (label by label), all whitespace made one space."""
    return " ".join(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split())


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = run("pdfinfo", "-f", "1", "-l", "999", pdf)
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    return [(float(w), float(h)) for w, h in sizes]


def _scans(pdf: Path, layout: LabelLayout, folder: Path) -> list[list[str | None]]:
    """Per page, per label position: the one Code128 zbarimg reads from that label cut out
    of a 300 dpi rendering of the page (None: nothing read). zbarimg reports a code once per
    picture however often it appears, so each label is scanned on its own."""
    image = pytest.importorskip("PIL.Image", reason="Pillow not installed (python-escpos "
                                                    "brings it)")
    run("pdftoppm", "-r", "300", "-gray", "-png", pdf, folder / "page")
    px = 300 / 25.4
    pages = []
    for number, png in enumerate(sorted(folder.glob("page*.png"))):
        cells = []
        with image.open(png) as picture:
            for position in range(layout.per_sheet):
                row, column = divmod(position, layout.columns)
                x = layout.left + column * (layout.label_width + layout.column_gap)
                y = layout.top + row * (layout.label_height + layout.row_gap)
                box = (round(x * px), round(y * px), round((x + layout.label_width) * px),
                       round((y + layout.label_height) * px))
                cell = folder / f"cell-{number:03d}-{position:03d}.png"
                picture.crop(box).save(cell)
                cells.append(cell)
        xml = subprocess.run(["zbarimg", "--quiet", "--xml", "-Sdisable", "-Scode128.enable",
                              *map(str, cells)], capture_output=True, text=True,
                             check=False).stdout  # exit 4: nothing found somewhere
        found: dict[str, list[str]] = {}
        for source, body in re.findall(r"<source href='([^']*)'>(.*?)</source>", xml, re.S):
            found[Path(source).name] = re.findall(r"<data><!\[CDATA\[(.*?)\]\]></data>", body)
        page = []
        for cell in cells:
            codes = found.get(cell.name, [])
            assert len(codes) <= 1, (cell.name, codes)
            page.append(codes[0] if codes else None)
        pages.append(page)
    return pages


def _expected(codes: list[str], layout: LabelLayout, start_at: int = 1) -> list[list[str | None]]:
    """What _scans should read: *codes* in position order from *start_at*, blanks elsewhere."""
    slots: list[str | None] = [None] * (start_at - 1) + list(codes)
    slots += [None] * (-len(slots) % layout.per_sheet)
    return [slots[i:i + layout.per_sheet] for i in range(0, len(slots), layout.per_sheet)]


def _words(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word pdftotext finds on page 1, with its box in points (top-left origin)."""
    html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def test_named_layouts_are_the_standard_sheets() -> None:
    assert (LAYOUTS["3x7"].label_width, LAYOUTS["3x7"].label_height) == pytest.approx((70, 42.3))
    assert (LAYOUTS["3x8"].label_width, LAYOUTS["3x8"].label_height) == pytest.approx((70, 37))
    assert (LAYOUTS["4x10"].label_width, LAYOUTS["4x10"].label_height) == pytest.approx(
        (48.5, 25.4))
    assert (LAYOUTS["2x7"].label_width, LAYOUTS["2x7"].label_height) == pytest.approx(
        (99.1, 38.1))
    assert parse_layout("3x8") is LAYOUTS["3x8"]
    assert parse_layout(" 4X10 ") is LAYOUTS["4x10"]
    generic = parse_layout("5x13")
    assert (generic.columns, generic.rows, generic.per_sheet) == (5, 13, 65)
    assert generic.label_width == pytest.approx(40) and generic.label_height == pytest.approx(
        287 / 13)


@pytest.mark.parametrize("spec", ["", "3", "3x", "x8", "3x8x2", "a x b", "0x8", "3x0",
                                  "12x8", "3x40", "3x16", "9x8", "3,8", "-3x8"])
def test_bad_layouts_are_refused(spec: str) -> None:
    with pytest.raises(InvalidInput):
        parse_layout(spec)


def test_bad_margins_copies_and_positions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="too small"):
        LabelLayout(3, 8, top=100, bottom=100)
    with pytest.raises(InvalidInput, match="0 mm or more"):
        LabelLayout(3, 8, left=-1)
    out = tmp_path / "x.pdf"
    with pytest.raises(InvalidInput, match="copies"):
        render_labels(PRODUCTS, out, layout=LAYOUTS["3x8"], copies=0)
    with pytest.raises(InvalidInput, match="start position"):
        render_labels(PRODUCTS, out, layout=LAYOUTS["3x8"], start_at=25)
    with pytest.raises(InvalidInput, match="no products"):
        render_labels([], out, layout=LAYOUTS["3x8"])
    with pytest.raises(InvalidInput, match="JTM-X"):
        render_labels([Product("JTM-X", "Kopi", 1, barcode="kopi-é")], out,
                      layout=LAYOUTS["3x8"])
    with pytest.raises(InvalidInput, match="too long"):
        render_labels([Product("JTM-Y", "Kopi", 1, barcode="A" * 60)], out,
                      layout=LAYOUTS["4x10"])
    assert not out.exists()


def test_sheet_count() -> None:
    layout = LAYOUTS["3x8"]
    assert [sheet_count(n, layout) for n in (0, 1, 24, 25, 48, 49)] == [0, 1, 1, 2, 2, 3]
    assert sheet_count(10, layout, start_at=15) == 1
    assert sheet_count(11, layout, start_at=15) == 2


@needs_poppler
def test_names_prices_and_makers_read_back(tmp_path: Path) -> None:
    pdf = render_labels(PRODUCTS, tmp_path / "l.pdf", layout=LAYOUTS["3x8"], copies=2)
    text = _text(pdf)
    for product in PRODUCTS:
        assert text.count(product.name) == 2, product.name
        assert text.count(product.maker_group) >= 2, product.maker_group
        assert text.count(label_code(product)) == 2, product.sku
        if product.price:
            assert text.count(format_rupiah(product.price)) == 2
    assert "Rp 0" not in text  # the open price shows no price
    assert _page_sizes(pdf) == [pytest.approx(A4_PTS, abs=0.1)]


@needs_poppler
def test_pages_are_a4_and_as_many_as_needed(tmp_path: Path) -> None:
    pdf = render_labels(PRODUCTS, tmp_path / "l.pdf", layout=LAYOUTS["3x8"], copies=10)
    sizes = _page_sizes(pdf)
    assert len(sizes) == 3  # 50 labels, 24 a sheet
    assert all(size == pytest.approx(A4_PTS, abs=0.1) for size in sizes)


@needs_poppler
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_every_word_stays_inside_its_label(tmp_path: Path, name: str) -> None:
    layout = LAYOUTS[name]
    long_one = Product("JTM-LNG-001", "Tas Anyaman Pandan Sumenep Motif Kembang Setaman "
                       "Ukuran Besar Dengan Tali Kulit Asli", 1_250_000, "8991234500055",
                       maker_group="Kelompok Pengrajin Anyaman Pandan Desa Pinggir Papas")
    pdf = render_labels([long_one, *PRODUCTS], tmp_path / "l.pdf", layout=layout)
    width, height = layout.label_width * MM, layout.label_height * MM
    words = _words(pdf)
    assert words
    for word, x0, y0, x1, y1 in words:
        column = int((x0 - layout.left * MM) // ((layout.label_width + layout.column_gap) * MM))
        row = int((y0 - layout.top * MM) // ((layout.label_height + layout.row_gap) * MM))
        left = (layout.left + column * (layout.label_width + layout.column_gap)) * MM
        top = (layout.top + row * (layout.label_height + layout.row_gap)) * MM
        assert left <= x0 and x1 <= left + width, word
        assert top <= y0 and y1 <= top + height, word


@needs_zbar
@pytest.mark.parametrize("name", ["3x8", "4x10", "2x7", "3x7"])
def test_every_code_scans_back(tmp_path: Path, name: str) -> None:
    layout = LAYOUTS[name]
    pdf = render_labels(PRODUCTS, tmp_path / "l.pdf", layout=layout, copies=2)
    codes = [label_code(p) for p in PRODUCTS for _ in range(2)]
    assert codes[:2] == ["8991234500017"] * 2 and codes[6:8] == ["JTM-KYU-001"] * 2
    assert _scans(pdf, layout, tmp_path) == _expected(codes, layout)


@needs_zbar
def test_a_full_small_sheet_scans(tmp_path: Path) -> None:
    """40 labels of 48.5 x 25.4 mm, each a different code, the longest SKUs that fit."""
    products = [Product(f"JTM-ANY-{i:03d}", f"Anyaman {i}", 10_000 + i,
                        barcode=None if i % 2 else f"89912345{i:05d}", maker_group="KUB")
                for i in range(40)]
    layout = LAYOUTS["4x10"]
    pdf = render_labels(products, tmp_path / "l.pdf", layout=layout)
    assert _scans(pdf, layout, tmp_path) == _expected([label_code(p) for p in products], layout)


@needs_zbar
def test_start_at_skips_used_positions(tmp_path: Path) -> None:
    layout = LAYOUTS["3x8"]
    pdf = render_labels(PRODUCTS, tmp_path / "l.pdf", layout=layout, copies=2, start_at=20)
    sizes = _page_sizes(pdf)
    assert len(sizes) == 2  # positions 20-24 on the first sheet, 5 more on the second
    words = _words(pdf)
    first_row_top = 19 // 3 * layout.label_height * MM + layout.top * MM
    assert min(y0 for _, _, y0, _, _ in words) >= first_row_top  # rows 1-6 left blank
    codes = [label_code(p) for p in PRODUCTS for _ in range(2)]
    assert _scans(pdf, layout, tmp_path) == _expected(codes, layout, start_at=20)


@needs_poppler
def test_helvetica_when_dejavu_is_missing(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", ())
    pdf = render_labels(PRODUCTS, tmp_path / "l.pdf", layout=LAYOUTS["3x8"])
    assert "Helvetica" in run("pdffonts", pdf)
    assert "Batik Gedog Tuban" in _text(pdf)


@needs_poppler
def test_non_latin_names_with_dejavu(tmp_path: Path) -> None:
    if labels._fonts().regular != "DejaVuSans":
        pytest.skip("DejaVu Sans not installed: install Debian's fonts-dejavu-core")
    product = Product("JTM-AKS-001", "Кофе Ijen Ελληνικά", 99_000)
    pdf = render_labels([product], tmp_path / "l.pdf", layout=LAYOUTS["3x8"])
    assert "Кофе Ijen" in _text(pdf)


# --- the command line -------------------------------------------------------------------

Labels = Callable[..., CliResult]


def _has_labels_command() -> bool:
    parser = build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return any("labels" in a.choices for a in subs)


@pytest.fixture
def labels_cli(cli: Callable[..., CliResult],
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Labels]:
    """``posapp labels ...`` through the ``cli`` fixture; ``labels`` is registered here if
    cli/main.py does not do it (yet)."""
    if not _has_labels_command():
        from posapp.cli import commands_labels

        original = cli_main_module.commands_print.register

        def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
            original(sub, common)
            commands_labels.register(sub, common)

        monkeypatch.setattr(cli_main_module.commands_print, "register", register)
    yield lambda *args, **kwargs: cli("labels", *args, **kwargs)


@needs_zbar
def test_cli_all_active_products(jatim: Stand, labels_cli: Labels, tmp_path: Path) -> None:
    pdf = tmp_path / "labels.pdf"
    r = labels_cli(str(pdf), "--copies", "2", "--layout", "4x10")
    assert r.code == 0, r.err
    products = catalog.list_products(jatim.handle.uow(write=False))
    assert r.out.strip() == f"{len(products) * 2} labels on 1 sheet written to {pdf}"
    codes = [label_code(p) for p in products for _ in range(2)]
    assert _scans(pdf, LAYOUTS["4x10"], tmp_path) == _expected(codes, LAYOUTS["4x10"])


@needs_poppler
def test_cli_chosen_skus_and_start(jatim: Stand, labels_cli: Labels, tmp_path: Path) -> None:
    pdf = tmp_path / "labels.pdf"
    r = labels_cli(str(pdf), "--sku", "JTM-BTK-002", "--sku", "jtm-kyu-001", "--copies", "3",
                   "--start-at", "20")
    assert r.code == 0, r.err
    assert r.out.strip() == f"6 labels on 2 sheets written to {pdf}"
    text = _text(pdf)
    assert text.count("Batik Gedog Tuban") == 3 and text.count("Topeng Malangan Mini") == 3
    assert "Jilbab" not in text
    assert len(_page_sizes(pdf)) == 2


def test_cli_refusals_write_nothing(jatim: Stand, labels_cli: Labels, tmp_path: Path) -> None:
    pdf = tmp_path / "labels.pdf"
    r = labels_cli(str(pdf), "--sku", "JTM-BTK-001", "--sku", "NO-SUCH-1")
    assert r.code == 1 and r.err.count("\n") == 1 and "NO-SUCH-1" in r.err
    r = labels_cli(str(pdf), "--layout", "3by8")
    assert r.code == 1 and r.err.count("\n") == 1 and "3by8" in r.err
    r = labels_cli(str(pdf), "--start-at", "99")
    assert r.code == 1 and "start position" in r.err
    r = labels_cli(str(pdf), "--margins", "1,2,3")
    assert r.code == 1 and "margins" in r.err
    assert not pdf.exists()


@needs_poppler
def test_cli_margins(jatim: Stand, labels_cli: Labels, tmp_path: Path) -> None:
    pdf = tmp_path / "labels.pdf"
    r = labels_cli(str(pdf), "--layout", "3x7", "--margins", "10,5,5,10")
    assert r.code == 0, r.err
    left_edge = min(x0 for _, x0, _, _, _ in _words(pdf))
    assert left_edge >= 5 * MM
