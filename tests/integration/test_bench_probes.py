"""The benchmarks' probes on real parts: the window probe goes the way ``posapp run`` goes
to the first paint, and the printing benchmark leaves no folder in the temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from benchmarks import bench_printing, bench_window
from posapp.bootstrap import DataDir
from tests.conftest import make_stand


def test_the_window_probe_times_posapp_run_and_the_bare_window(
        data_dir: DataDir, catalog_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    make_stand(data_dir, "JATIM", catalog_file).handle.close()
    real = bench_window.probe("run", str(data_dir.root), "JATIM")
    bare = bench_window.probe("bare")
    assert real["window"] == "StandWindow"  # not a set-up wizard or an error box
    # a real first screen, painted before SQLAlchemy loads: the stand's log-in card
    assert (real["title"], real["page"], real["sqlalchemy_loaded"]) == (
        "posapp: Stand JATIM", "loginPage", False)
    assert bare["window"] == "QMainWindow"
    assert real["seconds"] > 0 and bare["seconds"] > 0 and real["rss_mb"] > 0


def test_the_printing_benchmark_cleans_its_pdf_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    labels: list[Path] = []

    def few_labels(folder: Path) -> list:  # 1,000 labels take seconds: the folder is the point
        labels.append(folder / "labels.pdf")
        labels[0].write_bytes(b"%PDF-1.4")
        return []

    monkeypatch.setattr(bench_printing, "_labels", few_labels)
    results = bench_printing.run(times=20)
    assert [r.name for r in results][:3] == [
        "print: layout + ESC/POS bytes, 30-line sale",
        "print: layout + ESC/POS bytes, 30-line order slip",
        "print: PDF receipt, 30-line sale"]
    assert labels and labels[0].parent.name.startswith("posapp-bench-pdf-")
    assert list(tmp_path.iterdir()) == []


def test_the_sale_benchmark_sells_on_the_demo_stand_beside_its_floor(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    from benchmarks import bench_start

    floor, sale = bench_start.run_sell(tmp_path, times=1)
    assert sale.floor_ms == floor.samples_ms[0] and sale.ratio is not None
    assert sale.passed is not None
    [stand] = tmp_path.glob("sell-stand-*/stands/JATIM.sqlite")
    with create_engine(f"sqlite:///{stand}").connect() as db:  # the warm-up and the timed one
        assert db.execute(text("SELECT count(*) FROM sale")).scalar() == 2


def test_the_printed_sale_benchmark_prints_each_receipt_to_its_file(tmp_path: Path) -> None:
    from benchmarks import bench_start

    floor, sale = bench_start.run_sell(tmp_path, times=1, printed=True)
    assert sale.name == "a one-item posapp sell, receipt printed to a file"
    assert sale.floor_ms == floor.samples_ms[0] and sale.ratio is not None
    [device] = tmp_path.glob("sell-stand-*/lp0")
    printed = device.read_bytes()  # the file is written anew by each receipt
    assert b"JATIM-000002" in printed and b"Bros Batik Perca" in printed  # the timed sale's
