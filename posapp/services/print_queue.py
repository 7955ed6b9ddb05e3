"""The print queue: a receipt waits here until a printer takes it, so no sale is lost to paper.

Longer than a screen: a job's whole life (queued, claimed, printed or failed, listed, tried
again, recovered after a crash) is one set of states, read and changed together here.

A sale is committed first; ``enqueue_receipt`` then records a job in a small transaction of
its own. ``run_job`` claims the job (``printing``, committed), builds the receipt, prints it
*outside* any transaction (a printer that hangs must not hold the database lock), and records
the outcome (``done`` or ``failed`` with the reason) in a new transaction. A job left
``printing`` by a crash goes back to ``waiting`` at start (``recover``).

Jobs are receipts (a sale's, a refund's, or a copy), order slips (ref: the order number;
the slip shows the order as it is when it prints) and shift reports (X or Z, ref ``X-3``
or ``Z-3``: the shift's number), and QRIS slips (ref: the amount in whole rupiah). With the
stand's cash drawer on, the first attempt at printing a sale's or refund's own receipt that
has a cash payment opens the drawer; a copy, an order slip, a report or a later retry never
does. A stand that sells without a printer (target ``pdf:FOLDER``) gets each job as a PDF
file in that folder.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal, Protocol

from sqlalchemy import bindparam, func, insert, select, update

from posapp.domain.errors import InvalidInput, NotAllowed, NotFound, PosError
from posapp.domain.messages import N_, Message, from_data, is_code, msg, to_data
from posapp.domain.tender import PaymentMethod
from posapp.services.users import Actor, Approval
from posapp.store import tables
from posapp.store.uow import UnitOfWork

if TYPE_CHECKING:
    from posapp.domain.layout import Block

log = logging.getLogger(__name__)

JobKind = Literal["receipt", "order", "report", "qris", "test"]
JobStatus = Literal["waiting", "printing", "done", "failed"]
KINDS: tuple[JobKind, ...] = ("receipt", "order", "report", "qris", "test")
STATUSES: tuple[JobStatus, ...] = ("waiting", "printing", "done", "failed")
#: A job's problem when no printer is set (callers compare ``job.problem.code``).
NO_PRINTER = N_("print_job.no_printer")
#: Failures that left the printer without a byte of the job (``Job.retries_by_itself``).
RETRY_BY_ITSELF = frozenset({N_("printer.no_answer"), N_("printer.paper_out"),
                             N_("printer.offline")})


class PrintFn(Protocol):
    """Sends *blocks* to the printer at *target* (``printers.print_blocks``)."""

    def __call__(self, target: str, blocks: Iterable[Block], width: int, *,
                 profile: str | None = None, drawer: bool = False) -> None: ...


@dataclass(frozen=True)
class Job:
    id: int
    created_at: datetime
    kind: str
    ref: str
    copy: bool
    status: str
    attempts: int
    last_error: str | None  # the last failure in English (the command line, the log)
    printed_at: datetime | None
    problem: Message | None = None  # the last failure to say in the user's language; None
    #                                 for a job that did not fail, or one failed before ids

    @property
    def retries_by_itself(self) -> bool:
        """Failed before the printer got a byte of it (``RETRY_BY_ITSELF``): safe to print
        by itself once the printer answers; other failures may have printed in part."""
        return self.status == "failed" and getattr(self.problem, "code", "") in RETRY_BY_ITSELF


def _job(row: Any) -> Job:
    """The job of a ``print_job`` row (its columns by name)."""
    problem = _read_problem(row.last_error)
    return Job(id=row.id, created_at=row.created_at, kind=row.kind, ref=row.ref,
               copy=bool(row.copy), status=row.status, attempts=row.attempts,
               last_error=_english(problem) if problem is not None else row.last_error,
               printed_at=row.printed_at, problem=problem)


def _stored_problem(problem: Message) -> str:
    """What the ``last_error`` column keeps: the problem's id and values as JSON (its English
    text when it is a sentence from before message ids)."""
    if not is_code(problem.code):
        return problem.code
    return json.dumps(to_data(problem), ensure_ascii=False)


def _english(problem: Message) -> str:
    return " ".join(problem.text().split())


def _read_problem(stored: str | None) -> Message | None:
    """The problem kept in ``last_error``; None for none, or for plain text (a job that failed
    before message ids: ``last_error`` is then its English)."""
    if not stored or not stored.startswith("{"):
        return None
    try:
        return from_data(json.loads(stored))
    except ValueError:
        return None


def _enqueue(uow: UnitOfWork, kind: JobKind, ref: str, *, copy: bool) -> int:
    ref = ref.strip().upper()
    if not ref:
        raise InvalidInput("print_job.no_receipt_number")
    with uow:
        job_id = _add(uow, kind, ref, copy=copy)
        uow.commit()
    return job_id


def _add(uow: UnitOfWork, kind: JobKind, ref: str, *, copy: bool) -> int:
    result = uow.core.execute(_INSERT, {"created_at": uow.clock(), "kind": kind, "ref": ref,
                                        "copy": copy, "status": "waiting", "attempts": 0,
                                        "last_error": None, "printed_at": None})
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def enqueue_receipt(uow: UnitOfWork, receipt_no: str, *, copy: bool = False) -> int:
    """Queue the receipt of sale or refund *receipt_no*; returns the job's id.

    Call it after the sale's own commit: the sale is safe whatever happens here.
    """
    return _enqueue(uow, "receipt", receipt_no, copy=copy)


def queue_receipt(uow_factory: Callable[[], UnitOfWork], receipt_no: str, *, target: str,
                  width: int, lang: str = "id", profile: str | None = None,
                  cash_drawer: bool = False) -> Job:
    """Queue the receipt of sale or refund *receipt_no* and print it now (``enqueue_receipt``,
    then ``run_job`` with these settings); how it went. A stand with no printer (blank
    *target*) gets the job queued as failed (``NO_PRINTER``) in one transaction: the job
    and its failure are what the two steps would leave, with one commit instead of three
    on a sale's path (issue 14)."""
    if target.strip():
        job_id = enqueue_receipt(uow_factory(), receipt_no)
        return run_job(uow_factory, job_id, target=target, width=width, lang=lang,
                       profile=profile, cash_drawer=cash_drawer)
    ref = receipt_no.strip().upper()
    if not ref:
        raise InvalidInput("print_job.no_receipt_number")
    with uow_factory() as uow:
        job_id = _add(uow, "receipt", ref, copy=False)
        job = _record(uow, _load(uow, job_id), Message(NO_PRINTER, {}))
        uow.commit()
    return job


