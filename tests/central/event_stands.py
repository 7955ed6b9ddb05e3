"""Three stands in three provinces with a day each, synced into a central store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from posapp.bootstrap import DataDir
from posapp.services import catalog, sync
from posapp.services import stand as stand_service
from posapp.services.reports import shift_report
from posapp.store.models import ShiftRow
from tests.central.stands import stand_with_day
from tests.conftest import Stand

EVENT = "Pameran HANI 2026 — Café Kriya"
#: code, display name, province, rounds of busy_day (each round nets Rp 1.734.500)
STANDS = (("JATIM", "Stan Jawa Timur", "Jawa Timur", 1),
          ("BALI", "Stan Bali — Café Tenun", "Bali", 2),
          ("DIY", "Stan DI Yogyakarta", "DI Yogyakarta", 3))


@dataclass
class Event:
    url: str
    nets: dict[str, int] = field(default_factory=dict)  # the stands' own Z reports, added up
    stock: dict[str, dict[str, tuple[int, bool]]] = field(default_factory=dict)  # sku: (n, active)

    @property
    def net(self) -> int:
        return sum(self.nets.values())


def make_event(url: str, root: Path, catalog_file: Path,
               before_sync: dict[str, object] | None = None) -> Event:
    """Each stand sells (with a discount, a void and a refund), closes its shift and syncs.

    *before_sync* maps a stand code to ``f(stand)``, run after its day and before its sync.
    """
    event = Event(url)
    for code, name, province, rounds in STANDS:
        stand = stand_with_day(DataDir(root / code), code, catalog_file, rounds=rounds)
        try:
            stand_service.set_up(stand.handle.uow(), code=code, name=name, province=province,
                                 event_name=EVENT)
            hook = (before_sync or {}).get(code)
            if callable(hook):
                hook(stand)
            sync.sync_stand(stand.handle.uow, url)
            event.nets[code] = z_net(stand)
            event.stock[code] = {
                p.sku: (p.stock, p.active) for p in catalog.list_products(
                    stand.handle.uow(write=False), include_inactive=True)}
        finally:
            stand.handle.close()
    return event


def z_net(stand: Stand) -> int:
    with stand.handle.uow(write=False) as uow:
        closed = uow.session.query(ShiftRow).filter(ShiftRow.closed_at.is_not(None)).all()
        return sum(shift_report(uow, s).net for s in closed)
