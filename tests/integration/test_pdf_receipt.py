"""The PDF receipt read back as a buyer would: its text (poppler's pdftotext), its page size
(pdfinfo) and its codes (pdftoppm, then zbarimg scans the picture)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Text
from posapp.domain.receipt import Receipt, ReceiptPayment, layout_receipt
from posapp.printing import fonts
from posapp.printing.pdf_receipt import render_pdf
from posapp.printing.text_receipt import render_text
from tests import samples
from tests.readback import needs_poppler, needs_zbar, run
from tests.samples import QR_DATA

MM = 72 / 25.4
SALE = replace(samples.SALE, qr=QR_DATA)  # the shared sample, with a QR code


def _pdf_lines(pdf: Path) -> list[str]:
    """The PDF's text, one entry per printed line, runs of spaces made one."""
    text = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _text_lines(receipt: Receipt, width: int) -> list[str]:
    """The lines ``render_text`` shows, runs of spaces made one, blank lines and the QR's
    stand-in dropped, the barcode's stand-in read as the number printed under the bars."""
    out = []
    for line in render_text(layout_receipt(receipt, width), width).splitlines():
        line = " ".join(line.split())
        if line.startswith("|||"):
            line = receipt.receipt_no
        if line and line != "[QR]":
            out.append(line)
    return out


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Every page's (width, height) in points, as pdfinfo reports them."""
    info = run("pdfinfo", "-f", "1", "-l", "999", pdf)
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    return [(float(w), float(h)) for w, h in sizes]


def _words_right_edges(pdf: Path) -> list[float]:
    """The right edge (points) of every word pdftotext finds."""
    html = run("pdftotext", "-bbox", pdf, "-")
    return [float(x) for x in re.findall(r'<word [^>]*xMax="([\d.]+)"', html)]


@needs_poppler
@pytest.mark.parametrize("width", [32, 42, 48])
def test_reads_back_line_for_line_like_the_text(tmp_path: Path, width: int) -> None:
    pdf = render_pdf(layout_receipt(SALE, width), width, tmp_path / "r.pdf")
    assert _pdf_lines(pdf) == _text_lines(SALE, width)


@needs_poppler
def test_the_figures_a_buyer_checks(tmp_path: Path) -> None:
    sale = replace(SALE, stand_name="Stand Jawa Timur — Café")
    pdf = render_pdf(layout_receipt(sale, 42), 42, tmp_path / "r.pdf")
    lines = _pdf_lines(pdf)
    assert "Struk JATIM-000123" in lines
    assert "Kopi Ijen Café — 250 g" in lines
    assert "Batik Tulis Madura Motif Sekar Jagad" in lines
    assert "TOTAL Rp 595.000" in lines
    assert "Kembalian Rp 5.000" in lines
    assert "Stand Jawa Timur —" in lines  # the double-size name, wrapped at 21 columns
    assert "Café" in lines
    text_total = next(line for line in _text_lines(sale, 42) if line.startswith("TOTAL"))
    assert text_total in lines


@needs_poppler
def test_roll_is_80_mm_wide_and_as_long_as_the_receipt(tmp_path: Path) -> None:
    short = render_pdf(layout_receipt(SALE, 42), 42, tmp_path / "short.pdf")
    longer = replace(SALE, lines=SALE.lines * 10, subtotal=SALE.subtotal * 10,
                     discount=SALE.discount * 10, total=SALE.total * 10,
                     payments=(ReceiptPayment("cash", SALE.total * 10 + 5_000,
                                              SALE.total * 10),), qr=None)
    long = render_pdf(layout_receipt(longer, 42), 42, tmp_path / "long.pdf")
    [(width, height)] = _page_sizes(short)
    [(long_width, long_height)] = _page_sizes(long)
    assert width == pytest.approx(80 * MM, abs=0.1)
    assert long_width == pytest.approx(80 * MM, abs=0.1)
    assert 100 * MM < height < long_height
    assert max(_words_right_edges(short)) <= width


@needs_poppler
def test_a6_pages_when_long(tmp_path: Path) -> None:
    longer = replace(SALE, lines=SALE.lines * 10, subtotal=SALE.subtotal * 10,
                     discount=SALE.discount * 10, total=SALE.total * 10,
                     payments=(ReceiptPayment("cash", SALE.total * 10, SALE.total * 10),),
                     change=0)
    pdf = render_pdf(layout_receipt(longer, 42), 42, tmp_path / "a6.pdf", page="a6")
    sizes = _page_sizes(pdf)
    assert len(sizes) >= 2
    assert all(size == pytest.approx((105 * MM, 148 * MM), abs=0.1) for size in sizes)
    lines = _pdf_lines(pdf)
    assert "TOTAL Rp 5.950.000" in lines
    assert lines.count("Kopi Ijen Café — 250 g") == 10


@needs_poppler
def test_bold_double_and_overlong_lines_stay_on_the_paper(tmp_path: Path) -> None:
    blocks = (Text("X" * 21, bold=True, double=True), Text("Y" * 60), Text("Z" * 42, True))
    pdf = render_pdf(blocks, 42, tmp_path / "wide.pdf")
    [(width, _)] = _page_sizes(pdf)
    assert _pdf_lines(pdf) == ["X" * 21, "Y" * 60, "Z" * 42]
    assert max(_words_right_edges(pdf)) <= width - 2 * MM


@needs_poppler
def test_courier_when_dejavu_is_missing(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", ())
    pdf = render_pdf(layout_receipt(SALE, 42), 42, tmp_path / "r.pdf")
    assert "Courier" in run("pdffonts", pdf)
    lines = _pdf_lines(pdf)
    assert "Kopi Ijen Café — 250 g" in lines
    assert "TOTAL Rp 595.000" in lines


@needs_zbar
@pytest.mark.parametrize("page", ["roll80", "a6"])
def test_barcode_and_qr_scan(tmp_path: Path, page: str) -> None:
    pdf = render_pdf(layout_receipt(SALE, 42), 42, tmp_path / "r.pdf", page=page)
    run("pdftoppm", "-r", "200", "-png", pdf, tmp_path / "page")
    scans = set()
    for png in sorted(tmp_path.glob("page*.png")):
        found = subprocess.run(["zbarimg", "--quiet", str(png)], capture_output=True,
                               text=True, check=False).stdout  # exit 4: nothing on the page
        scans.update(found.splitlines())
    assert scans == {f"CODE-128:{SALE.receipt_no}", f"QR-Code:{QR_DATA}"}


def test_unknown_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="letter"):
        render_pdf(layout_receipt(SALE, 42), 42, tmp_path / "r.pdf", page="letter")