def enqueue_order_slip(uow: UnitOfWork, order_no: str) -> int:
    """Queue the slip of order *order_no*; returns the job's id.

    Call it after the order's own commit (taken, paid, handed over or cancelled): the
    order is safe whatever happens here, and the slip prints what the order is by then.
    NotFound for an order that does not exist (nothing is queued).
    """
    from posapp.services.orders import find as find_order  # loaded with the job kind

    with uow:
        number = find_order(uow, order_no).order_no
        job_id = _add(uow, "order", number, copy=False)
        uow.commit()
    return job_id


def enqueue_qris_slip(uow: UnitOfWork, amount: int) -> int:
    """Queue a QRIS slip asking for *amount* rupiah; returns the job's id.

    NotAllowed when the stand has no QRIS code, InvalidInput for an amount QRIS refuses
    (nothing is queued then).
    """
    from posapp.services.qris_slips import check_qris_slip

    with uow:
        check_qris_slip(uow, amount)
        job_id = _add(uow, "qris", str(amount), copy=False)
        uow.commit()
    return job_id


def reprint(uow: UnitOfWork, receipt_no: str) -> int:
    """Queue a copy (marked SALINAN / COPY) of receipt *receipt_no*; returns the job's id."""
    return _enqueue(uow, "receipt", receipt_no, copy=True)


def enqueue_report(uow: UnitOfWork, which: Literal["x", "z"],
                   shift_number: int | None = None, *, actor: Actor | None = None,
                   approval: Approval | None = None) -> int:
    """Queue a shift report: the X report of the open shift, or the Z report of closed
    shift *shift_number* (the last closed one when None); returns the job's id.

    NotAllowed (no shift open) or NotFound (no such closed shift) when there is none. On a
    stand that counts the drawer blind, the X report (it shows the cash expected) needs a
    supervisor: the *actor*, or the one of *approval*; refused ``policy.needs_supervisor``,
    nothing queued.
    """
    from posapp.services import shifts
    from posapp.services.receipts import report_shift

    if which not in ("x", "z"):
        raise InvalidInput("print_job.unknown_report", which=which)
    if which == "x" or shift_number is None:
        shift_number = report_shift(uow, which, actor=actor, approval=approval)
    with uow:
        shift = shifts.by_number(uow, shift_number)
        if which == "z" and shift.closed_at is None:
            raise NotAllowed("print_job.shift_still_open", shift=shift_number)
        job_id = _add(uow, "report", f"{which.upper()}-{shift_number}", copy=False)
        uow.commit()
    return job_id


