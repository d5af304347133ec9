"""Migrations: head on open, equal to schema.py, idempotent, refuse unknown revisions."""

from __future__ import annotations

import warnings

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from reckon.errors import StoreError
from reckon.store import Ledger, current_revision, head_revision, migrate, open_engine, schema
from reckon.store.engine import _alembic_config


@pytest.fixture
def engine(ledger_url: str):
    engine = open_engine(ledger_url)
    yield engine
    engine.dispose()


def test_ledger_open_migrates_to_head(ledger_url: str) -> None:
    with Ledger(ledger_url) as ledger:
        assert current_revision(ledger.engine) == head_revision()


def test_migrated_schema_equals_schema_module(engine: sa.Engine) -> None:
    migrate(engine)
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite's reflection skips indexes on expressions, with a warning; is_declared
        # leaves them out of the comparison (see the test below).
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": schema.is_declared}
        )
        assert compare_metadata(context, schema.metadata) == []


def test_search_finds_incidents_by_place_through_the_index(engine: sa.Engine) -> None:
    """The place side of search's incident lookup (queries._matching_incidents) is answered
    from ix_incidents_place_lower, not by reading every incident."""
    migrate(engine)
    with engine.connect() as connection:
        indexes = {
            name for (name,) in connection.execute(sa.text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'incidents'"
                if connection.dialect.name == "postgresql"
                else "SELECT name FROM sqlite_master WHERE tbl_name = 'incidents'"))
        }
        assert set(schema.EXPRESSION_INDEXES) <= indexes
        if connection.dialect.name == "sqlite":
            plan = " ".join(row[-1] for row in connection.execute(sa.text(
                "EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE lower(place) = 'x'"
                " OR id IN (SELECT incident_id FROM incident_reports WHERE document_id = 'y')")))
            assert "ix_incidents_place_lower" in plan and "SCAN incidents" not in plan


@pytest.mark.parametrize("view", sorted(schema.VIEWS))
def test_migrated_views_equal_schema_views(engine: sa.Engine, view: str) -> None:
    migrate(engine)
    with engine.connect() as connection:
        migrated = connection.execute(sa.text(f"SELECT * FROM {view} LIMIT 0")).keys()
        declared = connection.execute(
            sa.text(f"SELECT * FROM ({schema.VIEWS[view]}) AS v LIMIT 0")
        ).keys()
    assert list(migrated) == list(declared)


def test_migrate_twice_is_a_no_op(engine: sa.Engine) -> None:
    migrate(engine)
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_migrate_does_not_depend_on_the_working_directory(
    engine: sa.Engine,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(tmp_path)
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_downgrade_to_base_then_upgrade_again(engine: sa.Engine) -> None:
    migrate(engine)
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "base")
    assert not set(schema.metadata.tables) & set(sa.inspect(engine).get_table_names())
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_unknown_revision_raises_r402(ledger_url: str, engine: sa.Engine) -> None:
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError) as raised:
        Ledger(ledger_url)
    assert raised.value.code == "R402"
