"""Export files made straight from journal entries, and a secret store that keeps nothing,
for the central store's tests that build a stand's journal by hand."""

from __future__ import annotations

from pathlib import Path

from posapp.domain.event_key import fingerprint, parse_key
from posapp.domain.journal import Entry
from posapp.store.secrets import SecretStore
from posapp.sync.export_file import ExportHeader, StandDetails, write_export


def export_file(path: Path, key: str, code: str, entries: list[Entry]) -> Path:
    """Stand *code*'s *entries* (a run of its journal) at *path*, signed with event key
    *key*, as a stand in Bali exports them."""
    k = parse_key(key)
    header = ExportHeader(fingerprint(k), StandDetails(code, f"Stan {code}", "Bali",
                                                       "HANI 2026", "Asia/Makassar"),
                          entries[0].seq, entries[-1].seq, entries[0].prev_hash,
                          entries[-1].hash, "2026-06-26T10:00:00Z")
    return write_export(path, k, header, entries)


class NoSecrets(SecretStore):
    """Keeps nothing on this computer: the event key is always the one typed."""

    def __init__(self) -> None:
        pass

    def put(self, name: str, value: str) -> None:
        pass

    def event_key(self, event_id: str) -> str | None:
        return None
