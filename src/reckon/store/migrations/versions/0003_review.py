"""Review: sign-in sessions, login attempts, and reviews that also merge, split and alias.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

``reviews`` is the audit log of every editorial change; this revision widens its
``action`` vocabulary (merge, split, alias besides accept, reject, correct) and gives it a
``note`` (the editor's reason). SQLite cannot alter a CHECK constraint, so there the table
is rebuilt (rows copied verbatim) and its append-only triggers created again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

OLD_ACTIONS = "action IN ('accept', 'reject', 'correct')"
NEW_ACTIONS = "action IN ('accept', 'reject', 'correct', 'merge', 'split', 'alias')"
COLUMNS = "id, target_table, target_id, action, before, after, editor, at"


def _reviews_table(name: str, check: str, *, note: bool) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("target_table", sa.Text, nullable=False),
        sa.Column("target_id", sa.Text, nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("before", JSON),
        sa.Column("after", JSON),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        *([sa.Column("note", sa.Text)] if note else []),
        sa.CheckConstraint(check, name="ck_reviews_action"),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )


def _sqlite_rebuild_reviews(check: str, *, note: bool) -> None:
    # DROP TABLE fires no DELETE trigger; the triggers go with the old table.
    op.execute("DROP INDEX ix_reviews_target")
    op.execute("ALTER TABLE reviews RENAME TO reviews_old")
    _reviews_table("reviews", check, note=note)
    op.execute(f"INSERT INTO reviews ({COLUMNS}) SELECT {COLUMNS} FROM reviews_old")
    op.execute("DROP TABLE reviews_old")
    op.create_index("ix_reviews_target", "reviews", ["target_table", "target_id"])
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER reviews_append_only_{event.lower()} BEFORE {event} ON reviews "
            "BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END"
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("ck_reviews_action", "reviews", type_="check")
        op.create_check_constraint("ck_reviews_action", "reviews", NEW_ACTIONS)
        op.add_column("reviews", sa.Column("note", sa.Text))
    else:
        _sqlite_rebuild_reviews(NEW_ACTIONS, note=True)
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", name="fk_sessions_user_id"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_sessions"),
    )
    op.create_index("ix_sessions_user", "sessions", ["user_id"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("account", sa.Text, nullable=False),
        sa.Column("client", sa.Text, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    op.create_index("ix_login_attempts_at", "login_attempts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_attempts_at", "login_attempts")
    op.drop_table("login_attempts")
    op.drop_index("ix_sessions_user", "sessions")
    op.drop_table("sessions")
    # Reviews of the new kinds have no place in the old vocabulary. The log is
    # append-only, so refuse rather than drop them.
    bind = op.get_bind()
    newer = bind.execute(
        sa.text("SELECT COUNT(*) FROM reviews WHERE action IN ('merge', 'split', 'alias')")
    ).scalar_one()
    if newer:
        raise RuntimeError(
            f"{newer} merge/split/alias reviews would be lost by this downgrade; refusing"
        )
    if bind.dialect.name == "postgresql":
        op.drop_column("reviews", "note")
        op.drop_constraint("ck_reviews_action", "reviews", type_="check")
        op.create_check_constraint("ck_reviews_action", "reviews", OLD_ACTIONS)
    else:
        _sqlite_rebuild_reviews(OLD_ACTIONS, note=False)
