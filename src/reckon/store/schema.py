"""The ledger's schema on one screen: SQLAlchemy Core tables, SQLite and PostgreSQL alike.

Conventions, chosen so the file stays readable in Datasette and identical on both back ends:
- a span is two integer columns ``<name>_start`` / ``<name>_end``, half-open over
  ``documents.text``; a missing span is two NULLs;
- timestamps are ISO 8601 text (``datetime.isoformat()``): SQLite has no timezone-aware
  type, and text keeps the offset exactly on both back ends;
- lists and mappings are JSON (text on SQLite, JSONB on PostgreSQL);
- machine findings are written once per document and never updated; editors' changes are
  rows of ``reviews`` (append-only, enforced by triggers in the migration).

This module is the *current* schema. The database gets it through the Alembic migrations
in ``migrations/versions``; ``tests/store/test_migrations.py`` checks the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

__all__ = ["EXPRESSION_INDEXES", "JSON", "SEARCH_OBJECTS", "VIEWS", "is_declared", "metadata"]

# none_as_null: a Python None is SQL NULL, not the JSON literal 'null'.
JSON = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

metadata = sa.MetaData(
    # Named constraints, so later migrations can drop or alter them on both back ends.
    naming_convention={
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    }
)


def _span(name: str) -> tuple[sa.Column, sa.Column]:
    return sa.Column(f"{name}_start", sa.Integer), sa.Column(f"{name}_end", sa.Integer)


def _place() -> tuple[sa.Column, ...]:
    """A Place flattened: ``place`` is its canonical name, NULL when the text names none."""
    return (
        sa.Column("place", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("place_admin1", sa.Text),
        sa.Column("place_kind", sa.Text),
        *_span("place"),
    )


def _document_fk() -> sa.Column:
    return sa.Column("document_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False)


raw_blobs = sa.Table(
    "raw_blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("bytes", sa.LargeBinary, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),  # Document.id: hash of the clean text
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("retrieved_at", sa.String(40)),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(10)),  # "2013-09-01", "2013-09" or "2013"
    sa.Column("tags", JSON, nullable=False),
    sa.Column("media_type", sa.Text, nullable=False),
    sa.Column("part", sa.Integer),
    sa.Column("raw_sha256", sa.String(64), sa.ForeignKey("raw_blobs.sha256")),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

reported_incidents = sa.Table(
    "reported_incidents",
    metadata,
    _document_fk(),
    sa.Column("idx", sa.Integer, nullable=False),  # position in DocumentFindings.incidents
    sa.Column("date", sa.String(10)),
    *_span("date"),
    *_place(),
    sa.Column("victims", JSON, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "idx"),
)


def _incident_fk() -> sa.ForeignKeyConstraint:
    """Links a finding to the reported incident it belongs to."""
    return sa.ForeignKeyConstraint(
        ["document_id", "incident_idx"],
        ["reported_incidents.document_id", "reported_incidents.idx"],
    )


counts = sa.Table(
    "counts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),  # order = text order
    _document_fk(),
    sa.Column("incident_idx", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("min", sa.Integer),  # NULL: no lower bound ("up to 770")
    sa.Column("max", sa.Integer),  # NULL: no upper bound ("at least 23")
    sa.Column("claimant", sa.Text, nullable=False),
    *_span("claimant"),
    *_span("span"),
    sa.Column("extractor", sa.Text, nullable=False),
    sa.Column("victims", sa.Text),
    sa.Column("quantity_text", sa.Text, nullable=False),
    _incident_fk(),
)

accusations = sa.Table(
    "accusations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("incident_idx", sa.Integer, nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("claimant", sa.Text, nullable=False),
    *_span("claimant"),
    *_span("span"),
    sa.Column("extractor", sa.Text, nullable=False),
    _incident_fk(),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("speaker", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    *_span("span"),
    sa.Column("extractor", sa.Text, nullable=False),
)

# Actors are global (one page per actor); which document names them, and with which
# aliases, is per document, so re-reading one document's findings gives back what it said.
actors = sa.Table("actors", metadata, sa.Column("name", sa.Text, primary_key=True))

document_actors = sa.Table(
    "document_actors",
    metadata,
    _document_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("actor", sa.Text, sa.ForeignKey("actors.name"), nullable=False),
    sa.PrimaryKeyConstraint("document_id", "idx"),
)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("actor", sa.Text, sa.ForeignKey("actors.name"), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    _document_fk(),
    sa.UniqueConstraint("actor", "alias", "document_id"),
)

inconsistencies = sa.Table(
    "inconsistencies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("spans", JSON, nullable=False),  # [[start, end], ...]
    sa.Column("extractor", sa.Text, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # stable across resolver runs
    sa.Column("date", sa.String(10)),
    *_place(),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

incident_reports = sa.Table(
    "incident_reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),  # order in Incident.reports
    sa.Column("incident_id", sa.Text, sa.ForeignKey("incidents.id"), nullable=False),
    _document_fk(),
    sa.Column("incident_idx", sa.Integer, nullable=False),
    sa.Column("published", sa.String(10)),
    sa.Column("independence_group", sa.Text, nullable=False),
    sa.UniqueConstraint("incident_id", "document_id", "incident_idx"),
    _incident_fk(),
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.Text, sa.ForeignKey("incidents.id"), nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("sides", JSON, nullable=False),  # [[value, [claimant, ...]], ...]
)

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("target_table", sa.Text, nullable=False),  # "counts", "accusations", ...
    sa.Column("target_id", sa.Text, nullable=False),
    sa.Column("action", sa.String(8), nullable=False),
    sa.Column("before", JSON),  # the machine's value, kept verbatim
    sa.Column("after", JSON),  # the editor's value; NULL for accept/reject
    sa.Column("editor", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("note", sa.Text),  # the editor's reason, shown in the audit log
    sa.CheckConstraint(
        "action IN ('accept', 'reject', 'correct', 'merge', 'split', 'alias')", name="action"
    ),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False, server_default="editor"),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# Sign-in sessions: only a hash of the cookie's token is stored, so a copy of the database
# does not hand out live sessions. csrf_token is the session's synchronizer token.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("csrf_token", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
)

# Every sign-in attempt, for rate limiting per account and per client address.
login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("account", sa.Text, nullable=False),
    sa.Column("client", sa.Text, nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
)

# Following the web (`reckon watch`): what each watched feed or sitemap answered last time
# (its validators, for conditional requests), and every page address ever found through
# one, so each page is fetched once. ``listing_url`` is deliberately not a foreign key: a
# page is recorded as soon as it is read, before its listing's new validators are saved.
watched_listings = sa.Table(
    "watched_listings",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("kind", sa.String(16)),  # feed, sitemap, sitemap-index; NULL until first read
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.String(40), nullable=False),
    sa.Column("changed_at", sa.String(40)),  # last 200 answer that was read
    sa.Column("error", sa.Text),  # the last check's error line, NULL when it went well
)

watched_pages = sa.Table(
    "watched_pages",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("listing_url", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),  # documents the page gave
    sa.Column("first_seen_at", sa.String(40), nullable=False),
    sa.Column("fetched_at", sa.String(40), nullable=False),
    sa.Column("error", sa.Text),
    # retry: a transient failure, fetched again in a later round; failed: given up on.
    sa.CheckConstraint("status IN ('stored', 'duplicate', 'retry', 'failed', 'refused')", name="status"),
)

sa.Index("ix_counts_incident", counts.c.document_id, counts.c.incident_idx)
sa.Index("ix_accusations_incident", accusations.c.document_id, accusations.c.incident_idx)
sa.Index(
    "ix_incident_reports_document", incident_reports.c.document_id, incident_reports.c.incident_idx
)
# Indexes on expressions, created by migrations only: SQLAlchemy cannot reflect them from
# SQLite, so they are not declared here and comparisons skip them (``is_declared``);
# tests/store/test_migrations.py checks they exist and the planner uses them.
# ix_incidents_place_lower (migration 0005): lower(incidents.place), for search.
EXPRESSION_INDEXES = ("ix_incidents_place_lower",)
sa.Index("ix_actor_aliases_alias", actor_aliases.c.alias)  # migration 0006: the incident page's alias look-ups
sa.Index("ix_reviews_target", reviews.c.target_table, reviews.c.target_id)
sa.Index("ix_login_attempts_at", login_attempts.c.at)
sa.Index("ix_sessions_user", sessions.c.user_id)
sa.Index("ix_watched_pages_status", watched_pages.c.status)

# Views, as plain SQL that SQLite and PostgreSQL both accept (substr is 1-based, hence +1).
# They are created by the migrations; they live here so the schema stays on one screen.
VIEWS: dict[str, str] = {
    # Every count with its document and the exact words that state it.
    "claims": """
        SELECT counts.id AS count_id, counts.document_id, counts.incident_idx, counts.kind,
               counts.min, counts.max, counts.claimant, counts.span_start, counts.span_end,
               counts.extractor, documents.outlet, documents.published,
               documents.name AS document_name,
               substr(documents.text, counts.span_start + 1,
                      counts.span_end - counts.span_start) AS evidence
        FROM counts JOIN documents ON documents.id = counts.document_id
    """,
    # One row per incident. The killed range is the spread of figures claimed (IBC style):
    # a one-sided bound ("at least 23", "up to 770") counts as its one figure.
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

# Full-text search objects (migration 0002): an FTS5 table and its shadow tables on SQLite,
# a tsvector table on PostgreSQL. SQLAlchemy cannot declare them, so comparisons of the
# database with this module skip them (``is_declared``).
SEARCH_OBJECTS = ("documents_fts", "documents_search")


def is_declared(name: str | None, type_: str, _parents: object = None) -> bool:
    """Alembic ``include_name`` hook: False for the search objects this module cannot declare
    and for the indexes on expressions SQLAlchemy cannot reflect from SQLite."""
    if type_ == "index":
        return name not in EXPRESSION_INDEXES
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_OBJECTS))
