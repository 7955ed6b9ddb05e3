"""The Linux bundle (`make package`) on a machine with none of posapp's Python packages.

Each run of the bundle's ``posapp`` gets a clean environment: PATH ``/usr/bin:/bin`` (no
venv), no PYTHONPATH, HOME, the XDG folders, TMPDIR and the data folder in this test's
temp folder, and another working directory. The archive is unpacked outside the checkout.
One test traces the files the program touches (strace) and finds none in the checkout,
the venv or the Python it was built with.

The bundle: ``$POSAPP_BUNDLE`` (a folder or a ``.tar.gz``), else the newest
``dist/posapp-*-linux-*.tar.gz``; without either the tests skip, or fail when
``POSAPP_REQUIRE_BUNDLE`` is set (``make package-test`` sets it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from posapp import __version__
from posapp.domain.money import format_rupiah

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_ENV = "POSAPP_REQUIRE_BUNDLE"
#: du -h's "150M": the target of issue 7 (bundle <= 150 MB unpacked) as a guard. The
#: measured size in both units is in docs/performance.md.
SIZE_LIMIT_BYTES = 150 * 2**20
#: Libraries the bundle links to but does not carry, and the Debian packages that have them
#: (packaging/README.md lists the same). PyInstaller leaves the C library, OpenGL/EGL and
#: the display server's client libraries to the system, as it should.
SYSTEM_LIBRARIES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6", "librt.so.1": "libc6", "libresolv.so.2": "libc6",
    "libutil.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def _bundle_source() -> Path | None:
    env = os.environ.get("POSAPP_BUNDLE")
    if env:
        return Path(env)
    found = sorted((ROOT / "dist").glob("posapp-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


SOURCE = _bundle_source()
pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="the bundle's smoke test runs on Linux (the one bundle built here)"),
    pytest.mark.skipif(SOURCE is None and not os.environ.get(REQUIRE_ENV),
                       reason="no bundle: 'make package' builds dist/posapp-*-linux-*.tar.gz, "
                              "or set POSAPP_BUNDLE to a bundle folder or archive"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding the bundle's ``posapp`` (the archive unpacked in a temp folder)."""
    if SOURCE is None or not SOURCE.exists():
        pytest.fail(f"{REQUIRE_ENV} is set but there is no bundle ({SOURCE or 'dist/ is empty'})")
    if SOURCE.is_dir():
        folder = SOURCE
    else:
        into = tmp_path_factory.mktemp("bundle")
        subprocess.run(["tar", "-xzf", str(SOURCE), "-C", str(into)], check=True)
        (folder,) = into.iterdir()
    assert (folder / "posapp").is_file(), f"no posapp executable in {folder}"
    return folder.resolve()


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    for sub in ("", ".config", ".cache", ".local/share", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "TMPDIR": str(home / "tmp"),
        "LANG": "C.UTF-8",
        "POSAPP_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def posapp(bundle: Path, clean_env: dict[str, str], tmp_path: Path) -> Run:
    """Runs the bundle's posapp in the clean environment, from a folder of its own."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args: str, stdin: str | None = None, prefix: tuple[str, ...] = (),
            check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*prefix, str(bundle / "posapp"), *args], env=clean_env,
                              cwd=elsewhere, input=stdin, capture_output=True, text=True,
                              timeout=120)
        if check:
            assert done.returncode == 0, (args, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr, done.stderr
        return done

    return run


def test_version(posapp: Run) -> None:
    assert posapp("--version").stdout == f"posapp {__version__}\n"


def test_a_sale_through_the_cli(posapp: Run) -> None:
    posapp("demo", "--ensure")
    products = [p for p in json.loads(posapp("catalog", "list", "--json").stdout)
                if p["price"] > 0 and p["stock"] >= 2]
    first, second = products[:2]
    total = 2 * first["price"] + second["price"]
    paid = -(-total // 50_000) * 50_000
    posapp("--pin-stdin", "shift", "open", "--cashier", "Ani", "--float", "500000",
           stdin="1234\n")
    sold = posapp("--pin-stdin", "sell", "--cashier", "Ani", f"{first['sku']}*2",
                  second["sku"], f"cash={paid}", stdin="1234\n").stdout
    assert f"total {format_rupiah(total)}" in sold
    assert f"change {format_rupiah(paid - total)}" in sold

    report = json.loads(posapp("report", "x", "--json").stdout)
    assert (report["sales_count"], report["sales_total"]) == (1, total)
    assert report["expected_cash"] == 500_000 + total
    text = posapp("report", "x").stdout  # Indonesian, through Babel's id_ID data
    assert "LAPORAN X" in text and format_rupiah(total) in text
    assert posapp("journal", "verify").stdout.startswith("journal ok")


def test_jpeg_and_png_photos_are_imported_and_qt_can_read_them(posapp: Run, bundle: Path,
                                                                tmp_path: Path) -> None:
    """Pillow's JPEG and PNG readers are in the bundle (WebP's is left out: refused with
    that reason), and Qt's JPEG plugin that draws the stored photos on tiles and in the cart."""
    from tests.integration.test_photos import image_bytes

    posapp("demo", "--ensure")
    skus = [p["sku"] for p in json.loads(posapp("catalog", "list", "--json").stdout)][:3]
    folder = tmp_path / "foto"
    folder.mkdir()
    for sku, fmt, suffix in zip(skus, ("JPEG", "PNG", "WEBP"), (".jpg", ".png", ".webp"),
                                strict=True):
        (folder / f"{sku}{suffix}").write_bytes(image_bytes(fmt))
    done = posapp("catalog", "photos", str(folder), check=False)
    assert done.stdout == "2 photos imported (2 new, 0 replaced), 0 unchanged, 1 file skipped\n"
    assert done.stderr == (f"posapp: skipped: {skus[2]}.webp is a WebP image, which this posapp "
                           "cannot read; save it as JPEG or PNG\n")
    assert done.returncode == 1
    assert [p.name for p in bundle.rglob("libqjpeg.so")] == ["libqjpeg.so"]


