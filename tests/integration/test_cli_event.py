"""``posapp event key|join|show`` and ``posapp export``: as an organizer and a stand use them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.services import event
from posapp.sync.export_file import read_export
from tests.conftest import AS_BUDI, BUDI, BUDI_PIN_LINE, Stand, dump_database
from tests.integration.test_bad_input import assert_refused
from tests.readback import needs, run

KEY = bytes(range(32))
WRITTEN = format_key(KEY)
OTHER = format_key(bytes(range(7, 39)))
needs_zbarimg = needs("zbarimg", package="zbar-tools")


def secrets_in(text: str) -> list[str]:
    """The forms of KEY that *text* gives away, if any."""
    plain = WRITTEN.replace("-", "")
    forms = [WRITTEN, plain, plain.lower(), KEY.hex(), *WRITTEN.split("-")[1:]]
    return [f for f in forms if f in text or f.lower() in text.lower()]


def test_event_key_prints_a_new_key_and_its_event_id(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("event", "key")
    assert r.code == 0 and r.err == ""
    key_line, id_line = r.out.splitlines()
    assert id_line == f"event id {fingerprint(parse_key(key_line))}"
    assert cli("event", "key").out.splitlines()[0] != key_line


@needs_zbarimg
def test_event_key_qr_scans_back_to_the_printed_key(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    png = tmp_path / "event-key.png"
    r = cli("event", "key", "--qr", str(png))
    assert r.code == 0, r.err
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    scanned = run("zbarimg", "--quiet", "--raw", png).strip()
    assert scanned == r.out.splitlines()[0]
    parse_key(scanned)


def test_event_key_qr_into_a_missing_folder_prints_no_key(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("event", "key", "--qr", str(tmp_path / "no" / "such" / "key.png"))
    assert_refused(r.code, r.err, "cannot write", "key.png", out=r.out)
    assert r.out == ""


def test_join_stores_the_key_and_show_names_only_the_event(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("event", "show")
    assert r.code == 0 and "has not joined an event yet" in r.out
    r = cli("event", "join", WRITTEN, *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0 and r.out == f"stand JATIM joined event {fingerprint(KEY)}\n"
    with jatim.handle.uow(write=False) as uow:
        assert event.load_key(uow) == KEY
    r = cli("event", "show")
    assert r.code == 0 and r.out == f"stand JATIM joined event {fingerprint(KEY)}\n"
    assert secrets_in(r.out + r.err) == []


def test_join_takes_the_key_in_any_case_with_spaces_or_from_stdin(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("event", "join", *WRITTEN.lower().split("-"), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0, r.err
    r = cli("event", "join", "--replace", *AS_BUDI,
            stdin=BUDI_PIN_LINE + OTHER.replace("-", " ") + "\n")
    assert r.code == 0 and "instead of event" in r.out
    assert event.event_id(jatim.handle.uow(write=False)) == fingerprint(parse_key(OTHER))


def test_joining_the_same_key_again_changes_nothing(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("event", "join", WRITTEN, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    before = dump_database(jatim.path)
    r = cli("event", "join", WRITTEN, *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0 and "already joined event" in r.out
    assert dump_database(jatim.path) == before


def test_another_key_needs_replace(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("event", "join", WRITTEN, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    before = dump_database(jatim.path)
    r = cli("event", "join", OTHER, *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert_refused(r.code, r.err, f"already joined event {fingerprint(KEY)}", "--replace")
    assert dump_database(jatim.path) == before
    r = cli("event", "join", OTHER, "--replace", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0
    assert r.out == (f"stand JATIM joined event {fingerprint(parse_key(OTHER))} "
                     f"(instead of event {fingerprint(KEY)})\n")


def test_export_writes_a_file_the_reader_accepts(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("event", "join", WRITTEN, *AS_BUDI, stdin=BUDI_PIN_LINE)
    r = cli("sell", "--cashier", "Ani", "--pin-stdin", "JTM-JLB-001*2", "cash=200000",
            stdin="1234\n")
    assert r.code == 0, r.err
    out = tmp_path / "jatim.posexport"
    r = cli("export", "--out", str(out))
    assert r.code == 0, r.err
    batch = read_export(out, KEY)
    assert r.out == (f"exported {batch.count} entries (1 to {batch.last_seq}) of stand JATIM "
                     f"for event {fingerprint(KEY)} to {out}\n")
    assert batch.entries[-1].kind == "sale.completed"
    r = cli("export", "--out", str(tmp_path), "--since", str(batch.last_seq - 1))
    assert r.code == 0 and r.out.startswith(f"exported 1 entry ({batch.last_seq}) of stand")
    name = f"JATIM-{batch.last_seq:06d}-{batch.last_seq:06d}.posexport"
    assert read_export(tmp_path / name, KEY).entries == batch.entries[-1:]


def test_export_without_the_key_says_how_to_join(jatim: Stand, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("export", "--out", str(tmp_path / "x.posexport"))
    assert_refused(r.code, r.err, out=r.out)
    assert r.err == ("posapp: this stand has not joined the event yet: "
                     "run 'posapp event join KEY'\n")
    assert not (tmp_path / "x.posexport").exists()


@pytest.mark.parametrize(("args", "words"), [
    (["event", "join", WRITTEN[:-1] + ("A" if WRITTEN[-1] != "A" else "B")],
     ["event key has a typo"]),
    (["event", "join", WRITTEN[:-5]], ["event key has a typo", "52 letters"]),
    (["event", "join", "rahasia"], ["not an event key"]),
    (["event", "join"], ["no event key given"]),
    (["event"], ["required"]),
    (["event", "forget"], ["invalid choice"]),
    (["event", "show", "extra"], ["unrecognized arguments"]),
    (["event", "key", "--qr"], ["expected one argument"]),
    (["export"], ["--out"]),
    (["export", "--out", "x.posexport", "--since", "-1"], ["not an entry number"]),
    (["export", "--out", "x.posexport", "--since", "lima"], ["not an entry number"]),
    (["export", "--out", "x.posexport", "--since", "999"], ["has entries 1 to"]),
    (["export", "--out", "/no/such/folder/x.posexport"], ["cannot write", "x.posexport"]),
    (["--stand", "BALI", "export", "--out", "x.posexport"], ["no stand BALI"]),
], ids=["typo", "short", "not-a-key", "empty", "no-action", "unknown-action", "extra-word",
        "qr-no-file", "no-out", "negative-since", "words-since", "since-past-end",
        "missing-folder", "unknown-stand"])
def test_bad_input_is_one_line_and_changes_nothing(jatim: Stand, cli, args, words) -> None:  # type: ignore[no-untyped-def]
    if args[0] == "export":
        event.join(jatim.handle.uow(), OTHER, approval=BUDI)
    before = dump_database(jatim.path)
    r = cli(*args)
    assert_refused(r.code, r.err, *words, out=r.out)
    assert dump_database(jatim.path) == before
    assert secrets_in(r.err) == []


def test_without_a_stand_join_show_and_export_say_so(cli) -> None:  # type: ignore[no-untyped-def]
    for args in (["event", "join", WRITTEN], ["event", "show"], ["export", "--out", "x"]):
        r = cli(*args)
        assert_refused(r.code, r.err, "no stand", out=r.out)


def test_the_key_is_never_printed_or_logged(jatim: Stand, cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="posapp")
    said = []
    for args in (["event", "join", WRITTEN], ["event", "join", WRITTEN],
                 ["event", "join", WRITTEN[:-1]], ["event", "join", OTHER],
                 ["event", "show"], ["export", "--out", str(tmp_path / "x.posexport")],
                 ["journal", "verify"]):
        joining = args[:2] == ["event", "join"]
        r = cli(*args, *(AS_BUDI if joining else ()), stdin=BUDI_PIN_LINE if joining else "")
        said.append(r.out + r.err)
    assert all(secrets_in(text) == [] for text in said), said
    assert secrets_in(caplog.text) == []
    assert secrets_in((tmp_path / "x.posexport").read_text(encoding="utf-8")) == []
    error_log = jatim.data.root / "posapp-errors.log"
    assert not error_log.exists() or secrets_in(error_log.read_text(encoding="utf-8")) == []
