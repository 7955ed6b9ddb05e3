"""Merging export files into the open central store: progress, then one result line per file.

The files are merged one after another on a worker thread (each all or nothing), in the
order of their stand and first entry. When this computer does not keep the key of the
central store's event (or the store has none yet), the organizer types it once before
anything is merged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.event_key import parse_key
from posapp.services import merge
from posapp.services.merge import MergeResult
from posapp.ui.common.errors import names_a_file, refusal
from posapp.ui.common.input_dialog import Field, InputDialog
from posapp.ui.common.widgets import button
from posapp.ui.common.worker import Progress, run_in_background

log = logging.getLogger(__name__)
STEPS = 1000  # the progress bar's range: files share it equally
Outcome = tuple[Path, MergeResult | Exception]


@dataclass(frozen=True)
class NeedKey:
    """The worker's answer when the store has no event key and none was typed."""

    paths: list[Path]


def merge_all(target: str, paths: Sequence[Path], key: str | None,
              progress: Progress) -> list[Outcome] | NeedKey:
    """Merge every file in turn (off the UI thread); a refusal does not stop the others."""
    if key is None and merge.needs_key(target):
        return NeedKey(list(paths))
    outcomes: list[Outcome] = []
    for i, path in enumerate(merge.batch_order(paths)):  # by stand and entry: a --since
        step = _share(progress, i, len(paths))              # file after its predecessor
        try:
            outcomes.append((path, merge.merge_file(target, path, key=key, progress=step)))
        except Exception as exc:  # a PosError is a refusal; anything else is shown too
            if not isinstance(exc, PosError):
                log.error("merging %s failed unexpectedly", path, exc_info=exc)
            outcomes.append((path, exc))
        progress((i + 1) * STEPS // len(paths), STEPS)
    return outcomes


def _share(progress: Progress, i: int, n: int) -> Progress:
    """Progress within file *i* of *n*, reported as progress of them all."""
    return lambda done, total: progress(
        (i * STEPS + (done * STEPS // total if total else STEPS)) // n, STEPS)


#: The merge outcomes shown at once (a longer list scrolls).
RESULT_LINES = 4


class MergePanel(QWidget):
    merged = Signal(object)  # the list of outcomes of a batch, after they are shown
    busy_changed = Signal(bool)

    def __init__(self, target: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergePanel")
        self._target = target
        self._waiting: list[Path] = []
        self._key: str | None = None
        self.busy = False
        self.key_dialog: InputDialog | None = None
        self.hint = QLabel(self)
        self.hint.setObjectName("dropHint")
        self.hint.setWordWrap(True)
        self.merge_button = button("mergeFilesButton", self)
        self.merge_button.clicked.connect(self.choose_files)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("mergeProgress")
        self.progress.setRange(0, STEPS)
        self.progress.setVisible(False)
        self.results = QListWidget(self)
        self.results.setObjectName("mergeResults")
        self.results.setVisible(False)
        # four lines of outcomes (more scroll), whatever the font: the dashboard keeps the room
        self.results.setMaximumHeight(self.results.fontMetrics().lineSpacing() * RESULT_LINES
                                      + 2 * self.results.frameWidth() + 4)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.merge_button)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.progress)
        left.addStretch(1)
        # the outcomes beside the drop hint, not under it: the dashboard keeps its height
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(left, 1)
        box.addWidget(self.results, 1)
        self.retranslate()

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Merge export files"), "",
            self.tr("posapp export files (*.posexport);;All files (*)"))
        if paths:
            self.merge([Path(p) for p in paths])

    def merge(self, paths: Sequence[Path]) -> None:
        """Merge *paths* now, or after the merge that is running."""
        self._waiting += [p for p in paths if p not in self._waiting]
        if not self.busy:
            self._start()

    def _start(self) -> None:
        target = self._target()
        if target is None or not self._waiting:
            return
        paths, self._waiting = self._waiting, []
        self._set_busy(True)
        self.progress.setValue(0)
        key = self._key
        run_in_background(self, lambda progress: merge_all(target, paths, key, progress),
                          on_success=self._finished, on_failure=self._failed,
                          on_progress=lambda done, total: self.progress.setValue(done))

    def _finished(self, answer: list[Outcome] | NeedKey) -> None:
        self._set_busy(False)
        if isinstance(answer, NeedKey):
            self._ask_key(answer.paths)
            return
        self._key = None  # stored by the first merge; a refused key is asked for again
        self.results.clear()
        for path, outcome in answer:
            self._add_line(path, outcome)
        self.results.setVisible(True)
        self.merged.emit(answer)
        self._start()

    def _failed(self, exc: Exception) -> None:  # needs_key itself failed: the store is gone
        self._set_busy(False)
        self._key = None
        self.results.clear()
        self._add_line(None, exc)
        self.results.setVisible(True)
        self.merged.emit([])

    def _add_line(self, path: Path | None, outcome: MergeResult | Exception) -> None:
        name = path.name if path is not None else ""
        if isinstance(outcome, MergeResult) and outcome.applied:
            text = self.tr("{file}: merged {n} entries of stand {stand}").format(
                file=name, n=outcome.applied, stand=outcome.stand)
            color = "#1b5e20"
        elif isinstance(outcome, MergeResult):
            text = self.tr("{file}: already merged (stand {stand}, entries up to {seq})").format(
                file=name, stand=outcome.stand, seq=outcome.last_seq)
            color = "#37474f"
        else:
            reason = refusal(outcome) if isinstance(outcome, PosError) else self.tr(
                "unexpected error: {error}").format(error=type(outcome).__name__)
            names = isinstance(outcome, PosError) and names_a_file(outcome)
            text = self.tr("{file}: refused: {reason}").format(file=name, reason=reason) \
                if name and not names else reason
            color = "#b00020"
        item = QListWidgetItem(text)
        item.setForeground(QBrush(QColor(color)))
        item.setToolTip(str(path) if path else "")
        self.results.addItem(item)

    def _ask_key(self, paths: list[Path]) -> None:
        def accept(texts: list[str]) -> str | None:
            try:
                parse_key(texts[0])
            except PosError as exc:
                return refusal(exc)
            self._key = texts[0].strip()
            return None

        self._waiting = paths + self._waiting
        dialog = InputDialog(
            self, self.tr("Event key"),
            [Field("eventKeyInput", self.tr("This computer does not have the event key of "
                                           "this central store yet. Type the organizers' "
                                           "event key:"))],
            accept, ok_text=self.tr("Merge"), cancel_text=self.tr("Cancel"),
            name="eventKeyDialog")
        dialog.accepted.connect(self._start)
        dialog.rejected.connect(self._drop_waiting)
        self.key_dialog = dialog
        dialog.open()

    def _drop_waiting(self) -> None:
        self._waiting = []

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.merge_button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Drop the stands' export files (.posexport) on this window "
                                  "to merge them."))
        self.merge_button.setText(self.tr("Merge files…"))
        self.merge_button.setAccessibleName(self.tr("Merge export files"))
        self.progress.setAccessibleName(self.tr("Merge progress"))
        self.results.setAccessibleName(self.tr("Result of each file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
