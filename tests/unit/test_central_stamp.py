"""The merge cuts a sale's stored time out of the entry's own text and looks its day up
once a minute: the same time and day as parsing every entry time."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from posapp.domain.journal import entry_time
from posapp.sync.central_rows import RowBuilder
from posapp.sync.export_file import StandDetails

ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Kathmandu", "Europe/Berlin")


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES),
       moments=st.lists(st.datetimes(min_value=datetime(2020, 1, 1),
                                     max_value=datetime(2035, 12, 31)), min_size=1, max_size=20),
       nudge=st.integers(min_value=0, max_value=59))
def test_a_stamp_is_the_parsed_time_and_day(zone: str, moments: list[datetime],
                                            nudge: int) -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        builder = RowBuilder(conn, StandDetails("JATIM", "Stan", "Jawa Timur", "", zone))
        # the same minute again, seconds apart: the cached day must still be right
        moments = [*moments, *(m + timedelta(seconds=nudge) for m in moments)]
        for moment in moments:
            at = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            parsed = entry_time(at)
            assert builder.stamp(at) == (builder.time(parsed), builder.day(parsed))
    engine.dispose()


def test_an_entry_time_of_another_shape_is_parsed() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        builder = RowBuilder(conn, StandDetails("JATIM", "Stan", "Jawa Timur", "",
                                                "Asia/Jakarta"))
        assert builder.stamp("2026-06-26T17:30:00Z") == ("2026-06-26 17:30:00.000000",
                                                         "2026-06-27")
    engine.dispose()
