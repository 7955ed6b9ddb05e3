"""The signed export file: a slice of one stand's journal, carried on a USB stick.

UTF-8 text, one canonical JSON object a line (docs/export-format.md):

1. the header: format and version, event id, stand details, first and last seq, count, the
   hash before the first entry and the last entry's hash, when it was made;
2. one line per journal entry, in seq order;
3. ``{"hmac_sha256":"<64 hex>"}``: HMAC-SHA256 with the event key over every byte before it.

A file is written under a temporary name in the same folder and renamed into place, so a
half-written file never carries the final name. A file cut off anywhere lacks its last line.

Longer than a screen: the writer and the reader of the format sit together, so that a change
to the format is made, and reviewed, in one place.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring as _text  # what json.dumps(ensure_ascii=False) uses
from pathlib import Path
from typing import IO, Any, TypeVar

from posapp.domain.errors import InvalidInput, StorageError
from posapp.domain.event_key import fingerprint
from posapp.domain.journal import GENESIS, Entry, canonical_json, verify_chain
from posapp.domain.messages import N_, Message, msg
from posapp.sync.fast_json import loads_line

T = TypeVar("T")

FORMAT = "posapp-export"
VERSION = 1
SUFFIX = ".posexport"

_SIG_PREFIX = b'{"hmac_sha256":"'
_SIG_SUFFIX = b'"}\n'
SIGNATURE_LEN = len(_SIG_PREFIX) + 64 + len(_SIG_SUFFIX)
_SIG_START = b"\n" + _SIG_PREFIX
_MAGIC = b'"format":"posapp-export"'
_HEX = frozenset(b"0123456789abcdef")
_MAX_HEADER = 64 * 1024
_CHUNK = 1 << 20


class ExportRefused(InvalidInput):
    """An export file that cannot be used; the one-line reason names the file (its
    ``file`` value, the path as given)."""


@dataclass(frozen=True)
class StandDetails:
    code: str
    name: str
    province: str
    event_name: str
    timezone: str


@dataclass(frozen=True)
class ExportHeader:
    """The first line: which event and stand, and which slice of its journal follows."""

    event: str  # the event id (fingerprint of the key), never the key
    stand: StandDetails
    first_seq: int
    last_seq: int
    prev_hash: str  # the hash before first_seq (GENESIS when first_seq is 1)
    last_hash: str  # the hash of last_seq (prev_hash when the slice is empty)
    created_at: str  # ISO 8601 UTC

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1

    def to_json(self) -> dict[str, Any]:
        s = self.stand
        return {
            "format": FORMAT, "version": VERSION, "event": self.event,
            "stand": {"code": s.code, "name": s.name, "province": s.province,
                      "event_name": s.event_name, "timezone": s.timezone},
            "first_seq": self.first_seq, "last_seq": self.last_seq, "count": self.count,
            "prev_hash": self.prev_hash, "last_hash": self.last_hash,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class ExportBatch:
    """A checked export file: signed with the right key, whole, and chained end to end.

    The entries continue a stand's journal after (first_seq - 1, prev_hash); whether that
    point is what a central store already holds is for the merge to check.
    """

    path: Path
    event: str
    stand: StandDetails
    first_seq: int
    prev_hash: str
    last_seq: int
    last_hash: str
    created_at: str
    entries: list[Entry]

    @property
    def count(self) -> int:
        return len(self.entries)


# -- writing ---------------------------------------------------------------------------------


def write_export(path: Path, key: bytes, header: ExportHeader, entries: Iterable[Entry]) -> Path:
    """Write *header* and *entries* to *path*, signed with *key*; all or nothing.

    The entries must be exactly the header's slice and chain from its prev_hash to its
    last_hash; otherwise nothing is written and the reason is raised (StorageError).
    """
    if header.event != fingerprint(key):
        raise InvalidInput("export.header_key_mismatch")
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise StorageError("storage.cannot_write", file=str(path),
                           reason=str(exc.strerror or exc)) from None
    tmp = Path(tmp_name)
    with contextlib.suppress(AttributeError, OSError):  # mkstemp's 0600 is for secrets
        os.fchmod(fd, 0o644)
    try:
        with os.fdopen(fd, "wb", buffering=_CHUNK) as f:
            _write(f, key, header, entries)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError("storage.cannot_write", file=str(path),
                           reason=str(exc.strerror or exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return path


def _write(f: IO[bytes], key: bytes, header: ExportHeader, entries: Iterable[Entry]) -> None:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    count, last = 0, None

    def written() -> Iterator[Entry]:
        nonlocal count, last
        for e in entries:
            line = (entry_line(e) + "\n").encode("utf-8")
            mac.update(line)
            f.write(line)
            count += 1
            last = e
            yield e

    line = (canonical_json(header.to_json()) + "\n").encode("utf-8")
    mac.update(line)
    f.write(line)
    broken = verify_chain(written(), start_seq=header.first_seq, start_hash=header.prev_hash)
    if broken is not None:
        raise StorageError("export.journal_broken", seq=broken.seq, reason=broken.reason)
    last_hash = last.hash if last is not None else header.prev_hash
    if count != header.count or last_hash != header.last_hash:
        raise StorageError("export.journal_count", count=count, after=header.first_seq - 1,
                           expected=header.count)
    f.write(_SIG_PREFIX + mac.hexdigest().encode("ascii") + _SIG_SUFFIX)


def entry_line(e: Entry) -> str:
    """The entry's line without its newline: ``canonical_json`` of its seven fields.

    Spelled out (keys in sorted order, strings through the JSON encoder's own escaping) as
    it is the hot loop of an export: 2.5 times faster than a ``json.dumps`` per entry.
    """
    return (f'{{"at":{_text(e.at)},"hash":{_text(e.hash)},"kind":{_text(e.kind)},'
            f'"payload":{_text(e.payload)},"prev_hash":{_text(e.prev_hash)},"seq":{int(e.seq)},'
            f'"stand":{_text(e.stand)}}}')


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- reading ---------------------------------------------------------------------------------


def read_export_header(path: Path | str, key: bytes) -> ExportHeader:
    """The header of the export file at *path*, once its signature checks out: the cheap
    read for a file that a central store may already hold whole (no entry is parsed, so
    the chain inside is not checked: use ``read_export`` before applying anything)."""
    return _read(path, key, _Reader.read_header)


def read_export(path: Path | str, key: bytes) -> ExportBatch:
    """The checked contents of the export file at *path*, for the event of *key*.

    Refused (ExportRefused, naming the file) when it is not an export file, is cut off, was
    made for another event, was changed after signing or signed with another key, or its
    entries do not chain from the header's prev_hash to its last_hash or belong to another
    stand. Nothing is returned unless every check passes.
    """
    return _read(path, key, _Reader.read)


def _read(path: Path | str, key: bytes, how: Callable[[_Reader], T]) -> T:
    path = Path(path)
    try:
        with path.open("rb") as f:
            return how(_Reader(path, key, f))
    except OSError as exc:
        raise ExportRefused("export.unreadable", file=str(path),
                            reason=str(exc.strerror or exc)) from None


class _Reader:
    def __init__(self, path: Path, key: bytes, f: IO[bytes]) -> None:
        self.path, self.name, self.key, self.f = path, str(path), key, f

    def changed(self) -> ExportRefused:
        return ExportRefused("export.changed", file=self.name)

    def invalid(self, problem: Message) -> ExportRefused:
        return ExportRefused("export.invalid", file=self.name, problem=problem)

    def read(self) -> ExportBatch:
        header, entries, problem = self._verified(parse_entries=True)
        if problem is not None:
            raise self.invalid(problem)
        self._check_entries(header, entries)
        return ExportBatch(self.path, header.event, header.stand, header.first_seq,
                           header.prev_hash, header.last_seq, header.last_hash,
                           header.created_at, entries)

    def read_header(self) -> ExportHeader:
        return self._verified(parse_entries=False)[0]

    def _verified(self, *,
                  parse_entries: bool) -> tuple[ExportHeader, list[Entry], Message | None]:
        """The header, the entries (when parsed) and the first problem with them, once the
        file is known to be whole and signed with the key."""
        f = self.f
        size = os.fstat(f.fileno()).st_size
        first = f.readline(_MAX_HEADER)
        raw_header = _json_object(first)
        looks_like_export = _MAGIC in first
        f.seek(max(0, size - SIGNATURE_LEN))
        damage = _signature_damage(f.read())
        if not looks_like_export and damage > 1:
            raise ExportRefused("export.not_export_file", file=self.name)
        if raw_header is not None and looks_like_export:
            self._check_event(raw_header)
        if damage > 1:
            raise self._cut_off(first, raw_header)
        if damage == 1:
            raise self.changed()
        body_end = size - SIGNATURE_LEN
        f.seek(body_end + len(_SIG_PREFIX))
        signature = f.read(64).decode("ascii")
        entries, problem, digest = self._body(first, body_end, parse_entries)
        if not hmac.compare_digest(digest, signature):
            raise self.changed()
        # Signed with the key from here on: what remains would be a faulty writer.
        if raw_header is None or not looks_like_export:
            raise self.invalid(msg("export_problem.no_header"))
        return self._header(raw_header), entries, problem

    def _check_event(self, raw: dict[str, Any]) -> None:
        version = raw.get("version")
        if type(version) is int and version != VERSION:
            raise ExportRefused("export.other_version", file=self.name, version=version,
                                ours=VERSION)
        theirs, ours = raw.get("event"), fingerprint(self.key)
        if isinstance(theirs, str) and theirs != ours:
            raise ExportRefused("export.other_event", file=self.name, theirs=theirs, ours=ours)

    def _cut_off(self, first: bytes, raw: dict[str, Any] | None) -> ExportRefused:
        """Why a file without a whole signature line at its end is refused."""
        if not first.endswith(b"\n"):
            return ExportRefused("export.cut_in_first_line", file=self.name)
        lines, offset, signed_at, carry = 0, 0, -1, b""
        self.f.seek(0)
        for chunk in iter(lambda: self.f.read(_CHUNK), b""):
            lines += chunk.count(b"\n")
            window = carry + chunk
            found = window.rfind(_SIG_START)
            if found >= 0:
                signed_at = offset - len(carry) + found + 1
            carry = window[-(len(_SIG_START) - 1):]
            offset += len(chunk)
        if signed_at >= 0 and offset - signed_at > SIGNATURE_LEN:
            return ExportRefused("export.data_after_signature", file=self.name)
        declared = raw.get("count") if raw is not None else None
        if type(declared) is not int:
            return ExportRefused("export.signature_missing", file=self.name)
        entries = lines - 1
        if entries < declared:
            return ExportRefused("export.cut_off", file=self.name, entries=entries, count=declared)
        return ExportRefused("export.signature_missing", file=self.name)

    def _body(self, first: bytes, body_end: int,
              parse_entries: bool = True) -> tuple[list[Entry], Message | None, str]:
        """Every entry line before the signature (when *parse_entries*), the first problem,
        and the HMAC."""
        f = self.f
        f.seek(0)
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        entries: list[Entry] = []
        problem: Message | None = None
        pending = b""
        line_no = 0
        left = body_end
        while left > 0:
            chunk = f.read(min(_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            mac.update(chunk)
            if not parse_entries:
                if line_no == 0 and not chunk.startswith(first[:len(chunk)]):
                    problem = problem or msg("export_problem.first_line_changed")
                line_no = 1
                continue
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                line_no += 1
                if line_no == 1:
                    if line + b"\n" != first:
                        problem = problem or msg("export_problem.first_line_changed")
                    continue
                try:
                    entries.append(_entry(line))
                except ValueError as exc:
                    problem = problem or msg(str(exc), line=line_no)
        if left > 0:
            problem = problem or msg("export_problem.became_shorter")
        if pending:
            problem = problem or msg("export_problem.line_unended", line=line_no + 1)
        if line_no == 0:
            problem = problem or msg("export_problem.no_header_line")
        return entries, problem, mac.hexdigest()

    def _header(self, raw: dict[str, Any]) -> ExportHeader:
        stand = raw.get("stand")
        ints: dict[str, Any] = {k: raw.get(k) for k in ("first_seq", "last_seq", "count")}
        texts: dict[str, Any] = {
            k: raw.get(k) for k in ("event", "prev_hash", "last_hash", "created_at")}
        details: dict[str, Any] = (
            {k: stand.get(k) for k in ("code", "name", "province", "event_name", "timezone")}
            if isinstance(stand, dict) else {}
        )
        bad = [k for k, v in ints.items() if type(v) is not int]
        bad += [k for k, v in texts.items() if not isinstance(v, str)]
        bad += [k for k in ("prev_hash", "last_hash") if not _is_hash(texts[k])]
        if not details or not all(isinstance(v, str) for v in details.values()):
            bad.append("stand")
        if bad:
            raise self.invalid(msg("export_problem.header_fields", fields=bad))
        header = ExportHeader(texts["event"], StandDetails(**details), ints["first_seq"],
                              ints["last_seq"], texts["prev_hash"], texts["last_hash"],
                              texts["created_at"])
        if header.first_seq < 1 or header.count < 0 or header.count != ints["count"]:
            raise self.invalid(msg("export_problem.header_count", first=header.first_seq,
                                   last=header.last_seq, count=ints["count"]))
        return header

    def _check_entries(self, header: ExportHeader, entries: list[Entry]) -> None:
        code = header.stand.code
        for e in entries:
            if e.stand != code:
                raise ExportRefused("export.other_stand", file=self.name, seq=e.seq,
                                    other=e.stand, stand=code)
        if header.first_seq == 1 and header.prev_hash != GENESIS:
            raise ExportRefused("export.not_from_start", file=self.name, stand=code)
        broken = verify_chain(entries, start_seq=header.first_seq, start_hash=header.prev_hash)
        if broken is not None:
            raise ExportRefused("export.chain_break", file=self.name, seq=broken.seq,
                                reason=broken.reason)
        last_seq = entries[-1].seq if entries else header.first_seq - 1
        last_hash = entries[-1].hash if entries else header.prev_hash
        if last_seq == header.last_seq and last_hash != header.last_hash:
            raise ExportRefused("export.last_hash_differs", file=self.name, last=last_seq)
        if last_seq != header.last_seq:
            raise ExportRefused("export.entries_missing", file=self.name, last=last_seq,
                                declared=header.last_seq)


def _json_object(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:  # includes UnicodeDecodeError
        return None
    return value if isinstance(value, dict) else None


def _entry(line: bytes) -> Entry:
    try:
        d = loads_line(line)
        e = Entry(d["seq"], d["stand"], d["at"], d["kind"], d["payload"], d["prev_hash"],
                  d["hash"])
    except (ValueError, KeyError, TypeError):
        raise ValueError(N_("export_problem.not_an_entry")) from None
    # Spelled out: the same check as all(isinstance(...)) over a tuple, a third of the time.
    if type(e.seq) is not int or type(e.stand) is not str or type(e.at) is not str or \
            type(e.kind) is not str or type(e.payload) is not str or \
            type(e.prev_hash) is not str or type(e.hash) is not str:
        raise ValueError(N_("export_problem.wrong_field_type"))
    return e


def _is_hash(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef"
                                                               for c in value)


def _signature_damage(tail: bytes) -> int:
    """How many bytes of *tail* differ from a signature line's form (0: a signature)."""
    if len(tail) != SIGNATURE_LEN:
        return SIGNATURE_LEN
    n = len(_SIG_PREFIX)
    bad = sum(a != b for a, b in zip(tail[:n], _SIG_PREFIX, strict=True))
    bad += sum(c not in _HEX for c in tail[n:n + 64])
    bad += sum(a != b for a, b in zip(tail[n + 64:], _SIG_SUFFIX, strict=True))
    return bad
