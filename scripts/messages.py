"""The gettext catalogs of posapp's messages (posapp.domain.messages), with Babel's tools.

    python scripts/messages.py extract   # the ids used in posapp/ -> build/posapp.pot
    python scripts/messages.py update    # extract, then add new ids to each .po, drop gone ones
    python scripts/messages.py build     # compile each .po to its .mo (what the app reads)
    python scripts/messages.py check     # exit 1 when an id lacks words or a .po has extra ids
    python scripts/messages.py set ID --en WORDS --id WORDS   # the words of one id

An id is found where the code says it: the first argument of a refusal (``InvalidInput(...)``,
any ``...Error(...)``), of ``N_``, ``msg``, ``say``, ``text`` or ``label`` calls, when it is a
string that looks like an id (``family.case``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "posapp"
LOCALE = ROOT / "resources" / "locale"
POT = ROOT / "build" / "posapp.pot"
DOMAIN = "posapp"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the .pot's date: no churn in the .po headers

#: Calls whose first argument is a message id.
KEYWORDS = frozenset({
    "N_", "msg", "say", "text", "label", "Message",
    "PosError", "InvalidInput", "NotFound", "NotAllowed", "StorageError",
})
KEYWORD_SUFFIXES = ("Error", "Refused", "Problem", "Conflict")

sys.path.insert(0, str(ROOT))
from posapp.domain.messages import LANGUAGES, is_code, placeholders  # noqa: E402


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def ids_in_source(source: str) -> Iterator[tuple[int, str]]:
    """(line, id) for every message id said in *source*."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _callee(node)
        if name not in KEYWORDS and not name.endswith(KEYWORD_SUFFIXES):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                and is_code(first.value):
            yield node.lineno, first.value


def used_ids(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Every id said in *package*: id -> the places (file:line) that say it."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for line, code in ids_in_source(path.read_text(encoding="utf-8")):
            found[code].append(f"{rel}:{line}")
    return dict(found)


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str):  # -> babel.messages.Catalog
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as fp:
        return read_po(fp, locale=lang)


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="posapp", charset="utf-8", creation_date=FIXED_DATE)
    for code, places in sorted(used_ids().items()):
        catalog.add(code, locations=[(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1]))
                                     for p in places])
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as fp:
        write_po(fp, catalog, sort_output=True, omit_header=False, no_location=True)


def update() -> None:
    extract()
    for lang in LANGUAGES:
        subprocess.run(["pybabel", "-q", "update", "-i", str(POT), "-d", str(LOCALE),
                        "-D", DOMAIN, "-l", lang, "--no-fuzzy-matching", "--ignore-obsolete",
                        "--ignore-pot-creation-date",
                        "--width", "100"], check=True,
                       env=_env())


def write_catalog(lang: str, catalog) -> None:
    from babel.messages.pofile import write_po

    with po_path(lang).open("wb") as fp:
        write_po(fp, catalog, sort_output=True, width=100)


def set_words(code: str, words: dict[str, str]) -> None:
    """Give *code* its words in each language of *words* (adding the id where it is new)."""
    if not is_code(code):
        raise SystemExit(f"not a message id: {code!r}")
    for lang, string in words.items():
        catalog = read_catalog(lang)
        if code in catalog:
            catalog[code].string = string
        else:
            catalog.add(code, string)
        write_catalog(lang, catalog)


def build() -> None:
    subprocess.run(["pybabel", "-q", "compile", "-d", str(LOCALE), "-D", DOMAIN],
                   check=True, env=_env())


def problems() -> list[str]:
    """What is wrong with the catalogs: missing words, extra ids, mismatched placeholders."""
    used = used_ids()
    found: list[str] = []
    english = {m.id: m.string for m in read_catalog("en") if m.id}
    for lang in LANGUAGES:
        words = {m.id: m.string for m in read_catalog(lang) if m.id}
        for code in sorted(set(used) - {k for k, v in words.items() if v}):
            found.append(f"{lang}: no words for {code} (said at {used[code][0]})")
        for code in sorted(set(words) - set(used)):
            found.append(f"{lang}: {code} is in the catalog but nothing says it")
        for code, string in words.items():
            ours, theirs = placeholders(string or ""), placeholders(english.get(code) or "")
            if string and any(theirs.get(name) != spec for name, spec in ours.items()):
                found.append(f"{lang}: {code} has placeholders {ours}, English has {theirs}")
    return found


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "check"
    if action == "extract":
        extract()
    elif action == "update":
        update()
    elif action == "build":
        build()
    elif action == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    elif action == "set" and len(argv) >= 2:
        words, rest = {}, argv[2:]
        while len(rest) >= 2 and rest[0].lstrip("-") in LANGUAGES:
            words[rest[0].lstrip("-")], rest = rest[1], rest[2:]
        if rest or not words:
            print(__doc__)
            return 2
        set_words(argv[1], words)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