def get(uow: UnitOfWork, job_id: int) -> Job:
    with uow:
        return _job(_load(uow, job_id))


def _load(uow: UnitOfWork, job_id: int) -> Any:
    """The ``print_job`` row *job_id* (NotFound when there is none)."""
    row = uow.core.execute(_ROW, {"job_id": job_id}).first()
    if row is None:
        raise NotFound("print_job.not_found", job=job_id)
    return row


def _set(uow: UnitOfWork, job_id: int, **values: object) -> None:
    uow.core.execute(update(_JOBS).where(_JOBS.c.id == job_id).values(values))


def pending(uow: UnitOfWork) -> list[Job]:
    """Jobs still to print (waiting or failed), oldest first."""
    with uow:
        rows = uow.core.execute(
            select(_JOBS)
            .where(_JOBS.c.status.in_(("waiting", "failed")))
            .order_by(_JOBS.c.created_at, _JOBS.c.id)
        ).all()
        return [_job(r) for r in rows]


def listing(uow: UnitOfWork, *, everything: bool = False) -> list[Job]:
    """The queue, oldest first: jobs not printed yet (with *everything*, printed ones too)."""
    query = select(_JOBS).order_by(_JOBS.c.created_at, _JOBS.c.id)
    with uow:
        rows = uow.core.execute(query if everything else query.where(
            _JOBS.c.status != "done")).all()
        return [_job(r) for r in rows]


def counts(uow: UnitOfWork) -> dict[str, int]:
    """How many jobs are ``waiting`` and ``failed`` (both keys always present)."""
    with uow:
        found: dict[str, int] = {
            status: n for status, n in uow.core.execute(
                select(_JOBS.c.status, func.count())
                .where(_JOBS.c.status.in_(("waiting", "failed")))
                .group_by(_JOBS.c.status)
            ).all()
        }
    return {"waiting": found.get("waiting", 0), "failed": found.get("failed", 0)}


def retry(uow: UnitOfWork, job_id: int, *, actor: Actor | None = None,
          approval: Approval | None = None) -> Job:
    """Put a failed job back in the queue (``waiting``); other jobs are left as they are.

    An X report job of the open shift prints the figures of now: on a stand that counts the
    drawer blind, printing it again needs what printing one does (``shifts.x_report_shift``:
    the supervisor *actor*, or *approval*); refused ``policy.needs_supervisor``, the job left
    as it was. Call it before printing a job a person asked for again."""
    from posapp.services import shifts

    with uow:
        row = _load(uow, job_id)
        shift = shifts.open_shift_row(uow)
        if row.kind == "report" and shift is not None and row.ref == f"X-{shift.number}":
            shifts.x_report_shift(uow, actor=actor, approval=approval)
        if row.status == "failed":
            _set(uow, job_id, status="waiting")
            row = SimpleNamespace(**{**row._asdict(), "status": "waiting"})
        job = _job(row)
        uow.commit()
    return job


def recover(uow: UnitOfWork) -> int:
    """At start: jobs left ``printing`` by a crash go back to ``waiting``; returns how many.

    Only call it before any job runs (nothing is printing yet in this process).
    """
    with uow:
        result = uow.core.execute(
            update(_JOBS).where(_JOBS.c.status == "printing").values(status="waiting")
        )
        uow.commit()
    return int(result.rowcount or 0)


def run_job(uow_factory: Callable[[], UnitOfWork], job_id: int, *, target: str, width: int,
            lang: str = "id", profile: str | None = None, cash_drawer: bool = False,
            print_fn: PrintFn | None = None) -> Job:
    """Print job *job_id* on *target* at *width* columns and record how it went.

    *profile* is the printer's python-escpos model; *cash_drawer* says the stand has a
    drawer on the printer (opened for cash, see the module's notes).

    Never raises for printer problems: the returned job is ``done`` or ``failed`` (with the
    reason in ``problem``, and in English in ``last_error``). A job that is not waiting or
    failed (done, or being printed by someone else) is returned unchanged. Raises NotFound
    for an unknown job and StorageError when the database itself cannot be used.
    """
    with uow_factory() as uow:  # claim it: the write lock makes the claim exclusive
        row = _load(uow, job_id)
        if row.status not in ("waiting", "failed"):
            return _job(row)
        if not target.strip():  # no printer: nothing to lay out for, failed at once
            job = _record(uow, row, Message(NO_PRINTER, {}))
            uow.commit()
            return job
        _set(uow, job_id, status="printing")
        kind, ref, copy, first = row.kind, row.ref, bool(row.copy), row.attempts == 0
        uow.commit()

    error: Message | None = None
    try:
        blocks, cash = _layout(uow_factory, kind, ref, copy=copy, width=width, lang=lang)
        scheme, _, folder = target.strip().partition(":")
        if scheme.lower() == "pdf":  # no printer: the paper is a PDF file in a folder
            _save_pdf(folder, _file_name(job_id, kind, ref, copy), blocks, width)
        else:
            send = print_fn or _print_blocks()
            send(target, blocks, width, profile=profile,  # outside any transaction
                 drawer=cash_drawer and cash and first)
    except PosError as exc:
        error = Message(exc.code, dict(exc.values))
    except Exception as exc:  # a driver's surprise must not leave the job "printing"
        error = msg("print_job.printer_failed", target=target,
                    reason=" ".join(str(exc).split()) or type(exc).__name__)

    with uow_factory() as uow:
        job = _record(uow, _load(uow, job_id), error)
        uow.commit()
    return job


