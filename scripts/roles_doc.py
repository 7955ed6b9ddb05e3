"""Write the stand's policy table into docs/roles.md (between its roles marks), in English
and in Bahasa Indonesia, from posapp/domain/policy.py; --check only compares.

    python scripts/roles_doc.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "roles.md"
MARKS = {lang: (f"<!-- roles:{lang}:start -->", f"<!-- roles:{lang}:end -->")
         for lang in ("en", "id")}


def with_table(text: str, lang: str, table: str) -> str:
    """*text* (docs/roles.md) with *table* between *lang*'s roles marks."""
    start, end = MARKS[lang]
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{table}{end}{tail}"


def wanted(text: str) -> str:
    sys.path.insert(0, str(ROOT))
    from posapp.domain.policy import roles_table

    for lang in MARKS:
        text = with_table(text, lang, roles_table(lang))
    return text


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    for start, end in MARKS.values():
        if start not in text or end not in text:
            print(f"{DOC}: no {start} ... {end} marks", file=sys.stderr)
            return 2
    new = wanted(text)
    if "--check" in argv:
        if new != text:
            print(f"{DOC}: the table is not the policy's; run scripts/roles_doc.py",
                  file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
