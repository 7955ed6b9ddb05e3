"""What the fuzz suite types: words for every kind of argument, the hostile ones among them,
and the check that a refusal is one line (tests/fuzz/conftest.py has the profiles)."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from posapp.cli.main import main as cli_main

#: ``make fuzz`` sets POSAPP_FUZZ=long.
PROFILE = "posapp-fuzz-long" if os.environ.get("POSAPP_FUZZ") == "long" else "posapp-fuzz"


def fuzz_settings(times: int = 1) -> Callable[[Any], Any]:
    """The chosen profile, with *times* its cases (cheap readers run more)."""
    parent = settings.get_profile(PROFILE)
    return settings(parent, max_examples=parent.max_examples * times)


#: Words that went wrong once, or could: terminal and printer escapes, formulas, bytes that
#: are not UTF-8 (surrogate escapes, as Python gives them in sys.argv), huge numbers, long
#: texts, and the plain edge cases.
HOSTILE = [
    "", " ", "0", "-1", "1", "-0", "+5", "1e30", "NaN", "inf", "0x10", "١٢٣", "²",
    "\x1b[31mred\x1b[0m", "\x1dV\x00", "a\x00b", "tab\there", "line\nbreak", "cr\rret",
    "\x7f", "\x85", "\u202eevil", "caf\u0065\u0301",
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)",
    "\x01=cmd", "\r=1+1",
    "\udcff\udcfe", "ok\udc80", "\ud800", "x\udfff.csv", "9" * 16, "1" * 29, "1" * 30, "9" * 5000,
    "1" * 30 + ".000", "Rp " + "9" * 40, "10.000.000.001", "10000000000", "10000000001",
    "x" * 4097, "y" * 10_240, "JTM-JLB-001*" + "9" * 5000, "cash=" + "1" * 30,
    "JTM-CST-001@" + "9" * 30, "JTM-JLB-001*" + "1" * 16, "%", "100%", "101%", "-5%",
    "../../etc/passwd", "/dev/null", "NUL", "con.csv",
]


def hostile_text() -> st.SearchStrategy[str]:
    """Any word: the hostile list, or hypothesis's own text (control characters, surrogates
    and all)."""
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(codec=None, exclude_categories=()), max_size=40),
        st.text(st.sampled_from("0123456789.,-+=*@ Rp%"), max_size=24),
    )


def words(good: list[str]) -> st.SearchStrategy[str]:
    """Mostly *good* words (to get past the first check), else hostile ones."""
    return st.one_of(st.sampled_from(good), hostile_text()) if good else hostile_text()


@dataclass
class Run:
    code: int
    out: str
    err: str


#: How many times the fuzz suite ran ``posapp`` (tests/fuzz/conftest.py reports it).
RUNS = {"cli": 0}


def run_cli(argv: list[str], stdin: str = "") -> Run:
    """``posapp ARGV`` in this process, its output captured and *stdin* its standard input."""
    RUNS["cli"] += 1
    out, err = io.StringIO(), io.StringIO()
    before = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(argv)
    finally:
        sys.stdin = before
    return Run(code, out.getvalue(), err.getvalue())


#: Commands that judge several files and say a line for each (issue 13 point 7 makes it
#: one summary line).
PER_FILE = {"merge", "reconcile"}


def assert_clean_outcome(run: Run, argv: list[str]) -> None:
    """Success, or a refusal as a user should see it: exit 1 or 2, a ``posapp:`` line on
    standard error (a catalog file's bad rows indented beneath it); never a traceback, an
    unexpected error (exit 70) or an escape character sent to the terminal."""
    said = f"{argv!r} -> {run.code}: {run.err!r}"
    assert "Traceback" not in run.out + run.err, said
    assert "unexpected error" not in run.err, said
    assert "Logging error" not in run.err, said
    assert "\x1b" not in run.out + run.err, said
    if run.code == 0:
        return
    assert run.code in (1, 2), said
    lines = run.err.splitlines()
    assert lines and lines[0].startswith("posapp: "), said
    per_file = argv[0] in PER_FILE
    assert all(line.startswith("  ") or (per_file and line.startswith("posapp: "))
               for line in lines[1:]), said
