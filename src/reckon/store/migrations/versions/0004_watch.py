"""Following the web: watched feeds and sitemaps, and the pages found through them.

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-25

Two tables only `reckon watch` reads and writes; nothing else in the ledger refers to
them, so the upgrade and the downgrade touch no existing table.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watched_listings",
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("checked_at", sa.String(40), nullable=False),
        sa.Column("changed_at", sa.String(40)),
        sa.Column("error", sa.Text),
        sa.PrimaryKeyConstraint("url", name="pk_watched_listings"),
    )
    op.create_table(
        "watched_pages",
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("listing_url", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("first_seen_at", sa.String(40), nullable=False),
        sa.Column("fetched_at", sa.String(40), nullable=False),
        sa.Column("error", sa.Text),
        sa.CheckConstraint(
            "status IN ('stored', 'duplicate', 'retry', 'failed', 'refused')",
            name="ck_watched_pages_status",
        ),
        sa.PrimaryKeyConstraint("url", name="pk_watched_pages"),
    )
    op.create_index("ix_watched_pages_status", "watched_pages", ["status"])


def downgrade() -> None:
    op.drop_index("ix_watched_pages_status", table_name="watched_pages")
    op.drop_table("watched_pages")
    op.drop_table("watched_listings")
