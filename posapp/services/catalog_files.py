"""Read and write catalog files (CSV UTF-8 or Excel XLSX) for the stand's product list.

Reading turns the file into a header and numbered rows and lets
``posapp.domain.catalog.parse_catalog`` judge them; every failure, including a broken file,
is a one-line ``PosError`` (``CatalogFileError`` when the file's content is at fault).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from posapp.domain.catalog import COLUMNS, CatalogFileError, CatalogRow, RowProblem, parse_catalog
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.messages import msg
from posapp.domain.product import Product
from posapp.domain.text import spreadsheet_cell
from posapp.printing.report_files import remove_leftovers

CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")
RUPIAH_NUMBER_FORMAT = '"Rp" #,##0'
TEXT_NUMBER_FORMAT = "@"

_DELIMITERS = (",", ";", "\t")
_COLUMN_WIDTHS = {
    "sku": 16,
    "barcode": 16,
    "name": 44,
    "category": 16,
    "maker_group": 36,
    "region": 20,
    "price": 14,
    "stock": 8,
}


def read_catalog_file(path: Path) -> list[CatalogRow]:
    """The valid rows of a ``.csv`` or ``.xlsx`` catalog; raises CatalogFileError listing
    every bad row, NotFound for a missing file, InvalidInput for any other file type."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise _unsupported_type(path)
    if not path.exists():
        raise NotFound("catalog.file_not_found", path=str(path))
    if path.is_dir():
        raise InvalidInput("catalog.file_is_folder", path=str(path))
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    return _read_xlsx(path)


def write_catalog_file(path: Path, products: Iterable[Product]) -> int:
    """Write *products* as a catalog (English header) that read_catalog_file reads back.

    ``.csv`` is UTF-8 with a BOM so Excel shows accents right; ``.xlsx`` keeps barcodes
    as text and shows prices as ``Rp 150.000``. Returns the number of products written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput("catalog.write_type", file=path.name)
    rows = [_cells_of(product) for product in products]
    remove_leftovers(path.parent, f".{path.name}.")
    partial = path.with_name(f".{path.name}.part")
    try:
        if suffix == ".csv":
            _write_csv(partial, rows)
        else:
            _write_xlsx(partial, rows)
        os.replace(partial, path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise InvalidInput("catalog.write_failed", path=str(path),
                           detail=str(err.strerror or err)) from None
    except ValueError as err:  # openpyxl refuses control characters in text
        partial.unlink(missing_ok=True)
        raise InvalidInput("catalog.write_refused", path=str(path), detail=str(err)) from None
    return len(rows)


def _unsupported_type(path: Path) -> InvalidInput:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return InvalidInput("catalog.old_excel_file", file=path.name)
    if suffix == ".ods":
        return InvalidInput("catalog.libreoffice_file", file=path.name)
    return InvalidInput("catalog.unsupported_file", file=path.name)


# --- CSV ---------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[CatalogRow]:
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CatalogFileError([RowProblem(0, msg("catalog.not_utf8", line=line))]) from None
    if not text.strip():
        raise CatalogFileError([RowProblem(0, msg("catalog.file_empty"))])
    numbered = _numbered_csv_rows(text)
    header: list[str] | None = None
    for _line, cells in numbered:
        if any(cell.strip() for cell in cells):
            header = cells
            break
    if header is None:
        raise CatalogFileError([RowProblem(0, msg("catalog.file_empty"))])
    return parse_catalog(header, numbered, refuse_extra_cells=True)


def _numbered_csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on; a broken quote becomes a CatalogFileError."""
    source = io.StringIO(text, newline="")
    reader = csv.reader(source, delimiter=_sniff_delimiter(text), strict=True)
    end_of_previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            start = end_of_previous + 1
            reason = (
                msg("catalog.quote_not_closed")
                if "end of data" in str(err)
                else msg("catalog.csv_unreadable", detail=str(err))
            )
            raise CatalogFileError([RowProblem(start, reason)]) from None
        start = end_of_previous + 1
        end_of_previous = reader.line_num
        yield start, cells


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon (Excel with Indonesian settings) or tab: the most common in the header."""
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: header_line.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _write_csv(path: Path, rows: list[tuple[object, ...]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(["" if cell is None else spreadsheet_cell(cell) for cell in row]
                         for row in rows)


# --- XLSX --------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> list[CatalogRow]:
    from openpyxl import load_workbook  # loaded for a workbook only (not at start)

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl fails with zip, XML, key and value errors alike
        raise _not_a_workbook(path) from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise CatalogFileError([RowProblem(0, msg("catalog.file_empty"))])
        sheet = sheets[0]
        sheet.reset_dimensions()  # some tools write a wrong size; read what is there
        try:
            rows = [
                (line, list(cells))
                for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        except Exception:
            raise _not_a_workbook(path) from None
    finally:
        workbook.close()
    numbered = iter(rows)
    for _line, cells in numbered:
        if any(cell is not None and str(cell).strip() for cell in cells):
            return parse_catalog(cells, numbered)
    raise CatalogFileError([RowProblem(0, msg("catalog.sheet_empty", sheet=sheet.title))])


def _not_a_workbook(path: Path) -> CatalogFileError:
    return CatalogFileError([RowProblem(0, msg("catalog.not_a_workbook", file=path.name))])


def _write_xlsx(path: Path, rows: list[tuple[object, ...]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Catalog"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    text_columns = {COLUMNS.index("sku"), COLUMNS.index("barcode")}
    price_column = COLUMNS.index("price")
    for row in rows:
        sheet.append([spreadsheet_cell(value) for value in row])
        for index, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name like "=Tas" is text, not a formula
            if index in text_columns:
                cell.number_format = TEXT_NUMBER_FORMAT
            elif index == price_column:
                cell.number_format = RUPIAH_NUMBER_FORMAT
    for index, column in enumerate(COLUMNS):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = _COLUMN_WIDTHS[column]
        if index in text_columns:  # rows the organiser adds later stay text too
            sheet.column_dimensions[letter].number_format = TEXT_NUMBER_FORMAT
    sheet.freeze_panes = "A2"
    workbook.save(path)


def _cells_of(product: Product) -> tuple[object, ...]:
    """A product in COLUMNS order."""
    return (
        product.sku,
        product.barcode,
        product.name,
        product.category,
        product.maker_group,
        product.region,
        product.price,
        product.stock,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InvalidInput("catalog.read_failed", path=str(path),
                           detail=str(err.strerror or err)) from None
