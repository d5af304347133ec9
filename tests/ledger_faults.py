"""Helpers for the fault tests (crash, concurrency): fictional documents, `reckon ingest` as a
subprocess, and a canonical dump of a ledger that two runs can be compared by.

Kept out of conftest because only the store fault tests and scripts/reliability_table.py
use it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

SRC = Path(__file__).resolve().parents[1] / "src"

_TOWNS = ["Mirrenby", "Velmora", "Odimba", "Tarkan", "Kesselburg", "Ashwick", "Durnhollow", "Sefrani"]
_GROUPS = ["Red Lantern Brigade", "Northern Ash Front", "Sons of the Hill"]
_PEOPLE = ["Tessaly Morn", "Oren Haldane", "Marit Okonde", "Idris Sabri", "Lusa Ferreira"]

# Columns that differ between two honest runs: when a row was written or read, and
# surrogate keys whose values depend on the order of concurrent or retried writes.
VOLATILE = {"ingested_at", "retrieved_at", "updated_at", "id", "at"}
KEYED_BY_CONTENT = {"documents", "incidents", "raw_blobs", "actors"}  # their "id" is content, keep it


def write_reports(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """``count`` distinct wire-style reports about fictional raids, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        town, group, person = _TOWNS[n % len(_TOWNS)], _GROUPS[n % len(_GROUPS)], _PEOPLE[n % len(_PEOPLE)]
        day = 1 + n % 27
        text = (
            f"{town.upper()}, {day} March 2031 (Harbor Wire) - Gunmen attacked {town} on Tuesday, killing at least "
            f"{10 + n} people and wounding {3 + n % 9}, the regional governor said.\n\n"
            f"The Valdorian Interior Ministry put the toll at {8 + n} and blamed the {group}. "
            f"\u201cWe heard the shots before dawn,\u201d said {person}, a farmer in {town}.\n\n"
            f"Report number {n}: seven people were abducted, according to local officials.\n"
        )
        path = folder / f"report-{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def reckon_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from reckon.cli import main; main()", *args]


def reckon_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC)}


def run_reckon(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(reckon_command(*args), capture_output=True, text=True, timeout=timeout, env=reckon_env())


def start_reckon(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(reckon_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=reckon_env())


def canonical_dump(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without volatile columns, sorted: equal for equal ledgers."""
    from reckon.store import schema
    from reckon.store.engine import open_engine

    engine = open_engine(db_url)
    dump: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with engine.connect() as connection:
            for table in schema.metadata.sorted_tables:
                columns = [
                    c for c in table.columns
                    if c.name not in VOLATILE or (c.name == "id" and table.name in KEYED_BY_CONTENT)
                ]
                rows = connection.execute(sa.select(*columns)).all()
                dump[table.name] = sorted((tuple(repr(v) for v in row) for row in rows))
    finally:
        engine.dispose()
    return dump


def count_rows(db_url: str, table: str) -> int:
    from reckon.store.engine import open_engine

    engine = open_engine(db_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
    except sa.exc.SQLAlchemyError:
        return 0  # not migrated yet
    finally:
        engine.dispose()


# The faults injected by the store tests, for the README's reliability table:
# (id, fault, what held, pytest node ids that prove it).
FAULTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("sigkill", "`reckon ingest` of 24 reports killed with SIGKILL after a third were stored, then re-run",
     "ledger identical to an uninterrupted run (canonical dump of every table); no duplicate, no partial document; `verify` ok",
     ("tests/store/test_crash.py::test_ingest_killed_midway_then_rerun_equals_uninterrupted_run",)),
    ("two-ingests", "two `reckon ingest` processes at once on overlapping folders, one SQLite file (WAL) and one PostgreSQL database",
     "every document stored once on both back ends",
     ("tests/store/test_concurrency.py::test_two_cli_ingests_at_once_keep_every_document_and_a_review_saved_meanwhile",
      "tests/store/test_concurrency.py::test_two_processes_keep_every_document")),
    ("review-during-ingest", "a review row saved while both ingests write",
     "the review is kept, unchanged",
     ("tests/store/test_concurrency.py::test_two_cli_ingests_at_once_keep_every_document_and_a_review_saved_meanwhile",)),
    ("tampered-rows", "raw bytes, a span, a quote's words and a document's text changed behind Reckon's back",
     "`reckon verify` names each damaged row in one line and exits 1",
     ("tests/store/test_maintenance.py::test_verify_names_every_corrupted_row",
      "tests/store/test_maintenance.py::test_cli_verify_exits_1_with_one_line_per_problem")),
    ("backup", "`reckon backup` of a ledger (SQLite online backup API; pg_dump for PostgreSQL)",
     "the copy has the same rows and verifies; an existing target is never overwritten",
     ("tests/store/test_maintenance.py::test_backup_sqlite_is_an_identical_ledger",
      "tests/store/test_maintenance.py::test_backup_refuses_an_existing_file",
      "tests/store/test_maintenance.py::test_backup_postgres_runs_pg_dump_when_on_path")),
)
