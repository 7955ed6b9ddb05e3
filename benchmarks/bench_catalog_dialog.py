"""The catalog dialog opened on the big stand (issue 14, third pass): constructed, shown and
painted, beside the same dialog opened on a stand of 55 products in the same run (what the
catalog's size adds: the target) and beside a bare QDialog holding an empty QTableView at
the same size (what its widgets cost); and what the dialog read before it paged (every
product, into a CatalogIndex).

Run by ``bench_window`` inside its process (a QApplication and a logged-in session).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ._catalog import catalog_rows
from ._common import Result, log, summarize
from ._stand import CASHIER, CASHIER_PIN, create_stand

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog

    from posapp.services.session.stand import StandSession

#: The dialog on the big stand opens in at most this many times its time on a small stand.
OPEN_MAX_RATIO = 1.5
#: The small stand's catalog: as many products as the demo stand's.
SMALL = 55


def opened_ms(make: Callable[[], QDialog]) -> float:
    """Construct a dialog, show it and let it paint; milliseconds. Closed afterwards."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    t0 = time.perf_counter()
    dialog = make()
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    QApplication.processEvents()
    dialog.grab()  # the first paint, whole
    elapsed = (time.perf_counter() - t0) * 1000
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return elapsed


def _bare(like: QDialog) -> QDialog:
    """A QDialog with an empty QTableView, as big as *like*."""
    from PySide6.QtWidgets import QDialog, QTableView, QVBoxLayout

    dialog = QDialog()
    QVBoxLayout(dialog).addWidget(QTableView(dialog))
    dialog.resize(like.size())
    return dialog


def _small_stand(folder: Path) -> StandSession:
    from posapp.services.session.stand import StandSession

    from .bench_window import bulk_products

    small = create_stand(folder)
    bulk_products(small, catalog_rows(SMALL))
    session = StandSession.open(small.handle)
    session.login(CASHIER, CASHIER_PIN)
    return session


def run(session: StandSession, products: int, times: int = 10) -> list[Result]:
    """Open the catalog dialog on the big stand, on a small stand and the bare dialog in
    turn, *times* each after one warm-up."""
    from posapp.domain.catalog_index import CatalogIndex
    from posapp.services import catalog
    from posapp.ui.catalog.dialog import CatalogDialog

    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-catalog-dialog-"))
    try:
        few = _small_stand(folder)
        like = CatalogDialog(few)
        samples, small, bare = [], [], []
        for i in range(times + 1):
            opened = opened_ms(lambda: CatalogDialog(session))
            floor = opened_ms(lambda: CatalogDialog(few))
            plain = opened_ms(lambda: _bare(like))
            if i:
                samples.append(opened)
                small.append(floor)
                bare.append(plain)
        like.deleteLater()
        few.handle.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    every = []
    for _ in range(2 if products <= 100_000 else 1):  # what the dialog read before it paged
        t0 = time.perf_counter()
        CatalogIndex.of(catalog.list_products(session.handle.uow(write=False),
                                              include_inactive=True))
        every.append((time.perf_counter() - t0) * 1000)
    log(f"catalog dialog open: {[round(s) for s in samples]} ms ({SMALL} products "
        f"{[round(s) for s in small]}, bare {[round(s) for s in bare]}); every product read: "
        f"{[round(s) for s in every]}")
    bare_ms = summarize(bare)["p50_ms"]
    floor_ms = summarize(small)["p50_ms"]
    floor_name = f"the same dialog on a stand of {SMALL} products, shown and painted"
    line = Result("catalog dialog: open to first paint", samples,
                  target=f"p50 <= {OPEN_MAX_RATIO:g}x floor", floor_ms=floor_ms,
                  floor_name=floor_name,
                  note=f"{products:,} products; the first page read, the rest as it scrolls; "
                       f"{summarize(samples)['p50_ms'] / bare_ms:.1f}x the bare QDialog")
    line.passed = (line.ratio or 0) <= OPEN_MAX_RATIO
    bare_name = "bare QDialog with an empty QTableView, as big, shown and painted"
    return [
        Result(f"catalog dialog: {SMALL} products (floor)", small, floor_ms=bare_ms,
               floor_name=bare_name, note="what its own widgets and a screen of rows cost"),
        Result("catalog dialog: bare QDialog + QTableView (floor)", bare, floor_name=bare_name),
        line,
        Result("catalog dialog: every product read (what it did before)", every,
               floor_ms=floor_ms, floor_name=floor_name,
               note=f"{products:,} products into a CatalogIndex, as the dialog did until "
                    "this pass"),
    ]
