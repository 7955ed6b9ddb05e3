"""The status a USB printer answers (DLE EOT) decides whether a job counts as printed; the
device is a stand-in for pyusb's (its writes kept, its reads scripted)."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy, Usb

from posapp.domain.errors import PosError
from posapp.printing.checked import (
    STATUS_QUERY,
    PrinterStuck,
    after_job,
    before_job,
    parse_status,
)

OK, PAPER_END, OFFLINE = b"\x12", b"\x72", b"\x1a"


class ScriptedUsb(Usb):
    """A USB printer whose reads give *answers* one by one (then time out, as pyusb does)."""

    def __init__(self, *answers: bytes) -> None:
        super().__init__(0x04B8, 0x0202)
        self.answers = list(answers)
        self.written = bytearray()

    def open(self, raise_not_found: bool = True) -> None:
        self._device = object()

    def close(self) -> None:
        self._device = False

    def _raw(self, msg: bytes) -> None:
        self.written += msg

    def _read(self) -> bytes:
        if not self.answers:
            raise TimeoutError("[Errno 110] Operation timed out")  # pyusb's USBTimeoutError
        return self.answers.pop(0)


def test_a_usb_printer_with_paper_is_asked_before_and_after_the_job() -> None:
    usb = ScriptedUsb(OK, OK, OK + OK)  # answers may come in one read or two
    assert before_job(usb, "usb:04b8:0202") is True
    usb._raw(b"RECEIPT")
    after_job(usb, "usb:04b8:0202", answered=True)
    assert bytes(usb.written) == STATUS_QUERY + b"RECEIPT" + STATUS_QUERY


@pytest.mark.parametrize(("answers", "code"), [((OK, PAPER_END), "printer.paper_out"),
                                               ((OFFLINE, OK), "printer.offline")])
def test_a_usb_printer_that_says_it_cannot_print_gets_nothing(answers: tuple[bytes, ...],
                                                              code: str) -> None:
    usb = ScriptedUsb(*answers)
    with pytest.raises(PosError) as refused:
        before_job(usb, "usb:04b8:0202")
    assert refused.value.code == code
    assert bytes(usb.written) == STATUS_QUERY  # the question only: no receipt was sent


def test_a_usb_printer_that_answered_and_then_falls_silent_is_stuck() -> None:
    usb = ScriptedUsb(OK, OK)  # nothing after the job
    assert before_job(usb, "usb:04b8:0202")
    with pytest.raises(PrinterStuck):
        after_job(usb, "usb:04b8:0202", answered=True)


def test_paper_running_out_during_the_job_fails_it() -> None:
    usb = ScriptedUsb(OK, OK, OK, PAPER_END)
    assert before_job(usb, "usb:04b8:0202")
    with pytest.raises(PosError) as refused:
        after_job(usb, "usb:04b8:0202", answered=True)
    assert refused.value.code == "printer.paper_out"


def test_a_usb_printer_that_never_answers_status_is_believed_once_it_took_the_bytes() -> None:
    usb = ScriptedUsb()
    assert before_job(usb, "usb:04b8:0202") is False
    after_job(usb, "usb:04b8:0202", answered=False)  # the write itself has a timeout


def test_a_dummy_is_not_asked_anything() -> None:
    dummy = Dummy()
    assert before_job(dummy, "dummy:") is False
    after_job(dummy, "dummy:", answered=False)
    assert dummy.output == b""


def test_status_bytes_are_read_as_escpos_says() -> None:
    online = parse_status(OK + OK)
    assert online is not None and (online.online, online.paper) == (True, True)
    ending = parse_status(OK + b"\x1e")  # near end: still paper
    assert ending is not None and ending.paper
    out = parse_status(OK + PAPER_END)
    assert out is not None and not out.paper
    off = parse_status(OFFLINE + OK)
    assert off is not None and not off.online
    assert parse_status(OK) is None  # half an answer
    assert parse_status(b"OK") is None  # not status bytes
