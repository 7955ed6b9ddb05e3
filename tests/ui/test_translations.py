"""Bahasa Indonesia first, English as a choice: the .ts is complete and current, every screen
shows one language only, and an open window follows a language switch."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir
from posapp.domain.messages import locale_dir
from posapp.domain.messages import text as say
from posapp.ui.common.i18n import Languages, qm_path
from tests.conftest import Stand
from tests.ui.screens import SCREENS, Ctx, logged_in, plain_texts, visible_texts

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "posapp" / "ui"
TS = ROOT / "resources" / "translations" / "posapp_id.ts"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")
FUNCTION_KEY = re.compile(r"\((?:F\d+|Enter|Esc|Del|Ctrl\+\w)\)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            assert tr is not None, f"{name}: {m.findtext('source')!r} has no <translation>"
            messages.append(Message(name, m.findtext("source") or "", tr.text or "",
                                    tr.get("type") is not None))
    return messages


def _is_self_tr(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "tr"
            and isinstance(node.value, ast.Name) and node.value.id == "self")


@cache
def tr_calls() -> tuple[tuple[str, str, str], ...]:
    """Every ``self.tr("...")`` in posapp/ui, also through an alias (``t = self.tr``):
    (class, source text, "file:line"). PySide's ``self.tr`` looks the text up in the context
    named after the class, which is also where lupdate must file it."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            aliases = {target.id for n in ast.walk(cls)
                       if isinstance(n, ast.Assign) and _is_self_tr(n.value)
                       for target in n.targets if isinstance(target, ast.Name)}
            for node in ast.walk(cls):
                if not (isinstance(node, ast.Call) and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    continue
                func = node.func
                if _is_self_tr(func) or (isinstance(func, ast.Name) and func.id in aliases):
                    found.append((cls.name, node.args[0].value,
                                  f"{path.relative_to(ROOT)}:{node.lineno}"))
    return tuple(found)


# -- the .ts file ------------------------------------------------------------------------
def test_every_message_is_translated() -> None:
    messages = read_ts(TS)
    assert messages
    unfinished = [(m.context, m.source) for m in messages if m.unfinished or not m.translation]
    assert unfinished == [], f"{len(unfinished)} untranslated: {unfinished}"


def test_lrelease_compiles_every_message_without_warnings(tmp_path: Path) -> None:
    done = subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(tmp_path / "id.qm")],
                          check=True, capture_output=True, text=True)
    output = done.stdout + done.stderr
    count = len(read_ts(TS))
    assert f"Generated {count} translation(s) ({count} finished and 0 unfinished)" in output
    assert "warning" not in output.lower() and "ignored" not in output.lower(), output


def test_translations_keep_placeholders_keys_and_lines() -> None:
    for m in read_ts(TS):
        where = f"{m.context}: {m.source!r} -> {m.translation!r}"
        assert sorted(PLACEHOLDER.findall(m.translation)) == sorted(
            PLACEHOLDER.findall(m.source)), where
        assert FUNCTION_KEY.findall(m.translation) == FUNCTION_KEY.findall(m.source), where
        assert m.translation.count("\n") == m.source.count("\n"), where
        assert ("Rp" in m.translation) == ("Rp" in m.source), where
        assert m.translation == m.translation.strip(), where


def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete",
                    "-locations", "none"], cwd=ROOT, check=True, capture_output=True)
    before = {(m.context, m.source) for m in read_ts(TS)}
    after = {(m.context, m.source) for m in read_ts(copy)}
    assert sorted(after - before) == [], "new texts: run scripts/translations.sh update"
    assert sorted(before - after) == [], "texts gone from the code: run the update"


def test_every_tr_text_is_in_the_ts_under_its_class() -> None:
    """lupdate misses ``t("...")`` after ``t = self.tr`` and files ``tr("...")`` under an
    empty context, where ``self.tr`` never looks: such a text stays English at run time."""
    filed = {(m.context, m.source) for m in read_ts(TS)}
    calls = tr_calls()
    assert len(calls) > 200
    missing = [f"{where}: {cls} {text!r}" for cls, text, where in calls
               if (cls, text) not in filed]
    assert missing == [], f"{len(missing)} texts cannot be translated:\n" + "\n".join(missing)


# -- every screen in one language --------------------------------------------------------
Matcher = tuple[str, re.Pattern[str], re.Pattern[str] | None, int]


@dataclass(frozen=True)
class UiStrings:
    english: tuple[Matcher, ...]  # every source text
    indonesian: tuple[Matcher, ...]  # every translation
    not_indonesian: frozenset[str]  # sources translated otherwise: wrong in Indonesian
    not_english: frozenset[str]  # translations that are no source: wrong in English


def _matcher(text: str) -> Matcher:
    """*text* as a pattern, and if it is a phrase of two words or more the pattern that
    finds it inside a longer text (compiled once: re's cache holds fewer patterns than the
    .ts has strings), and its length without placeholders (the longer, the more
    specific a match). A placeholder matches anything in a phrase; beside a single word
    ("Short {amount}") only a number or an amount, so that data ("Stand JATIM") is no
    "Stand %1"."""
    words = re.findall(r"\w+", PLACEHOLDER.sub(" ", text))
    value = ".+?" if len(words) > 1 else r"[-#]?(?:Rp )?[\d.,]+"
    body = value.join(re.escape(part) for part in PLACEHOLDER.split(text))
    inside = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.S) if len(words) > 1 else None
    return text, re.compile(body, re.S), inside, len(PLACEHOLDER.sub("", text))


