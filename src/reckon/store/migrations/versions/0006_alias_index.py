"""An index on actor aliases by alias, for the incident page.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

The incident page canonicalises its names with the aliases any document of the ledger
defined for them (``queries.actors_named``), looking each name up as an alias as well as
an actor. The (actor, alias, document) unique index answers the first; this one answers
the second without scanning every alias of a large ledger.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_actor_aliases_alias", "actor_aliases", ["alias"])


def downgrade() -> None:
    op.drop_index("ix_actor_aliases_alias", table_name="actor_aliases")
