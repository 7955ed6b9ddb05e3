"""Write the stand window's key table into docs/ui.md (between its keys marks), from
posapp/ui/stand/keymap.py and the help overlay's descriptions; --check only compares.

    python scripts/keys_doc.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "ui.md"
START, END = "<!-- keys:start -->", "<!-- keys:end -->"


def with_table(text: str, table: str) -> str:
    """*text* (docs/ui.md) with *table* between the keys marks."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table}{END}{tail}"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from posapp.ui.stand.help_overlay import keys_table

    text = DOC.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{DOC}: no {START} ... {END} marks", file=sys.stderr)
        return 2
    wanted = with_table(text, keys_table())
    if "--check" in argv:
        if wanted != text:
            print(f"{DOC}: the key table is not the key map's; run scripts/keys_doc.py",
                  file=sys.stderr)
            return 1
        return 0
    DOC.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
