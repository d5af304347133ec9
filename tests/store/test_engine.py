"""Engine: what a database argument means, and the SQLite settings every connection gets."""

from __future__ import annotations

import pytest

from reckon.store import open_engine, parse_db_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("reckon.db", "sqlite:///reckon.db"),
        ("/data/ledger.sqlite", "sqlite:////data/ledger.sqlite"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_parse_db_url(given: str, expected: str) -> None:
    assert parse_db_url(given) == expected


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30_000)],
)
def test_open_engine_sqlite_pragmas(sqlite_url: str, pragma: str, expected: object) -> None:
    engine = open_engine(sqlite_url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected
    finally:
        engine.dispose()
