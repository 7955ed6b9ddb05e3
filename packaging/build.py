"""Build posapp's bundle for this machine into dist/ (``make package`` runs this).

    python packaging/build.py

1. compiles the translations (``resources/translations/*.ts`` -> ``.qm``, pyside6-lrelease);
2. runs PyInstaller on ``packaging/posapp.spec`` into ``build/pyinstaller/``;
3. packs the result for this platform into ``dist/``:
   - Linux: ``posapp-VERSION-linux-ARCH.tar.gz`` (the folder, ``posapp.desktop``, the icon
     and ``install.sh`` for the user's menu);
   - Windows: ``posapp-VERSION-windows-ARCH.zip`` of the folder, and the installer
     ``posapp-VERSION-windows-ARCH-setup.exe`` when Inno Setup 6's ISCC is installed;
   - macOS: ``posapp-VERSION-macos-ARCH.zip`` holding ``posapp.app`` (made with ditto).

Run it with the Python whose environment has posapp and the ``package`` extra installed.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "posapp.spec"
WORK = ROOT / "build" / "pyinstaller"
BUILT = WORK / "dist"
DIST = ROOT / "dist"
ICONS = ROOT / "resources" / "icons"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from posapp import __version__

    return __version__


def system() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x64", "x86_64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True)


def tool(name: str) -> str:
    """A console script of this Python's environment (pyside6-lrelease, ...)."""
    folder = Path(sys.executable).parent
    found = shutil.which(name, path=str(folder)) or shutil.which(name)
    if not found:
        raise SystemExit(f"build.py: {name} not found next to {sys.executable}")
    return found


def translations() -> None:
    lrelease = tool("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("posapp_*.ts")):
        run(lrelease, "-silent", ts, "-qm", ts.with_suffix(".qm"))
    run(sys.executable, ROOT / "scripts" / "messages.py", "build")


def pyinstaller() -> Path:
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", BUILT, "--workpath", WORK / "work", SPEC)
    return BUILT / ("posapp.app" if sys.platform == "darwin" else "posapp")


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


def pack_linux(bundle: Path, name: str) -> Path:
    """The folder as NAME/ in a .tar.gz, with the desktop entry, icons and install.sh."""
    extras = {
        "posapp.desktop": ROOT / "packaging" / "linux" / "posapp.desktop",
        "install.sh": ROOT / "packaging" / "linux" / "install.sh",
        "posapp.png": ICONS / "posapp-256.png",
        "posapp.svg": ICONS / "posapp.svg",
    }
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=name)
        for arcname, path in extras.items():
            info = tar.gettarinfo(str(path), arcname=f"{name}/{arcname}")
            info.mode = 0o755 if arcname.endswith(".sh") else 0o644
            with path.open("rb") as f:
                tar.addfile(info, f)
    return target


def inno_compiler() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "C:/") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.is_file():
            return str(candidate)
    return None


def pack_windows(bundle: Path, name: str, app_version: str) -> list[Path]:
    made = [Path(shutil.make_archive(str(DIST / name), "zip", bundle.parent, bundle.name))]
    iscc = inno_compiler()
    if iscc is None:
        print("build.py: Inno Setup 6 (ISCC.exe) not found: no installer, only the .zip",
              file=sys.stderr)
        return made
    run(iscc, f"/DAppVersion={app_version}", f"/DBundleDir={bundle}", f"/DOutputDir={DIST}",
        f"/DOutputName={name}-setup", ROOT / "packaging" / "windows" / "posapp.iss")
    return [*made, DIST / f"{name}-setup.exe"]


def pack_macos(bundle: Path, name: str) -> Path:
    target = DIST / f"{name}.zip"
    run("ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", bundle, target)
    return target


def main() -> int:
    started = time.monotonic()
    app_version = version()
    name = f"posapp-{app_version}-{system()}-{arch()}"
    translations()
    bundle = pyinstaller()
    built_s = time.monotonic() - started
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob(f"posapp-{app_version}-{system()}-{arch()}*"):
        old.unlink() if old.is_file() else shutil.rmtree(old)
    if sys.platform == "win32":
        made = pack_windows(bundle, name, app_version)
    elif sys.platform == "darwin":
        made = [pack_macos(bundle, name)]
    else:
        made = [pack_linux(bundle, name)]
    size = folder_bytes(bundle)
    print(f"bundle {bundle.relative_to(ROOT)}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) "
          f"unpacked; PyInstaller {built_s:.0f} s, all {time.monotonic() - started:.0f} s")
    for path in made:
        print(f"  {path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
