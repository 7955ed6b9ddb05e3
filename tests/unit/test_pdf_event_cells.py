"""PlainTable draws every cell's text where ReportLab's Table draws it: the same words at
the same places, read back with pdftotext -bbox, over a table that splits across pages."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A6
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from posapp.printing.pdf_event_cells import PlainTable
from posapp.printing.pdf_event_style import NAVY, pdf_fonts
from tests.readback import needs_poppler, run

ROWS = [["Kode", "Nama produk", "Unit", "Neto"]] + [
    [f"JATIM-{i:03}", f"Batik tulis motif {i} — é", str(i), f"Rp {i * 12_500:,}".replace(",", ".")]
    for i in range(1, 60)] + [["TOTAL", "", "1.770", "Rp 21.750.000"]]


def draw(kind: type[Table], path: Path) -> tuple[int, list[tuple[str, str, str]]]:
    """(pages, every word drawn with its left and top) of a 60-row table on A6 pages."""
    fonts = pdf_fonts()
    table = kind(ROWS, colWidths=[55, 120, 30, 65], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.regular, 7.5),
        ("FONT", (0, 0), (-1, 0), fonts.bold, 7.5), ("TEXTCOLOR", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("ALIGN", (1, 1), (1, 3), "CENTER"),
        ("SPAN", (0, -1), (1, -1)), ("LINEBELOW", (0, -1), (-1, -1), 0.6, NAVY),
    ]))
    SimpleDocTemplate(str(path), pagesize=A6, invariant=True).build([table])
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">'
                       r"([^<]*)</word>", run("pdftotext", "-bbox", path, "-"))
    pages = re.search(r"Pages:\s+(\d+)", run("pdfinfo", path))
    assert pages is not None
    return int(pages[1]), words


@needs_poppler
def test_plain_table_puts_each_word_where_table_does(tmp_path: Path) -> None:
    pages, ours = draw(PlainTable, tmp_path / "plain.pdf")
    assert (pages, ours) == draw(Table, tmp_path / "table.pdf")
    assert pages > 1  # it did split: the header repeats on each page
    assert sum(1 for *_, word in ours if word == "Kode") == pages
    assert ("TOTAL" in (w for *_, w in ours)) and len(ours) > 60 * 4
