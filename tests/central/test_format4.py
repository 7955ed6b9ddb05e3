"""Format 4: sales, lines and payments keyed by stand first. A store made by the posapp
before it (format 3) opens, reads the same figures and takes new stands' files."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from benchmarks._event import write_event
from posapp.domain.event_key import parse_key
from posapp.services import central_totals, merge
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central
from tests.central.export_files import NoSecrets

#: tests/central/data/central-format3.sqlite.gz: made by posapp at df6ee17 (format 3) from
#: benchmarks/_event.py's files for ACEH and SUMUT, 120 sales each (one void, one refund),
#: merged with this event key (a test key, nothing else uses it).
OLD_STORE = Path(__file__).parent / "data" / "central-format3.sqlite.gz"
OLD_KEY = "NTRB-KXAB-QABG-R761-5RE8-WP86-YYXF-2V7V-DTJD-CS73-TS53-G9JX-E801-V926"
#: What that posapp read from it: stand, kept sales, voids, refunds, net.
OLD_FIGURES = {"ACEH": (119, 1, 146_000, 113_651_000 - 146_000),
               "SUMUT": (119, 1, 671_000, 117_112_000 - 671_000)}


def _old_store(tmp_path: Path) -> Path:
    path = tmp_path / "central.sqlite"
    with gzip.open(OLD_STORE) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _figures(target: str) -> dict[str, tuple[int, int, int, int]]:
    with Central(target) as central:
        return {s.code: (s.totals.sales_count, s.totals.voids_count, s.totals.refunds,
                         s.totals.net) for s in central_totals.stand_totals(central)}


def _layout(path: Path) -> tuple[str, dict[str, list[str]]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            version = conn.scalar(text("SELECT value FROM central_meta WHERE key = 'version'"))
            keys = {t.name: inspect(conn).get_pk_constraint(t.name)["constrained_columns"]
                    for t in cs.STAND_KEYED}
    finally:
        engine.dispose()
    return str(version), keys


def test_a_format_3_store_reads_the_same_figures_after_its_upgrade(tmp_path: Path) -> None:
    path = _old_store(tmp_path)
    assert _layout(path) == ("3", {"sale": ["id"], "sale_line": ["sale_id", "line_no"],
                                   "payment": ["sale_id", "n"]})

    assert _figures(str(path)) == OLD_FIGURES  # a read: upgrades first

    assert _layout(path) == (str(cs.CENTRAL_VERSION), {
        "sale": ["stand", "id"], "sale_line": ["stand", "sale_id", "line_no"],
        "payment": ["stand", "sale_id", "n"]})
    with Central(str(path)) as central:
        assert central_totals.check_z_reports(central) == []


def test_a_format_3_store_takes_a_new_stand_and_knows_the_old_ones(tmp_path: Path) -> None:
    path = _old_store(tmp_path)
    sumbar = write_event(tmp_path / "usb", parse_key(OLD_KEY), stands=3, sales=120)[2]

    first = merge.merge_files(str(path), [sumbar], key=OLD_KEY, secrets=NoSecrets())
    again = merge.merge_files(str(path), [sumbar], key=OLD_KEY, secrets=NoSecrets())

    assert [(r.stand, r.applied) for r in first.merged] == [("SUMBAR", 125)]
    assert [(r.stand, r.skipped) for r in again.already] == [("SUMBAR", 125)]
    figures = _figures(str(path))
    assert {code: figures[code] for code in OLD_FIGURES} == OLD_FIGURES
    assert figures["SUMBAR"][:2] == (119, 1)  # 120 sales, one voided
    with Central(str(path)) as central:
        assert central_totals.check_z_reports(central) == []


def test_a_format_3_postgresql_store_is_keyed_by_stand_in_place(
        central_url: str, central_backend: str, tmp_path: Path) -> None:
    """On PostgreSQL the keys change in place (ALTER TABLE); a format-3 store is made here
    by giving a new store the keys and version posapp at df6ee17 gave it."""
    if central_backend != "postgresql":
        pytest.skip("SQLite's upgrade: the store made by posapp at df6ee17, above")
    files = write_event(tmp_path / "usb", parse_key(OLD_KEY), stands=2, sales=120)
    merge.merge_files(central_url, files, key=OLD_KEY, secrets=NoSecrets())
    before = _figures(central_url)
    engine = create_engine(central_url)
    with engine.begin() as conn:  # format 3: keyed by the sale's id, PostgreSQL's own names
        for table, key in (("sale", "id"), ("sale_line", "sale_id, line_no"),
                           ("payment", "sale_id, n")):
            conn.execute(text(f"ALTER TABLE {table} DROP CONSTRAINT pk_{table}"))
            conn.execute(text(f"ALTER TABLE {table} ADD PRIMARY KEY ({key})"))
        conn.execute(text("UPDATE central_meta SET value = '3' WHERE key = 'version'"))
    engine.dispose()

    assert _figures(central_url) == before  # a read: upgrades first

    engine = create_engine(central_url)
    try:
        with engine.connect() as conn:
            keys = {t.name: inspect(conn).get_pk_constraint(t.name)["constrained_columns"]
                    for t in cs.STAND_KEYED}
            version = conn.scalar(text("SELECT value FROM central_meta WHERE key = 'version'"))
    finally:
        engine.dispose()
    assert version == str(cs.CENTRAL_VERSION)
    assert keys == {"sale": ["stand", "id"], "sale_line": ["stand", "sale_id", "line_no"],
                    "payment": ["stand", "sale_id", "n"]}
    sumbar = write_event(tmp_path / "usb3", parse_key(OLD_KEY), stands=3, sales=120)[2]
    assert merge.merge_files(central_url, [sumbar], key=OLD_KEY,
                             secrets=NoSecrets()).refused == []
    with Central(central_url) as central:
        assert central_totals.check_z_reports(central) == []
