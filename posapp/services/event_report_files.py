"""The event report's PDF drawn in a second process while this one writes the XLSX.

``posapp report --pdf FILE --xlsx FILE`` on two cores: the worker process is started
before the central store is read (so its start and ReportLab's import overlap the read),
then it is handed the report and draws the PDF while this process writes the workbook.
The report is read once, here. Multiprocessing's *spawn* start (the only one on Windows,
and what a PyInstaller bundle supports with ``freeze_support()`` in its entry point).

When no second process can be started, or it dies without answering, the PDF is drawn
here, after the workbook. A refusal in the worker (a file that cannot be written) comes
back as the same PosError; anything else as the same exception, its traceback from the
worker kept as a note for the log, never printed.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import signal
import traceback
from collections.abc import Callable
from pathlib import Path

from posapp.domain.event_report import EventReport
from posapp.sync.worker_process import Channel, WorkerProcess, running

log = logging.getLogger(__name__)


def pdf_worker(wanted: bool) -> contextlib.AbstractContextManager[PdfWorker | None]:
    """A started PdfWorker when *wanted* (both files asked for) and one can start, else
    None; stopped when the block ends, whatever happened in it."""
    return running(PdfWorker() if wanted else None)


def write_files(report: EventReport, *, pdf: Path | None, xlsx: Path | None, lang: str,
                worker: PdfWorker | None, done: Callable[[], None]) -> None:
    """Write *report* as a PDF at *pdf* and/or a workbook at *xlsx*; ``done()`` after each
    file. With a *worker* (pdf_worker) the PDF is drawn there while the workbook is written
    here."""
    elsewhere = worker is not None and pdf is not None and worker.send(report, pdf, lang)
    if pdf is not None and not elsewhere:
        _draw_pdf(report, pdf, lang)
        done()
    if xlsx is not None:
        from posapp.printing.xlsx_event_report import write_event_xlsx

        write_event_xlsx(report, xlsx, lang=lang)
        done()
    if elsewhere:
        assert worker is not None and pdf is not None
        if not worker.result():  # the worker died (killed, out of memory): draw it here
            _draw_pdf(report, pdf, lang)
        done()


def _draw_pdf(report: EventReport, pdf: Path, lang: str) -> None:
    """The PDF drawn in this process (ReportLab imported only then: when the worker draws
    it, this process never pays for the import)."""
    from posapp.printing.pdf_event_report import render_event_pdf

    render_event_pdf(report, pdf, lang=lang)


class PdfWorker(WorkerProcess):
    """A process that draws one event report PDF: ``start`` it early, ``send`` it the
    report once, then wait for its ``result``; ``close`` it in any case."""

    def __init__(self) -> None:
        super().__init__(serve, "posapp-report-pdf", "event report")

    def send(self, report: EventReport, path: Path, lang: str) -> bool:
        """Hand over the job; False when the worker is gone (then draw here)."""
        assert self.conn is not None
        try:
            self.conn.send((report, str(path), lang))
            return True
        except (OSError, EOFError, ValueError) as exc:
            log.info("event report: the PDF process is gone (%s)", exc)
            return False

    def result(self) -> bool:
        """Wait for the PDF. True when written; False when the worker died without an
        answer (then draw here); re-raises what went wrong in the worker."""
        assert self.conn is not None
        try:
            outcome, detail = self.conn.recv()
        except (OSError, EOFError) as exc:
            log.info("event report: the PDF process ended without an answer (%s)", exc)
            return False
        if outcome == "error":
            raise detail
        return True


def serve(conn: Channel) -> None:
    """The worker: draw the PDF of the job received, answer ("ok", path) or ("error",
    exception). None instead of a job: nothing to do. Ctrl+C is the parent's to handle:
    it ends the worker. Nothing here ever prints."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    failed: Exception | None = None
    try:  # ReportLab's import, while the parent reads the store
        from posapp.printing import pdf_event_report
    except Exception as exc:
        failed = exc
    try:
        job = conn.recv()
    except Exception:  # the parent is gone, or the job cannot be read here: it draws
        return
    if job is None:
        return
    report, path, lang = job
    answer: tuple[str, object]
    try:
        if failed is not None:
            raise failed
        answer = ("ok", str(pdf_event_report.render_event_pdf(report, Path(path), lang=lang)))
    except Exception as exc:  # every failure goes back; the worker never prints one
        answer = ("error", _portable(exc))
    with contextlib.suppress(OSError, ValueError):
        conn.send(answer)
    conn.close()


def _portable(exc: Exception) -> Exception:
    """*exc* as it can travel back: itself when it pickles, with the worker's traceback as a
    note (for the log); otherwise a RuntimeError saying the same in one line."""
    from posapp.domain.errors import PosError

    if not isinstance(exc, PosError):
        exc.add_note("in the event report's PDF process:\n" + "".join(
            traceback.format_exception(exc)).rstrip())
    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
