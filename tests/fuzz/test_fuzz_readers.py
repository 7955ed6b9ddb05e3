"""Every reader of outside text and files, fuzzed: it gives a value or refuses with a
one-line reason (a PosError); nothing else escapes (no ValueError, no openpyxl or zip error,
no decimal error)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from posapp.domain import fx
from posapp.domain.errors import PosError
from posapp.domain.event_key import format_key, parse_key
from posapp.domain.money import parse_rupiah
from posapp.domain.order import Buyer, check_buyer
from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.domain.text import TextKind, clean_text, shown, spreadsheet_cell
from posapp.services.catalog_files import read_catalog_file
from posapp.services.event import join
from posapp.services.export import export_journal
from posapp.sync.export_file import read_export
from tests.conftest import BUDI, CATALOG_CSV, Stand
from tests.fuzz.test_fuzz_cli import STATIC_QRIS
from tests.fuzz.words import fuzz_settings, hostile_text

KEY = bytes(range(32))
#: How many more cases a reader gets than a command: readers are cheap.
TIMES = 10


def refuses_cleanly(read: Callable[[], Any]) -> None:
    """*read* returns, or raises a PosError that says itself on one line."""
    try:
        read()
    except PosError as refusal:
        said = refusal.message
        assert said and "\n" not in said, said
        assert "\x1b" not in shown(said)


@fuzz_settings(TIMES)
@given(text=hostile_text())
def test_amounts(text: str) -> None:
    refuses_cleanly(lambda: parse_rupiah(text))
    refuses_cleanly(lambda: parse_rupiah(text, allow_negative=True))


@fuzz_settings(TIMES)
@given(text=st.one_of(hostile_text(), st.sampled_from(["USD=16000", "EUR=17.500,5", "JPY=107"]),
                      st.builds(lambda c, v: f"{c}={v}", st.sampled_from(["USD", "usd", "XXX"]),
                                hostile_text())))
def test_rates(text: str) -> None:
    refuses_cleanly(lambda: fx.parse_rate(text))


@fuzz_settings(TIMES)
@given(text=st.one_of(hostile_text(), st.just(format_key(KEY)),
                      st.builds(lambda cut, extra: format_key(KEY)[:cut] + extra,
                                st.integers(0, 70), hostile_text())))
def test_event_keys(text: str) -> None:
    refuses_cleanly(lambda: parse_key(text))


@fuzz_settings(TIMES)
@given(text=st.one_of(hostile_text(), st.just(STATIC_QRIS),
                      st.builds(lambda at, extra: STATIC_QRIS[:at] + extra + STATIC_QRIS[at:],
                                st.integers(0, len(STATIC_QRIS)), hostile_text())),
       amount=st.integers(-10, 10**20))
def test_qris_strings(text: str, amount: int) -> None:
    refuses_cleanly(lambda: parse_qris(text))
    refuses_cleanly(lambda: dynamic_payload(text, amount))


@fuzz_settings(TIMES)
@given(name=hostile_text(), phone=hostile_text(), email=hostile_text(),
       address=hostile_text())
def test_buyers_and_phone_numbers(name: str, phone: str, email: str, address: str) -> None:
    refuses_cleanly(lambda: check_buyer(Buyer(name, phone, email, "ID", address)))
    refuses_cleanly(lambda: check_buyer(Buyer("Sari", phone)))


@fuzz_settings(TIMES)
@given(text=hostile_text(), kind=st.sampled_from(list(TextKind)))
def test_text_fields(text: str, kind: TextKind) -> None:
    """A field's text is kept clean or refused; a spreadsheet cell never starts a formula."""
    try:
        kept = clean_text(text, kind)
    except PosError:
        pass
    else:
        assert len(kept) <= kind.limit
        assert not any(ord(c) < 32 and c not in "\t\n" for c in kept)
    cell = spreadsheet_cell(text)
    assert isinstance(cell, str)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def _csv_text(cells: list[str]) -> str:
    header, first, *rest = CATALOG_CSV.splitlines()
    return "\n".join([header, ",".join([*cells, *first.split(",")[len(cells):]]), *rest]) + "\n"


@fuzz_settings(TIMES)
@given(data=st.one_of(
    st.binary(max_size=300),
    st.lists(hostile_text(), min_size=1, max_size=8).map(
        lambda c: _csv_text(c).encode("utf-8", "surrogatepass")),
    st.builds(lambda at, junk: CATALOG_CSV.encode()[:at] + junk,
              st.integers(0, len(CATALOG_CSV)), st.binary(max_size=40)),
))
def test_catalog_csv_files(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("csv") / "catalog.csv"
    path.write_bytes(data)
    refuses_cleanly(lambda: read_catalog_file(path))


def _workbook(cells: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    header, *rows = [line.split(",") for line in CATALOG_CSV.splitlines()]
    sheet.append(header)
    sheet.append([*cells, *rows[0][len(cells):]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_CELL = st.one_of(hostile_text().map(lambda t: t.translate({c: None for c in range(32)})
                                     .encode("utf-8", "replace").decode()),
                  st.integers(-(10**40), 10**40),
                  st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none())


@fuzz_settings(TIMES)
@given(data=st.one_of(
    st.lists(_CELL, min_size=1, max_size=8).map(_workbook),
    st.binary(max_size=300),
    st.builds(lambda cut: _workbook(["JTM-X"])[:cut], st.integers(0, 4000)),
    st.just(b"PK\x05\x06" + b"\x00" * 18),
))
def test_catalog_xlsx_files(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "catalog.xlsx"
    path.write_bytes(data)
    refuses_cleanly(lambda: read_catalog_file(path))


@pytest.fixture
def export_bytes(jatim: Stand, tmp_path: Path) -> bytes:
    """A real export file of JATIM (joined to the event of KEY)."""
    join(jatim.handle.uow(), format_key(KEY), approval=BUDI)
    done = export_journal(jatim.handle.uow(), tmp_path / "jatim.posexport")
    return done.path.read_bytes()


@fuzz_settings(TIMES)
@given(change=st.one_of(
    st.tuples(st.just("cut"), st.integers(0, 3000), st.binary(max_size=0)),
    st.tuples(st.just("insert"), st.integers(0, 3000), st.binary(min_size=1, max_size=30)),
    st.tuples(st.just("text"), st.integers(0, 3000), hostile_text().map(
        lambda t: t.encode("utf-8", "surrogatepass"))),
))
def test_export_files(export_bytes: bytes, tmp_path_factory: pytest.TempPathFactory,
                      change: tuple[str, int, bytes]) -> None:
    how, at, extra = change
    at = min(at, len(export_bytes))
    data = export_bytes[:at] if how == "cut" else export_bytes[:at] + extra + export_bytes[at:]
    path = tmp_path_factory.mktemp("export") / "jatim.posexport"
    path.write_bytes(data)
    refuses_cleanly(lambda: read_export(path, KEY))


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(PosError):
        read_catalog_file(path)
