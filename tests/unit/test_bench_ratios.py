"""The benchmarks' plumbing (benchmarks/_common.py): a line with a floor shows its ratio, a
missed target prints FAIL and fails the run; ``make bench`` depends on it, not ``make test``."""

from __future__ import annotations

import json

from benchmarks._common import Result, Sizes, exit_status, format_table, write_json


def test_a_line_with_a_floor_shows_its_ratio_and_fail() -> None:
    slow = Result("posapp --version", [600.0, 615.0, 630.0], target="p50 <= 5x floor",
                  passed=False, floor_ms=50.0, floor_name="python -c pass")
    table = format_table([slow])
    row = next(line for line in table.splitlines() if line.startswith("posapp --version"))
    assert "50.000" in row and "12.3x" in row and row.endswith("FAIL")
    assert "python -c pass (same run)" in table


def test_the_ratio_is_taken_at_the_statistic_asked() -> None:
    commit = Result("checkout", [float(i) for i in range(1, 101)], floor_ms=40.0,
                    ratio_at="p95_ms")
    assert commit.ratio is not None and round(commit.ratio, 3) == round(95.05 / 40, 3)
    assert Result("no floor", [1.0]).ratio is None


def test_a_missed_target_makes_the_exit_status_1() -> None:
    passed = Result("a", [1.0], target="<= 2 ms", passed=True)
    untargeted = Result("b", [9.0])
    missed = Result("c", [3.0], target="<= 2 ms", passed=False)
    assert exit_status([passed, untargeted]) == 0
    assert exit_status([passed, untargeted, missed]) == 1


def test_the_json_holds_floor_and_ratio(tmp_path) -> None:
    line = Result("Z report", [80.0], target="max <= 50 ms", passed=False, floor_ms=4.0,
                  floor_name="one SELECT count(*), sum(total)")
    path = tmp_path / "r.json"
    write_json(path, {"cpu_count": 2}, Sizes.quick(), "quick", [line], {})
    (row,) = json.loads(path.read_text())["results"]
    assert row["ratio"] == 20.0 and row["floor_ms"] == 4.0 and row["passed"] is False
    assert row["floor_name"] == "one SELECT count(*), sum(total)"


def test_the_large_run_has_the_issue_sizes() -> None:
    large = Sizes.large()
    assert (large.products, large.past_sales, large.stands) == (1_000_000, 1_000_000, 68)
    assert Sizes.full().stands == 34
