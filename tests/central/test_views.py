"""Breakdowns for the organizer window and reports: every one adds up to the same net."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.domain.errors import InvalidInput
from posapp.services import central_totals, central_views, sync
from posapp.sync.central_store import Central
from tests.central.stands import stand_with_day


@pytest.fixture
def two_stands(central_url: str, tmp_path: Path, catalog_file: Path) -> str:
    for code, rounds in (("JATIM", 1), ("BALI", 2)):
        stand = stand_with_day(DataDir(tmp_path / code), code, catalog_file, rounds=rounds)
        sync.sync_stand(stand.handle.uow, central_url)
        stand.handle.close()
    return central_url


def test_every_breakdown_adds_up_to_the_net_of_the_event(two_stands: str) -> None:
    with Central(two_stands) as central:
        net = central_totals.overall(central_totals.stand_totals(central)).net
        for dim in central_views.DIMENSIONS:
            slices = central_views.breakdown(central, dim)
            assert sum(s.net for s in slices) == net == 1_734_500 * 3, dim
        by_stand = {s.label: s.net for s in central_views.breakdown(central, "stand")}
        products = central_views.breakdown(central, "product", stand="BALI")
    assert by_stand == {"BALI": 1_734_500 * 2, "JATIM": 1_734_500}
    assert {s.key[0] for s in products} == {"BALI"}
    assert sum(s.net for s in products) == 1_734_500 * 2
    jilbab = next(s for s in products if s.key[1] == "JTM-JLB-001")
    assert jilbab.units == 2 * (2 + 3 + 2 - 1)  # sold, less the refunded piece; void not counted
    assert central_views.breakdown(central, "method")[0].label == "cash"


def test_filters_by_day(two_stands: str) -> None:
    with Central(two_stands) as central:
        (today,) = central_views.days(central)
        on_the_day = central_views.breakdown(central, "maker_group", day=today)
        before = central_views.breakdown(central, "maker_group", day="2000-01-01")
    assert sum(s.net for s in on_the_day) == 1_734_500 * 3
    assert before == []


def test_an_unknown_breakdown_is_refused(two_stands: str) -> None:
    with Central(two_stands) as central, pytest.raises(InvalidInput, match="unknown breakdown"):
        central_views.breakdown(central, "colour")
