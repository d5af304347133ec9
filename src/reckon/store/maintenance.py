"""Keeping a ledger safe: an online backup, and a check that what is stored still holds.

``backup_ledger`` copies a SQLite ledger with SQLite's online backup API (a consistent
snapshot even while an ingest writes to it) or, for PostgreSQL, runs ``pg_dump`` when it
is on PATH and otherwise says exactly which command to run.

``verify_ledger`` is the chain-of-custody check: every raw document still hashes to the
SHA-256 it was stored under, every document's text still has its content id, and every
span of every finding still lies inside its document's text, with the words it stored
(a count's quantity, a quote's text) still at that place. It reads plain SQL, so a row
damaged by hand or by a disk shows up as one problem line instead of a crash.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from reckon.errors import StoreError
from reckon.store import schema
from reckon.store.engine import describe_error

__all__ = ["BackupResult", "Problem", "VerifyReport", "backup_ledger", "pg_dump_command", "verify_ledger"]

# Documents read per round trip while verifying: bounded memory on any ledger size.
_BATCH = 200
# Pages copied per backup step; between steps other connections may write (the backup
# restarts from the changed pages, SQLite handles that), so an ingest is never blocked long.
_PAGES_PER_STEP = 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class BackupResult:
    path: Path
    method: str  # "sqlite-backup-api" or "pg_dump"
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing in the ledger that no longer holds; ``where`` names the row."""

    where: str
    message: str

    def line(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyReport:
    documents: int
    blobs: int
    spans: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# ---- backup --------------------------------------------------------------------------------


def backup_ledger(engine: sa.Engine, target: str | Path) -> BackupResult:
    """Copy the ledger behind ``engine`` to ``target`` (a new file); StoreError R405 on failure."""
    path = Path(target)
    if path.exists():
        raise StoreError("the backup file already exists; choose a new path", where=str(path), code="R405")
    if not path.parent.is_dir():
        raise StoreError("the backup's folder does not exist", where=str(path), code="R405")
    if engine.dialect.name == "sqlite":
        return _backup_sqlite(engine, path)
    if engine.dialect.name == "postgresql":
        return _backup_postgres(engine, path)
    raise StoreError(f"no backup method for {engine.dialect.name}", where=str(path), code="R405")


def _backup_sqlite(engine: sa.Engine, path: Path) -> BackupResult:
    try:
        with engine.connect() as connection:
            source = connection.connection.driver_connection
            target = sqlite3.connect(path)
            try:
                source.backup(target, pages=_PAGES_PER_STEP)
            finally:
                target.close()
    except (sqlite3.Error, SQLAlchemyError, OSError) as error:
        path.unlink(missing_ok=True)  # never leave a half-written copy that looks like a backup
        raise StoreError(f"the backup failed: {describe_error(error)}", where=str(path), code="R405") from None
    return BackupResult(path=path, method="sqlite-backup-api", size=path.stat().st_size)


def pg_dump_command(engine: sa.Engine, path: Path, *, hide_password: bool = True) -> list[str]:
    """The pg_dump command line that backs up this PostgreSQL ledger to ``path``."""
    url = engine.url.set(drivername="postgresql")
    return [
        "pg_dump",
        "--format=custom",
        f"--file={path}",
        f"--dbname={url.render_as_string(hide_password=hide_password)}",
    ]


def _backup_postgres(engine: sa.Engine, path: Path) -> BackupResult:
    shown = " ".join(pg_dump_command(engine, path))
    executable = shutil.which("pg_dump")
    if executable is None:
        raise StoreError(
            f"pg_dump is not on PATH; install PostgreSQL's client tools and run: {shown}",
            where=str(path),
            code="R405",
        )
    command = pg_dump_command(engine, path, hide_password=False)
    command[0] = executable
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        path.unlink(missing_ok=True)
        raise StoreError(f"pg_dump failed ({error}); the command was: {shown}", where=str(path), code="R405") from None
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        first = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise StoreError(f"pg_dump failed: {first}; the command was: {shown}", where=str(path), code="R405")
    return BackupResult(path=path, method="pg_dump", size=path.stat().st_size)


# ---- verify --------------------------------------------------------------------------------

# table -> (span column prefixes, column holding the words found at "span", if any)
_SPAN_TABLES: tuple[tuple[sa.Table, tuple[str, ...], str | None], ...] = (
    (schema.reported_incidents, ("date", "place"), None),
    (schema.counts, ("span", "claimant"), "quantity_text"),
    (schema.accusations, ("span", "claimant"), None),
    (schema.quotes, ("span",), "text"),
)


def verify_ledger(engine: sa.Engine) -> VerifyReport:
    """Every stored raw document, document text and finding span checked; see the module doc."""
    try:
        with engine.connect() as connection:
            problems, blobs = _verify_blobs(connection)
            document_ids = list(connection.scalars(sa.select(schema.documents.c.id).order_by(schema.documents.c.id)))
            spans = 0
            for start in range(0, len(document_ids), _BATCH):
                found, checked = _verify_documents(connection, document_ids[start : start + _BATCH])
                problems.extend(found)
                spans += checked
    except SQLAlchemyError as error:
        raise StoreError(f"reading the database failed: {describe_error(error)}", code="R401") from None
    return VerifyReport(documents=len(document_ids), blobs=blobs, spans=spans, problems=tuple(problems))


def _verify_blobs(connection: sa.Connection) -> tuple[list[Problem], int]:
    blobs = schema.raw_blobs
    problems: list[Problem] = []
    count = 0
    # One blob at a time: raw documents may be megabytes each.
    for sha in list(connection.scalars(sa.select(blobs.c.sha256).order_by(blobs.c.sha256))):
        row = connection.execute(sa.select(blobs.c.bytes, blobs.c.size).where(blobs.c.sha256 == sha)).one()
        count += 1
        raw = bytes(row.bytes) if row.bytes is not None else b""
        actual = hashlib.sha256(raw).hexdigest()
        if actual != sha:
            problems.append(Problem(where=f"raw_blobs {sha[:16]}", message=f"the stored bytes hash to {actual[:16]}..., not to their SHA-256"))
        if row.size != len(raw):
            problems.append(Problem(where=f"raw_blobs {sha[:16]}", message=f"size column says {row.size} bytes, the blob has {len(raw)}"))
    return problems, count


def _verify_documents(connection: sa.Connection, document_ids: Sequence[str]) -> tuple[list[Problem], int]:
    documents, blobs = schema.documents, schema.raw_blobs
    problems: list[Problem] = []
    query = (
        sa.select(documents.c.id, documents.c.text, documents.c.raw_sha256, blobs.c.sha256.label("blob"))
        .outerjoin(blobs, blobs.c.sha256 == documents.c.raw_sha256)
        .where(documents.c.id.in_(document_ids))
    )
    texts: dict[str, str] = {}
    for row in connection.execute(query):
        texts[row.id] = row.text
        content_id = hashlib.sha256(row.text.encode("utf-8")).hexdigest()[:16]
        if content_id != row.id:
            problems.append(Problem(where=f"document {row.id}", message=f"the text no longer has its content id (it hashes to {content_id})"))
        if row.raw_sha256 is not None and row.blob is None:
            problems.append(Problem(where=f"document {row.id}", message=f"its raw bytes {row.raw_sha256[:16]}... are missing"))
    checked = 0
    for table, prefixes, words_column in _SPAN_TABLES:
        for row in _rows_of(connection, table, document_ids):
            text = texts[row["document_id"]]
            label = _label(table, row)
            for prefix in prefixes:
                checked += 1
                problem = _check_span(text, row[f"{prefix}_start"], row[f"{prefix}_end"])
                if problem:
                    name = "span" if prefix == "span" else f"{prefix} span"
                    problems.append(Problem(where=label, message=f"{name} {problem}"))
                elif prefix == "span" and words_column and row[words_column]:
                    at_span = text[row["span_start"] : row["span_end"]]
                    if at_span != row[words_column]:
                        problems.append(Problem(where=label, message=f"the text at its span is {at_span[:40]!r}, it stored {row[words_column][:40]!r}"))
    for row in _rows_of(connection, schema.inconsistencies, document_ids):
        for pair in row["spans"] or ():
            checked += 1
            start, end = pair if isinstance(pair, list) and len(pair) == 2 else (None, None)
            problem = _check_span(texts[row["document_id"]], start, end, required=True)
            if problem:
                problems.append(Problem(where=_label(schema.inconsistencies, row), message=f"span {problem}"))
    return problems, checked


def _rows_of(connection: sa.Connection, table: sa.Table, document_ids: Sequence[str]) -> Iterator[Any]:
    query = sa.select(table).where(table.c.document_id.in_(document_ids)).order_by(*table.primary_key.columns)
    yield from connection.execute(query).mappings()


def _label(table: sa.Table, row: Any) -> str:
    key = row["id"] if "id" in row else f"{row['document_id']}/{row['idx']}"
    return f"{table.name} {key} (document {row['document_id']})"


def _check_span(text: str, start: Any, end: Any, *, required: bool = False) -> str | None:
    """Why [start, end) is not a span of ``text``, or None when it is (or is absent)."""
    if start is None and end is None and not required:
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return f"[{start}, {end}) is incomplete"
    if not 0 <= start <= end <= len(text):
        return f"[{start}, {end}) lies outside the text ({len(text)} characters)"
    return None
