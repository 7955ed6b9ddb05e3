"""Shared fixtures: a real stand database in a temp folder, the CLI run in-process."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir, StandHandle, open_stand
from posapp.cli.main import main as cli_main
from posapp.domain.product import Product
from posapp.services import catalog, shifts, stand, users
from posapp.services.catalog_files import read_catalog_file
from posapp.services.users import Actor

# The central store's fixtures (central_url on SQLite and PostgreSQL) for every test folder.
pytest_plugins = ["tests.central.fixtures"]

CASHIER, CASHIER_PIN = "Ani", "1234"
SUPERVISOR, SUPERVISOR_PIN = "Budi", "9999"
OPENING_FLOAT = 500_000

CATALOG_CSV = """sku,barcode,name,category,maker_group,region,price,stock
JTM-BTK-001,8991234500017,Batik Tulis Madura Motif Sekar Jagad,Batik,KUB Batik Canting Sari,Bangkalan,450000,5
JTM-BTK-002,8991234500024,Batik Gedog Tuban,Batik,Kelompok Tenun Gedog Kerek,Tuban,325000,3
JTM-JLB-001,8991234500031,Jilbab Lukis Bunga Teratai,Jilbab Lukis,Perempuan Mandiri Lumajang,Lumajang,85000,20
JTM-TAS-001,8991234500048,Clutch Anyaman Pandan,Tas Anyaman,Anyaman Pandan Sumenep,Sumenep,120000,1
JTM-KYU-001,,Topeng Malangan Mini,Kerajinan Kayu,Sanggar Topeng Asmorobangun,Malang,75000,0
JTM-CST-001,,Batik Tulis Pesanan,Batik,KUB Batik Canting Sari,Bangkalan,0,0
"""


@dataclass
class Stand:
    """A ready stand: catalog of six products, a cashier, a supervisor, a shift open."""

    data: DataDir
    handle: StandHandle
    cashier: Actor

    @property
    def path(self) -> Path:
        return self.handle.path

    def product(self, code: str) -> Product:
        return catalog.lookup(self.handle.uow(write=False), code)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_CSV, encoding="utf-8")
    return path


def make_stand(data: DataDir, code: str, catalog_path: Path, *, open_shift: bool = True) -> Stand:
    handle = open_stand(data, code, create=True)
    stand.set_up(handle.uow(), code=code, name=f"Stand {code}", province="Jawa Timur",
                 event_name="Pameran HANI")
    catalog.import_catalog(handle.uow(), read_catalog_file(catalog_path))
    cashier = users.add_user(handle.uow(), CASHIER, users.Role.CASHIER, CASHIER_PIN)
    users.add_user(handle.uow(), SUPERVISOR, users.Role.SUPERVISOR, SUPERVISOR_PIN)
    if open_shift:
        shifts.open_shift(handle.uow(), cashier, OPENING_FLOAT)
    return Stand(data, handle, cashier)


@pytest.fixture
def jatim(data_dir: DataDir, catalog_file: Path) -> Iterator[Stand]:
    s = make_stand(data_dir, "JATIM", catalog_file)
    yield s
    s.handle.close()


def dump_database(path: Path) -> list[str]:
    """Every row of every table, as SQL text: equal dumps mean nothing changed."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: DataDir, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``posapp --data-dir DATA ARGS...`` in this process; *stdin* feeds ``--pin-stdin``."""

    def run(*args: str, stdin: str = "") -> CliResult:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli_main(["--data-dir", str(data_dir.root), *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def full_stick(tmp_path: Path) -> Iterator[Path]:
    """A backup folder that is full: a 64 kB tmpfs (root only; skipped with the reason
    otherwise), unmounted again afterwards."""
    folder = tmp_path / "full"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full folder needs a small tmpfs: run as root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
