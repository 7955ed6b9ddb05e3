"""Storage that cannot be used: a locked, read-only or foreign database, an unwritable folder.

Each refusal is one ``posapp:`` line and leaves the files exactly as they were. Permissions
are tested for real: as root (who ignores them) the command runs as user ``nobody``.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.cli.main import main as cli_main
from posapp.store import database
from tests.conftest import CASHIER_PIN, Stand, dump_database, make_stand
from tests.integration.test_bad_input import ANI, assert_refused

# --- locked ----------------------------------------------------------------------------------

LOCKED_COMMANDS = [
    pytest.param(["sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000"],
                 id="sell"),
    pytest.param(["stock", "adjust", "JTM-TAS-001", "5", "--reason", "kiriman",
                  "--cashier", "ani", "--pin-stdin"], id="stock-adjust"),
    pytest.param(["shift", "close", "--cashier", "ani", "--pin-stdin", "--counted", "500000"],
                 id="shift-close"),
    pytest.param(["cashier", "add", "Citra", "--pin-stdin"], id="cashier-add"),
]


@pytest.mark.parametrize("args", LOCKED_COMMANDS)
def test_locked_database_is_refused(jatim: Stand, cli, monkeypatch: pytest.MonkeyPatch,
                                    args: list[str]) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)  # not 5 s per test
    before = dump_database(jatim.path)
    other = sqlite3.connect(jatim.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        r = cli(*args, stdin="5678\n" if args[0] == "cashier" else ANI)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_refused(r.code, r.err, "busy", "try again", out=r.out)
    assert dump_database(jatim.path) == before


# --- not a posapp database -------------------------------------------------------------------


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* with its bytes (but posapp's own log): equal means nothing
    was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith("posapp.log")}


def write_text_file(path: Path) -> None:
    path.write_text("Daftar harga stand Jawa Timur\nBatik Tulis,450000\n", encoding="utf-8")


def write_other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kas (tanggal TEXT, jumlah INTEGER)")
    conn.execute("INSERT INTO kas VALUES ('2024-06-26', 150000)")
    conn.commit()
    conn.close()


def write_damaged_copy(path: Path) -> None:
    """An SQLite file whose pages were overwritten (a bad USB stick)."""
    write_other_sqlite(path)
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("make_file", [write_text_file, write_other_sqlite, write_damaged_copy],
                         ids=["text-file", "other-sqlite", "damaged"])
@pytest.mark.parametrize("args", [["sales"], ["sell", "--cashier", "ani", "--pin-stdin",
                                              "JTM-JLB-001", "cash=100000"]],
                         ids=["sales", "sell"])
def test_foreign_file_is_refused_untouched(data_dir: DataDir, cli, make_file,
                                           args: list[str]) -> None:
    data_dir.stands_dir.mkdir(parents=True)
    make_file(data_dir.stand_path("JATIM"))
    before = files_in(data_dir.root)
    r = cli(*args, stdin=ANI)
    assert_refused(r.code, r.err, "JATIM.sqlite", "not a posapp stand database", out=r.out)
    assert files_in(data_dir.root) == before


def test_database_from_a_newer_posapp_is_refused(jatim: Stand, cli) -> None:
    jatim.handle.close()
    conn = sqlite3.connect(jatim.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = files_in(jatim.data.root)
    r = cli("sales")
    assert_refused(r.code, r.err, "newer posapp", "update posapp")
    assert files_in(jatim.data.root) == before


# --- permissions: read-only database, unwritable data folder --------------------------------

NOBODY = 65534
needs_posix_modes = pytest.mark.skipif(sys.platform == "win32",
                                        reason="file modes make nothing read-only on Windows")


def as_nobody() -> list[str]:
    """How root runs this venv's ``posapp`` as user nobody (root ignores file modes)."""
    posapp = Path(sys.executable).parent / "posapp"
    if not posapp.exists():
        pytest.skip(f"no posapp script next to {sys.executable}")
    if shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    elif shutil.which("runuser"):
        prefix = ["runuser", "-u", "nobody", "--"]
    else:
        pytest.skip("running as root without setpriv or runuser to become user nobody")
    probe = subprocess.run([*prefix, str(posapp), "--version"], capture_output=True, text=True,
                           timeout=60, cwd="/")
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot run {posapp} (are the venv and the project readable "
                    f"by others?): {probe.stderr.strip()[-200:]}")
    return [*prefix, str(posapp)]


