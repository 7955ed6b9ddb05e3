"""Nothing secret leaves the laptop or the process: every artifact a stand and the
organizers make (backups, the support bundle, logs, export files, reports, CSV and XLSX
files, both central stores, and every line a command printed) is searched for the PINs,
their stored hashes, the event key (written, raw, hex, base64) and the central store's
password used here, and none is found. Only this computer's secret file may hold them."""

from __future__ import annotations

import base64
import io
import re
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.domain.event_key import new_key, parse_key
from posapp.domain.security import hash_pin
from posapp.services import settings as settings_service
from posapp.services.users import Approval
from tests.conftest import AS_BUDI, CliResult, Stand

Cli = Callable[..., CliResult]
CASHIER_PIN, SUPERVISOR_PIN = "73826194", "91504382"  # long enough to mean only themselves
PASSWORD = "Panitia-Rahasia-7f3q"
CENTRAL_URL = f"postgresql://panitia:{PASSWORD}@127.0.0.1:1/hani"  # nothing listens there


def needles(key_text: str, hashes: list[str]) -> dict[str, bytes]:
    """What must not be found, by name."""
    raw = parse_key(key_text)
    found = {
        "cashier PIN": CASHIER_PIN.encode(), "supervisor PIN": SUPERVISOR_PIN.encode(),
        "central password": PASSWORD.encode(),
        "event key (written)": key_text.encode(),
        "event key (no dashes)": key_text.replace("-", "").encode(),
        "event key (hex)": raw.hex().encode(), "event key (HEX)": raw.hex().upper().encode(),
        "event key (base64)": base64.b64encode(raw).rstrip(b"="),
        "event key (base64url)": base64.urlsafe_b64encode(raw).rstrip(b"="),
        "event key (raw bytes)": raw,
    }
    for n, stored in enumerate(hashes):
        salt, digest = stored.split("$")[-2:]
        found |= {f"PIN hash {n}": stored.encode(), f"PIN hash {n} digest": digest.encode(),
                  f"PIN hash {n} salt": salt.encode()}
    return found


def contents(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """*data* and what is inside it: a zip's members (an XLSX, the support bundle), a
    PDF's deflated streams."""
    yield name, data
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for member in z.namelist():
                yield from contents(f"{name}!{member}", z.read(member))
    if data[:5] == b"%PDF-":
        for i, m in enumerate(re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)):
            try:
                yield f"{name}#stream{i}", zlib.decompress(m.group(1))
            except zlib.error:
                continue


def test_no_pin_hash_key_or_password_in_anything_that_leaves(
        cli: Cli, jatim: Stand, data_dir: DataDir, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(config))
    key = new_key()
    with sqlite3.connect(jatim.path) as conn:  # PINs of their own, hashed as posapp does
        for name, pin in (("Ani", CASHIER_PIN), ("Budi", SUPERVISOR_PIN)):
            conn.execute("UPDATE app_user SET pin_hash = ? WHERE name = ?",
                         (hash_pin(pin), name))
        hashes = [h for (h,) in conn.execute("SELECT pin_hash FROM app_user")]
    conf = settings_service.get(jatim.handle.uow(write=False))
    settings_service.save(jatim.handle.uow(), replace(conf, central=CENTRAL_URL),
                          approval=Approval("Budi", SUPERVISOR_PIN))
    usb, out = tmp_path / "usb", tmp_path / "out"
    usb.mkdir()
    out.mkdir()
    said: list[CliResult] = []

    def posapp(*args: str, stdin: str = "", ok: bool = True) -> CliResult:
        done = cli(*args, stdin=stdin)
        said.append(done)
        assert (done.code == 0) == ok, (args, done.err)
        return done

    posapp("event", "join", *AS_BUDI, stdin=f"{SUPERVISOR_PIN}\n{key}\n")
    posapp("event", "show")
    sold = [posapp("--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001", "cash=100000",
                   stdin=f"{CASHIER_PIN}\n") for _ in range(3)]
    receipt = re.search(r"JATIM-\d{6}", sold[0].out)
    assert receipt is not None
    posapp("--pin-stdin", "void", "--supervisor", "Budi", "--reason", "salah input",
           receipt[0], stdin=f"{SUPERVISOR_PIN}\n")
    posapp("--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001", "cash=85000",
           stdin="00000000\n", ok=False)  # a wrong PIN, refused and logged
    posapp("report", "x")
    posapp("sync", "--central", CENTRAL_URL, ok=False)  # the server is down: a refusal
    central = tmp_path / "central.sqlite"
    posapp("sync", "--central", str(central))
    posapp("export", "--out", str(usb))
    merged = tmp_path / "merged.sqlite"
    posapp("merge", "--central", str(merged), "--key-stdin", *map(str, usb.glob("*")),
           stdin=f"{key}\n")
    posapp("backup", "--to", str(usb))
    posapp("report", "--central", str(central), "--pdf", str(out / "laporan.pdf"),
           "--xlsx", str(out / "laporan.xlsx"))
    posapp("shop-export", "--central", str(merged), str(out / "produk.csv"))
    posapp("orders-export", "--central", str(merged), str(out / "pesanan.xlsx"))
    posapp("support-bundle", str(out / "bantuan.zip"))
    jatim.handle.close()

    artifacts = {p: p.read_bytes() for folder in (usb, out) for p in folder.iterdir()}
    artifacts |= {p: p.read_bytes() for p in (central, merged)}
    artifacts |= {p: p.read_bytes() for p in data_dir.root.glob("posapp*.log*")}
    kinds = {p.suffix for p in artifacts}
    assert {".sqlite", ".posexport", ".pdf", ".xlsx", ".csv", ".zip", ".log"} <= kinds
    printed = "\n".join(f"{r.out}\n{r.err}" for r in said).encode()
    assert "new PINs" not in printed.decode() and b"JATIM-000001" in printed
    wanted = needles(key, hashes)
    found = [(where, what) for path, data in [*artifacts.items(), (Path("stdout+stderr"),
                                                                   printed)]
             for where, inner in contents(str(path.relative_to(tmp_path)) if
                                          path.is_absolute() else str(path), data)
             for what, needle in wanted.items() if needle in inner]
    assert found == []

    # and they are where they belong: the stand's own database holds the PIN hashes, this
    # computer's 0600 file the key and the password (a check that the search can find)
    stand_db = b"".join(p.read_bytes() for p in jatim.path.parent.glob("JATIM.sqlite*"))
    assert wanted["PIN hash 0"] in stand_db and wanted["event key (hex)"] not in stand_db
    kept = (config / "secrets.json").read_bytes()
    assert wanted["event key (written)"] in kept and wanted["central password"] in kept
