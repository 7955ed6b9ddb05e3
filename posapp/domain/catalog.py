"""Catalog rows as a stand organiser types them in a spreadsheet, checked before import.

The file layer (``posapp.services.catalog_files``) turns CSV or XLSX into a header and
numbered rows of cells; this module validates them all at once, so the organiser sees every
bad row in one go and nothing is imported until the whole file is right. Each problem is a
message with values (``RowProblem.why``), said in the command line's English or the window's
language.

Longer than a screen: every rule a catalog row must meet is here, so that the organisers'
rules (docs/catalog-format.md) read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import N_, SOURCE_LANGUAGE, Message, msg
from posapp.domain.money import MAX_AMOUNT, MAX_DIGITS, parse_rupiah
from posapp.domain.product import Product
from posapp.domain.text import undefused

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
    """Why a line was refused, said in any language; ``line`` 0 means the file as a whole."""

    line: int
    why: Message

    @property
    def reason(self) -> str:
        """Why, in English (the command line, the log)."""
        return self.why.text()

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """``line 3: price 'x' is not a whole rupiah amount`` in *lang*."""
        if not self.line:
            return self.why.text(lang)
        return msg("catalog.on_line", line=self.line, reason=self.why).text(lang)

    def __str__(self) -> str:
        return self.text()


class CatalogFileError(InvalidInput):
    """A catalog file that cannot be imported; ``problems`` lists every reason, by line."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        summary = _summary(self.problems)
        super().__init__(summary.code, **summary.values)


def _summary(problems: list[RowProblem]) -> Message:
    if not problems:
        return msg("catalog.not_imported")
    whole_file = [p for p in problems if p.line == 0]
    if whole_file:
        reason, more = whole_file[0].why, len(problems) - 1
        if more == 0:
            return msg("catalog.not_imported_because", reason=reason)
        if more == 1:
            return msg("catalog.not_imported_because_and_one_more", reason=reason)
        return msg("catalog.not_imported_because_and_more", reason=reason, n=more)
    count = len({p.line for p in problems})
    if count == 1:
        return msg("catalog.not_imported_one_row", first=problems[0])
    return msg("catalog.not_imported_rows", n=count, first=problems[0])


def joined(reasons: Sequence[Message]) -> Message:
    """Several reasons as one: ``first; second; ...``."""
    why = reasons[-1]
    for reason in reversed(reasons[:-1]):
        why = msg("catalog.reasons", first=reason, then=why)
    return why


class _BadCell(Exception):
    """One cell's problem; collected per row, never leaves this module."""

    def __init__(self, why: Message) -> None:
        super().__init__(why.code)
        self.why = why


#: The cells' names in a problem, said in any language.
_SKU_NAME, _BARCODE_NAME = msg("catalog.column_sku"), msg("catalog.column_barcode")
_PRICE_NAME, _STOCK_NAME = msg("catalog.column_price"), msg("catalog.column_stock")


def accepted_headers() -> list[str]:
    """The header names shown to the user: ``["sku/kode", "barcode/barkode", ...]``."""
    return [f"{aliases[0]}/{aliases[1]}" for aliases in HEADER_ALIASES.values()]


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
            reasons.append(msg("catalog.extra_values", values=len(cells), columns=len(header)))
        sku, barcode = values.get("sku"), values.get("barcode")
        for column, what, shown, key in (
            ("sku", _SKU_NAME, sku, str(sku).casefold()),
            ("barcode", _BARCODE_NAME, barcode, str(barcode)),
        ):
            if not shown:
                continue
            earlier = first_line.setdefault((column, key), line)
            if earlier != line:
                reasons.append(msg("catalog.duplicate", what=what, value=shown, line=earlier))
        if reasons:
            problems.append(RowProblem(line, joined(reasons)))
        else:
            parsed.append(CatalogRow(line=line, **values))  # type: ignore[arg-type]
    if not parsed and not problems:
        problems.append(RowProblem(0, msg("catalog.no_product_rows")))
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
            problems.append(RowProblem(0, msg(
                "catalog.header_column_twice", column=column, first=titles[column],
                first_at=positions[column] + 1, second=title, second_at=index + 1)))
            continue
        positions[column] = index
        titles[column] = title
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        found: list[object] = [repr(_text(cell)) for cell in header if _text(cell)]
        lacks = (N_("catalog.header_lacks_columns") if len(missing) > 1
                 else N_("catalog.header_lacks_column"))
        problems.insert(0, RowProblem(0, msg(
            lacks, missing=missing, found=found or [msg("catalog.header_found_nothing")],
            accepted=accepted_headers())))
    if problems:
        raise CatalogFileError(problems)
    return positions


