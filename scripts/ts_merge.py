"""A git merge driver for Qt's .ts catalogs: the union of both sides' messages.

    git config merge.tsunion.driver "python scripts/ts_merge.py %O %A %B"

(with ``*.ts merge=tsunion`` in .gitattributes). Messages are keyed by context and source;
one only one side added is kept, one a side removed (and the other left alone) goes; a
message both sides translated differently is a conflict: ours is kept, exit 1. The file is
written as lupdate writes it (contexts by name), so `scripts/translations.sh update` after
the merge changes nothing but new sources.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

Key = tuple[str, str]
ENTITIES = {"'": "&apos;", '"': "&quot;"}


def esc(text: str) -> str:
    return escape(text, ENTITIES)


NOTES: dict[Key, str] = {}  # extracomments (translator notes), from either side


def read(path: str) -> tuple[str, dict[Key, str | None], list[Key]]:
    root = ET.parse(path).getroot()
    messages: dict[Key, str | None] = {}
    order: list[Key] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            messages[key] = message.findtext("translation")
            if message.findtext("extracomment"):
                NOTES[key] = message.findtext("extracomment") or ""
            order.append(key)
    return root.get("language") or "", messages, order


def write(path: str, language: str, messages: dict[Key, str | None], order: list[Key]) -> None:
    contexts: dict[str, list[Key]] = {}
    for key in order:
        contexts.setdefault(key[0], []).append(key)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}">']
    for name in sorted(contexts):
        lines += ["<context>", f"    <name>{esc(name)}</name>"]
        for key in contexts[name]:
            text = messages[key]
            lines += ["    <message>", f"        <source>{esc(key[1])}</source>"]
            if key in NOTES:
                lines.append(f"        <extracomment>{esc(NOTES[key])}</extracomment>")
            lines += [f"        <translation>{esc(text)}</translation>"
                      if text else '        <translation type="unfinished"></translation>',
                      "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    with open(path, "w", encoding="utf-8") as fp:
        fp.write("\n".join(lines) + "\n")


def main(base: str, ours: str, theirs: str) -> int:
    _, old, _ = read(base)
    language, mine, order = read(ours)
    _, other, other_order = read(theirs)
    clashes = []
    for key in other_order:
        if key not in mine:
            if key in old and old[key] == other[key]:
                continue  # we removed it
            mine[key] = other[key]
            order.append(key)
        elif mine[key] != other[key]:
            if mine[key] == old.get(key):
                mine[key] = other[key]  # only they changed it
            elif other[key] != old.get(key):
                clashes.append(key)
    for key in old:
        if key in mine and key not in other and mine[key] == old[key]:
            del mine[key]  # they removed it, we left it alone
    order = [key for key in dict.fromkeys(order) if key in mine]
    write(ours, language, mine, order)
    for context, source in clashes:
        print(f"ts_merge: {context}: {source!r}: both sides changed it; kept ours",
              file=sys.stderr)
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
