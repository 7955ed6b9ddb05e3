"""A stand opened lazily: its first screen read with plain sqlite3, SQLAlchemy loaded later,
and the same answers as the services give."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir, open_stand, schema_head
from posapp.domain.errors import StorageError
from posapp.services import settings, shifts, users
from posapp.services.session import first_look
from posapp.services.session.stand import StandSession
from posapp.store.database import SCHEMA_HEAD
from tests.conftest import CASHIER, CASHIER_PIN, OPENING_FLOAT, Stand

ROOT = Path(__file__).resolve().parents[2]


def test_the_newest_migration_and_the_languages_are_the_stores_and_the_settings() -> None:
    assert schema_head() == SCHEMA_HEAD
    assert first_look.LANGUAGES == settings.LANGUAGES


def test_a_lazy_stand_sells_before_sqlalchemy_is_loaded_and_loads_it_when_asked(
        jatim: Stand) -> None:
    jatim.handle.close()
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from posapp.bootstrap import DataDir
        from posapp.services.session.stand import StandSession

        s = StandSession.open_stand(DataDir(Path({str(jatim.data.root)!r})), "JATIM", lazy=True)
        line = s.scan("8991234500017")
        print(s.info.name, s.user_names(), s.open_shift_number(), line.product.name,
              len(s.catalog.search("teratai")), "sqlalchemy" in sys.modules)
        s.login("{CASHIER}", "{CASHIER_PIN}")
        print(s.loaded, s.discount_limit, "sqlalchemy" in sys.modules)
        s.close()
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.splitlines() == [
        "Stand JATIM ['Ani', 'Budi'] 1 Batik Tulis Madura Motif Sekar Jagad 1 False",
        "True 10 True"]


def test_the_first_look_reads_what_the_services_read(jatim: Stand) -> None:
    handle = jatim.handle
    names = [a.name for a in users.list_users(handle.uow(write=False))]
    assert first_look.user_names(handle) == names == ["Ani", "Budi"]
    with handle.uow(write=False) as uow:
        shift = shifts.open_shift_row(uow)
        assert shift is not None
        assert first_look.open_shift_number(handle) == shift.number
    look = first_look.read(handle)
    assert (look.info.code, look.info.name, look.language) == ("JATIM", "Stand JATIM", "id")
    budi = users.login(handle.uow(write=False), "Budi", "999999")
    settings.save(handle.uow(), replace(settings.get(handle.uow()), language="en"), actor=budi)
    assert first_look.read(handle).language == "en"
    shifts.close_shift(handle.uow(), jatim.cashier, OPENING_FLOAT)
    assert first_look.open_shift_number(handle) is None


def test_a_stored_language_it_does_not_know_reads_as_indonesian(jatim: Stand) -> None:
    with sqlite3.connect(jatim.path) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', 'xx')")
    assert first_look.read(jatim.handle).language == "id"
    assert settings.get(jatim.handle.uow()).language == "id"


def test_a_session_opened_lazily_finishes_loading_with_the_stands_settings(
        jatim: Stand) -> None:
    jatim.handle.close()
    session = StandSession.open_stand(jatim.data, "JATIM", lazy=True)
    try:
        assert not session.loaded and not session.handle.engine_ready
        assert session.catalog.find("JTM-TAS-001").name == "Clutch Anyaman Pandan"
        session.finish_loading()
        assert session.loaded and session.handle.engine_ready
        session.login(CASHIER, CASHIER_PIN)
        session.scan("8991234500031")
        assert session.total() == 85_000
    finally:
        session.close()


def test_a_file_not_in_wal_mode_is_opened_the_whole_way_even_when_lazy(jatim: Stand) -> None:
    jatim.handle.close()
    with sqlite3.connect(jatim.path) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    handle = open_stand(jatim.data, "JATIM", lazy=True)
    try:
        assert handle.engine_ready  # migrate() ran: WAL switched on again
        with sqlite3.connect(jatim.path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        handle.close()


def test_a_broken_file_is_refused_by_a_lazy_opening_too(data_dir: DataDir) -> None:
    data_dir.stands_dir.mkdir(parents=True)
    data_dir.stand_path("JATIM").write_bytes(b"\0" * 4096)
    with pytest.raises(StorageError) as refused:
        open_stand(data_dir, "JATIM", lazy=True)
    assert refused.value.code == "storage.not_a_stand_database"