def _record(uow: UnitOfWork, row: Any, error: Message | None) -> Job:
    """Record how printing job *row* went: ``done``, or ``failed`` with *error*."""
    if error is None:
        done: dict[str, object] = {"status": "done", "printed_at": uow.clock(),
                                   "last_error": None}
    else:
        done = {"status": "failed", "attempts": row.attempts + 1,
                "last_error": _stored_problem(error)}
        log.warning("print job %s (%s %s) failed: %s", row.id, row.kind, row.ref,
                    _english(error))
    _set(uow, row.id, **done)
    return _job(SimpleNamespace(**{**row._asdict(), **done}))


def _layout(uow_factory: Callable[[], UnitOfWork], kind: str, ref: str, *, copy: bool,
            width: int, lang: str) -> tuple[tuple[Block, ...], bool]:
    """The job's blocks, and whether it is a sale's or refund's own receipt with cash."""
    from posapp.domain.receipt import layout_receipt
    from posapp.services.receipts import receipt_for, report_blocks

    if kind == "report":
        number = ref.partition("-")[2]
        if not number.isdigit():
            raise PosError("print_job.not_a_report", ref=ref)
        return report_blocks(uow_factory(), int(number), width=width, lang=lang), False
    if kind == "qris":
        from posapp.services.qris_slips import qris_slip_blocks

        if not ref.isdigit():
            raise PosError("print_job.not_a_qris_slip", ref=ref)
        return qris_slip_blocks(uow_factory(), int(ref), width=width, lang=lang), False
    if kind == "order":
        from posapp.services.order_slips import slip_blocks

        return slip_blocks(uow_factory(), ref, width=width, lang=lang), False
    if kind != "receipt":
        raise PosError("print_job.unknown_kind", kind=kind)
    receipt = receipt_for(uow_factory(), ref, lang=lang, kind="copy" if copy else "sale")
    cash = receipt.kind in ("sale", "refund") and any(
        p.method == PaymentMethod.CASH.value for p in receipt.payments)
    return layout_receipt(receipt, width, lang=lang), cash


def _file_name(job_id: int, kind: str, ref: str, copy: bool) -> str:
    """A job's PDF file: ``JATIM-000012.pdf`` for a receipt, ``JATIM-000012-copy-7.pdf``
    for a copy, ``order-...``/``report-Z-3`` for the others."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", ref)
    name = safe if kind == "receipt" else f"{kind}-{safe}"
    return f"{name}-copy-{job_id}.pdf" if copy else f"{name}.pdf"


def _save_pdf(folder: str, name: str, blocks: tuple[Block, ...], width: int) -> None:
    """*blocks* as the PDF *name* in *folder* (made if missing); one PosError line when the
    folder cannot be written (a USB stick pulled out)."""
    from posapp.printing.pdf_receipt import render_pdf  # ReportLab: loaded when needed

    where = Path(folder).expanduser()
    try:
        where.mkdir(parents=True, exist_ok=True)
        render_pdf(blocks, width, where / name)
    except OSError as exc:
        raise PosError("printer.pdf_folder_failed", folder=str(where),
                       reason=" ".join((exc.strerror or str(exc)).split())) from exc


def _print_blocks() -> PrintFn:
    """The real printer path, imported on first use: python-escpos takes 0.2 s to import,
    which the window's start should not pay."""
    from posapp.printing.printers import print_blocks

    return print_blocks


# Prepared once: a sale queues and runs its receipt's job.
_JOBS = tables.print_job
_ROW = select(_JOBS).where(_JOBS.c.id == bindparam("job_id"))
_INSERT = insert(_JOBS)
