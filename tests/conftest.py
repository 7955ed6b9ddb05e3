"""Shared fixtures: a real stand database in a temp folder (a copy of one made once per
session, see StandTemplates), the CLI run in-process."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from posapp.bootstrap import DataDir, StandHandle, open_stand
from posapp.cli.main import main as cli_main
from posapp.domain import security
from posapp.domain.product import Product
from posapp.services import catalog, shifts, stand, users
from posapp.services.catalog_files import read_catalog_file
from posapp.services.users import Actor, Approval
from posapp.store.uow import Clock, utc_now

# Hypothesis's own defaults time each case (a 200 ms deadline) and fail a test whose input
# generation is slow: on this shared 2-core machine, with make test's two workers, that
# failed tests for the machine's load, not for posapp (no timed asserts: benchmarks/ time).
# The cases and their number stay hypothesis's; tests/fuzz has profiles of its own.
settings.register_profile("posapp", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("posapp")

# The central store's fixtures (central_url on SQLite and PostgreSQL) for every test folder.
pytest_plugins = ["tests.central.fixtures"]

CASHIER, CASHIER_PIN = "Ani", "1234"
SUPERVISOR, SUPERVISOR_PIN = "Budi", "999999"
#: Budi's approval, for what the stand's policy lets only a supervisor do.
BUDI = Approval(SUPERVISOR, SUPERVISOR_PIN)
#: A command run with Budi's approval: his PIN on standard input (before any other line).
AS_BUDI = ("--pin-stdin", "--supervisor", SUPERVISOR)
BUDI_PIN_LINE = f"{SUPERVISOR_PIN}\n"
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


@dataclass(frozen=True)
class Template:
    """A stand database made once, closed and checkpointed: one file, no -wal or -shm."""

    path: Path
    cashier: Actor
    extra: object  # what the builder returned next to the stand (order numbers, ...)


#: scrypt's cost for the PINs of template stands (posapp's own is 2**14): the same scheme,
#: salt and check, 16 times cheaper to verify at each of the suite's ~500 log-ins and
#: supervisor approvals. PINs set during a test are hashed at posapp's cost.
TEMPLATE_SCRYPT_N = 2**10


class StandTemplates:
    """Stand databases made once per test session and copied for each stand a test asks for.

    The first time a kind of stand is asked for, its builder makes it in the session's
    template folder with the services a test would call (migrations, set-up, catalog
    import, PIN hashes, a shift, sales, ...); every stand of that kind afterwards is a byte
    copy of that file, opened at the test's own path like any stand. The nth stand of one
    code in one test is a copy of the nth template of its kind, so stands that meet in one
    test (two laptops set up as JATIM) are distinct stands: their own journal, shift and
    sale UUIDs and PIN salts, as when each test made them afresh. Outside a pytest session
    (no folder) every stand is made afresh, PINs at posapp's cost.
    """

    def __init__(self) -> None:
        self.root: Path | None = None
        self.made: dict[Hashable, Template] = {}
        self.asked: Counter[str] = Counter()  # stands per code in the running test

    def start(self, root: Path) -> None:
        self.root, self.made = root, {}

    def stop(self) -> None:
        self.root, self.made = None, {}

    def new_test(self) -> None:
        self.asked.clear()

    def stand(self, data: DataDir, code: str, kind: Hashable,
              build: Callable[[DataDir], tuple[Stand, object]], *,
              clock: Clock = utc_now) -> tuple[Stand, object]:
        """A stand *code* of *kind* in *data*: a copy of its template (made by *build* the
        first time, in a data folder of its own), opened with *clock*."""
        if self.root is None:
            return build(data)
        nth = self.asked[code]
        self.asked[code] += 1
        key = (code, kind, nth)
        template = self.made.get(key)
        if template is None:
            template = self.made[key] = self._make(build)
        target = data.stand_path(code)
        assert not target.exists(), f"{target} exists already"
        data.ensure_writable()
        shutil.copyfile(template.path, target)
        handle = open_stand(data, code, clock=clock)
        return Stand(data, handle, template.cashier), template.extra

    def _make(self, build: Callable[[DataDir], tuple[Stand, object]]) -> Template:
        assert self.root is not None
        where = DataDir(self.root / f"template-{len(self.made) + 1}")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(security, "_N", TEMPLATE_SCRYPT_N)
            made, extra = build(where)
        made.handle.close()
        checkpointed(made.path)
        others = [p for p in where.root.rglob("*")
                  if p.is_file() and not p.name.startswith(made.path.name)]
        assert others == [], f"a copy of {made.path.name} alone would miss {others}"
        return Template(made.path, made.cashier, extra)


def checkpointed(path: Path) -> None:
    """Fold the file's WAL into it, so that the file alone is the whole database."""
    conn = sqlite3.connect(path)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    assert busy == 0 and (not wal.exists() or wal.stat().st_size == 0), f"{path} is in use"


