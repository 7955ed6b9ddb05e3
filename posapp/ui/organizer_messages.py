"""The central store's and merge's refusals in the organizer's language (one line each).

Like ``posapp.ui.errors``: the services speak English; the common sentences are recognised
and translated, anything else keeps its English detail (with file paths shortened). The
sentences a stand user meets too (event key typos, the central store's refusals) are
translated once, in ``posapp.ui.errors``, which ``refusal`` falls back to.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QObject

from posapp.domain.errors import PosError
from posapp.ui.errors import Refusals

# The file name a refusal starts with: a path ending in the export suffix or any word.
_FILE = r"(?P<file>.+?)"


class OrganizerRefusals(QObject):
    """The translatable sentences (a QObject so that pyside6-lupdate finds ``self.tr``)."""

    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """(pattern on the English message, its translation), built for the current language."""
        return [
            (re.compile(rf"^cannot write {_FILE}: it is a folder"),
             self.tr("{file} is a folder: choose a file name")),
            (re.compile(rf"^cannot write {_FILE}: the folder (?P<folder>.+) does not exist"),
             self.tr("the folder {folder} does not exist")),
            (re.compile(rf"^cannot write {_FILE}: (?P<detail>.+)$"),
             self.tr("{file} cannot be written ({detail})")),
            (re.compile(rf"^the open orders are written as \.xlsx or \.csv: .* not {_FILE}$"),
             self.tr("name the file .xlsx or .csv (not {file})")),
            (re.compile(rf"^{_FILE} has been changed after it was signed: there is data after"),
             self.tr("it has been changed after it was signed (data after its signature)")),
            (re.compile(rf"^{_FILE} has been changed after it was signed, or was signed with "
                        r"another key"),
             self.tr("it has been changed after it was signed, or was signed with another key")),
            (re.compile(rf"^{_FILE} is cut off"),
             self.tr("it is cut off: copy it again from the stand")),
            (re.compile(rf"^{_FILE} is not a posapp export file"),
             self.tr("it is not a posapp export file")),
            (re.compile(rf"^{_FILE} is not a valid posapp export: (?P<detail>.*)"),
             self.tr("it is not a valid posapp export ({detail})")),
            (re.compile(rf"^{_FILE} cannot be read: (?P<detail>.*)"),
             self.tr("it cannot be read ({detail})")),
            (re.compile(rf"^{_FILE} was made for another event \(event id (?P<theirs>\w+)\), "
                        r"this central store is for event (?P<ours>\w+)"),
             self.tr("it was made for another event ({theirs}); this central store is for "
                     "event {ours}")),
            (re.compile(rf"^{_FILE} is an export of format version (?P<version>\S+);"),
             self.tr("it was made by another posapp version (format {version})")),
            (re.compile(rf"^{_FILE} has a break in its hash chain at entry (?P<seq>\d+)"),
             self.tr("its entries do not chain at entry {seq}")),
            (re.compile(rf"^{_FILE} ends at entry (?P<last>\d+), but its header says it ends at "
                        r"entry (?P<declared>\d+)"),
             self.tr("it ends at entry {last} instead of {declared}: entries are missing")),
            (re.compile(rf"^{_FILE} holds entry (?P<seq>\d+) of stand (?P<other>\S+), but it is "
                        r"the export of stand (?P<stand>\S+)"),
             self.tr("it holds entries of stand {other} in the export of stand {stand}")),
            (re.compile(r"stand (?P<stand>\S+): entries (?P<first>\d+)-(?P<last>\d+) are "
                        r"missing before this batch"),
             self.tr("stand {stand}: entries {first} to {last} are missing; merge the earlier "
                     "file first")),
            (re.compile(r"stand (?P<stand>\S+), entry (?P<seq>\d+) (?:does not follow|differs "
                        r"from)"),
             self.tr("conflict: entry {seq} of stand {stand} differs from the central store's; "
                     "is another laptop set up as stand {stand}? Nothing was merged")),
            (re.compile(r"the central store has no event key yet"),
             self.tr("the central store has no event key yet: type the event key first")),
            (re.compile(r"this central store belongs to event (?P<ours>\w+); the key given is "
                        r"for event (?P<theirs>\w+)"),
             self.tr("wrong event key: this central store belongs to event {ours}, the key "
                     "typed is for event {theirs}")),
            (re.compile(r"^no central store at (?P<target>.+)$"),
             self.tr("There is no central store at {target}")),
            (re.compile(r"^(?P<target>.+) has no central store yet"),
             self.tr("{target} is not a central store (it has no central store tables)")),
        ]


def _short(text: str) -> str:
    """*text* with absolute file paths cut to their file names."""
    return re.sub(rf"(?:[A-Za-z]:)?[{re.escape(os.sep)}/][^\s:;,()]*[{re.escape(os.sep)}/]", "",
                  text)


def refusal(exc: PosError) -> str:
    """*exc*'s message in the current language, one line, file paths as file names."""
    text = " ".join(exc.message.split())
    for pattern, template in OrganizerRefusals().patterns():
        m = pattern.search(text)
        if m:
            found = {k: Path(v).name if k == "file" else _short(v) if k == "detail" else v
                     for k, v in m.groupdict().items()}
            return template.format(**found)
    refusals = Refusals()
    for pattern, template in refusals.patterns():
        m = pattern.search(text)
        if m:
            return template.format(**m.groupdict())
    return _short(text)
