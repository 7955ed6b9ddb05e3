"""A stand that sells without a printer: the print queue saves each receipt as a PDF file in
a folder (target ``pdf:FOLDER``), and the first sale's question is kept in the settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.tender import Payment
from posapp.services import print_queue, settings
from posapp.services.session.stand import StandSession
from tests.central.stands import CASH, sell
from tests.conftest import BUDI, Stand, dump_database
from tests.readback import needs_poppler, run

HIJAB = "JTM-JLB-001"  # Rp 85.000


@needs_poppler
def test_a_receipt_without_a_printer_is_a_pdf_file_in_the_folder(jatim: Stand,
                                                                 tmp_path: Path) -> None:
    receipt = sell(jatim, [(HIJAB, 1)], [Payment(CASH, 100_000)])
    folder = tmp_path / "struk"  # made when the first receipt is saved
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt)
    job = print_queue.run_job(jatim.handle.uow, job_id, target=f"pdf:{folder}", width=42)
    assert job.status == "done"
    text = run("pdftotext", "-layout", folder / f"{receipt}.pdf", "-")
    assert receipt in text and "85.000" in text
    copy_id = print_queue.reprint(jatim.handle.uow(), receipt)
    print_queue.run_job(jatim.handle.uow, copy_id, target=f"pdf:{folder}", width=42)
    assert (folder / f"{receipt}-copy-{copy_id}.pdf").exists()


def test_a_folder_that_cannot_be_written_fails_the_job_with_its_reason(
        jatim: Stand, tmp_path: Path) -> None:
    receipt = sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt)
    job = print_queue.run_job(jatim.handle.uow, job_id, target=f"pdf:{blocker}/struk",
                              width=42)
    assert job.status == "failed"
    assert job.last_error is not None
    assert job.last_error.startswith(f"cannot save the PDF receipt in {blocker}/struk: ")
    assert "\n" not in job.last_error


def test_selling_without_a_printer_is_kept_and_not_asked_again(jatim: Stand) -> None:
    session = StandSession.open(jatim.handle)
    assert session.settings.needs_printer_choice()  # no printer, never asked
    stored = session.settings.sell_without_printer()
    folder = jatim.handle.path.parent.parent / "receipts" / "JATIM"
    assert stored.printer == f"pdf:{folder}" and stored.printer_asked
    again = StandSession.open(jatim.handle)  # the window started again
    assert again.settings.get().printer == f"pdf:{folder}"
    assert not again.settings.needs_printer_choice()


def test_choosing_to_set_a_printer_up_is_kept_too(jatim: Stand) -> None:
    session = StandSession.open(jatim.handle)
    session.settings.printer_choice_made()
    s = StandSession.open(jatim.handle).settings.get()
    assert s.printer == "" and s.printer_asked
    assert not settings.needs_printer_choice(s)


def test_a_pdf_target_without_a_folder_is_refused_and_nothing_changes(jatim: Stand) -> None:
    before = dump_database(jatim.handle.path)
    current = settings.get(jatim.handle.uow(write=False))
    with pytest.raises(InvalidInput) as refused:
        settings.save(jatim.handle.uow(), replace(current, printer="pdf:  "), approval=BUDI)
    assert str(refused.value) == "a PDF receipt target needs a folder: pdf:FOLDER"
    assert dump_database(jatim.handle.path) == before
