"""Opening a database: URL rules, per-connection settings, transactions, migrations.

Everything that differs between SQLite and PostgreSQL is decided here, so ``ledger.py``
reads and writes through plain SQLAlchemy Core and never asks which back end it has.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from reckon.errors import StoreError

__all__ = [
    "current_revision",
    "head_revision",
    "migrate",
    "open_engine",
    "parse_db_url",
    "serialise",
    "write",
]

_HERE = Path(__file__).resolve().parent
ALEMBIC_INI = _HERE / "alembic.ini"
MIGRATIONS = _HERE / "migrations"

# Seconds a writer waits for another writer's lock before giving up. Ingest batches run in
# parallel processes on one SQLite file; a document's transaction takes milliseconds, so
# 30 s only runs out when something is truly stuck.
BUSY_TIMEOUT_S = 30

# Advisory-lock keys (any constants) for PostgreSQL writes that must not interleave.
_LOCK_KEYS = {"migrate": 0x5EC0_0401, "incidents": 0x5EC0_0402, "login": 0x5EC0_0403}


def parse_db_url(db_url: str) -> str:
    """A SQLAlchemy URL from what a user types: a URL, or a plain path to a SQLite file.

    ``postgresql://`` and ``postgres://`` mean psycopg 3, the driver Reckon ships with
    (SQLAlchemy would otherwise look for psycopg2).
    """
    if "://" not in db_url:
        return "sqlite:///" + str(Path(db_url).expanduser())
    scheme, rest = db_url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return db_url


def _configure_sqlite(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take BEGIN away from the sqlite3 module (its legacy mode skips BEGIN before
        # SELECT and DDL); _on_begin below emits it instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            cursor.execute("PRAGMA foreign_keys = ON")
            _retry_while_busy(lambda: cursor.execute("PRAGMA journal_mode = WAL"))
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the write lock at BEGIN. A deferred BEGIN that upgrades later can
        # fail at once with SQLITE_BUSY (the busy timeout is not consulted then), which is
        # what two processes ingesting into one file would hit.
        if connection.get_execution_options().get("reckon_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def _retry_while_busy(statement: Callable[[], object]) -> None:
    """Run ``statement``, retrying while SQLite reports the file busy, up to the timeout.

    The busy timeout does not cover opening a WAL database while the last connection of
    another process is closing it (that connection briefly holds an exclusive lock to
    clean up the WAL), nor while a first opener runs recovery: SQLite then answers
    "database is locked" at once. See https://sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            statement()
            return
        except sqlite3.OperationalError as error:
            message = str(error)
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def open_engine(db_url: str) -> Engine:
    """An Engine for ``db_url`` (URL or SQLite path), connected once to prove it works.

    Raises StoreError R401 when the URL is malformed, the driver is missing, the file
    cannot be opened or the server does not answer.
    """
    url = parse_db_url(db_url)
    try:
        if url.startswith("sqlite"):
            # Overflow unbounded: a SQLite connection is a file handle, and a web request that
            # holds one connection while a helper opens another must never wait on a full
            # pool (with SQLAlchemy's default of 15, 50 concurrent clients deadlocked until
            # the 30 s pool timeout; see tests/web/test_load.py).
            engine = sa.create_engine(
                url, connect_args={"timeout": BUSY_TIMEOUT_S}, pool_size=10, max_overflow=-1
            )
            _configure_sqlite(engine)
        else:
            # 10 + 70: the web server's 40 worker threads may each hold two connections at
            # once (see the SQLite note above); still below PostgreSQL's default
            # max_connections of 100.
            engine = sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=70)
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except (ArgumentError, NoSuchModuleError, SQLAlchemyError, OSError) as error:
        raise StoreError(
            f"cannot open the database: {describe_error(error)}", where=_safe(url), code="R401"
        ) from None
    return engine


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as connection:
        connection.execution_options(reckon_write=True)
        with connection.begin():
            yield connection


def serialise(connection: Connection, name: str) -> None:
    """Make other writers doing ``name`` wait until this transaction ends.

    SQLite already does: a write transaction begins IMMEDIATE, holding the file's one
    write lock. PostgreSQL locks rows, not tables, so replacing a whole set of rows (the
    schema, the incidents) takes a transaction-scoped advisory lock.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEYS[name]})


def _alembic_config(connection: Connection | None = None) -> Config:
    # Absolute paths from the package itself: migrating must not depend on the current
    # directory, and the same files ship in the wheel (see pyproject's package-data).
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None, "the migrations directory has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None if it was never migrated."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (``alembic upgrade head``); a no-op at head.

    Runs in one write transaction, so two processes opening a fresh database at once do
    not both create the tables: on SQLite the second waits on BEGIN IMMEDIATE, on
    PostgreSQL on an advisory lock, then finds the schema at head.
    Raises StoreError R402 when the database is at a revision this code does not know
    (written by a newer Reckon), R401 when the migration itself fails.
    """
    try:
        with write(engine) as connection:
            serialise(connection, "migrate")
            command.upgrade(_alembic_config(connection), "head")
    except CommandError as error:
        raise StoreError(
            f"the database schema is not one this Reckon knows ({error})",
            where=_safe(str(engine.url)),
            code="R402",
        ) from None
    except SQLAlchemyError as error:
        raise StoreError(
            f"migrating the database failed: {describe_error(error)}",
            where=_safe(str(engine.url)),
            code="R401",
        ) from None


def describe_error(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