def test_the_stand_window_opens_offscreen_and_exits(posapp: Run, bundle: Path,
                                                   clean_env: dict[str, str],
                                                   tmp_path: Path) -> None:
    posapp("demo", "--ensure")  # else 'run' opens the set-up wizard first
    proc = subprocess.Popen([str(bundle / "posapp"), "run", "--exit-after", "3"],
                            env=clean_env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    mapped: set[str] = set()
    deadline = time.monotonic() + 30
    # Qt's SVG image plugin draws the look's icons (posapp/ui/common/look.py)
    wanted = {"libqoffscreen.so", "libQt6Widgets.so.6", "posapp_id.qm", "libqsvg.so"}
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            maps = Path(f"/proc/{proc.pid}/maps").read_text()
        except OSError:
            break
        mapped |= {line.split()[-1] for line in maps.splitlines() if "/" in line}
        if all(any(p.endswith("/" + name) for p in mapped) for name in wanted):
            break
        time.sleep(0.05)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "could not" not in err.lower(), err
    for name in wanted:  # Qt's offscreen platform, the Indonesian UI, icons: from the bundle
        hits = [p for p in mapped if p.endswith("/" + name)]
        assert hits and all(p.startswith(str(bundle)) for p in hits), (name, hits)


@pytest.mark.skipif(shutil.which("strace") is None,
                    reason="strace is missing (make package-test installs it as root)")
def test_nothing_is_read_from_the_checkout_or_the_venv(posapp: Run, bundle: Path,
                                                      tmp_path: Path) -> None:
    log = tmp_path / "strace.log"
    trace = ("strace", "-f", "-qq", "-e", "trace=%file", "-o", str(log))
    posapp("demo", "--ensure", prefix=trace)  # a new stand: the migrations run
    seen = log.read_text()
    posapp("run", "--exit-after", "0.5", prefix=trace)
    seen += log.read_text()
    paths = set(re.findall(r'"(/[^"]*)"', seen))
    forbidden = {ROOT, Path(sys.prefix), Path(sys.base_prefix)}
    leaks = sorted(p for p in paths if not p.startswith(str(bundle))
                   and any(p == str(f) or p.startswith(f"{f}/") for f in forbidden))
    assert not leaks, f"the bundle looked outside itself: {leaks[:20]}"
    internal = bundle / "_internal"
    assert any(p.startswith(f"{internal}/posapp/store/migrations/versions/") for p in paths)
    assert f"{internal}/resources/translations/posapp_id.qm" in paths
    assert f"{internal}/resources/demo-catalog.csv" in paths


def test_the_look_is_in_the_bundle(bundle: Path) -> None:
    """The stylesheet, every icon of the checkout with its licence, and Qt's SVG plugins."""
    internal = bundle / "_internal"
    resources = internal / "resources"
    assert (resources / "style/posapp.qss").read_text(encoding="utf-8") == (
        ROOT / "resources/style/posapp.qss").read_text(encoding="utf-8")
    icons = {p.name for p in (ROOT / "resources/icons/lucide").iterdir()}
    assert "LICENSE" in icons and len(icons) > 20
    assert {p.name for p in (resources / "icons/lucide").iterdir()} == icons
    plugins = internal / "PySide6/Qt/plugins"
    assert (plugins / "imageformats/libqsvg.so").is_file()
    assert (plugins / "iconengines/libqsvgicon.so").is_file()
    assert any(p.name.startswith("libQt6Svg.so") for p in internal.rglob("libQt6Svg.so*"))


@pytest.mark.skipif(shutil.which("objdump") is None,
                    reason="objdump is missing (Debian's binutils; make package installs it)")
def test_every_library_is_in_the_bundle_or_a_documented_package(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.name for p in bundle.rglob("*")}
    missing: dict[str, set[str]] = {}
    for path in files:
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True,
                             check=True).stdout
        for needed in re.findall(r"^\s*NEEDED\s+(\S+)$", out, re.MULTILINE):
            if needed not in names and needed not in SYSTEM_LIBRARIES:
                missing.setdefault(needed, set()).add(path.name)
    assert not missing, f"linked but neither bundled nor listed: {missing}"


