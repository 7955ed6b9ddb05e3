"""The event report's adding-up and words, without a database."""

from __future__ import annotations

from datetime import UTC, datetime

from posapp.domain.event_report import DayFigures, ProductEarnings, StandTotals
from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals
from posapp.printing.event_report_text import days_covered, short_rupiah
from posapp.printing.pdf_event_style import Numbers
from posapp.services.event_report_data import assemble

MADE_AT = datetime(2026, 6, 26, 10, 0, tzinfo=UTC)


def stand(code: str, province: str, sales: int, refunds: int) -> StandTotals:
    return StandTotals(code, f"Stan {code}", province,
                       Totals(2, sales, 0, 0, 1 if refunds else 0, refunds,
                              {"cash": MethodTotals(sales, refunds)}))


def product(stand: str, sku: str, group: str, units: int, sales: int,
            refunds: int = 0) -> ProductEarnings:
    return ProductEarnings(stand, sku, f"Produk {sku}", "Batik", group, "Tuban", units, sales,
                           refunds)


def test_every_breakdown_comes_from_the_same_rows_and_adds_up() -> None:
    report = assemble(
        [stand("BALI", "Bali", 300_000, 50_000), stand("NTT", "Nusa Tenggara Timur", 90_000, 0)],
        [product("BALI", "A", "Tenun Ikat Sumba", 2, 200_000, 50_000),
         product("BALI", "B", "", 1, 100_000),
         product("NTT", "C", "Tenun Ikat Sumba", 3, 90_000)],
        {"BALI": [DayFigures("2026-06-25", 2, 300_000, 0), DayFigures("2026-06-26", 0, 0, 50_000)],
         "NTT": [DayFigures("2026-06-26", 2, 90_000, 0)]},
        event_name="HANI", timezone="Asia/Makassar", made_at=MADE_AT)

    assert report.overall.net == 340_000 and report.notes == []
    assert [(s.key, s.net) for s in report.breakdowns["maker_group"]] == [
        (("Tenun Ikat Sumba",), 240_000), (("",), 100_000)]
    assert [(s.key, s.net) for s in report.breakdowns["day"]] == [
        (("2026-06-25",), 300_000), (("2026-06-26",), 40_000)]
    assert [(s.key, s.net, s.units) for s in report.breakdowns["province"]] == [
        (("Bali",), 250_000, 3), (("Nusa Tenggara Timur",), 90_000, 3)]
    assert (report.first_day, report.last_day) == ("2026-06-25", "2026-06-26")
    sumba = report.maker_groups[0]
    assert (sumba.name, sumba.units, sumba.net) == ("Tenun Ikat Sumba", 5, 240_000)
    assert [p.sku for p in sumba.products] == ["A", "C"]  # largest net first


def test_a_breakdown_that_does_not_add_up_is_named() -> None:
    report = assemble([stand("BALI", "Bali", 300_000, 0)],
                      [product("BALI", "A", "Tenun", 1, 250_000)],  # lines short of the sale
                      {"BALI": [DayFigures("2026-06-25", 2, 300_000, 0)]},
                      event_name="HANI", timezone="Asia/Jakarta", made_at=MADE_AT)

    assert {note.split(":")[0] for note in report.notes} == {
        "province", "maker_group", "category", "region", "product"}
    assert "250000 against the overall 300000" in report.notes[0]


def test_words_and_numbers() -> None:
    assert days_covered("2026-06-22", "2026-06-26", "id") == "22–26 Juni 2026"
    assert days_covered("2026-06-30", "2026-07-02", "en") == "30 June – 2 July 2026"
    assert days_covered(None, None, "id") == "—"
    assert short_rupiah(1_500_000_000, "id") == "Rp 1,5 M"
    assert short_rupiah(250_000_000, "id") == "Rp 250 jt"
    assert short_rupiah(1_500_000_000, "en") == "Rp 1.5B"
    assert short_rupiah(0, "en") == "Rp 0"
    assert Numbers("id").rp(-1_250_000) == "-Rp 1.250.000"
    assert Numbers("en").rp(1_250_000) == "Rp 1,250,000"
    assert Numbers("id").count(168_300) == "168.300"
