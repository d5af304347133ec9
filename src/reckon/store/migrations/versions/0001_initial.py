"""The first schema: documents, findings, incidents, reviews, users, and two views.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

A migration is a snapshot: it spells out its own tables and never imports schema.py,
which keeps changing. tests/store/test_migrations.py checks that head equals schema.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def _span(name: str) -> list[sa.Column]:
    return [sa.Column(f"{name}_start", sa.Integer), sa.Column(f"{name}_end", sa.Integer)]


def _place() -> list[sa.Column]:
    return [
        sa.Column("place", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("place_admin1", sa.Text),
        sa.Column("place_kind", sa.Text),
        *_span("place"),
    ]


def _document_id(table: str) -> sa.Column:
    return sa.Column(
        "document_id",
        sa.String(16),
        sa.ForeignKey("documents.id", name=f"fk_{table}_document_id"),
        nullable=False,
    )


def _incident_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["document_id", "incident_idx"],
        ["reported_incidents.document_id", "reported_incidents.idx"],
        name=f"fk_{table}_document_id_incident_idx",
    )


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


VIEWS = {
    "claims": """
        SELECT counts.id AS count_id, counts.document_id, counts.incident_idx, counts.kind,
               counts.min, counts.max, counts.claimant, counts.span_start, counts.span_end,
               counts.extractor, documents.outlet, documents.published,
               documents.name AS document_name,
               substr(documents.text, counts.span_start + 1,
                      counts.span_end - counts.span_start) AS evidence
        FROM counts JOIN documents ON documents.id = counts.document_id
    """,
    "incident_summary": """
        SELECT incidents.id, incidents.date, incidents.place, incidents.country,
               MIN(COALESCE(counts.min, counts.max)) AS killed_min,
               MAX(COALESCE(counts.max, counts.min)) AS killed_max,
               COUNT(counts.id) AS killed_claims,
               COUNT(DISTINCT incident_reports.document_id) AS document_count
        FROM incidents
        LEFT JOIN incident_reports ON incident_reports.incident_id = incidents.id
        LEFT JOIN counts ON counts.document_id = incident_reports.document_id
                        AND counts.incident_idx = incident_reports.incident_idx
                        AND counts.kind = 'killed'
        GROUP BY incidents.id, incidents.date, incidents.place, incidents.country
    """,
}


def upgrade() -> None:
    op.create_table(
        "raw_blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("bytes", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_raw_blobs"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("retrieved_at", sa.String(40)),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("tags", JSON, nullable=False),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("part", sa.Integer),
        sa.Column(
            "raw_sha256",
            sa.String(64),
            sa.ForeignKey("raw_blobs.sha256", name="fk_documents_raw_sha256"),
        ),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_table(
        "reported_incidents",
        _document_id("reported_incidents"),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("date", sa.String(10)),
        *_span("date"),
        *_place(),
        sa.Column("victims", JSON, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "idx", name="pk_reported_incidents"),
    )
    op.create_table(
        "counts",
        _id(),
        _document_id("counts"),
        sa.Column("incident_idx", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("min", sa.Integer),
        sa.Column("max", sa.Integer),
        sa.Column("claimant", sa.Text, nullable=False),
        *_span("claimant"),
        *_span("span"),
        sa.Column("extractor", sa.Text, nullable=False),
        sa.Column("victims", sa.Text),
        sa.Column("quantity_text", sa.Text, nullable=False),
        _incident_fk("counts"),
        sa.PrimaryKeyConstraint("id", name="pk_counts"),
    )
    op.create_table(
        "accusations",
        _id(),
        _document_id("accusations"),
        sa.Column("incident_idx", sa.Integer, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("claimant", sa.Text, nullable=False),
        *_span("claimant"),
        *_span("span"),
        sa.Column("extractor", sa.Text, nullable=False),
        _incident_fk("accusations"),
        sa.PrimaryKeyConstraint("id", name="pk_accusations"),
    )
    op.create_table(
        "quotes",
        _id(),
        _document_id("quotes"),
        sa.Column("speaker", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        *_span("span"),
        sa.Column("extractor", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
    )
    op.create_table(
        "actors",
        sa.Column("name", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_actors"),
    )
    op.create_table(
        "document_actors",
        _document_id("document_actors"),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column(
            "actor",
            sa.Text,
            sa.ForeignKey("actors.name", name="fk_document_actors_actor"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("document_id", "idx", name="pk_document_actors"),
    )
    op.create_table(
        "actor_aliases",
        _id(),
        sa.Column(
            "actor",
            sa.Text,
            sa.ForeignKey("actors.name", name="fk_actor_aliases_actor"),
            nullable=False,
        ),
        sa.Column("alias", sa.Text, nullable=False),
        _document_id("actor_aliases"),
        sa.PrimaryKeyConstraint("id", name="pk_actor_aliases"),
        sa.UniqueConstraint(
            "actor", "alias", "document_id", name="uq_actor_aliases_actor_alias_document_id"
        ),
    )
    op.create_table(
        "inconsistencies",
        _id(),
        _document_id("inconsistencies"),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("spans", JSON, nullable=False),
        sa.Column("extractor", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inconsistencies"),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        *_place(),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_table(
        "incident_reports",
        _id(),
        sa.Column(
            "incident_id",
            sa.Text,
            sa.ForeignKey("incidents.id", name="fk_incident_reports_incident_id"),
            nullable=False,
        ),
        _document_id("incident_reports"),
        sa.Column("incident_idx", sa.Integer, nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("independence_group", sa.Text, nullable=False),
        _incident_fk("incident_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_incident_reports"),
        sa.UniqueConstraint(
            "incident_id",
            "document_id",
            "incident_idx",
            name="uq_incident_reports_incident_id_document_id_incident_idx",
        ),
    )
    op.create_table(
        "conflicts",
        _id(),
        sa.Column(
            "incident_id",
            sa.Text,
            sa.ForeignKey("incidents.id", name="fk_conflicts_incident_id"),
            nullable=False,
        ),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("sides", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conflicts"),
    )
    op.create_table(
        "reviews",
        _id(),
        sa.Column("target_table", sa.Text, nullable=False),
        sa.Column("target_id", sa.Text, nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("before", JSON),
        sa.Column("after", JSON),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.CheckConstraint("action IN ('accept', 'reject', 'correct')", name="ck_reviews_action"),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_table(
        "users",
        _id(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="editor"),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_index("ix_counts_incident", "counts", ["document_id", "incident_idx"])
    op.create_index("ix_accusations_incident", "accusations", ["document_id", "incident_idx"])
    op.create_index(
        "ix_incident_reports_document", "incident_reports", ["document_id", "incident_idx"]
    )
    op.create_index("ix_reviews_target", "reviews", ["target_table", "target_id"])

    for name, select in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {select}")
    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
    # Reviews are the audit trail: a correction is a new row, never an edit of an old one.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'reviews are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews "
            "FOR EACH ROW EXECUTE FUNCTION reviews_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER reviews_append_only_{event.lower()} BEFORE {event} ON reviews "
                "BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER reviews_append_only ON reviews")
        op.execute("DROP FUNCTION reviews_append_only()")
    else:
        op.execute("DROP TRIGGER reviews_append_only_update")
        op.execute("DROP TRIGGER reviews_append_only_delete")
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    for table in (
        "users",
        "reviews",
        "conflicts",
        "incident_reports",
        "incidents",
        "inconsistencies",
        "actor_aliases",
        "document_actors",
        "actors",
        "quotes",
        "accusations",
        "counts",
        "reported_incidents",
        "documents",
        "raw_blobs",
    ):
        op.drop_table(table)