def test_size(bundle: Path) -> None:
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if not p.is_dir())
    assert size <= SIZE_LIMIT_BYTES, f"{size / 1e6:.1f} MB unpacked"


def test_the_desktop_entry_installs_for_the_user(posapp: Run, bundle: Path,
                                                clean_env: dict[str, str]) -> None:
    home = Path(clean_env["HOME"])
    done = subprocess.run(["sh", str(bundle / "install.sh")], env=clean_env,
                          capture_output=True, text=True, check=True)
    assert "added to the applications menu" in done.stdout
    entry = home / ".local/share/applications/posapp.desktop"
    assert f'Exec="{bundle}/posapp" run' in entry.read_text()
    assert (home / ".local/share/icons/hicolor/256x256/apps/posapp.png").is_file()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    linked = subprocess.run([str(home / ".local/bin/posapp"), "--version"], env=clean_env,
                            capture_output=True, text=True, timeout=60)
    assert linked.stdout == f"posapp {__version__}\n", linked.stderr


def test_sync_to_the_central_store(posapp: Run, central_url: str) -> None:
    posapp("demo", "--ensure")
    posapp("demo")  # a shift and a few sales
    key = posapp("event", "key").stdout.split()[0]
    posapp("event", "join", key, "--supervisor", "Budi", "--pin-stdin", stdin="999999\n")
    assert "entries sent" in posapp("sync", "--central", central_url).stdout
    totals = posapp("totals", "--central", central_url).stdout
    assert "JATIM" in totals and "TOTAL" in totals


def test_the_support_bundle_names_the_libraries(posapp: Run, tmp_path: Path) -> None:
    posapp("demo", "--ensure")
    out = tmp_path / "support.zip"
    posapp("support-bundle", str(out))
    with zipfile.ZipFile(out) as z:
        versions = z.read("versions.txt").decode()
    assert f"posapp {__version__}" in versions
    assert "not installed" not in versions, versions  # the metadata is in the bundle