@cache
def ui_strings() -> UiStrings:
    messages = read_ts(TS)
    same = {m.source for m in messages if m.translation == m.source}
    sources = {m.source for m in messages} | {text for _, text, _ in tr_calls()}
    translations = {m.translation for m in messages if m.translation}
    return UiStrings(tuple(_matcher(s) for s in sorted(sources)),
                     tuple(_matcher(s) for s in sorted(translations)),
                     frozenset(sources - same), frozenset(translations - sources))


def _best_match(text: str, strings: tuple[Matcher, ...]) -> tuple[str, int] | None:
    """The most specific UI string that *text* is, or contains as a phrase."""
    found = [(string, length) for string, pattern, inside, length in strings
             if pattern.fullmatch(text) or (inside and inside.search(text))]
    return max(found, key=lambda f: f[1], default=None)


def foreign(text: str, lang: str) -> str | None:
    """The UI string of the other language that *text* is or contains, else None.

    Data (product, stand and people's names, amounts, receipt numbers) matches no UI string
    and passes; so does a text that is more specifically a string of *lang* (a template's
    placeholder can match a lot)."""
    strings = ui_strings()
    own, other = ((strings.indonesian, strings.english) if lang == "id"
                  else (strings.english, strings.indonesian))
    wrong = strings.not_indonesian if lang == "id" else strings.not_english
    bad = _best_match(text, tuple(m for m in other if m[0] in wrong))
    if bad is None:
        return None
    good = _best_match(text, own)
    return None if good is not None and good[1] >= bad[1] else bad[0]


#: The message ids of what receipts and shift reports print.
PRINTED = ("receipt.", "shift_report.", "shift_event.", "payment_method.")


@cache
def printed_labels(lang: str) -> frozenset[str]:
    """The words of the receipts' and shift reports' labels in *lang* (from the catalog)."""
    with (locale_dir() / lang / "LC_MESSAGES" / "posapp.po").open("rb") as fp:
        catalog = read_po(fp)
    return frozenset(m.string for m in catalog if isinstance(m.id, str)
                     and m.id.startswith(PRINTED) and m.string and "{" not in m.string)


def foreign_report_labels(text: str, lang: str) -> list[str]:
    """Labels of the other language's Z report or receipt copy found in *text*."""
    other = "en" if lang == "id" else "id"
    own = printed_labels(lang)
    return sorted({label for label in printed_labels(other) if label not in own
                   and re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)})


@pytest.fixture(scope="session")
def qm_file() -> Path:
    """The compiled Indonesian, built here when missing or older than the .ts."""
    qm = Path(qm_path("id"))
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)],
                       check=True, capture_output=True)
    return qm


@pytest.fixture(params=["id", "en"])
def languages(request: pytest.FixtureRequest, qapp: QApplication,
              qm_file: Path) -> Iterator[Languages]:
    languages = Languages(qapp)
    assert languages.use(request.param)
    yield languages
    languages.use("en")  # the qapp is shared


def test_the_walker_sees_english_in_the_indonesian_ui() -> None:
    assert foreign("Close shift now", "id") == "Close shift now"
    assert foreign("Shift #3, opened by Ani", "id") == "Shift #{number}, opened by {name}"
    assert foreign("Short Rp 85.000", "id") == "Short {amount}"
    assert foreign("Kurang Rp 85.000", "en") == "Kurang {amount}"
    assert foreign("Tutup shift sekarang", "en") == "Tutup shift sekarang"
    for data in ("Batik Gedog Tuban", "Rp 85.000", "JATIM-000001", "Ani", "Stand JATIM",
                 "Total", "QRIS", "PIN"):
        assert foreign(data, "id") is None and foreign(data, "en") is None, data


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_screen_shows_one_language(screen: str, languages: Languages, qtbot: QtBot,
                                         jatim: Stand, data_dir: DataDir) -> None:
    lang = languages.current
    ctx = Ctx(qtbot, jatim, data_dir, languages)
    wrong: list[str] = []
    moments = 0
    for moment, root in SCREENS[screen](ctx):
        moments += 1
        texts = visible_texts(root)
        assert texts, moment
        wrong += [f"{moment}: {text!r} is {string!r}" for text in texts
                  if (string := foreign(text, lang)) is not None]
        for text in plain_texts(root):
            wrong += [f"{moment}: report has {label!r}"
                      for label in foreign_report_labels(text, lang)]
            if "Z report" in moment:
                assert say("shift_report.title_z", lang) in text, text
            if "preview" in moment:
                assert f"*** {say('receipt.marker_copy', lang)} ***" in text, text
    assert moments > 0
    assert wrong == [], f"{len(wrong)} texts in the wrong language ({lang}):\n" + "\n".join(wrong)


# -- switching at run time ---------------------------------------------------------------
def test_an_open_window_follows_a_language_switch(qapp: QApplication, qm_file: Path,
                                                  qtbot: QtBot, jatim: Stand,
                                                  data_dir: DataDir) -> None:
    languages = Languages(qapp)
    try:
        assert languages.use("id")
        w = logged_in(Ctx(qtbot, jatim, data_dir, languages))
        pay = w.findChild(QPushButton, "payButton")
        assert pay is not None
        assert pay.text() == "Bayar (F12)"
        w.menu_actions["language"].trigger()  # the menu's Bahasa Indonesia / English
        assert languages.current == "en"
        qtbot.waitUntil(lambda: pay.text() == "Pay (F12)")
        assert w.menu_actions["closeShift"].text() == "Close shift…"
        languages.use("id")
        qtbot.waitUntil(lambda: pay.text() == "Bayar (F12)")
        assert w.menu_actions["closeShift"].text() == "Tutup shift…"
    finally:
        languages.use("en")
