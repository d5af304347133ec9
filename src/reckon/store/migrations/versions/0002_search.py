"""Full-text search over documents: FTS5 on SQLite, a tsvector table on PostgreSQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Both are kept current by triggers on ``documents`` (documents are written once and never
edited, so insert and delete are all there is), and filled from the documents already
stored. The objects are named in schema.SEARCH_OBJECTS, which the schema comparison skips:
SQLAlchemy cannot declare an FTS5 table, and its shadow tables are SQLite's business.

Tokens are language-neutral on both back ends (unicode61 folding diacritics; PostgreSQL's
'simple' configuration): the ledger holds reports in many languages, and an English
stemmer would mangle the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# PostgreSQL refuses a tsvector over 1 MB; a hostile 50 MB document must still be stored.
# The first 200,000 characters are searched (far more than any news report).
_PG_VECTOR = (
    "to_tsvector('simple', coalesce(NEW.title, '') || ' ' || coalesce(NEW.outlet, '') || ' ' "
    "|| coalesce(NEW.author, '') || ' ' || left(NEW.text, 200000))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE documents_search ("
            " document_id VARCHAR(16) PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
            " vector TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX documents_search_vector ON documents_search USING GIN (vector)")
        op.execute(
            "CREATE FUNCTION documents_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN INSERT INTO documents_search VALUES (NEW.id, {_PG_VECTOR}); RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER documents_search_insert AFTER INSERT ON documents "
            "FOR EACH ROW EXECUTE FUNCTION documents_search_insert()"
        )
        op.execute(
            "INSERT INTO documents_search SELECT id, "
            + _PG_VECTOR.replace("NEW.", "")
            + " FROM documents"
        )
        return
    # External content: the index stores no second copy of the text; rowid is documents'.
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, outlet, author, text,"
        " content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, outlet, author, text) "
        "VALUES (NEW.rowid, NEW.title, NEW.outlet, NEW.author, NEW.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, outlet, author, text) "
        "VALUES ('delete', OLD.rowid, OLD.title, OLD.outlet, OLD.author, OLD.text); END"
    )
    op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER documents_search_insert ON documents")
        op.execute("DROP FUNCTION documents_search_insert()")
        op.execute("DROP TABLE documents_search")
        return
    op.execute("DROP TRIGGER documents_fts_delete")
    op.execute("DROP TRIGGER documents_fts_insert")
    op.execute("DROP TABLE documents_fts")