TEMPLATES = StandTemplates()


@pytest.fixture(scope="session", autouse=True)
def stand_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandTemplates]:
    TEMPLATES.start(tmp_path_factory.mktemp("stand-templates"))
    yield TEMPLATES
    TEMPLATES.stop()


@pytest.fixture(scope="session", autouse=True)
def _config_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A config folder of the session's own for every posapp the tests start (a window
    remembers its geometry there), never the user's."""
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config-home"))
    yield
    if before is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = before


@pytest.fixture(autouse=True)
def _count_stands_per_test(stand_templates: StandTemplates) -> None:
    stand_templates.new_test()


def make_stand(data: DataDir, code: str, catalog_path: Path, *, open_shift: bool = True) -> Stand:
    """A stand *code* with the catalog at *catalog_path*, Ani and Budi (and Ani's shift open
    with Rp 500.000): a copy of the session's template of that kind (StandTemplates)."""
    digest = hashlib.sha256(catalog_path.read_bytes()).hexdigest()

    def build(where: DataDir) -> tuple[Stand, object]:
        return new_stand(where, code, catalog_path, open_shift=open_shift), None

    return TEMPLATES.stand(data, code, ("stand", digest, open_shift), build)[0]


def new_stand(data: DataDir, code: str, catalog_path: Path, *, open_shift: bool = True) -> Stand:
    """A stand made afresh, step by step (what make_stand's templates are made with)."""
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


def dump_database(path: Path, *, but: tuple[str, ...] = ()) -> list[str]:
    """Every row of every table, as SQL text: equal dumps mean nothing changed. *but*: tables
    whose rows are left out (``pin_failure``: a refused wrong PIN is counted by design)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        skip = tuple(f'INSERT INTO "{table}"' for table in but)
        return [line for line in conn.iterdump() if not skip or not line.startswith(skip)]
    finally:
        conn.close()


def wrong_pins(path: Path) -> dict[str, int]:
    """The wrong PINs in a row counted for each user name (only names with some)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT u.name, f.failures FROM pin_failure f "
                                 "JOIN app_user u ON u.id = f.user_id").fetchall())
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """What a test printed or logged, with a name that is not UTF-8 (a file name as Python
    gives it, with lone surrogates) escaped: pytest-xdist sends reports as UTF-8 and stops
    the whole run on such a character. Only the report's captured text changes."""
    report: pytest.TestReport = yield
    report.sections = [(title, text.encode("utf-8", "backslashreplace").decode("utf-8"))
                       for title, text in report.sections]
    return report


_FROM_WORKERS: list[str] = []  # summary lines pytest-xdist's workers sent back


def _summary_lines() -> list[str]:
    """What this process has to say at the end of the run: the PostgreSQL server's
    timings, how many times the fuzz suite ran posapp."""
    from tests.central.fixtures import summary_line

    lines = [line] if (line := summary_line()) else []
    fuzz = sys.modules.get("tests.fuzz.words")
    if fuzz is not None and fuzz.RUNS["cli"]:
        lines.append(f"fuzz: posapp ran {fuzz.RUNS['cli']} times")
    return lines


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist (make test's ``-n 2``), a worker sends its lines to the main
    process, which prints them: a worker's own terminal summary is never shown."""
    sent = getattr(session.config, "workeroutput", None)
    if sent is not None:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "?")
        sent["summary_lines"] = [f"{line} (worker {worker})" for line in _summary_lines()]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    _FROM_WORKERS.extend(getattr(node, "workeroutput", {}).get("summary_lines", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in _summary_lines() + sorted(_FROM_WORKERS):
        terminalreporter.write_line(line)


#: Test files that mostly wait, run first: the fit harness's probes (tests/ui/test_fit.py:
#: other processes, about 90 s) then run beside the rest of the suite instead of after it
#: (with ``-n 2``, make test's, the other worker goes on meanwhile), and the longest single
#: tests do not come last, when one worker would have nothing left to do.
FIRST = ("tests/ui/test_fit.py", "tests/integration/test_readme_flows.py",
         "tests/integration/test_crash_safety.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::", 1)[0]
        return FIRST.index(path) if path in FIRST else len(FIRST)

    items.sort(key=rank)  # stable: every other test keeps its order
