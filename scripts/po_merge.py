"""A git merge driver for the gettext catalogs: the union of both sides' ids.

    git config merge.pounion.driver "python scripts/po_merge.py %O %A %B"

(with ``*.po merge=pounion`` in .gitattributes). An id only one side has is kept; an id
both sides gave different words is a conflict: ours is kept and the id is printed, exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(base: str, ours: str, theirs: str) -> int:
    def read(path: str):
        with open(path, "rb") as fp:
            return read_po(fp)

    old, mine, other = read(base), read(ours), read(theirs)
    clashes = []
    for message in other:
        if not message.id:
            continue
        if message.id not in mine:
            if message.id in old and old[message.id].string == message.string:
                continue  # we removed it
            mine[message.id] = message
        elif mine[message.id].string != message.string:
            base_string = old[message.id].string if message.id in old else None
            if mine[message.id].string == base_string:
                mine[message.id].string = message.string  # only they changed it
            elif message.string != base_string:
                clashes.append(message.id)
    for message in list(old):
        if message.id and message.id in mine and message.id not in other \
                and mine[message.id].string == message.string:
            del mine[message.id]  # they removed it, we left it alone
    with Path(ours).open("wb") as fp:
        write_po(fp, mine, sort_output=True, width=100)
    for code in clashes:
        print(f"po_merge: {code}: both sides changed its words; kept ours", file=sys.stderr)
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
