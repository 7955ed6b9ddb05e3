"""Catalog rows as a stand organiser types them in a spreadsheet, checked before import.

The file layer (``posapp.services.catalog_files``) turns CSV or XLSX into a header and
numbered rows of cells; this module validates them all at once, so the organiser sees every
bad row in one go and nothing is imported until the whole file is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from posapp.domain.errors import InvalidInput
from posapp.domain.money import MAX_AMOUNT, format_rupiah, parse_rupiah
from posapp.domain.product import Product

COLUMNS = ("sku", "barcode", "name", "category", "maker_group", "region", "price", "stock")
REQUIRED_COLUMNS = ("sku", "name", "price")

MAX_SKU_LENGTH = 40
MAX_BARCODE_LENGTH = 48
MAX_NAME_LENGTH = 120
MAX_LABEL_LENGTH = 120  # category, maker group, region
MAX_STOCK = 1_000_000

#: Header spellings per column, compared after dropping case, spaces, ``_``, ``-`` and ``.``.
#: The first two are the names the docs show (English, Indonesian).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "sku": ("sku", "kode", "kode barang", "kode produk", "kode sku", "code", "product code"),
    "barcode": ("barcode", "barkode", "kode batang", "kode_batang", "ean", "gtin"),
    "name": ("name", "nama", "nama produk", "nama barang", "product name", "product"),
    "category": ("category", "kategori", "jenis"),
    "maker_group": (
        "maker_group",
        "kelompok",
        "kelompok pembuat",
        "kelompok perajin",
        "kelompok pengrajin",
        "maker",
        "maker group",
        "pembuat",
        "perajin",
        "pengrajin",
    ),
    "region": ("region", "daerah", "asal daerah", "asal", "kabupaten/kota", "kabupaten", "kota"),
    "price": ("price", "harga", "harga jual", "harga (rp)", "harga rp", "price (rp)"),
    "stock": ("stock", "stok", "stok awal", "jumlah stok", "qty", "quantity"),
}

_BARCODE = re.compile(r"^[A-Za-z0-9._/-]+$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text.replace("\ufeff", "")).casefold()


_COLUMN_BY_KEY = {
    _header_key(alias): column for column, aliases in HEADER_ALIASES.items() for alias in aliases
}


@dataclass(frozen=True, slots=True)
class CatalogRow:
    """One valid product row of a catalog file, with the line it came from."""

    line: int
    sku: str
    barcode: str | None
    name: str
    category: str
    maker_group: str
    region: str
    price: int
    stock: int

    def to_product(self) -> Product:
        """The product this row describes (new, so without a database id)."""
        return Product(
            sku=self.sku,
            name=self.name,
            price=self.price,
            barcode=self.barcode,
            category=self.category,
            maker_group=self.maker_group,
            region=self.region,
            stock=self.stock,
        )


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a line was refused; ``line`` 0 means the file as a whole."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


class CatalogFileError(InvalidInput):
    """A catalog file that cannot be imported; ``problems`` lists every reason, by line."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__(_summary(self.problems))


def _summary(problems: list[RowProblem]) -> str:
    if not problems:
        return "catalog not imported"
    whole_file = [p for p in problems if p.line == 0]
    if whole_file:
        more = len(problems) - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"catalog not imported: {whole_file[0].reason}{extra}"
    count = len({p.line for p in problems})
    return f"catalog not imported: {count} bad row{'s' if count > 1 else ''} (first: {problems[0]})"


class _BadCell(Exception):
    """One cell's problem; collected per row, never leaves this module."""


def accepted_headers() -> str:
    """The header names shown to the user, e.g. ``sku/kode, barcode/barkode, ...``."""
    return ", ".join(f"{aliases[0]}/{aliases[1]}" for aliases in HEADER_ALIASES.values())


def parse_catalog(
    header: Sequence[object],
    rows: Iterable[tuple[int, Sequence[object]]],
    *,
    refuse_extra_cells: bool = False,
) -> list[CatalogRow]:
    """Validate every row; raise CatalogFileError listing EVERY bad row, else return all rows.

    *header* is the first row of the file; *rows* are ``(line number, cells)`` pairs.
    Cells may be ``str``, ``int``, ``float`` (integral where a number is expected) or ``None``.
    With *refuse_extra_cells* (CSV), a row with values past the header's last column is bad:
    it usually means a comma inside an unquoted value, such as ``Rp 150,000``.
    """
    positions = _map_header(header)
    parsed: list[CatalogRow] = []
    problems: list[RowProblem] = []
    first_line: dict[tuple[str, str], int] = {}
    for line, cells in rows:
        if all(_is_blank(cell) for cell in cells):
            continue
        values, reasons = _check_cells(cells, positions)
        if refuse_extra_cells and any(not _is_blank(cell) for cell in cells[len(header) :]):
            reasons.append(
                f"the row has {len(cells)} values but the header has {len(header)} columns "
                "(a comma inside a value? write prices as 150000 or 150.000, "
                "or put the value in quotes)"
            )
        sku, barcode = values.get("sku"), values.get("barcode")
        for what, shown, key in (
            ("SKU", sku, str(sku).casefold()),
            ("barcode", barcode, str(barcode)),
        ):
            if not shown:
                continue
            earlier = first_line.setdefault((what, key), line)
            if earlier != line:
                reasons.append(f"duplicate {what} {shown!r}, also on line {earlier}")
        if reasons:
            problems.append(RowProblem(line, "; ".join(reasons)))
        else:
            parsed.append(CatalogRow(line=line, **values))  # type: ignore[arg-type]
    if not parsed and not problems:
        problems.append(RowProblem(0, "the file has no product rows"))
    if problems:
        raise CatalogFileError(problems)
    return parsed


