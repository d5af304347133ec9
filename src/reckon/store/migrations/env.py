"""Alembic environment for the ledger.

Two ways in: reckon.store.migrate() hands over an open connection (in
``config.attributes["connection"]``, already inside its write transaction), and the
``alembic`` command line, which opens the database named by ``-x db=URL``, RECKON_DB or
the ini's sqlalchemy.url through the same open_engine() the Ledger uses.
"""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context

from reckon.store.schema import is_declared, metadata

config = context.config


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=is_declared,
        # SQLite's DDL is transactional once BEGIN is ours (see engine.py), so a failed
        # migration leaves the schema as it was on both back ends.
        transactional_ddl=True,
    )


def run_with_connection(connection) -> None:  # type: ignore[no-untyped-def]
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


def run_from_command_line() -> None:
    from reckon.store.engine import open_engine

    # Only the command line configures logging: called from Python, we leave the
    # application's (and pytest's) logging alone.
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("RECKON_DB")
    engine = open_engine(url or config.get_main_option("sqlalchemy.url") or "reckon.db")
    try:
        with engine.connect() as connection:
            run_with_connection(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")

if "connection" in config.attributes:
    run_with_connection(config.attributes["connection"])
else:
    run_from_command_line()