def _check_cells(
    cells: Sequence[object], positions: dict[str, int]
) -> tuple[dict[str, object], list[Message]]:
    """The row's good values by column, and one reason per bad cell."""
    values: dict[str, object] = {}
    reasons: list[Message] = []
    for column, check in _CHECKS.items():
        index = positions.get(column)
        cell = cells[index] if index is not None and index < len(cells) else None
        try:
            values[column] = check(cell)
        except _BadCell as bad:
            reasons.append(bad.why)
    return values, reasons


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _text(cell: object) -> str:
    """A cell as trimmed text; integral floats lose their ``.0`` (XLSX numbers); a text
    posapp's own export defused (``'=Tas``, ``spreadsheet_cell``) read back as it was."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return undefused(str(cell).strip())


def _shortened(text: str) -> str:
    """*text* as a refusal repeats it: at most 30 characters."""
    return text if len(text) <= 30 else text[:30] + "..."


def _label(
    cell: object, what: Message, *, required: bool = False, limit: int = MAX_LABEL_LENGTH
) -> str:
    text = " ".join(_text(cell).split())  # one line: Alt+Enter breaks and double spaces go
    if required and not text:
        raise _BadCell(msg("catalog.cell_empty", what=what))
    if _CONTROL.search(text):
        raise _BadCell(msg("catalog.cell_control_character", what=what, text=text))
    if len(text) > limit:
        raise _BadCell(msg("catalog.cell_too_long", what=what, text=text[:30] + "...",
                           limit=limit))
    return text


def _sku(cell: object) -> str:
    text = _text(cell)
    if not text:
        raise _BadCell(msg("catalog.cell_empty", what=_SKU_NAME))
    if any(ch.isspace() for ch in text):
        raise _BadCell(msg("catalog.cell_space", what=_SKU_NAME, text=text))
    if _CONTROL.search(text):
        raise _BadCell(msg("catalog.cell_control_character", what=_SKU_NAME, text=text))
    if len(text) > MAX_SKU_LENGTH:
        raise _BadCell(msg("catalog.cell_too_long", what=_SKU_NAME, text=text,
                           limit=MAX_SKU_LENGTH))
    return text


def _barcode(cell: object) -> str | None:
    if isinstance(cell, float) and not cell.is_integer():
        raise _BadCell(msg("catalog.cell_not_whole_number", what=_BARCODE_NAME, text=cell))
    text = _text(cell)
    if not text:
        return None
    if _SCIENTIFIC.match(text):
        raise _BadCell(msg("catalog.barcode_scientific", text=text))
    if any(ch.isspace() for ch in text):
        raise _BadCell(msg("catalog.cell_space", what=_BARCODE_NAME, text=text))
    if len(text) > MAX_BARCODE_LENGTH:
        raise _BadCell(msg("catalog.cell_too_long", what=_BARCODE_NAME, text=text,
                           limit=MAX_BARCODE_LENGTH))
    if not _BARCODE.match(text):
        raise _BadCell(msg("catalog.barcode_characters", text=text))
    return text


def _price(cell: object) -> int:
    if _is_blank(cell):
        raise _BadCell(msg("catalog.price_empty"))
    if isinstance(cell, bool):
        raise _BadCell(msg("catalog.price_not_whole_rupiah", text=cell))
    if isinstance(cell, float):
        if not cell.is_integer():
            raise _BadCell(msg("catalog.price_not_whole_rupiah", text=cell))
        cell = int(cell)
    if isinstance(cell, int):
        value = cell
    else:
        text = _text(cell)
        try:
            value = parse_rupiah(text, allow_negative=True)
        except InvalidInput:
            digits = re.sub(r"(?i)^rp|[\s.]|,0{1,2}$", "", text)
            if digits.isascii() and digits.isdigit() and (  # not "²": a digit int() refuses
                    len(digits) > MAX_DIGITS or int(digits) > MAX_AMOUNT):
                raise _BadCell(msg("catalog.price_above_max", text=_shortened(text),
                                   max=MAX_AMOUNT)) from None
            else:
                raise _BadCell(msg("catalog.price_not_whole_rupiah", text=text)) from None
    if value < 0:
        raise _BadCell(msg("catalog.cell_negative", what=_PRICE_NAME, text=_text(cell)))
    if value > MAX_AMOUNT:
        raise _BadCell(msg("catalog.price_above_max", text=_shortened(_text(cell)),
                           max=MAX_AMOUNT))
    return value


def _stock(cell: object) -> int:
    if _is_blank(cell):
        return 0
    if isinstance(cell, bool) or (isinstance(cell, float) and not cell.is_integer()):
        raise _BadCell(msg("catalog.cell_not_whole_number", what=_STOCK_NAME, text=cell))
    text = _text(cell)
    if not _WHOLE_NUMBER.match(text):
        raise _BadCell(msg("catalog.cell_not_whole_number", what=_STOCK_NAME,
                           text=_shortened(text)))
    if len(text) > MAX_DIGITS:
        raise _BadCell(msg("catalog.stock_above_max", text=_shortened(text), max=MAX_STOCK))
    value = int(text)
    if value < 0:
        raise _BadCell(msg("catalog.cell_negative", what=_STOCK_NAME, text=text))
    if value > MAX_STOCK:
        raise _BadCell(msg("catalog.stock_above_max", text=text, max=MAX_STOCK))
    return value


_CHECKS = {
    "sku": _sku,
    "barcode": _barcode,
    "name": lambda cell: _label(cell, msg("catalog.column_name"), required=True,
                                limit=MAX_NAME_LENGTH),
    "category": lambda cell: _label(cell, msg("catalog.column_category")),
    "maker_group": lambda cell: _label(cell, msg("catalog.column_maker_group")),
    "region": lambda cell: _label(cell, msg("catalog.column_region")),
    "price": _price,
    "stock": _stock,
}