def _map_header(header: Sequence[object]) -> dict[str, int]:
    """Column name -> cell index; raises CatalogFileError for missing or repeated columns."""
    positions: dict[str, int] = {}
    titles: dict[str, str] = {}
    problems: list[RowProblem] = []
    for index, cell in enumerate(header):
        title = _text(cell)
        column = _COLUMN_BY_KEY.get(_header_key(title)) if title else None
        if column is None:
            continue  # unknown extra columns are allowed (notes, photos, ...)
        if column in positions:
            problems.append(
                RowProblem(
                    0,
                    f"the header has two columns for {column}: {titles[column]!r} "
                    f"(column {positions[column] + 1}) and {title!r} (column {index + 1})",
                )
            )
            continue
        positions[column] = index
        titles[column] = title
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        found = ", ".join(repr(_text(cell)) for cell in header if _text(cell)) or "nothing"
        problems.insert(
            0,
            RowProblem(
                0,
                f"the header lacks the required column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} (found {found}; accepted headers: {accepted_headers()})",
            ),
        )
    if problems:
        raise CatalogFileError(problems)
    return positions


def _check_cells(
    cells: Sequence[object], positions: dict[str, int]
) -> tuple[dict[str, object], list[str]]:
    """The row's good values by column, and one reason per bad cell."""
    values: dict[str, object] = {}
    reasons: list[str] = []
    for column, check in _CHECKS.items():
        index = positions.get(column)
        cell = cells[index] if index is not None and index < len(cells) else None
        try:
            values[column] = check(cell)
        except _BadCell as bad:
            reasons.append(str(bad))
    return values, reasons


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _text(cell: object) -> str:
    """A cell as trimmed text; integral floats lose their ``.0`` (XLSX numbers)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _label(
    cell: object, what: str, *, required: bool = False, limit: int = MAX_LABEL_LENGTH
) -> str:
    text = " ".join(_text(cell).split())  # one line: Alt+Enter breaks and double spaces go
    if required and not text:
        raise _BadCell(f"{what} is empty")
    if _CONTROL.search(text):
        raise _BadCell(f"{what} {text!r} contains an invisible control character")
    if len(text) > limit:
        raise _BadCell(f"{what} {text[:30] + '...'!r} is longer than {limit} characters")
    return text


def _sku(cell: object) -> str:
    text = _text(cell)
    if not text:
        raise _BadCell("SKU is empty")
    if any(ch.isspace() for ch in text):
        raise _BadCell(f"SKU {text!r} contains a space")
    if _CONTROL.search(text):
        raise _BadCell(f"SKU {text!r} contains an invisible control character")
    if len(text) > MAX_SKU_LENGTH:
        raise _BadCell(f"SKU {text!r} is longer than {MAX_SKU_LENGTH} characters")
    return text


def _barcode(cell: object) -> str | None:
    if isinstance(cell, float) and not cell.is_integer():
        raise _BadCell(f"barcode {cell!r} is not a whole number")
    text = _text(cell)
    if not text:
        return None
    if _SCIENTIFIC.match(text):
        raise _BadCell(
            f"barcode {text!r} was shortened to scientific notation by the spreadsheet; "
            "format the barcode column as Text and type the digits again"
        )
    if any(ch.isspace() for ch in text):
        raise _BadCell(f"barcode {text!r} contains a space")
    if len(text) > MAX_BARCODE_LENGTH:
        raise _BadCell(f"barcode {text!r} is longer than {MAX_BARCODE_LENGTH} characters")
    if not _BARCODE.match(text):
        raise _BadCell(f"barcode {text!r} may only have letters, digits and - . / _")
    return text


def _price(cell: object) -> int:
    if _is_blank(cell):
        raise _BadCell("price is empty (write 0 for a price set at the till)")
    if isinstance(cell, bool):
        raise _BadCell(f"price {cell!r} is not a whole rupiah amount")
    if isinstance(cell, float):
        if not cell.is_integer():
            raise _BadCell(f"price {cell!r} is not a whole rupiah amount")
        cell = int(cell)
    if isinstance(cell, int):
        value = cell
    else:
        text = _text(cell)
        try:
            value = parse_rupiah(text, allow_negative=True)
        except InvalidInput:
            digits = re.sub(r"(?i)^rp|[\s.]|,0{1,2}$", "", text)
            if digits.isdigit() and int(digits) > MAX_AMOUNT:
                value = int(digits)
            else:
                raise _BadCell(f"price {text!r} is not a whole rupiah amount") from None
    if value < 0:
        raise _BadCell(f"price {_text(cell)!r} cannot be negative")
    if value > MAX_AMOUNT:
        raise _BadCell(f"price {_text(cell)!r} is above {format_rupiah(MAX_AMOUNT)}")
    return value


def _stock(cell: object) -> int:
    if _is_blank(cell):
        return 0
    if isinstance(cell, bool) or (isinstance(cell, float) and not cell.is_integer()):
        raise _BadCell(f"stock {cell!r} is not a whole number")
    text = _text(cell)
    if not _WHOLE_NUMBER.match(text):
        raise _BadCell(f"stock {text!r} is not a whole number")
    value = int(text)
    if value < 0:
        raise _BadCell(f"stock {text!r} cannot be negative")
    if value > MAX_STOCK:
        raise _BadCell(f"stock {text!r} is above {MAX_STOCK} (a barcode in the wrong column?)")
    return value


_CHECKS = {
    "sku": _sku,
    "barcode": _barcode,
    "name": lambda cell: _label(cell, "name", required=True, limit=MAX_NAME_LENGTH),
    "category": lambda cell: _label(cell, "category"),
    "maker_group": lambda cell: _label(cell, "maker group"),
    "region": lambda cell: _label(cell, "region"),
    "price": _price,
    "stock": _stock,
}
