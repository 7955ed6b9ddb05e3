"""Product photos in the central store: written as their entries come (rare, and large),
and rebuilt from the stored entries when an older store is upgraded."""

from __future__ import annotations

import base64
import json
from typing import Any

from sqlalchemy import Connection, and_, select

from posapp.domain.journal import Entry, EventKind, entry_time
from posapp.sync import central_schema as cs


def apply_photo(conn: Connection, stand: str, e: Entry, p: dict[str, Any]) -> None:
    """A photo set or removed at *stand* (rare, and large: written at once, not gathered)."""
    photos = cs.product_photo
    conn.execute(photos.delete().where(and_(photos.c.stand == stand, photos.c.sku == p["sku"])))
    if e.kind == EventKind.PHOTO_SET:
        conn.execute(photos.insert().values(
            stand=stand, sku=p["sku"], format=p["format"], width=p["width"],
            height=p["height"], data=base64.b64decode(p["data"]), updated_at=entry_time(e.at)))


def replay_photos(conn: Connection) -> None:
    """Rebuild ``product_photo`` from the stored entries (a store of format 2 kept the photo
    entries of newer stands without reading them)."""
    j = cs.journal_entry
    kinds = (EventKind.PHOTO_SET, EventKind.PHOTO_REMOVED)
    query = (select(j.c.seq, j.c.stand, j.c.at, j.c.kind, j.c.payload, j.c.prev_hash, j.c.hash)
             .where(j.c.kind.in_(kinds)).order_by(j.c.stand, j.c.seq))
    for row in conn.execute(query).all():
        e = Entry(*row)
        apply_photo(conn, e.stand, e, json.loads(e.payload))