@pytest.fixture
def shared_tmp(tmp_path: Path) -> Iterator[Path]:
    """A temp folder the user running posapp can reach (root's tmp_path is private)."""
    folder = Path(tempfile.mkdtemp(prefix="posapp-perm-")) if os.geteuid() == 0 else tmp_path
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    if folder != tmp_path:
        shutil.rmtree(folder)


def give_to_runner(folder: Path) -> None:
    """As root, hand *folder* to user nobody, so the modes set next apply as to an owner."""
    if os.geteuid() == 0:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)


@pytest.fixture
def posapp(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``posapp --data-dir DATA ARGS...`` as a user file modes apply to: returns
    (exit code, stdout, stderr). As root that is user nobody in a subprocess, else this
    process, where the plain modes already hold."""

    def run(data: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
        argv = ["--data-dir", str(data), *args]
        if os.geteuid() == 0:
            env = {k: v for k, v in os.environ.items() if not k.startswith("POSAPP_")}
            env["HOME"] = str(data.parent)
            done = subprocess.run([*as_nobody(), *argv], input=stdin, capture_output=True,
                                  text=True, timeout=120, cwd=data.parent, env=env)
            return done.returncode, done.stdout, done.stderr
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli_main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@needs_posix_modes
@pytest.mark.parametrize(
    ("file_mode", "folder_mode", "expected"),
    [(0o444, 0o555, ["JATIM.sqlite", "read-only", "write access"]),
     (0o444, 0o755, ["JATIM.sqlite", "read-only", "write access"]),
     (0o644, 0o555, ["stands", "read-only", "write access"])],
    ids=["file-and-folder", "file-only", "folder-only"],
)
def test_read_only_database_is_refused(shared_tmp: Path, catalog_file: Path, posapp,
                                       file_mode: int, folder_mode: int,
                                       expected: list[str]) -> None:
    data = DataDir(shared_tmp / "data")
    make_stand(data, "JATIM", catalog_file).handle.close()
    give_to_runner(shared_tmp)
    path = data.stand_path("JATIM")
    before, files = dump_database(path), files_in(data.root)
    path.chmod(file_mode)
    data.stands_dir.chmod(folder_mode)
    code, out, err = posapp(data.root, "sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001",
                            "cash=100000", stdin=f"{CASHIER_PIN}\n")
    assert_refused(code, err, *expected, out=out)
    assert files_in(data.root) == files
    assert stat.S_IMODE(path.stat().st_mode) == file_mode
    data.stands_dir.chmod(0o755)  # SQLite reads a WAL file only where it may write
    path.chmod(0o644)
    assert dump_database(path) == before


@needs_posix_modes
@pytest.mark.parametrize("layout", ["empty-folder", "stands-folder", "missing-below-read-only"])
def test_init_in_an_unwritable_data_folder_is_refused(shared_tmp: Path, posapp,
                                                      layout: str) -> None:
    parent = shared_tmp / "usb"
    data = parent / "data"
    data.mkdir(parents=True)
    if layout == "stands-folder":
        (data / "stands").mkdir()
    give_to_runner(shared_tmp)
    for folder in sorted(data.rglob("*"), reverse=True):
        folder.chmod(0o555)
    data.chmod(0o555)
    if layout == "missing-below-read-only":
        data.chmod(0o755)
        data.rmdir()
        parent.chmod(0o555)
    before = sorted(p.relative_to(shared_tmp) for p in shared_tmp.rglob("*"))
    code, out, err = posapp(data, "init", "--stand", "JATIM", "--name", "Stand Jawa Timur")
    assert_refused(code, err, "cannot write to the data folder", str(data), "--data-dir",
                   out=out)
    assert sorted(p.relative_to(shared_tmp) for p in shared_tmp.rglob("*")) == before
