"""``cups:NAME`` and ``win32:NAME`` printers: parsed from the settings, built where the
computer has the driver, and one clear line (never a traceback) where it has not."""

from __future__ import annotations

import sys
from dataclasses import replace

import escpos.printer.cups as escpos_cups
import escpos.printer.win32raw as escpos_win32
import pytest
from escpos.printer import CupsPrinter, Win32Raw
from sqlalchemy import update

from posapp.domain.errors import InvalidInput
from posapp.printing import targets
from posapp.printing.printers import parse_target, print_blocks, printer_from_target
from posapp.services import settings
from posapp.store.models import SettingRow
from tests.conftest import AS_BUDI, BUDI, BUDI_PIN_LINE, Stand

NO_CUPS = ("CUPS printers (cups:NAME) need the pycups package, which this computer does not "
           "have: use file:, network: or usb: instead")
NO_WINDOWS = ("Windows printers (win32:NAME) work only on Windows: on this computer use "
              "cups:, file:, network: or usb:")


@pytest.fixture
def without_drivers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Linux computer without pycups (whatever this one has)."""
    monkeypatch.setattr(escpos_cups, "_DEP_PYCUPS", False)
    monkeypatch.setattr(escpos_win32, "_DEP_WIN32PRINT", False)
    monkeypatch.setattr(sys, "platform", "linux")
    real = targets.importlib.util.find_spec
    monkeypatch.setattr(targets.importlib.util, "find_spec",
                        lambda name: None if name in ("cups", "win32print") else real(name))


@pytest.fixture
def with_drivers(monkeypatch: pytest.MonkeyPatch) -> None:
    """pycups and pywin32 loaded, as on a Linux/macOS stand with CUPS and on Windows."""
    monkeypatch.setattr(escpos_cups, "_DEP_PYCUPS", True)
    monkeypatch.setattr(escpos_cups, "DEFAULT_HOST", "localhost", raising=False)
    monkeypatch.setattr(escpos_cups, "DEFAULT_PORT", 631, raising=False)
    monkeypatch.setattr(escpos_win32, "_DEP_WIN32PRINT", True)
    monkeypatch.setattr(settings, "missing_driver", lambda scheme: None)


@pytest.mark.parametrize(("target", "parsed"), [
    ("cups:TM-T20II", ("cups", ("TM-T20II",))),
    ("CUPS: Kasir_1 ", ("cups", ("Kasir_1",))),
    ("win32:EPSON TM-T20II Receipt", ("win32", ("EPSON TM-T20II Receipt",))),
    ("Win32:\\\\kasir-pc\\POS-58", ("win32", ("\\\\kasir-pc\\POS-58",))),
    ("network:10.0.0.7", ("network", ("10.0.0.7", 9100))),
    ("usb:04b8:0202", ("usb", (0x04B8, 0x0202))),
])
def test_targets_parse_to_what_the_printer_is_built_with(
        target: str, parsed: tuple[str, tuple[object, ...]]) -> None:
    assert parse_target(target) == parsed


@pytest.mark.parametrize(("target", "message"), [
    ("cups:", "CUPS printer '': give the queue name"),
    ("cups:my printer", "without spaces"),
    ("cups:a/b", "without spaces, '/' or '#'"),
    ("win32:  ", "a Windows printer needs its name"),
    ("lpt1:", "unknown printer 'lpt1:': use file:PATH, network:HOST[:PORT], "
              "usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME, win32:NAME or pdf:FOLDER"),
])
def test_malformed_targets_are_refused_with_the_reason(target: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_target(target)


@pytest.mark.usefixtures("without_drivers")
@pytest.mark.parametrize(("target", "message"), [
    ("cups:TM-T20II", NO_CUPS), ("win32:EPSON TM-T20II", NO_WINDOWS)])
def test_a_printer_this_computer_cannot_drive_is_one_line(target: str, message: str) -> None:
    with pytest.raises(InvalidInput) as built:
        printer_from_target(target)
    with pytest.raises(InvalidInput) as printed:
        print_blocks(target, [], 42)
    assert str(built.value) == str(printed.value) == message


def test_windows_without_pywin32_names_the_package(without_drivers: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(InvalidInput) as caught:
        printer_from_target("win32:EPSON TM-T20II")
    assert str(caught.value) == "Windows printers (win32:NAME) need the pywin32 package"


@pytest.mark.usefixtures("with_drivers")
def test_with_the_driver_the_printer_is_built_for_that_queue() -> None:
    cups = printer_from_target("cups:TM-T20II", profile="TM-T20II")
    assert isinstance(cups, CupsPrinter) and cups.printer_name == "TM-T20II"
    assert cups.profile.profile_data["name"] == "TM-T20II"
    windows = printer_from_target("win32:EPSON TM-T20II Receipt")
    assert isinstance(windows, Win32Raw) and windows.printer_name == "EPSON TM-T20II Receipt"


@pytest.mark.usefixtures("without_drivers")
def test_settings_refuse_a_printer_this_computer_cannot_drive(jatim: Stand) -> None:
    for target, message in (("cups:TM-T20II", NO_CUPS), ("win32:EPSON", NO_WINDOWS)):
        with pytest.raises(InvalidInput) as caught:
            settings.save(jatim.handle.uow(), replace(settings.DEFAULTS, printer=target),
                          approval=BUDI)
        assert str(caught.value) == message
    assert settings.get(jatim.handle.uow(write=False)).printer == ""


@pytest.mark.usefixtures("without_drivers")
def test_a_stored_windows_printer_is_kept_on_another_computer(jatim: Stand) -> None:
    """The database came from the Windows laptop: the target stays, printing says why not."""
    settings.save(jatim.handle.uow(), settings.DEFAULTS, approval=BUDI)
    with jatim.handle.uow() as uow:
        uow.session.execute(update(SettingRow).where(SettingRow.key == "printer")
                            .values(value="win32:EPSON TM-T20II"))
        uow.commit()
    assert settings.get(jatim.handle.uow(write=False)).printer == "win32:EPSON TM-T20II"


@pytest.mark.usefixtures("with_drivers")
def test_settings_keep_cups_and_windows_printers_where_they_work(jatim: Stand) -> None:
    for typed, kept in (("  CUPS:TM-T20II ", "cups:TM-T20II"),
                        ("win32: EPSON TM-T20II Receipt", "win32:EPSON TM-T20II Receipt")):
        saved = settings.save(jatim.handle.uow(), replace(settings.DEFAULTS, printer=typed),
                              approval=BUDI)
        assert saved.printer == kept
        assert settings.get(jatim.handle.uow(write=False)).printer == kept


@pytest.mark.usefixtures("without_drivers")
def test_printer_set_says_it_in_one_line(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("printer", "set", "win32:EPSON TM-T20II", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert (r.code, r.out, r.err) == (1, "", f"posapp: {NO_WINDOWS}\n")
    r = cli("printer", "set", "cups:TM-T20II", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert (r.code, r.out, r.err) == (1, "", f"posapp: {NO_CUPS}\n")
    assert settings.get(jatim.handle.uow(write=False)).printer == ""
