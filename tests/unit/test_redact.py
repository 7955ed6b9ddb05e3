"""One redaction for every password in a connection URL (logs, the support bundle)."""

from __future__ import annotations

import pytest

from posapp.logs import redact_passwords
from posapp.store.secrets import split_password, with_password


@pytest.mark.parametrize("given, shown", [
    ("postgresql://u:p@h/db", "postgresql://u:***@h/db"),
    ("postgresql://panitia:Rahasia-2026@10.0.0.2/hani", "postgresql://panitia:***@10.0.0.2/hani"),
    ("postgresql+psycopg://panitia:s3cr3t@db.example:5433/hani?sslmode=require",
     "postgresql+psycopg://panitia:***@db.example:5433/hani?sslmode=require"),
    ("postgresql://panitia:p%40ss%3Aword@h/db", "postgresql://panitia:***@h/db"),
    ("postgresql://panitia:p@ss@h/db", "postgresql://panitia:***@h/db"),  # a raw @ in it
    ("postgresql://:onlypass@h/db", "postgresql://:***@h/db"),
    ('sync to "postgresql://u:pw@h/db" failed: timeout',
     'sync to "postgresql://u:***@h/db" failed: timeout'),
    ("a=postgresql://a:1@h/x b=postgresql://b:2@h/y", "a=postgresql://a:***@h/x b=postgresql://b:***@h/y"),
    ('{"central": "postgresql://u:pw@h/db"}', '{"central": "postgresql://u:***@h/db"}'),
    ("host=10.0.0.2 user=panitia password=rahasia dbname=hani",
     "host=10.0.0.2 user=panitia password=*** dbname=hani"),
])
def test_every_password_in_a_url_is_hidden(given: str, shown: str) -> None:
    assert redact_passwords(given) == shown


@pytest.mark.parametrize("untouched", [
    "/media/usb/hani-2026.sqlite",
    r"C:\Users\panitia\hani.sqlite",
    "sqlite:////media/usb/hani-2026.sqlite",
    "sqlite:///relative.sqlite",
    "postgresql://panitia@10.0.0.2/hani",  # no password
    "postgresql://panitia:***@10.0.0.2/hani",  # hidden already
    "https://example.org/a:b@c",  # no user part: a path
    "mail budi@example.org at 10:30",
    "",
])
def test_paths_and_urls_without_a_password_are_left_alone(untouched: str) -> None:
    assert redact_passwords(untouched) == untouched


def test_a_url_splits_into_what_the_database_keeps_and_its_password() -> None:
    bare, password = split_password("postgresql+psycopg://panitia:p%40ss@h:5433/hani")
    assert (bare, password) == ("postgresql+psycopg://panitia@h:5433/hani", "p@ss")
    assert with_password(bare, password) == "postgresql+psycopg://panitia:p%40ss@h:5433/hani"
    assert split_password("/media/usb/c.sqlite") == ("/media/usb/c.sqlite", None)
    assert split_password("postgresql://panitia@h/hani") == ("postgresql://panitia@h/hani", None)
