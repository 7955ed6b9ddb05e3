"""Real transports: a file, a TCP socket, and the one-line errors when the printer is not there."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from escpos.printer import Dummy

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.receipt import layout_receipt
from posapp.printing.escpos_render import render_escpos
from posapp.printing.printers import print_blocks, printer_from_target
from tests.printer_servers import Behaviour, printer, quick_waits
from tests.samples import SALE

BLOCKS = layout_receipt(SALE, 42)


def _expected() -> bytes:
    printer = Dummy()
    render_escpos(BLOCKS, 42, printer)
    return printer.output


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_file_printer_gets_the_same_bytes_as_the_dummy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lp0"
    print_blocks(f"file:{path}", BLOCKS, 42)
    assert path.read_bytes() == _expected()
    assert b"JATIM-000123" in path.read_bytes()
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("kind", ["good", "mute"])
def test_a_network_printer_gets_the_same_bytes(capsys: pytest.CaptureFixture[str],
                                               kind: Behaviour) -> None:
    """One that answers its status (asked before and after the receipt) and a cheap one
    that does not (asked once, then it closes the connection after the receipt)."""
    with printer(kind) as fake, quick_waits(connect=False, job=False, status=kind == "mute"):
        print_blocks(fake.target, BLOCKS, 42)
        [job] = fake.wait_jobs(1)
    assert job == _expected()
    assert fake.questions == (4 if kind == "good" else 2)
    assert capsys.readouterr().out == ""


def test_a_network_printer_that_does_not_answer_gives_one_line() -> None:
    target = f"network:127.0.0.1:{_closed_port()}"
    with pytest.raises(PosError) as caught:
        print_blocks(target, BLOCKS, 42)
    assert str(caught.value) == f"printer {target} did not answer: Connection refused"


def test_a_file_printer_in_a_missing_folder_gives_one_line(tmp_path: Path) -> None:
    target = f"file:{tmp_path / 'gone' / 'lp0'}"
    with pytest.raises(PosError) as caught:
        print_blocks(target, BLOCKS, 42)
    assert str(caught.value) == f"printer {target} did not answer: No such file or directory"
    assert "\n" not in str(caught.value)


def test_printing_to_usb_without_pyusb_says_what_is_missing() -> None:
    with pytest.raises(InvalidInput) as caught:
        print_blocks("usb:04b8:0202", BLOCKS, 42)
    assert str(caught.value) == "USB printing needs the pyusb package (python-escpos[usb])"


def test_a_dummy_target_builds_a_dummy() -> None:
    assert isinstance(printer_from_target("dummy:"), Dummy)
