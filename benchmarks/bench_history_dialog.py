"""The sales history opened on a shift of 1,000 and of 5,000 sales, beside the same dialog on
a shift of 20 sales in the same run (what the shift's size adds). A cashier opens it to void
or refund a sale: before this was measured, it took seconds at 1,000 sales (Qt measured
every row of every column on each layout).

Run by ``bench_window`` inside its process (a QApplication).
"""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ._catalog import catalog_rows
from ._common import Result, log, summarize
from ._past_sales import write_past_sales
from ._stand import CASHIER, CASHIER_PIN, OPENING_FLOAT, create_stand
from .bench_catalog_dialog import opened_ms

if TYPE_CHECKING:
    from posapp.services.session.stand import StandSession

#: The floor's shift, and the shifts measured against it.
FEW, SHIFTS = 20, (1_000, 5_000)
PRODUCTS = 500


def _stand(folder: Path, sales: int) -> StandSession:
    """A stand of PRODUCTS products whose open shift holds *sales* sales; Ani logged in."""
    from posapp.services import shifts
    from posapp.services.session.stand import StandSession

    from .bench_window import bulk_products

    stand = create_stand(folder)
    bulk_products(stand, catalog_rows(PRODUCTS))
    shifts.open_shift(stand.handle.uow(), stand.cashier, OPENING_FLOAT)
    write_past_sales(stand, sales)
    stand.clock.at = None
    session = StandSession.open(stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    return session


def run(times: int = 5) -> list[Result]:
    """Open the history on each shift in turn, *times* each after one warm-up."""
    from posapp.ui.stand.history_dialog import HistoryDialog

    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-history-"))
    try:
        sessions = {n: _stand(folder / str(n), n) for n in (FEW, *SHIFTS)}
        samples: dict[int, list[float]] = {n: [] for n in sessions}
        for i in range(times + 1):
            for n, session in sessions.items():
                opened = opened_ms(partial(HistoryDialog, session))
                if i:
                    samples[n].append(opened)
        for session in sessions.values():
            session.handle.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    log("history open: " + "; ".join(f"{n:,} sales {[round(s) for s in v]} ms"
                                     for n, v in samples.items()))
    floor_ms = summarize(samples[FEW])["p50_ms"]
    floor_name = f"the same dialog on a shift of {FEW} sales, shown and painted"
    return [
        Result(f"history dialog: a shift of {FEW} sales (floor)", samples[FEW],
               note="the list read, its columns measured, shown and painted"),
        *(Result(f"history dialog: a shift of {n:,} sales", samples[n], floor_ms=floor_ms,
                 floor_name=floor_name,
                 note="every sale of the shift listed (the newest first); the columns "
                      "measured once, past 100 rows by their longest texts")
          for n in SHIFTS),
    ]
