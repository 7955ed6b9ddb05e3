"""Writing the organizers' event report files from the central store: the paths checked
first, then one read with progress, then the PDF and/or the XLSX, each whole or not at all.

Used by ``posapp report --central`` and by the organizer window's report buttons.
ReportLab and openpyxl are loaded only when a file is written, not at every start.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from posapp.domain.errors import InvalidInput
from posapp.domain.open_orders import today_in
from posapp.printing.report_files import check_writable
from posapp.sync.central_store import Central

Progress = Callable[[int, int], None]
_READ_STEPS = 5  # event_report's steps


@dataclass(frozen=True)
class WrittenReport:
    """What was written, and the figures a one-line summary needs."""

    pdf: Path | None
    xlsx: Path | None
    stands: int
    sales_count: int
    net: int
    open_orders: int
    balances_due: int

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.pdf, self.xlsx) if p is not None]


def check_outputs(pdf: Path | None, xlsx: Path | None) -> None:
    """Refuse, in one line, outputs that cannot be written (before the slow read)."""
    outputs = [p for p in (pdf, xlsx) if p is not None]
    if not outputs:
        raise InvalidInput("report.no_output")
    if pdf is not None and xlsx is not None and Path(pdf).resolve() == Path(xlsx).resolve():
        raise InvalidInput("report.same_file", path=str(pdf))
    for path in outputs:
        check_writable(Path(path))


def write_event_report(target: str, *, pdf: Path | None = None, xlsx: Path | None = None,
                       lang: str = "id", made_at: datetime | None = None,
                       progress: Progress | None = None) -> WrittenReport:
    """Write the event report of the central store at *target* (a file or a URL) as a PDF
    at *pdf* and/or a workbook at *xlsx*, in *lang* ("id" or "en").

    *progress(done, total)* is called after each step (reading, then each file).
    """
    check_outputs(pdf, xlsx)
    from posapp.printing.event_report_text import check_language
    from posapp.services.event_report import event_report
    from posapp.services.event_report_files import pdf_worker, write_files

    check_language(lang)  # an unknown language is refused before the read
    steps = _READ_STEPS + (pdf is not None) + (xlsx is not None)
    done = _READ_STEPS

    def step(n: int) -> None:
        if progress is not None:
            progress(n, steps)

    def file_done() -> None:
        nonlocal done
        done += 1
        step(done)

    pdf, xlsx = (Path(p) if p is not None else None for p in (pdf, xlsx))
    # both files: the PDF's process starts now, while the store is read (event_report_files)
    with pdf_worker(pdf is not None and xlsx is not None) as worker:
        with Central(target, create=False) as central:
            report = event_report(central, made_at=made_at or datetime.now(UTC),
                                  progress=lambda n, _total: step(n))
        write_files(report, pdf=pdf, xlsx=xlsx, lang=lang, worker=worker, done=file_done)
    orders = report.orders.total if report.orders is not None else None
    return WrittenReport(
        pdf, xlsx, len(report.stands), report.overall.sales_count, report.overall.net,
        orders.open_orders if orders else 0, orders.balances_due if orders else 0)


def default_file_name(prefix: str, event_name: str, timezone: str, suffix: str, *,
                      now: datetime | None = None) -> str:
    """A file name for a report: ``laporan-Pameran-HANI-2026-2026-06-26.pdf`` (the prefix,
    the event's name without punctuation, today's date in the event's time zone)."""
    day = today_in(timezone, now or datetime.now(UTC))
    parts = [_slug(prefix), _slug(event_name)[:60].strip("-"), day]
    return "-".join(p for p in parts if p) + suffix


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
