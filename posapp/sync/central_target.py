"""Naming a central store: a file path, or a database URL that may hold a password."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def without_password(target: str) -> str:
    """*target* as it may be written to disk or shown: a URL's password left out."""
    if "://" not in target:
        return target
    try:
        url = make_url(target)
    except ArgumentError:
        return target
    if not url.password:
        return target
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query)
    return bare.render_as_string(hide_password=False)
