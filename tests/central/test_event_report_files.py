"""Both event report files at once: the PDF drawn in a second process while the workbook is
written here (posapp/services/event_report_files.py), the same files as in one process, and
one line when something goes wrong over there."""

from __future__ import annotations

import multiprocessing
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from posapp.domain.errors import StorageError
from posapp.services import event_report_files as files
from posapp.services.event_report_files import PdfWorker
from posapp.services.report_export import write_event_report
from tests.central.event_stands import Event, make_event
from tests.readback import needs_poppler, run

MADE_AT = datetime(2026, 6, 26, 10, 30, tzinfo=UTC)


@pytest.fixture
def event(tmp_path: Path, catalog_file: Path) -> Event:
    """Three stands in an SQLite central store (what is drawn does not depend on the
    store's kind: tests/central/test_event_report.py runs both)."""
    return make_event(f"sqlite:///{tmp_path / 'central.sqlite'}", tmp_path / "stands",
                      catalog_file)


def write_both(event: Event, folder: Path, **kw: Any) -> tuple[Path, Path]:
    folder.mkdir(exist_ok=True)
    pdf, xlsx = folder / "laporan.pdf", folder / "laporan.xlsx"
    write_event_report(event.url, pdf=pdf, xlsx=xlsx, made_at=MADE_AT, **kw)
    return pdf, xlsx


def cells(path: Path) -> list[list[list[object]]]:
    return [[list(r) for r in ws.iter_rows(values_only=True)]
            for ws in openpyxl.load_workbook(path).worksheets]


@needs_poppler
def test_two_processes_write_the_same_files_as_one(event: Event, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[bool] = []
    send = PdfWorker.send
    monkeypatch.setattr(PdfWorker, "send",
                        lambda self, *a: handed.append(send(self, *a)) or handed[-1])
    steps: list[tuple[int, int]] = []
    two = write_both(event, tmp_path / "two", progress=lambda d, t: steps.append((d, t)))
    assert handed == [True]  # the PDF was drawn by the other process
    assert steps == [(n, 7) for n in range(1, 8)]

    monkeypatch.setattr(PdfWorker, "start", lambda self: False)  # no second process
    one = write_both(event, tmp_path / "one")

    assert run("pdftotext", "-layout", two[0], "-") == run("pdftotext", "-layout", one[0], "-")
    assert "Rp 10.407.000" in run("pdftotext", two[0], "-")
    assert cells(two[1]) == cells(one[1])
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["laporan.pdf",
                                                                     "laporan.xlsx"]


def test_no_second_process_means_both_files_from_this_one(
        event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot(_method: str) -> Any:
        raise OSError("no processes left")

    monkeypatch.setattr(multiprocessing, "get_context", cannot)
    pdf, xlsx = write_both(event, tmp_path / "out")
    assert pdf.read_bytes().startswith(b"%PDF") and cells(xlsx)[0]


def test_a_worker_that_dies_leaves_the_pdf_to_this_process(
        event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    send = PdfWorker.send

    def killed_first(self: PdfWorker, *args: Any) -> bool:
        self.process.kill()
        self.process.join()
        return send(self, *args)

    monkeypatch.setattr(PdfWorker, "send", killed_first)
    pdf, xlsx = write_both(event, tmp_path / "out")
    assert pdf.read_bytes().startswith(b"%PDF") and cells(xlsx)[0]


def test_a_refusal_in_the_worker_comes_back_as_the_same_refusal(
        event: Event, tmp_path: Path) -> None:
    """The PDF's folder goes away after the outputs were checked: the worker cannot write
    it, the workbook is written here, and the refusal is the one a single process gives
    (one line, as every PosError on the command line and in the window)."""
    pdf_dir, xlsx_dir = tmp_path / "pdf", tmp_path / "xlsx"
    pdf_dir.mkdir()
    xlsx_dir.mkdir()
    with pytest.raises(StorageError) as refused:
        write_event_report(event.url, pdf=pdf_dir / "r.pdf", xlsx=xlsx_dir / "r.xlsx",
                           made_at=MADE_AT,
                           progress=lambda done, _t: done == 5 and pdf_dir.rmdir())
    assert refused.value.code == "storage.cannot_write"
    assert str(refused.value) == " ".join(str(refused.value).split())  # one line
    assert str(pdf_dir / "r.pdf") in str(refused.value)
    assert not getattr(refused.value, "__notes__", None)
    assert (xlsx_dir / "r.xlsx").exists()


def test_an_unexpected_failure_in_the_worker_travels_back_with_its_traceback_as_a_note(
        tmp_path: Path) -> None:
    ours, theirs = multiprocessing.Pipe()
    ours.send(("not a report", str(tmp_path / "r.pdf"), "id"))
    before = signal.getsignal(signal.SIGINT)
    try:
        files.serve(theirs)  # here, not in a process: what it answers
    finally:
        signal.signal(signal.SIGINT, before)
    outcome, exc = ours.recv()
    assert outcome == "error" and isinstance(exc, Exception)
    assert isinstance(exc, AttributeError)  # a str has no .event_name
    assert any("PDF process" in note and "Traceback" in note for note in exc.__notes__)
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind
