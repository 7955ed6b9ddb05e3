"""A private, throw-away PostgreSQL server for tests and benchmarks.

``initdb`` + ``pg_ctl start`` in a fresh temp folder, listening only on a Unix socket in
that folder (no TCP), as the ``postgres`` system user when we are root (initdb refuses
root). Nothing outside the folder is touched: no system cluster, no service, no port.

    from tests.central.pgserver import running_server

    with running_server() as server:          # PgUnavailable when it cannot start
        url = server.create_database("bench")  # postgresql+psycopg://postgres@/bench?host=...
        ...                                     # SQLAlchemy, posapp --central URL, ...
    # stopped, folder removed

The server runs with ``fsync=off`` by default (fast, and nothing in it is worth keeping);
pass ``fsync=True`` for timings that should include a real commit's cost.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

PREFIX = "posapp-pg-"
PORT = 5432  # names the socket file only: listen_addresses is empty, so no TCP port is taken
SUPERUSER = "postgres"
RUN_AS = "postgres"  # the system user that runs the server when we are root
OWNER_FILE = "owner.pid"  # who started the server: "pid host/pid-namespace" (stale sweep)
SOCKET_MAX = 107  # sun_path, minus the final NUL
# set (to anything) where PostgreSQL must be there: the tests fail instead of skipping
REQUIRE_ENV = "POSAPP_REQUIRE_POSTGRES"


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be found or started here; the message says why."""


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first.

    ``$POSAPP_PG_BIN``, then the PATH (Homebrew, most distributions), then Debian's
    ``/usr/lib/postgresql/<ver>/bin`` and the PGDG RPMs' ``/usr/pgsql-<ver>/bin``.
    """
    def ok(d: Path) -> bool:
        return all(os.access(d / tool, os.X_OK) for tool in ("initdb", "pg_ctl"))

    env = os.environ.get("POSAPP_PG_BIN")
    if env:
        return Path(env) if ok(Path(env)) else None
    on_path = shutil.which("initdb")
    if on_path and ok(Path(on_path).resolve().parent):
        return Path(on_path).resolve().parent  # /usr/local/bin/initdb -> the real folder

    def version(d: Path) -> tuple[int, ...]:
        nums = re.findall(r"\d+", d.parent.name if d.name == "bin" else d.name)
        return tuple(int(n) for n in nums)

    found = [d for pattern in ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin")
             for d in Path("/").glob(pattern.lstrip("/")) if ok(d)]
    return max(found, key=version) if found else None


@dataclass
class PgServer:
    """A running private server. ``stop()`` ends it and removes its folder (idempotent)."""

    root: Path  # the temp folder: data/, log, and the socket
    bin_dir: Path
    fsync: bool
    run_as: tuple[int, int] | None  # (uid, gid) to run the server's tools as, when root
    timings: dict[str, Any] = field(default_factory=dict)  # seconds
    _admin: Any = None  # a psycopg connection to the "postgres" database, autocommit
    _stopped: bool = False
    _born: float = field(default_factory=time.perf_counter)

    @property
    def socket_dir(self) -> Path:
        return self.root

    @property
    def base_url(self) -> str:
        """The URL of the server's maintenance database, ``postgres``."""
        return self.url("postgres")

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL for *dbname* on this server (psycopg 3, over the socket)."""
        host = quote(str(self.root), safe="/")
        return f"postgresql+psycopg://{SUPERUSER}@/{quote(dbname)}?host={host}&port={PORT}"

    def connect(self, dbname: str = "postgres", **kwargs: Any) -> Any:
        """A plain psycopg connection (for checks that want no SQLAlchemy)."""
        import psycopg

        return psycopg.connect(host=str(self.root), port=PORT, user=SUPERUSER,
                               dbname=dbname, **kwargs)

    def create_database(self, name: str | None = None) -> str:
        """CREATE DATABASE (a unique name made from *name*); returns its URL."""
        dbname = unique_name(name or "db")
        started = time.perf_counter()
        # FILE_COPY (PostgreSQL 15+) copies template1's files instead of WAL-logging every
        # block; with fsync off it measured a few percent faster (~80 ms against ~85 ms).
        strategy = " STRATEGY = FILE_COPY" if self._admin.info.server_version >= 150000 else ""
        self._admin.execute(f'CREATE DATABASE "{dbname}"{strategy}')
        self.timings.setdefault("create_database", []).append(time.perf_counter() - started)
        return self.url(dbname)

    def drop_database(self, name_or_url: str) -> None:
        """DROP DATABASE, closing whatever connections a test left open."""
        from sqlalchemy.engine import make_url

        dbname = make_url(name_or_url).database if "://" in name_or_url else name_or_url
        started = time.perf_counter()
        force = " WITH (FORCE)" if self._admin.info.server_version >= 130000 else ""
        self._admin.execute(f'DROP DATABASE IF EXISTS "{dbname}"{force}')
        self.timings.setdefault("drop_database", []).append(time.perf_counter() - started)

    def version(self) -> str:
        return str(self._admin.execute("SELECT version()").fetchone()[0])

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        started = time.perf_counter()
        try:
            if self._admin is not None:
                with contextlib.suppress(Exception):
                    self._admin.close()
            if (self.root / "data" / "postmaster.pid").exists():
                # immediate: no shutdown checkpoint, the files are thrown away next anyway
                _stop_cluster(self.bin_dir, self.root, self.run_as, mode="immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self.timings["stop"] = time.perf_counter() - started
            self.timings["lifetime"] = time.perf_counter() - self._born

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def unique_name(hint: str) -> str:
    """A database name from *hint* (a test's name), unique, at most 63 bytes."""
    clean = re.sub(r"[^a-z0-9]+", "_", hint.lower()).strip("_") or "db"
    return f"{clean[:50]}_{uuid.uuid4().hex[:8]}"


def start_server(*, fsync: bool = False, base: str | Path | None = None,
                 timeout: float = 60) -> PgServer:
    """Start a private server; raise PgUnavailable with the reason when it cannot."""
    try:
        import psycopg
    except ImportError as exc:
        raise PgUnavailable(f"psycopg is not installed ({exc})") from exc
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PgUnavailable("initdb/pg_ctl not found (Debian: apt-get install postgresql, "
                            "or set POSAPP_PG_BIN to the folder holding them)")
    run_as = _run_as()
    parent = _parent_dir(base, run_as)
    sweep_stale(parent)
    root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    (root / OWNER_FILE).write_text(f"{os.getpid()} {_pid_space()}\n")
    server = PgServer(root=root, bin_dir=bin_dir, fsync=fsync, run_as=run_as)
    t0 = time.perf_counter()
    try:
        if run_as is not None:
            os.chown(root, *run_as)
        _run(run_as, root, bin_dir / "initdb", "-D", root / "data", "-U", SUPERUSER,
             "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        t1 = time.perf_counter()
        _write_conf(root, fsync=fsync)
        _run(run_as, root, bin_dir / "pg_ctl", "-D", root / "data", "-l", root / "log",
             "-w", "-t", str(int(timeout)), "start")
        t2 = time.perf_counter()
        server._admin = psycopg.connect(host=str(root), port=PORT, user=SUPERUSER,
                                        dbname="postgres", autocommit=True,
                                        connect_timeout=int(timeout))
        server._admin.execute("SELECT 1")
        t3 = time.perf_counter()
    except BaseException as exc:
        log = _tail(root / "log")
        server.stop()
        if isinstance(exc, subprocess.CalledProcessError | OSError | psycopg.Error):
            detail = exc.stderr.strip() if isinstance(exc, subprocess.CalledProcessError) \
                else str(exc)
            raise PgUnavailable(f"could not start PostgreSQL from {bin_dir}: "
                                f"{detail or exc}{log}") from exc
        raise
    server.timings.update(initdb=t1 - t0, start=t2 - t1, first_connection=t3 - t2,
                          ready=t3 - t0)
    return server


@contextlib.contextmanager
def running_server(**kwargs: Any) -> Iterator[PgServer]:
    """``start_server(**kwargs)``, stopped and removed on the way out (also on errors)."""
    server = start_server(**kwargs)
    try:
        yield server
    finally:
        server.stop()


# One server per test process, however many fixture definitions ask for it: a test module
# that imports the fixtures from tests/central/conftest.py gets a second copy of the
# session fixture, and both must share the server (and a failure to start, which is not
# retried).
_shared: dict[str, Any] = {"server": None, "users": 0, "error": None}


def acquire_shared(**kwargs: Any) -> PgServer:
    """The process's shared server, started on first use; pair with release_shared()."""
    if _shared["error"] is not None:
        raise PgUnavailable(_shared["error"])
    if _shared["server"] is None:
        try:
            _shared["server"] = start_server(**kwargs)
        except PgUnavailable as exc:
            _shared["error"] = str(exc)
            raise
    _shared["users"] += 1
    server: PgServer = _shared["server"]
    return server


def release_shared() -> PgServer | None:
    """Stop the shared server when its last user lets go; return it (for its timings)."""
    _shared["users"] -= 1
    server: PgServer | None = _shared["server"]
    if _shared["users"] <= 0 and server is not None:
        _shared["server"] = None
        server.stop()
        return server
    return None


def sweep_stale(parent: Path) -> None:
    """Stop and remove servers left by a process that died without stopping them
    (killed test run). Only our own folders, and only when their owner pid is gone."""
    for root in parent.glob(PREFIX + "*"):
        try:
            pid_text, space = (root / OWNER_FILE).read_text().split()
            pid = int(pid_text)
        except (OSError, ValueError):
            continue  # not ours, or just being made
        if space != _pid_space() or _alive(pid):
            continue  # another host or container sharing the temp dir: not ours to judge
        data = root / "data"
        with contextlib.suppress(Exception):
            if (data / "postmaster.pid").exists() and (bin_dir := find_bin_dir()):
                st = data.stat()
                run_as = (st.st_uid, st.st_gid) if os.geteuid() == 0 else None
                _stop_cluster(bin_dir, root, run_as, mode="immediate")
        shutil.rmtree(root, ignore_errors=True)


def _pid_space() -> str:
    """This host and PID namespace: a pid means something only within it."""
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        namespace = "-"
    return f"{os.uname().nodename}/{namespace}".replace(" ", "_")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _run_as() -> tuple[int, int] | None:
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd

    try:
        pw = pwd.getpwnam(RUN_AS)
    except KeyError:
        raise PgUnavailable(f"running as root, and there is no {RUN_AS!r} system user to "
                            "run the server as (initdb refuses root)") from None
    return pw.pw_uid, pw.pw_gid


def _parent_dir(base: str | Path | None, run_as: tuple[int, int] | None) -> Path:
    """Where the temp folder goes: the temp dir, unless the socket path would be too long
    or (as root) the ``postgres`` user could not reach it; then /tmp."""
    parent = Path(base or tempfile.gettempdir()).resolve()
    socket_len = len(str(parent)) + len(f"/{PREFIX}xxxxxxxx/.s.PGSQL.{PORT}")
    reachable = run_as is None or all(p.stat().st_mode & stat.S_IXOTH
                                      for p in (parent, *parent.parents))
    if base is None and (socket_len > SOCKET_MAX or not reachable) and Path("/tmp").is_dir():
        return Path("/tmp")
    return parent


def _write_conf(root: Path, *, fsync: bool) -> None:
    socket_dir = str(root).replace("'", "''")
    lines = [
        "",
        "# tests/central/pgserver.py: a private server on a socket in its own folder",
        "listen_addresses = ''",
        f"port = {PORT}",
        f"unix_socket_directories = '{socket_dir}'",
    ]
    if not fsync:
        lines += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
    with open(root / "data" / "postgresql.conf", "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def _stop_cluster(bin_dir: Path, root: Path, run_as: tuple[int, int] | None,
                  mode: str = "fast") -> None:
    try:
        _run(run_as, root, bin_dir / "pg_ctl", "-D", root / "data", "-m", mode, "-w",
             "-t", "30", "stop")
    except (subprocess.CalledProcessError, OSError):
        if mode != "immediate":
            _run(run_as, root, bin_dir / "pg_ctl", "-D", root / "data", "-m", "immediate",
                 "-w", "-t", "30", "stop")


def _run(run_as: tuple[int, int] | None, cwd: Path, *args: str | Path) -> None:
    # PG* variables (PGPORT, PGDATA, ...) from the caller's shell must not steer our server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    extra: dict[str, Any] = {}
    if run_as is not None:
        extra = {"user": run_as[0], "group": run_as[1], "extra_groups": []}
    subprocess.run([str(a) for a in args], cwd=cwd, env=env, check=True,
                   capture_output=True, text=True, stdin=subprocess.DEVNULL, **extra)


def _tail(log: Path, lines: int = 15) -> str:
    try:
        text = log.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return ""
    return "\nserver log:\n" + "\n".join(text) if text else ""
